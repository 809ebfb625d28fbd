/**
 * The task pane: a header with the language switch, the preview banner outside Excel, and the panels
 * as tabs (Reports, Mapping, Analyze, Settings, SKU explorer, History, What-if; Debug with ?debug=true). The workbook
 * scan and the latest analysis live here, so switching tabs keeps them.
 */
import { Button, FluentProvider, makeStyles, MessageBar, MessageBarBody, Tab, TabList, Text, tokens, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AnalyzeResult, ReportsScan, Session } from '../../app/session';
import type { Lang } from '../i18n';
import { AnalyzePanel } from './AnalyzePanel';
import { makePane, PaneProvider } from './context';
import { DebugPanel } from './DebugPanel';
import { ExplorerPanel } from './ExplorerPanel';
import { HistoryPanel } from './HistoryPanel';
import { MappingPanel } from './MappingPanel';
import { ReportsPanel } from './ReportsPanel';
import { SettingsPanel } from './SettingsPanel';
import { WhatIfPanel } from './WhatIfPanel';

export type PanelId = 'reports' | 'mapping' | 'analyze' | 'settings' | 'explorer' | 'history' | 'whatif' | 'debug';

export interface AppProps {
  readonly session: Session;
  /** Office's host ("Excel"), or null in the browser preview. */
  readonly host: string | null;
  readonly initialLang: Lang;
  readonly debug: boolean;
  /** Remembers the user's language choice (localStorage in the page). */
  readonly onLanguage?: (lang: Lang) => void;
  readonly initialPanel?: PanelId;
}

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  tagline: { display: 'block', color: tokens.colorNeutralForegroundOnBrand, opacity: 0.9 },
  tabs: { backgroundColor: tokens.colorNeutralBackground1, paddingInline: tokens.spacingHorizontalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tabList: { flexWrap: 'wrap' },
  body: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, flexGrow: 1 },
  status: { paddingInline: tokens.spacingHorizontalL, paddingTop: tokens.spacingVerticalS },
});

/**
 * The language and the Fluent provider of its direction. The page inside it makes its styles under that
 * provider, so they are made for the pane's direction (right to left in Arabic).
 */
export function App(props: AppProps) {
  const [lang, setLang] = useState<Lang>(props.initialLang);
  return (
    <FluentProvider theme={webLightTheme} dir={lang === 'ar' ? 'rtl' : 'ltr'} lang={lang}>
      <Page {...props} lang={lang} setLang={setLang} />
    </FluentProvider>
  );
}

function Page({ session, host, debug, onLanguage, initialPanel, lang, setLang }: AppProps & { readonly lang: Lang; readonly setLang: (lang: Lang) => void }) {
  const styles = useStyles();
  const [panel, setPanel] = useState<PanelId>(initialPanel ?? 'reports');
  // History is mounted when first opened (it reads nothing before, and its tables need not be built).
  const [historyOpened, setHistoryOpened] = useState(panel === 'history');
  if (panel === 'history' && !historyOpened) setHistoryOpened(true);
  const [scan, setScan] = useState<ReportsScan | null>(null);
  const [analysis, setAnalysis] = useState<AnalyzeResult | null>(null);
  // Counts the snapshots saved in this pane: the History tab reads the dates again when it changes.
  const [snapshotsSaved, setSnapshotsSaved] = useState(0);
  const pane = useMemo(() => makePane(lang, session, debug), [lang, session, debug]);
  const { t } = pane;
  const dir = lang === 'ar' ? 'rtl' : 'ltr';

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dir;
    document.title = t('product');
  }, [lang, dir, t]);

  const switchLanguage = useCallback(() => {
    const next: Lang = lang === 'ar' ? 'en' : 'ar';
    setLang(next);
    onLanguage?.(next);
  }, [lang, onLanguage, setLang]);

  const onAnalyzed = useCallback((result: AnalyzeResult) => {
    setAnalysis(result);
    setScan((s) => (s ? { ...s, lastRun: result.at.toISOString() } : s));
  }, []);

  const onSnapshot = useCallback(() => setSnapshotsSaved((n) => n + 1), []);

  const wrongHost = host !== null && host !== 'Excel';

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div>
          <h1 className={styles.title}>{t('product')}</h1>
          <Text size={200} className={styles.tagline}>
            {t('tagline')}
          </Text>
        </div>
        <Button appearance="secondary" size="small" onClick={switchLanguage} aria-label={t('switchLanguageLabel')} lang={lang === 'ar' ? 'en' : 'ar'}>
          {t('switchLanguage')}
        </Button>
      </header>
      <PaneProvider value={pane}>
        <div className={styles.status} role="status" data-status={session.connected ? 'connected' : 'preview'}>
          {session.connected ? (
            <Text size={200}>{t('connected')}</Text>
          ) : (
            <MessageBar intent="warning">
              <MessageBarBody>{wrongHost ? t('otherHost', { host: String(host) }) : t('previewBanner')}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        <nav className={styles.tabs}>
          <TabList className={styles.tabList} selectedValue={panel} onTabSelect={(_, d) => setPanel(d.value as PanelId)} aria-label={t('tabsLabel')} size="small">
            <Tab value="reports">{t('tabReports')}</Tab>
            <Tab value="mapping">{t('tabMapping')}</Tab>
            <Tab value="analyze">{t('tabAnalyze')}</Tab>
            <Tab value="settings">{t('tabSettings')}</Tab>
            <Tab value="explorer">{t('tabExplorer')}</Tab>
            <Tab value="history">{t('tabHistory')}</Tab>
            <Tab value="whatif">{t('tabWhatIf')}</Tab>
            {debug && <Tab value="debug">{t('tabDebug')}</Tab>}
          </TabList>
        </nav>
        {/* Every panel stays mounted (hidden when not selected): a running Analyze, a half-filled form or a search survive a tab switch. History mounts when first opened. */}
        <main className={styles.body}>
          {PANELS.filter((id) => id !== 'debug' || debug).map((id) => (
            <div key={id} role="tabpanel" aria-label={t(TAB_LABEL[id])} hidden={panel !== id} id={`panel-${id}`}>
              {id === 'reports' && <ReportsPanel scan={scan} onScan={setScan} />}
              {id === 'mapping' && <MappingPanel scan={scan} onScan={setScan} />}
              {id === 'analyze' && <AnalyzePanel result={analysis} lastRun={scan?.lastRun ?? null} onAnalyzed={onAnalyzed} onSnapshot={onSnapshot} />}
              {id === 'settings' && <SettingsPanel />}
              {id === 'explorer' && <ExplorerPanel analyzedAt={analysis?.at ?? null} />}
              {id === 'history' && historyOpened && <HistoryPanel active={panel === 'history'} version={snapshotsSaved} />}
              {id === 'whatif' && <WhatIfPanel analyzedAt={analysis?.at ?? null} />}
              {id === 'debug' && <DebugPanel scan={scan} analysis={analysis} onScan={setScan} />}
            </div>
          ))}
        </main>
      </PaneProvider>
    </div>
  );
}

const PANELS: readonly PanelId[] = ['reports', 'mapping', 'analyze', 'settings', 'explorer', 'history', 'whatif', 'debug'];

const TAB_LABEL = {
  reports: 'tabReports',
  mapping: 'tabMapping',
  analyze: 'tabAnalyze',
  settings: 'tabSettings',
  explorer: 'tabExplorer',
  history: 'tabHistory',
  whatif: 'tabWhatIf',
  debug: 'tabDebug',
} as const;
