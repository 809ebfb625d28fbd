/**
 * Analyze: runs the analysis with a progress bar by stage and a Cancel button, then shows the KPI
 * cards, the trends, Save snapshot (the analysis joins the workbook's history), the most urgent
 * actions (each a link that selects its row in the Urgent Actions sheet) and when it last ran.
 */
import {
  Button,
  Card,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { AnalyzeProgress, AnalyzeResult, AnalyzeStep, DocumentsDownload, SnapshotSaved } from '../../app/session';
import { type DocumentKind } from '../../engine';
import type { SheetLink } from '../../app/explorer';
import { formatWhen, type StringKey } from '../i18n';
import { channelIdOf, ErrorBar, KEEP_LTR, useOperation, usePane } from './context';

const STEP_TEXT: Record<AnalyzeStep, StringKey> = {
  read: 'stepRead',
  import: 'stepImport',
  classes: 'stepClasses',
  metrics: 'stepMetrics',
  recommendations: 'stepRecommendations',
  sheets: 'stepSheets',
  write: 'stepWrite',
};

const PRIORITY_COLOUR: Record<string, string> = {
  CRITICAL: tokens.colorPaletteRedBackground3,
  HIGH: tokens.colorPaletteDarkOrangeBackground3,
  MEDIUM: tokens.colorPaletteYellowBackground3,
  LOW: tokens.colorPaletteGreenBackground3,
};

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  kpis: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: tokens.spacingHorizontalS, margin: 0, padding: 0, listStyleType: 'none' },
  kpi: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalXXS },
  kpiValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, direction: KEEP_LTR, unicodeBidi: 'isolate' },
  urgent: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  item: { padding: tokens.spacingHorizontalM, borderInlineStartWidth: '4px', borderInlineStartStyle: 'solid' },
  itemHead: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', flexWrap: 'wrap' },
  priority: { fontWeight: tokens.fontWeightBold, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
  h: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  snapshot: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalS },
  snapshotRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  snapshotButton: { flexShrink: 0 },
  trends: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: tokens.spacingHorizontalS, margin: 0, padding: 0, listStyleType: 'none' },
  trend: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, gap: tokens.spacingVerticalXXS, borderInlineStartWidth: '4px', borderInlineStartStyle: 'solid' },
  trendValue: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, direction: KEEP_LTR, unicodeBidi: 'isolate' },
});

const TREND_COLOUR = {
  growth: tokens.colorPaletteGreenBorderActive,
  stable: tokens.colorNeutralStroke1,
  decline: tokens.colorPaletteDarkOrangeBorderActive,
} as const;

export interface AnalyzePanelProps {
  readonly result: AnalyzeResult | null;
  readonly lastRun: string | null;
  readonly onAnalyzed: (result: AnalyzeResult) => void;
  /** A snapshot was saved (the History tab reads the dates again). */
  readonly onSnapshot?: (saved: SnapshotSaved) => void;
}

