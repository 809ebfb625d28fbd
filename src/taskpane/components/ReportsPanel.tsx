/**
 * Reports: every sheet Lumive reads, with its kind, channel and row counts (read = used + reported)
 * and its first issues. The user corrects a kind or channel with the two lists; Import reports writes
 * picked files into sheets (the file readers load on first use).
 */
import {
  Badge,
  Button,
  Card,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { ImportedFile, ReportInfo } from '../../app/session';
import { CHANNELS, KINDS, sayFileNote, sayIssue, type ReportKind } from '../../engine';
import { ErrorBar, usePane, useOperation, type ScanProps } from './context';

/** Each report kind once (a kind may have several known layouts). */
const KIND_IDS: readonly ReportKind[] = [...new Set(KINDS.map((k) => k.kind))];

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  card: { padding: tokens.spacingHorizontalM },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  name: { fontWeight: tokens.fontWeightSemibold, unicodeBidi: 'plaintext' },
  selects: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalS, '& > *': { minWidth: 0 } },
  select: { minWidth: 0, width: '100%' },
  issues: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, color: tokens.colorPaletteDarkOrangeForeground1 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function ReportsPanel({ scan, onScan }: ScanProps) {
  const styles = useStyles();
  const { t, session } = usePane();
  const { busy, error, run } = useOperation();
  const [progress, setProgress] = useState<string | null>(null);
  const [imported, setImported] = useState<ImportedFile[] | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const inputId = useId();

  useEffect(() => {
    if (!scan) void run(async () => onScan(await session.scan()));
    // The first visit scans; later visits show the scan kept by the App.
  }, []);

  const onFiles = async (list: FileList | null) => {
    const files = list ? [...list] : [];
    if (files.length === 0) return;
    setImported(null);
    setProgress(t('loadingReader'));
    await run(async () => {
      const read = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      const out = await session.importFiles(read, (file, done, total) => setProgress(t('importing', { file, done: Math.min(done + 1, total), total })));
      setImported(out.files);
      onScan(out.scan);
    });
    setProgress(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const assign = (source: string, said: { kind?: ReportKind; channel?: string }) => run(async () => onScan(await session.assign(source, said)));

  const recognized = scan?.reports.filter((r) => r.kind !== null).length ?? 0;

  return (
    <section aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`} className={styles.hidden}>
        {t('tabReports')}
      </h2>
      <Text as="p" block>
        {t('reportsIntro')}
      </Text>
      <div className={styles.toolbar}>
        <Button appearance="primary" disabled={busy} onClick={() => fileInput.current?.click()}>
          {t('importReports')}
        </Button>
        <label htmlFor={inputId} className={styles.hidden}>
          {t('importFileInput')}
        </label>
        <input
          id={inputId}
          ref={fileInput}
          className={styles.hidden}
          type="file"
          multiple
          accept=".txt,.tsv,.csv,.xlsx,text/csv,text/plain,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          tabIndex={-1}
          onChange={(e) => void onFiles(e.currentTarget.files)}
          data-testid="import-input"
        />
        <Button disabled={busy} onClick={() => void run(async () => onScan(await session.scan()))}>
          {t('refresh')}
        </Button>
        {busy && <Spinner size="tiny" label={progress ?? t('loading')} />}
      </div>
      <Text size={200} className={styles.muted} as="p" block>
        {t('importHint')}
      </Text>
      {error && <ErrorBar text={error} />}
      {imported && <ImportSummary files={imported} />}
      {scan && (
        <>
          <Text as="p" block weight="semibold">
            {t('sheetsSummary', { reports: scan.reports.length, recognized })}
          </Text>
          {scan.reports.length === 0 ? (
            <Text as="p">{t('noSheets')}</Text>
          ) : (
            <ul className={styles.list} aria-label={t('tabReports')}>
              {scan.reports.map((r) => (
                <li key={r.source}>
                  <ReportCard report={r} disabled={busy} onAssign={assign} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function ImportSummary({ files }: { readonly files: readonly ImportedFile[] }) {
  const { t, lang } = usePane();
  const sheets = files.reduce((n, f) => n + f.sheets.length, 0);
  return (
    <MessageBar intent={files.some((f) => f.problems.length > 0 || f.sheets.length === 0) ? 'warning' : 'success'}>
      <MessageBarBody>
        <MessageBarTitle>{t('imported', { files: files.length, sheets })}</MessageBarTitle>
        <ul>
          {files.map((f) => (
            <li key={f.file}>
              {f.sheets.map((s) => (
                <div key={s.name} dir="auto">
                  {t(s.replaced ? 'importedReplaced' : 'importedSheet', { file: f.file, sheet: s.name, rows: s.rows })}
                </div>
              ))}
              {f.problems.length > 0 && (
                <div>
                  {t('importProblems', { file: f.file })} <span dir="auto">{f.problems.map((p) => sayFileNote(p, lang)).join(' ')}</span>
                </div>
              )}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

function ReportCard({ report: r, disabled, onAssign }: { readonly report: ReportInfo; readonly disabled: boolean; readonly onAssign: (source: string, said: { kind?: ReportKind; channel?: string }) => void }) {
  const styles = useStyles();
  const { t, lang, kindName, channelName, num } = usePane();
  const kindValue = r.assigned?.kind ?? '';
  const channelValue = r.assigned?.channel ?? '';
  const needsAttention = r.kind === null || (r.needsChannel && r.channel === null);
  return (
    <Card className={styles.card} appearance={needsAttention ? 'outline' : 'filled-alternative'} aria-label={r.source}>
      <div className={styles.head}>
        <Text className={styles.name} dir="auto">
          {r.source}
        </Text>
        {r.kind === null ? (
          <Badge color="warning" appearance="tint">
            {r.unsure && r.rowsRead > 0 ? t('unsure') : t('notRecognized')}
          </Badge>
        ) : r.needsChannel && r.channel === null ? (
          <Badge color="warning" appearance="tint">
            {t('channelUnknown')}
          </Badge>
        ) : (
          <Badge color="success" appearance="tint">
            {r.assigned?.kind ? t('chosenByYou') : t('confidence', { pct: `${Math.round(r.confidence * 100)}%` })}
          </Badge>
        )}
      </div>
      <Text size={200}>
        {r.kind ? kindName(r.kind) : t('notRecognized')}
        {r.channel ? ` · ${channelName(r.channel)}` : ''}
      </Text>
      <Text size={200}>{t('rowsLine', { read: num(r.rowsRead), used: num(r.rowsUsed), reported: num(r.rowsReported) })}</Text>
      <div className={styles.selects}>
        <Field label={t('kind')} size="small">
          <Select
            className={styles.select}
            size="small"
            value={kindValue}
            disabled={disabled}
            aria-label={t('kindFor', { sheet: r.source })}
            onChange={(_, d) => onAssign(r.source, { kind: (d.value || undefined) as ReportKind | undefined })}
          >
            <option value="">{t('kindAuto')}</option>
            {KIND_IDS.map((kind) => (
              <option key={kind} value={kind}>
                {kindName(kind)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('channel')} size="small">
          <Select
            className={styles.select}
            size="small"
            value={channelValue}
            disabled={disabled || (r.kind !== null && !r.needsChannel)}
            aria-label={t('channelFor', { sheet: r.source })}
            onChange={(_, d) => onAssign(r.source, { channel: d.value || undefined })}
          >
            <option value="">{r.kind !== null && !r.needsChannel ? t('noChannel') : t('channelAuto')}</option>
            {CHANNELS.map((c) => (
              <option key={c.id} value={c.id}>
                {channelName(c.id)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {r.issueCount > 0 && (
        <ul className={styles.issues}>
          {r.issues.map((i, n) => (
            <li key={n}>
              <Text size={200} dir="auto">
                {i.row !== null ? `${t('issueAt', { row: i.row })}: ` : ''}
                {i.column ? `${i.column}: ` : ''}
                {sayIssue(i, lang)}
              </Text>
            </li>
          ))}
          {r.issueCount > r.issues.length && (
            <li>
              <Text size={200}>{t('issuesMore', { count: r.issueCount - r.issues.length })}</Text>
            </li>
          )}
        </ul>
      )}
    </Card>
  );
}
