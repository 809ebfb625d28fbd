/**
 * SKU explorer: search a Master SKU (or a channel SKU, ASIN or title), see its channels side by side,
 * a sparkline of its monthly sales when there is history, and links to its rows in the result sheets.
 */
import {
  Link,
  makeStyles,
  SearchBox,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { sparkline, type ChannelFigures, type SheetLink, type SkuDetail } from '../../app/explorer';
import type { StringKey } from '../i18n';
import { channelIdOf, ErrorBar, KEEP_LTR, MatchList, useAnswer, useOperation, usePane } from './context';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  matches: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, listStyleType: 'none' },
  h: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, unicodeBidi: 'plaintext' },
  table: { tableLayout: 'auto' },
  // Four channels side by side can be wider than the pane: the table scrolls, the pane does not.
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  num: { direction: KEEP_LTR, unicodeBidi: 'isolate', whiteSpace: 'nowrap' },
  text: { unicodeBidi: 'plaintext', whiteSpace: 'normal', overflowWrap: 'anywhere' },
  spark: { fontSize: '28px', lineHeight: '32px', letterSpacing: '2px', direction: KEEP_LTR, unicodeBidi: 'isolate', color: tokens.colorBrandForeground1 },
  links: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

const ROWS: readonly (readonly [StringKey, (c: ChannelFigures, f: Formatters) => string])[] = [
  ['mAvailable', (c, f) => f.num(c.available)],
  ['mInbound', (c, f) => f.num(c.inbound)],
  ['mUnfulfillable', (c, f) => f.num(c.unfulfillable)],
  ['mStockAsOf', (c, f) => (c.stockAsOf === null ? f.none : new Date(c.stockAsOf).toISOString().slice(0, 16).replace('T', ' '))],
  ['mSold', (c, f) => f.num(c.sold)],
  ['mVelocity', (c, f) => f.num(c.velocity, 2)],
  ['mVelocityMethod', (c, f) => f.t(VELOCITY_METHOD[c.velocityMethod])],
  ['mDaysOutOfStock', (c, f) => f.num(c.daysOutOfStock, 0)],
  ['mLostRevenue', (c, f) => f.money(c.lostRevenue, c.currency)],
  ['mDoi', (c, f) => f.num(c.doi, 0)],
  ['mStockValue', (c, f) => f.money(c.stockValue, c.currency)],
  ['mUrgency', (c, f) => (c.urgency ? f.t(`priority${c.urgency}` as StringKey) : f.none)],
  ['mMovement', (c, f) => c.movement ?? f.none],
  ['mAbc', (c) => c.abc],
  ['mVisitors', (c, f) => f.num(c.visitors, 0)],
  ['mConversion', (c, f) => (c.conversion === null ? f.none : `${f.num(c.conversion * 100, 1)}%`)],
];

/** Rows shown only when some channel has the figure (from the reports that give it). */
const OPTIONAL: Partial<Record<StringKey, (c: ChannelFigures) => boolean>> = {
  mStockAsOf: (c) => c.stockAsOf !== null,
  mVisitors: (c) => c.visitors !== null,
  mConversion: (c) => c.conversion !== null,
  mDaysOutOfStock: (c) => c.daysOutOfStock !== null,
  mLostRevenue: (c) => c.lostRevenue !== null,
};

/** Rows whose values are words, not figures: they wrap like text instead of staying on one line. */
const TEXT_ROWS: ReadonlySet<StringKey> = new Set<StringKey>(['mVelocityMethod']);

/** The engine's velocity methods (position-metrics.ts) in the pane's language. */
const VELOCITY_METHOD: Record<ChannelFigures['velocityMethod'], StringKey> = {
  'sales / in-stock days (ledger)': 'vmLedger',
  'sales / period (no ledger)': 'vmNoLedger',
  'sales / period (ledger not usable)': 'vmLedgerNotUsable',
  'weighted t30/t60/t90': 'vmWeighted',
  'no sales report': 'vmNoSales',
};

interface Formatters {
  t: (key: StringKey) => string;
  num: (v: number | null, digits?: number) => string;
  money: (v: number | null, currency: string) => string;
  none: string;
}

const NO_MATCHES: readonly string[] = [];

export function ExplorerPanel({ analyzedAt }: { readonly analyzedAt: Date | null }) {
  const styles = useStyles();
  const { t, session } = usePane();
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const index = analyzedAt ? session.view() : null;
  const found = useAnswer(index ? () => index.search(query, 12) : null, [index, query], NO_MATCHES);
  const shown = useAnswer(index && picked ? () => index.detail(picked) : null, [index, picked], null);
  const matches = found.value;
  const detail = shown.value;

  if (!index) {
    return (
      <section className={styles.box} aria-label={t('tabExplorer')}>
        <Text>{t('explorerIntro')}</Text>
        <Text role="status">{t('explorerNeedsRun')}</Text>
      </section>
    );
  }
  return (
    <section className={styles.box} aria-label={t('tabExplorer')}>
      <Text>{t('explorerIntro')}</Text>
      <SearchBox
        value={query}
        aria-label={t('search')}
        placeholder={t('search')}
        onChange={(_, d) => setQuery(d.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && matches[0]) setPicked(matches[0]);
        }}
      />
      <MatchList query={query} matches={matches} picked={picked} onPick={setPicked} className={styles.matches} />
      {(found.error ?? shown.error) && <ErrorBar text={(found.error ?? shown.error) as string} />}
      {detail && <Detail detail={detail} />}
    </section>
  );
}

