/**
 * History: the snapshots saved in the workbook (newest first), two of them picked as From and To, and
 * their comparison: totals on each date with the change, new and gone positions, lost revenue between
 * them, and the positions whose stock value changed most. The figures are the engine's
 * (engine/history/compare.ts), through the session; money in the reporting currency.
 *
 * The panel stays mounted like the others, so it reads the dates only when it is shown, and again when
 * Save snapshot added or replaced one (`version`).
 */
import {
  Badge,
  Button,
  Card,
  Field,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ChangeRow, FromTo, SnapshotComparison, SnapshotList } from '../../app/session';
import { type CompareStatus } from '../../engine';
import type { StringKey } from '../i18n';
import { channelIdOf, ErrorBar, KEEP_LTR, useOperation, usePane } from './context';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  h: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  sub: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  num: { direction: KEEP_LTR, unicodeBidi: 'isolate', whiteSpace: 'nowrap' },
  listHead: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  dates: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, listStyleType: 'none' },
  date: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
  },
  picker: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr) auto', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  select: { minWidth: 0 },
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { display: 'flex', alignItems: 'baseline', flexWrap: 'wrap', gap: `0 ${tokens.spacingHorizontalS}` },
  card: { padding: 0, overflow: 'hidden' },
  tableBox: { overflowX: 'auto' },
  table: { tableLayout: 'auto', width: '100%' },
  cell: { paddingInline: tokens.spacingHorizontalXS, verticalAlign: 'top', paddingBlock: tokens.spacingVerticalXS },
  numCell: { textAlign: 'end' },
  /** Fluent's header cell lays its content out with flex: align it to the end like the figures. */
  numHead: { '& > div, & > button': { justifyContent: 'flex-end' }, textAlign: 'end' },
  label: { fontWeight: tokens.fontWeightSemibold },
  change: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end' },
  zero: { color: tokens.colorNeutralForeground3 },
  up: { color: tokens.colorPaletteGreenForeground1 },
  down: { color: tokens.colorPaletteRedForeground1 },
  pctText: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, direction: KEEP_LTR, unicodeBidi: 'isolate', whiteSpace: 'nowrap' },
  counts: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingHorizontalS, margin: 0, padding: 0, listStyleType: 'none' },
  count: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, gap: tokens.spacingVerticalXXS },
  countValue: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, direction: KEEP_LTR, unicodeBidi: 'isolate' },
  sku: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  channel: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
  status: { flexShrink: 0 },
});

const STATUS_TEXT: Readonly<Record<Exclude<CompareStatus, 'Both'>, StringKey>> = { New: 'statusNew', Gone: 'statusGone' };

export interface HistoryPanelProps {
  /** The tab is shown: the dates are read on first show. */
  readonly active: boolean;
  /** Changes when a snapshot was saved: the dates are read again. */
  readonly version: number;
}

