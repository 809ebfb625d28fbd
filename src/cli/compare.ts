/**
 * `lumive compare <workbook.xlsx> --from DATE --to DATE [--json] [--top N]`: two saved snapshots of a
 * workbook side by side (engine/history/compare.ts). DATE is a saved snapshot date (2026-10-31) or a
 * month (2026-10: its latest snapshot). Exits 1 when the workbook has no such snapshot, 2 on a usage error.
 */
import { readFile } from 'node:fs/promises';
import { readWorkbookState } from '../app/analyze-workbook';
import { compareHistory, historyFromGrids, SnapshotNotFoundError } from '../app/history';
import { snapshotDates, type CompareRow, type Comparison } from '../engine';
import { XlsxWorkbook } from '../workbook/xlsx/xlsx-workbook';
import { systemReason, visible, type Out } from './terminal';

const USAGE = 'lumive compare <workbook.xlsx> --from DATE --to DATE [--json] [--top N]   (DATE: 2026-10-31, or 2026-10 for that month\'s latest snapshot)';

const int = (x: number) => Math.round(x).toLocaleString('en-US');
const signed = (x: number) => (x > 0 ? `+${int(x)}` : int(x));
const pct = (a: number, b: number) => (a === 0 ? '' : ` (${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(1)}%)`);

function text(c: Comparison, top: number, currency: string): string {
  const t = c.totals;
  const line = (label: string, a: number, b: number, unit = '') => `  ${label.padEnd(24)}${(unit + int(a)).padStart(16)}${(unit + int(b)).padStart(16)}   ${signed(b - a)}${pct(a, b)}`;
  const movers = [...c.rows].filter((r) => r.status === 'Both' && r.stockValueChange !== null && r.stockValueChange !== 0).sort((x, y) => Math.abs(y.stockValueChange!) - Math.abs(x.stockValueChange!)).slice(0, top);
  const row = (r: CompareRow) =>
    `  ${visible(r.masterSku).padEnd(18)} ${visible(r.channel).padEnd(11)} stock ${int(r.from?.available ?? 0)} → ${int(r.to?.available ?? 0)}, sold ${int(r.from?.sold ?? 0)} → ${int(r.to?.sold ?? 0)}, value ${signed(r.stockValueChange ?? 0)} ${r.currency}${r.daysOutOfStock ? `, ${r.daysOutOfStock.toFixed(1)} days out of stock` : ''}`;
  return [
    `Snapshots ${c.from} → ${c.to} (${t.daysBetween} days apart)`,
    '',
    `  ${''.padEnd(24)}${c.from.padStart(16)}${c.to.padStart(16)}   change`,
    line('Positions', t.positions.from, t.positions.to),
    line('Units available', t.available.from, t.available.to),
    line(`Stock value (${currency})`, t.stockValue.from, t.stockValue.to),
    line('Units sold', t.sold.from, t.sold.to),
    line(`Revenue (${currency})`, t.revenue.from, t.revenue.to),
    '',
    `  New positions ${t.positions.new}, gone ${t.positions.gone}; lost revenue between the snapshots ${currency} ${int(t.lostRevenue)}`,
    ...(movers.length > 0 ? ['', `Largest stock value changes (top ${movers.length}):`, ...movers.map(row)] : []),
    '',
  ].join('\n');
}

export async function compareCommand(args: readonly string[], out: Out, err: Out): Promise<number> {
  let from: string | null = null;
  let to: string | null = null;
  let json = false;
  let top = 10;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--from' || a === '--to' || a === '--top') {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) {
        err.write(`lumive compare: ${a} needs a value\n${USAGE}\n`);
        return 2;
      }
      if (a === '--from') from = v;
      else if (a === '--to') to = v;
      else {
        top = Number(v);
        if (!Number.isInteger(top) || top < 0) {
          err.write('lumive compare: --top must be a whole number\n');
          return 2;
        }
      }
    } else if (a === '--json') json = true;
    else if (a.startsWith('-')) {
      err.write(`lumive compare: unknown option ${a}\n${USAGE}\n`);
      return 2;
    } else files.push(a);
  }
  if (files.length !== 1 || from === null || to === null) {
    err.write(`${USAGE}\n`);
    return 2;
  }
  let port: XlsxWorkbook;
  try {
    port = await XlsxWorkbook.fromBuffer(new Uint8Array(await readFile(files[0])));
  } catch (e) {
    err.write(`lumive compare: cannot read ${visible(files[0])}: ${visible(systemReason(e))}\n`);
    return 2;
  }
  const state = await readWorkbookState(port);
  const history = historyFromGrids(state.registry, state.grids);
  for (const issue of history.issues.slice(0, 5)) err.write(`lumive compare: ${visible(`${issue.source} row ${issue.row}, ${issue.column}: ${issue.reason}`)}\n`);
  if (history.issues.length > 5) err.write(`lumive compare: … and ${history.issues.length - 5} more history rows left out\n`);
  try {
    const c = compareHistory(history, from, to, state.settings);
    if (json) out.write(`${JSON.stringify({ from: c.from, to: c.to, totals: c.totals, snapshots: snapshotDates(history.table), rows: c.rows }, null, 2)}\n`);
    else out.write(text(c, top, state.settings.reportingCurrency));
    return 0;
  } catch (e) {
    if (e instanceof SnapshotNotFoundError) {
      err.write(`lumive compare: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
