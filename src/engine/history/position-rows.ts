/**
 * The rows of each position (Master SKU and channel label) of a snapshot history, in table order: what
 * the trends of history/trends.ts are computed from.
 */
import { HistoryTable, historyKey, viewParts } from './history';

/**
 * The rows of each position, by historyKey, in table order (positionRows finds them by Master SKU and
 * channel label instead).
 */
export function groupByPosition(t: HistoryTable): Map<string, number[]> {
  return byKey(groupRows(t));
}

function byKey(grouped: GroupedRows): Map<string, number[]> {
  const { skuOf, channelOf } = grouped;
  const groups = new Map<string, number[]>();
  for (let g = 0; g < skuOf.length; g++) {
    const key = historyKey(skuOf[g], channelOf[g]);
    const r = rowsAt(grouped, g);
    const known = groups.get(key);
    // Two labels can make the same key ("A|B" + "C" and "A" + "B|C"): their rows join, in table order.
    if (known) {
      for (const i of r) known.push(i);
      known.sort((x, y) => x - y);
    } else groups.set(key, r);
  }
  return groups;
}

/** The rows of each position as groupByPosition gives them, found by Master SKU and channel label. */
export interface PositionRows {
  rows(masterSku: string, channel: string): number[] | undefined;
}

/**
 * groupByPosition for an analysis, which looks up 100,000s of positions: by channel, then Master SKU,
 * without a key text per lookup. Two positions share a historyKey only if a label holds its separator
 * "|": then (rarely) the lookups go through groupByPosition's keys, so they give the same rows.
 */
export function positionRows(t: HistoryTable): PositionRows {
  const grouped = groupRows(t);
  const { byChannel, skuOf, channelOf } = grouped;
  const bar = (x: string) => x.includes('|');
  if (skuOf.some(bar) || channelOf.some(bar)) {
    const groups = byKey(grouped);
    return { rows: (masterSku, channel) => groups.get(historyKey(masterSku, channel)) };
  }
  return {
    rows(masterSku, channel) {
      if (bar(masterSku) || bar(channel)) return undefined; // no label of the history holds "|": no key is the same
      const g = byChannel.get(channel)?.get(masterSku);
      return g === undefined ? undefined : rowsAt(grouped, g);
    },
  };
}

/** Every (channel, Master SKU) of a history in order of first row, with its rows in table order. */
interface GroupedRows {
  /** Channel → Master SKU → its place in the lists below. */
  readonly byChannel: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly channelOf: readonly string[];
  readonly skuOf: readonly string[];
  /**
   * The rows of place g are rows[start[g]] … rows[start[g + 1] − 1], in table order: two typed arrays
   * for all, not an array per place grown row by row (100,000s of arrays to allocate, regrow and collect).
   */
  readonly start: Int32Array;
  readonly rows: Int32Array;
}

/** The rows of place `g`, as a new array. */
function rowsAt({ start, rows }: GroupedRows, g: number): number[] {
  const from = start[g];
  const out = new Array<number>(start[g + 1] - from);
  for (let k = 0; k < out.length; k++) out[k] = rows[from + k];
  return out;
}

/**
 * The GroupedRows of a history.
 *
 * A history holds millions of rows: no key text is built per row, and most rows are placed without a
 * lookup at all. It is saved snapshot after snapshot, each listing the positions in about the same
 * order, so a row's position is most often the one that followed, last time, the position of the row
 * before it: that guess is checked (Master SKU and channel), and only a wrong guess looks the position
 * up. A first pass places the rows and counts them per place; a second lists them place by place.
 */
function groupRows(t: HistoryTable): GroupedRows {
  const byChannel = new Map<string, Map<string, number>>();
  const channelOf: string[] = [];
  const skuOf: string[] = [];
  const count: number[] = [];
  // Per place: the place of the row that followed its latest row (−1: none yet).
  const next: number[] = [];
  let previous = -1;
  let stride = 1;
  const lookUp = (channel: string, sku: string): number => {
    let skus = byChannel.get(channel);
    if (!skus) byChannel.set(channel, (skus = new Map()));
    let g = skus.get(sku);
    if (g === undefined) {
      g = count.length;
      skus.set(sku, g);
      channelOf.push(channel);
      skuOf.push(sku);
      count.push(0);
      next.push(-1);
    }
    return g;
  };
  const { head, rows: n0, tail } = viewParts(t);
  const total = n0 + tail.length;
  const placeOf = new Int32Array(total);
  const scan = (part: HistoryTable, to: number, offset: number) => {
    const channels = part.channel;
    const masters = part.masterSku;
    for (let i = 0; i < to; i++) {
      const sku = masters[i];
      const channel = channels[i];
      let g = previous < 0 ? -1 : next[previous];
      if (g < 0 || skuOf[g] !== sku || channelOf[g] !== channel) {
        // Else the place as far from the previous row's as that one was from the row's before it (rows
        // listed in another order, e.g. channel by channel where the history interleaves them).
        g = previous + stride;
        if (previous < 0 || g < 0 || g >= count.length || skuOf[g] !== sku || channelOf[g] !== channel) g = lookUp(channel, sku);
      }
      placeOf[i + offset] = g;
      count[g]++;
      if (previous >= 0) {
        next[previous] = g;
        stride = g - previous;
      }
      previous = g;
    }
  };
  scan(head, n0, 0);
  scan(tail, tail.length, n0);
  const places = count.length;
  const start = new Int32Array(places + 1);
  for (let g = 0; g < places; g++) start[g + 1] = start[g] + count[g];
  const at = start.slice(0, places);
  const rows = new Int32Array(total);
  for (let i = 0; i < total; i++) rows[at[placeOf[i]]++] = i;
  return { byChannel, channelOf, skuOf, start, rows };
}