export function HistoryPanel({ active, version }: HistoryPanelProps) {
  const styles = useStyles();
  const { t, session } = usePane();
  const listing = useOperation();
  const comparing = useOperation();
  const [list, setList] = useState<SnapshotList | null>(null);
  const [readFor, setReadFor] = useState<number | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [result, setResult] = useState<SnapshotComparison | null>(null);
  const { run: runListing } = listing;

  const load = useCallback(
    (v: number) => {
      setReadFor(v);
      void runListing(async () => {
        const read = await session.snapshots();
        setList(read);
        // Defaults: the previous snapshot against the latest.
        setTo(read.dates[0] ?? '');
        setFrom(read.dates[1] ?? read.dates[0] ?? '');
        setResult(null);
      });
    },
    [session, runListing],
  );

  useEffect(() => {
    if (active && readFor !== version) load(version);
  }, [active, version, readFor, load]);

  // Any two snapshots, compared from the earlier to the later.
  const compare = () => {
    const [a, b] = from <= to ? [from, to] : [to, from];
    setFrom(a);
    setTo(b);
    void comparing.run(async () => {
      setResult(await session.compare(a, b));
    });
  };

  const dates = list?.dates ?? [];
  return (
    <section className={styles.box} aria-label={t('tabHistory')}>
      <Text as="p" block>
        {t('historyIntro')}
      </Text>
      {listing.busy && !list && <Spinner size="tiny" labelPosition="after" label={t('historyLoading')} />}
      {listing.error && (
        <>
          <ErrorBar text={listing.error} />
          <div>
            <Button onClick={() => load(version)}>{t('retry')}</Button>
          </div>
        </>
      )}
      {list && (
        <>
          <div className={styles.listHead}>
            <h2 className={styles.h}>{t('historySavedList')}</h2>
            <Button size="small" appearance="subtle" disabled={listing.busy} onClick={() => load(version)}>
              {t('refresh')}
            </Button>
          </div>
          <Text size={200} className={styles.muted} role="status">
            {dates.length === 1 ? t('historyCountOne') : t('historyCount', { count: dates.length })}
          </Text>
          {dates.length > 0 && (
            <ul className={styles.dates} aria-label={t('historySavedList')}>
              {dates.map((d, i) => (
                <li key={d} className={styles.date}>
                  <span className={styles.num}>{d}</span>
                  {i === 0 && (
                    <Badge size="small" appearance="tint" color="brand">
                      {t('historyLatest')}
                    </Badge>
                  )}
                </li>
              ))}
            </ul>
          )}
          {list.problems > 0 && (
            <Text size={200} className={styles.muted}>
              {t('historyProblems', { count: list.problems })}
            </Text>
          )}
          {dates.length < 2 ? (
            <MessageBar intent="info">
              <MessageBarBody>
                <MessageBarTitle>{dates.length === 0 ? t('historyNoneTitle') : t('historyOneTitle')}</MessageBarTitle>
                {t('historyEmpty')}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <div className={styles.picker}>
                <DatePick label={t('compareFrom')} className={styles.select} dates={dates} value={from} onChange={setFrom} disabled={comparing.busy} />
                <DatePick label={t('compareTo')} className={styles.select} dates={dates} value={to} onChange={setTo} disabled={comparing.busy} />
                <Button appearance="primary" onClick={compare} disabled={comparing.busy || from === to} icon={comparing.busy ? <Spinner size="tiny" /> : undefined}>
                  {comparing.busy ? t('comparing') : t('compare')}
                </Button>
              </div>
              {from === to && (
                <Text size={200} className={styles.muted}>
                  {t('compareSame')}
                </Text>
              )}
            </>
          )}
        </>
      )}
      {comparing.error && <ErrorBar text={comparing.error} />}
      {result && <Comparison c={result} />}
    </section>
  );
}

/** "+1,234" / "−56" / "0" (a minus sign, not a hyphen). */
function signed(x: number, digits = 0): string {
  const abs = Math.abs(x).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  if (abs === (0).toFixed(digits)) return abs;
  return x > 0 ? `+${abs}` : `−${abs}`;
}