export function AnalyzePanel({ result, lastRun, onAnalyzed, onSnapshot }: AnalyzePanelProps) {
  const styles = useStyles();
  const { t, lang, session, money, num, pct, ltr, channelName } = usePane();
  const { busy, error, run } = useOperation();
  const saving = useOperation();
  // What Save snapshot did, for the analysis it saved (a new analysis hides it).
  const [saved, setSaved] = useState<{ readonly of: AnalyzeResult; readonly snapshot: SnapshotSaved } | null>(null);
  const [progress, setProgress] = useState<AnalyzeProgress | null>(null);
  const [selected, setSelected] = useState<SheetLink | null>(null);
  const controller = useRef<AbortController | null>(null);

  // The panels stay mounted while the user switches tabs, so a run only stops here when the pane closes.
  useEffect(() => () => controller.current?.abort(), []);

  const start = () => {
    const abort = new AbortController();
    controller.current = abort;
    setSelected(null);
    setProgress({ step: 'read', fraction: 0 });
    void run(async () => {
      const out = await session.analyze({ signal: abort.signal, onProgress: setProgress });
      onAnalyzed(out);
    }).finally(() => {
      controller.current = null;
      setProgress(null);
    });
  };

  const save = () => {
    const of = result;
    if (!of) return;
    void saving.run(async () => {
      const snapshot = await session.saveSnapshot();
      setSaved({ of, snapshot });
      onSnapshot?.(snapshot);
    });
  };

  const savedText = (snapshot: SnapshotSaved) => {
    const count = snapshot.dates.length;
    const text = t(snapshot.replaced ? 'snapshotReplaced' : 'snapshotSaved', {
      date: ltr(snapshot.date),
      positions: snapshot.positions,
      snapshots: count === 1 ? t('snapshotsInWorkbookOne') : t('snapshotsInWorkbook', { count }),
    });
    return count > 1 ? `${text} ${t('snapshotSeeHistory')}` : text;
  };

  const show = (link: SheetLink) =>
    void run(async () => {
      await session.select(link);
      setSelected(link);
    });

  const last = result ? result.at : lastRun ? new Date(lastRun) : null;
  const when = last && !Number.isNaN(last.getTime()) ? formatWhen(last, lang) : lastRun;
  const k = result?.kpis;
  const running = busy && progress !== null;

  return (
    <section className={styles.box} aria-label={t('tabAnalyze')}>
      <Text as="p" block>
        {t('analyzeIntro')}
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || saving.busy} onClick={start}>
          {t('analyze')}
        </Button>
        {running && <Button onClick={() => controller.current?.abort()}>{t('cancel')}</Button>}
      </div>
      {running && progress && (
        <Field label={t('progressLabel')} validationMessage={t(STEP_TEXT[progress.step], { sheet: progress.sheet ?? '' })} validationState="none">
          <ProgressBar value={progress.fraction} max={1} thickness="large" aria-valuetext={t(STEP_TEXT[progress.step], { sheet: progress.sheet ?? '' })} />
        </Field>
      )}
      <Text size={200} className={styles.muted} role="status">
        {when ? t('lastRun', { when }) : t('neverRun')}
      </Text>
      {error && (
        <MessageBar intent={error === t('cancelled') ? 'info' : 'error'} role="alert">
          <MessageBarBody>
            {error !== t('cancelled') && <MessageBarTitle>{t('errorPrefix')}</MessageBarTitle>}
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && k && (
        <>
          <MessageBar intent="success">
            <MessageBarBody>{t('done', { positions: result.positions, sheets: result.sheets.length, issues: result.issues })}</MessageBarBody>
          </MessageBar>
          <h2 className={styles.h}>{t('kpiCards')}</h2>
          <ul className={styles.kpis} aria-label={t('kpiCards')}>
            <Kpi label={t('kpiStockValue')} value={money(k.stockValue, k.currency)} />
            <Kpi label={t('kpiAtRisk')} value={money(k.atRiskValue, k.currency)} />
            <Kpi label={t('kpiLostRevenue')} value={money(k.lostRevenue, k.currency)} />
            <Kpi label={t('kpiGmroi')} value={num(k.gmroi, 2)} />
            <Kpi label={t('kpiSellThrough')} value={pct(k.sellThrough)} />
          </ul>
          <Text size={200} className={styles.muted}>
            {t('kpiPositions', { positions: k.positions, masters: k.masterSkus, atRisk: k.atRisk })}
          </Text>
          <Trends result={result} />
          <Card className={styles.snapshot} appearance="filled-alternative">
            <div className={styles.snapshotRow}>
              <Button
                className={styles.snapshotButton}
                disabled={busy || saving.busy}
                onClick={save}
                icon={saving.busy ? <Spinner size="tiny" /> : undefined}
                aria-describedby="snapshot-hint"
              >
                {saving.busy ? t('savingSnapshot') : t('saveSnapshot')}
              </Button>
              <Text size={200} id="snapshot-hint">
                {t('snapshotHint')}
              </Text>
            </div>
            {saving.error && <ErrorBar text={saving.error} />}
            {saved && saved.of === result && !saving.busy && (
              <MessageBar intent="success" role="status">
                <MessageBarBody>{savedText(saved.snapshot)}</MessageBarBody>
              </MessageBar>
            )}
          </Card>
          <Documents busy={busy || saving.busy} />
          <h2 className={styles.h}>{t('topUrgent')}</h2>
          {result.urgent.length === 0 ? (
            <Text>{t('noUrgent')}</Text>
          ) : (
            <>
              <Text size={200} className={styles.muted}>
                {t('urgentCount', { shown: result.urgent.length, total: result.urgentTotal })}
              </Text>
              <ol className={styles.urgent} aria-label={t('topUrgent')}>
                {result.urgent.map((u) => (
                  <li key={`${u.masterSku}|${u.channel}`}>
                    <Card className={styles.item} style={{ borderInlineStartColor: PRIORITY_COLOUR[u.priority] }}>
                      <div className={styles.itemHead}>
                        <span className={styles.priority}>{t(`priority${u.priority}` as StringKey)}</span>
                        <Text weight="semibold" dir="auto">
                          {u.masterSku}
                        </Text>
                        <Text size={200}>{channelName(channelIdOf(u.channel))}</Text>
                        {u.moneyAtStake !== null && <Text size={200}>{money(u.moneyAtStake, k.currency)}</Text>}
                      </div>
                      {u.title && (
                        <Text size={200} className={styles.muted} dir="auto" truncate wrap={false}>
                          {u.title}
                        </Text>
                      )}
                      <Text size={200} dir="auto">
                        {u.issue}. {u.action}
                      </Text>
                      {u.link && (
                        <Link as="button" onClick={() => show(u.link as SheetLink)} aria-label={t('showRowFor', { sku: u.masterSku, channel: channelName(channelIdOf(u.channel)), row: u.link.row, sheet: u.link.sheet })}>
                          {t('showRow', { row: u.link.row, sheet: u.link.sheet })}
                        </Link>
                      )}
                    </Card>
                  </li>
                ))}
              </ol>
            </>
          )}
          {selected && (
            <Text role="status" size={200}>
              {t('selected', { row: selected.row, sheet: selected.sheet })}
            </Text>
          )}
        </>
      )}
    </section>
  );
}