function Detail({ detail }: { readonly detail: SkuDetail }) {
  const styles = useStyles();
  const { t, session, num, money, channelName } = usePane();
  const { error, run } = useOperation();
  const [shown, setShown] = useState<SheetLink | null>(null);
  const f: Formatters = { t, num, money, none: t('none') };
  const show = (link: SheetLink) =>
    void run(async () => {
      await session.select(link);
      setShown(link);
    });
  return (
    <article aria-label={detail.masterSku}>
      <h2 className={styles.h}>
        {detail.masterSku}
        {detail.provisional ? ` (${t('notMapped')})` : ''}
      </h2>
      {detail.title && (
        <Text as="p" block dir="auto" className={styles.muted}>
          {detail.title}
        </Text>
      )}
      <div className={styles.scroll}>
      <Table size="small" className={styles.table} aria-label={detail.masterSku}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('metric')}</TableHeaderCell>
            {detail.channels.map((c) => (
              <TableHeaderCell key={c.channel}>{channelName(channelIdOf(c.channel))}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {ROWS.filter(([key]) => !OPTIONAL[key] || detail.channels.some((c) => OPTIONAL[key]!(c))).map(([key, value]) => (
            <TableRow key={key}>
              <TableCell>{t(key)}</TableCell>
              {detail.channels.map((c) => (
                <TableCell key={c.channel}>
                  <span className={TEXT_ROWS.has(key) ? styles.text : styles.num}>{value(c, f)}</span>
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      </div>
      {detail.channels.some((c) => c.warehouses.length > 0) && <Warehouses channels={detail.channels} />}
      <h3 className={styles.h}>{t('history')}</h3>
      {detail.history.length >= 2 ? (
        <div>
          <div className={styles.spark} role="img" aria-label={`${t('history')}: ${detail.history.map((h) => `${h.month} ${h.units}`).join(', ')}`}>
            {sparkline(detail.history.map((h) => h.units))}
          </div>
          <Text size={200} className={styles.muted}>
            <span className={styles.num}>
              {detail.history[0].month} … {detail.history[detail.history.length - 1].month}
            </span>
          </Text>
        </div>
      ) : (
        <Text as="p" block size={200} className={styles.muted}>
          {t('noHistory')}
        </Text>
      )}
      <h3 className={styles.h}>{t('rowsInSheets')}</h3>
      <ul className={styles.links}>
        {detail.links.map((l) => (
          <li key={`${l.sheet}|${l.row}`}>
            <Link as="button" onClick={() => show(l)}>
              {t('showRow', { row: l.row, sheet: l.sheet })}
            </Link>
            {l.label && <Text size={200}> · {l.label.split(' → ').map((c) => channelName(channelIdOf(c))).join(' → ')}</Text>}
          </li>
        ))}
      </ul>
      {shown && <Text role="status">{t('selected', { row: shown.row, sheet: shown.sheet })}</Text>}
      {error && (
        <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
          {error}
        </Text>
      )}
    </article>
  );
}

/** Stock per warehouse for the channels whose stock report gives it (noon FBN inventory). */
function Warehouses({ channels }: { readonly channels: readonly ChannelFigures[] }) {
  const styles = useStyles();
  const { t, num, channelName } = usePane();
  return (
    <>
      <h3 className={styles.h}>{t('byWarehouse')}</h3>
      <Table size="small" className={styles.table} aria-label={t('byWarehouse')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('warehouse')}</TableHeaderCell>
            <TableHeaderCell>{t('mAvailable')}</TableHeaderCell>
            <TableHeaderCell>{t('mInbound')}</TableHeaderCell>
            <TableHeaderCell>{t('mUnfulfillable')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {channels.flatMap((c) =>
            c.warehouses.map((w) => (
              <TableRow key={`${c.channel}|${w.warehouse}`}>
                <TableCell>
                  <span className={styles.num}>{w.warehouse}</span> · {channelName(channelIdOf(c.channel))}
                </TableCell>
                <TableCell>
                  <span className={styles.num}>{num(w.available)}</span>
                </TableCell>
                <TableCell>
                  <span className={styles.num}>{num(w.inbound)}</span>
                </TableCell>
                <TableCell>
                  <span className={styles.num}>{num(w.unfulfillable)}</span>
                </TableCell>
              </TableRow>
            )),
          )}
        </TableBody>
      </Table>
    </>
  );
}