function Comparison({ c }: { readonly c: SnapshotComparison }) {
  const styles = useStyles();
  const { t, num, money, ltr } = usePane();
  const tt = c.totals;
  const heading = t('compareHeading', { from: ltr(c.from), to: ltr(c.to) });
  const rows: readonly (readonly [StringKey, FromTo])[] = [
    ['cmpPositions', tt.positions],
    ['cmpAvailable', tt.available],
    ['cmpStockValue', tt.stockValue],
    ['cmpSold', tt.sold],
    ['cmpRevenue', tt.revenue],
  ];
  return (
    <article className={styles.result} aria-label={heading}>
      <div className={styles.heading}>
        <h2 className={styles.h}>{heading}</h2>
        <Text size={200} className={styles.muted}>
          {t('compareDays', { days: c.daysBetween })}
        </Text>
      </div>
      <Card className={styles.card}>
        <div className={styles.tableBox}>
          <Table size="small" className={styles.table} aria-label={t('compareTotals')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.cell}>{t('compareFigure')}</TableHeaderCell>
                <TableHeaderCell className={mergeClasses(styles.cell, styles.numHead)}>
                  <span className={styles.num}>{c.from}</span>
                </TableHeaderCell>
                <TableHeaderCell className={mergeClasses(styles.cell, styles.numHead)}>
                  <span className={styles.num}>{c.to}</span>
                </TableHeaderCell>
                <TableHeaderCell className={mergeClasses(styles.cell, styles.numHead)}>{t('compareChange')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map(([key, v]) => (
                <TableRow key={key}>
                  <TableCell className={styles.cell}>
                    <span className={styles.label}>{t(key)}</span>
                  </TableCell>
                  <NumCell>
                    <span className={styles.num}>{num(v.from)}</span>
                  </NumCell>
                  <NumCell>
                    <span className={styles.num}>{num(v.to)}</span>
                  </NumCell>
                  <NumCell>
                    <Change from={v.from} to={v.to} />
                  </NumCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell className={styles.cell}>
                  <span className={styles.label}>{t('cmpLostRevenue')}</span>
                </TableCell>
                <NumCell colSpan={3}>
                  <span className={styles.num}>{money(tt.lostRevenue, c.currency)}</span>
                </NumCell>
              </TableRow>
            </TableBody>
          </Table>
        </div>
      </Card>
      <Text size={200} className={styles.muted}>
        {t('compareMoney', { currency: c.currency })} {t('compareLostNote')}
      </Text>
      <ul className={styles.counts} aria-label={`${t('compareNew')}, ${t('compareGone')}`}>
        <li>
          <Card className={styles.count}>
            <Text size={200}>{t('compareNew')}</Text>
            <span className={styles.countValue}>{num(tt.newPositions)}</span>
          </Card>
        </li>
        <li>
          <Card className={styles.count}>
            <Text size={200}>{t('compareGone')}</Text>
            <span className={styles.countValue}>{num(tt.gonePositions)}</span>
          </Card>
        </li>
      </ul>
      <h3 className={styles.sub}>{t('changesTitle')}</h3>
      {c.changes.length === 0 ? (
        <Text size={200}>{t('changesNone')}</Text>
      ) : (
        <>
          <Text size={200} className={styles.muted}>
            {c.changes.length < c.changed ? t('changesCount', { shown: c.changes.length, total: c.changed }) : t('changesAll', { total: c.changed })}
          </Text>
          <Changes rows={c.changes} currency={c.currency} />
        </>
      )}
    </article>
  );
}

/** The change from `from` to `to`, signed, with its percentage when `from` is not 0. */
function Change({ from, to }: { readonly from: number; readonly to: number }) {
  const styles = useStyles();
  const d = to - from;
  const rounded = Math.round(d);
  return (
    <span className={styles.change}>
      <span className={mergeClasses(styles.num, rounded > 0 && styles.up, rounded < 0 && styles.down, rounded === 0 && styles.zero)}>{signed(d)}</span>
      {from !== 0 && <span className={styles.pctText}>{signed((d / from) * 100, 1)}%</span>}
    </span>
  );
}

function Changes({ rows, currency }: { readonly rows: readonly ChangeRow[]; readonly currency: string }) {
  const styles = useStyles();
  const { t, num, channelName } = usePane();
  const fromTo = (v: { readonly from: number | null; readonly to: number | null }) => `${num(v.from)} → ${num(v.to)}`;
  return (
    <Card className={styles.card}>
      <div className={styles.tableBox}>
        <Table size="extra-small" className={styles.table} aria-label={t('changesTitle')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.cell}>{t('colPosition')}</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(styles.cell, styles.numHead)}>{t('colStock')}</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(styles.cell, styles.numHead)}>{t('colSold')}</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(styles.cell, styles.numHead)}>{t('colValueChange', { currency })}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={`${r.masterSku}|${r.channel}`}>
                <TableCell className={styles.cell}>
                  <span className={styles.sku} dir="auto">
                    {r.masterSku}
                  </span>
                  <span className={styles.channel}>
                    {channelName(channelIdOf(r.channel))}
                    {r.status !== 'Both' && (
                      <Badge className={styles.status} size="small" appearance="tint" color={r.status === 'New' ? 'success' : 'danger'}>
                        {t(STATUS_TEXT[r.status])}
                      </Badge>
                    )}
                  </span>
                </TableCell>
                <NumCell>
                  <span className={styles.num}>{fromTo(r.available)}</span>
                </NumCell>
                <NumCell>
                  <span className={styles.num}>{fromTo(r.sold)}</span>
                </NumCell>
                <NumCell>
                  <span className={mergeClasses(styles.num, Math.round(r.stockValueChange) > 0 && styles.up, Math.round(r.stockValueChange) < 0 && styles.down)}>{signed(r.stockValueChange)}</span>
                </NumCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </Card>
  );
}

/** One of the saved snapshot dates, as a labelled native select. */
function DatePick(props: { label: string; className: string; dates: readonly string[]; value: string; onChange: (d: string) => void; disabled: boolean }) {
  return (
    <Field label={props.label} className={props.className}>
      <Select value={props.value} onChange={(_, d) => props.onChange(d.value)} disabled={props.disabled}>
        {props.dates.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** A right-aligned (end-aligned in Arabic) table cell for figures. */
function NumCell({ children, colSpan }: { readonly children: ReactNode; readonly colSpan?: number }) {
  const styles = useStyles();
  return (
    <TableCell className={mergeClasses(styles.cell, styles.numCell)} colSpan={colSpan}>
      {children}
    </TableCell>
  );
}