function Trends({ result }: { readonly result: AnalyzeResult }) {
  const styles = useStyles();
  const { t } = usePane();
  const c = result.trends;
  const any = c.growth + c.stable + c.decline + c.newDemand + c.noSales > 0;
  return (
    <>
      <h2 className={styles.h}>{t('trendsTitle')}</h2>
      {any ? (
        <>
          <ul className={styles.trends} aria-label={t('trendsTitle')}>
            {(['growth', 'stable', 'decline'] as const).map((k) => (
              <li key={k}>
                <Card className={styles.trend} style={{ borderInlineStartColor: TREND_COLOUR[k] }}>
                  <Text size={200}>{t(k === 'growth' ? 'trendGrowth' : k === 'stable' ? 'trendStable' : 'trendDecline')}</Text>
                  <span className={styles.trendValue}>{c[k].toLocaleString('en-US')}</span>
                </Card>
              </li>
            ))}
          </ul>
          <Text size={200} className={styles.muted}>
            {t('trendsOther', { newDemand: c.newDemand, noSales: c.noSales, none: c.none })}.{' '}
            {result.snapshots > 0
              ? t('trendsBasis', { snapshots: result.snapshots === 1 ? t('trendsSavedOne') : t('trendsSaved', { count: result.snapshots }) })
              : t('trendsBasisNone')}
          </Text>
        </>
      ) : (
        <Text size={200} className={styles.muted}>
          {t('trendsNone')}
        </Text>
      )}
    </>
  );
}

function Kpi({ label, value }: { readonly label: string; readonly value: string }) {
  const styles = useStyles();
  return (
    <li>
      <Card className={styles.kpi}>
        <Text size={200}>{label}</Text>
        <span className={styles.kpiValue}>{value}</span>
      </Card>
    </li>
  );
}

/** Hands a file to the browser's downloads (an object URL on a link, clicked). */
function download(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The Purchase Orders and Shipments sheets as CSV files in a .zip, one file per PO or route. */
function Documents({ busy }: { readonly busy: boolean }) {
  const styles = useStyles();
  const { t, session, ltr } = usePane();
  const op = useOperation();
  const [done, setDone] = useState<{ readonly kind: DocumentKind; readonly out: DocumentsDownload } | null>(null);
  const [working, setWorking] = useState<DocumentKind | null>(null);

  const get = (kind: DocumentKind) => {
    setDone(null);
    setWorking(kind);
    void op
      .run(async () => {
        const out = await session.documents(kind);
        if (out.zip) download(out.zip.name, out.zip.bytes);
        setDone({ kind, out });
      })
      .finally(() => setWorking(null));
  };

  const text = (kind: DocumentKind, out: DocumentsDownload): string => {
    if (out.missing) return t('documentsMissing', { sheet: ltr(out.sheet) });
    if (!out.zip) return t(kind === 'po' ? 'documentsNonePo' : 'documentsNoneShipments');
    const rows = out.files.reduce((a, f) => a + f.rows, 0);
    const values = { name: ltr(out.zip.name), files: out.files.length, rows, sheet: ltr(out.sheet) };
    return out.files.length === 1 ? t('documentsDownloadedOne', values) : t('documentsDownloaded', values);
  };

  return (
    <Card className={styles.snapshot} appearance="filled-alternative" aria-labelledby="documents-title">
      <h2 className={styles.h} id="documents-title">
        {t('documentsTitle')}
      </h2>
      <Text size={200}>{t('documentsHint')}</Text>
      <div className={styles.actions}>
        {(['po', 'shipments'] as const).map((kind) => (
          <Button key={kind} disabled={busy || op.busy} onClick={() => get(kind)} icon={working === kind ? <Spinner size="tiny" /> : undefined}>
            {working === kind ? t('preparingDownload') : t(kind === 'po' ? 'downloadPos' : 'downloadShipments')}
          </Button>
        ))}
      </div>
      {op.error && <ErrorBar text={op.error} />}
      {done && !op.busy && (
        <MessageBar intent={done.out.zip ? 'success' : 'info'} role="status">
          <MessageBarBody>
            {text(done.kind, done.out)}
            {done.out.issues.length > 0 && (
              <>
                {' '}
                {t('documentsSkipped', { count: done.out.issues.length })}
                <ul>
                  {done.out.issues.slice(0, 5).map((issue) => (
                    <li key={issue} dir="auto">
                      {issue}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}
