/**
 * Debug (`?debug=true`): how each sheet was recognized (kind, score, reasons, runner-up kinds, how the
 * channel was decided), how long each step took, and the round trips to Excel.
 */
import { Button, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import type { AnalyzeResult, ReportsScan, SyncSummary, Timing } from '../../app/session';
import { KEEP_LTR, useOperation, usePane } from './context';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, fontSize: tokens.fontSizeBase200 },
  h: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  pre: { whiteSpace: 'pre-wrap', fontFamily: tokens.fontFamilyMonospace, margin: 0, direction: KEEP_LTR, textAlign: 'start' },
});

export function DebugPanel({ scan, analysis, onScan }: { readonly scan: ReportsScan | null; readonly analysis: AnalyzeResult | null; readonly onScan: (s: ReportsScan) => void }) {
  const styles = useStyles();
  const { t, session } = usePane();
  const { busy, run } = useOperation();
  return (
    <section className={styles.box} aria-label={t('debugTitle')} data-testid="debug">
      <Button size="small" disabled={busy} onClick={() => void run(async () => onScan(await session.scan()))}>
        {t('refresh')}
      </Button>
      <h2 className={styles.h}>{t('detection')}</h2>
      {scan?.reports.map((r) => (
        <pre key={r.source} className={styles.pre}>
          {[
            `${r.source}: ${r.label ?? 'not recognized'} (${Math.round(r.confidence * 100)}%${r.unsure ? ', unsure' : ''}${r.assigned ? `, user: ${JSON.stringify(r.assigned)}` : ''})`,
            ...r.reasons.map((x) => `  · ${x}`),
            `  candidates: ${r.candidates.map((c) => `${c.label} ${Math.round(c.confidence * 100)}%`).join(' | ')}`,
            `  channel: ${r.channelLabel ?? 'none'} (${r.channelReason ?? 'n/a'})`,
            `  rows: ${r.rowsRead} read = ${r.rowsUsed} used + ${r.rowsReported} reported; ${r.issueCount} issues`,
          ].join('\n')}
        </pre>
      ))}
      {scan && <Timings title={`${t('timings')} (${t('tabReports')})`} timings={scan.timings} />}
      {analysis && <Timings title={`${t('timings')} (${t('tabAnalyze')})`} timings={analysis.timings} />}
      <h2 className={styles.h}>{t('syncs')}</h2>
      <Syncs syncs={analysis?.syncs ?? scan?.syncs ?? null} />
    </section>
  );
}

function Timings({ title, timings }: { readonly title: string; readonly timings: readonly Timing[] }) {
  const { t } = usePane();
  return (
    <Table size="extra-small" aria-label={title}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{title}</TableHeaderCell>
          <TableHeaderCell>{t('ms')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {timings.map((x, i) => (
          <TableRow key={i}>
            <TableCell>{x.step}</TableCell>
            <TableCell>{x.ms.toLocaleString('en-US')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Syncs({ syncs }: { readonly syncs: SyncSummary | null }) {
  const { t } = usePane();
  if (!syncs) return <Text>{t('noSyncs')}</Text>;
  return (
    <Text>
      {t('syncTotal', { syncs: syncs.syncs, bytes: syncs.largestRequestBytes })}:{' '}
      {Object.entries(syncs.byPhase)
        .map(([phase, n]) => `${phase} ${n}`)
        .join(', ')}
    </Text>
  );
}
