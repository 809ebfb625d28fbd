/** The periods (months) of each channel of a snapshot history, and an index of a channel's periods (history/trends.ts). */
import { HistoryTable, SALES, viewParts } from './history';

/** Per channel label, the periods with dated sales ("Sales report" rows) and all its periods. */
export interface ChannelPeriods {
  readonly sales: ReadonlyMap<string, ReadonlySet<string>>;
  readonly all: ReadonlyMap<string, readonly string[]>;
}

export function channelPeriods(t: HistoryTable): ChannelPeriods {
  const sales = new Map<string, Set<string>>();
  const all = new Map<string, Set<string>>();
  // Rows come month after month, the channels of a month interleaved: a row with the period and source of
  // its channel's latest distinct row adds nothing (the same texts are most often the same strings,
  // compared at once), so most rows need no lookup. A slot per channel (a few), reused beyond SLOTS.
  const SLOTS = 16;
  const slotChannel: string[] = [];
  const slotPeriod: string[] = [];
  const slotSource: number[] = [];
  let reused = 0;
  const scan = (part: HistoryTable, from: number, to: number) => {
    const channels = part.channel;
    const periods = part.period;
    const sources = part.source;
    for (let i = from; i < to; i++) {
      const ch = channels[i];
      const p = periods[i];
      const source = sources[i];
      let slot = 0;
      while (slot < slotChannel.length && slotChannel[slot] !== ch) slot++;
      if (slot < slotChannel.length && slotPeriod[slot] === p && slotSource[slot] === source) continue;
      if (slot === slotChannel.length && slot === SLOTS) slot = reused++ % SLOTS;
      slotChannel[slot] = ch;
      slotPeriod[slot] = p;
      slotSource[slot] = source;
      let a = all.get(ch);
      if (!a) all.set(ch, (a = new Set()));
      a.add(p);
      if (source === SALES) {
        let s = sales.get(ch);
        if (!s) sales.set(ch, (s = new Set()));
        s.add(p);
      }
    }
  };
  const { head, rows, tail } = viewParts(t);
  scan(head, 0, rows);
  scan(tail, 0, tail.length);
  return { sales, all: new Map([...all].map(([ch, s]) => [ch, [...s].sort()])) };
}

/** A channel's periods: a copy (the caller's array may change), each period's first place, and per place the first place of its period. */
export interface PeriodIndex {
  readonly copy: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly first: Int32Array;
}

/**
 * Period → its first place in a channel's periods, built once per array (the analysis passes the same
 * array for every position of a channel) and kept with a copy of the array, so one changed since is
 * indexed again.
 */
const periodIndexes = new WeakMap<readonly string[], PeriodIndex>();
export function periodIndex(periods: readonly string[]): PeriodIndex {
  const known = periodIndexes.get(periods);
  if (known && known.copy.length === periods.length) {
    let same = true;
    for (let q = 0; q < periods.length && same; q++) same = known.copy[q] === periods[q];
    if (same) return known;
  }
  const index = new Map<string, number>();
  const first = new Int32Array(periods.length);
  for (let q = 0; q < periods.length; q++) {
    if (!index.has(periods[q])) index.set(periods[q], q);
    first[q] = index.get(periods[q])!;
  }
  const made = { copy: [...periods], index, first };
  periodIndexes.set(periods, made);
  return made;
}
