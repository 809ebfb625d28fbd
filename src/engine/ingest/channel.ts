/**
 * The channel (marketplace × country) a report belongs to, inferred in the order docs/REPORTS.md gives:
 * the user's assignment; a country, currency, sales-channel or marketplace column; tokens in the
 * sheet or file name; otherwise unknown, and the user is asked. The answer says how it was decided.
 */
import { CHANNELS, Channel, Country } from '../model';
import { KINDS, ReportKind } from './kinds';
import type { RecordTable, TextColumn } from './records';
import { parseCurrencyCode } from './values/numbers';
import { problemOf, say, type Problem } from '../problems';

export type ChannelSource = 'user' | 'column' | 'name' | null;

export interface ChannelDecision {
  readonly channel: Channel | null;
  readonly decidedBy: ChannelSource;
  /** Whether the report belongs to a channel at all (false: the mapping, PO history, warehouse stock). */
  readonly channelReport: boolean;
  /** How it was decided, or why it could not be (a channel.* code): what the issue of an unknown channel names. */
  readonly problem: Problem;
  /** The same in English, as the CLI and the pane show it. */
  readonly reason: string;
}

/** A decision with its explanation in the table's words (`reason` is the problem in English). */
function decided(channel: Channel | null, decidedBy: ChannelSource, channelReport: boolean, problem: Problem): ChannelDecision {
  return { channel, decidedBy, channelReport, problem, reason: say(problem) };
}

/** Record fields that can name a country, in the order they are trusted. */
export const COUNTRY_FIELDS: readonly string[] = ['salesChannel', 'marketplace', 'country', 'srcCountry', 'destCountry', 'shipCountry', 'currency'];

/** The country a cell value names: "Amazon.sa", "SA", "KSA", "Saudi Arabia", a SAR or AED currency …, or null. */
export function countryOf(value: string | number | null | undefined): Country | null {
  if (value === null || value === undefined) return null;
  // Neighbouring rows mostly name the same country: compared, not hashed.
  if (value === last.value) return last.country;
  // A report repeats a handful of values (SA, AE, Amazon.sa) on every row: each is read once.
  let country = countries.get(value);
  if (country === undefined) {
    if (countries.size >= MAX_REMEMBERED) countries.clear();
    country = readCountry(value);
    countries.set(value, country);
  }
  last.value = value;
  last.country = country;
  return country;
}

const countries = new Map<string | number, Country | null>();
/** The value countryOf read last and its country. */
const last: { value: string | number | null; country: Country | null } = { value: null, country: null };
/** Distinct values countryOf remembers (a column of free text would otherwise grow the memo without end). */
const MAX_REMEMBERED = 1000;

function readCountry(value: string | number): Country | null {
  const v = String(value).trim().toLowerCase();
  if (v === '') return null;
  const currency = parseCurrencyCode(v);
  if (currency) return currency === 'SAR' ? 'KSA' : 'UAE';
  if (/(^|[^a-z])(sa|ksa|sau)([^a-z]|$)|saudi|amazon\.sa|السعودية/.test(v)) return 'KSA';
  if (/(^|[^a-z])(ae|uae|are)([^a-z]|$)|emirates|dubai|amazon\.ae|الإمارات/.test(v)) return 'UAE';
  return null;
}

/** The country named by words in a sheet or file name (ksa, sa, saudi, sar / uae, ae, emirates, aed, dubai). */
export function countryFromName(name: string): Country | null {
  const words = name.toLowerCase().split(/[^a-z0-9\u0600-\u06ff.]+/);
  const has = (w: readonly string[]) => words.some((x) => w.includes(x));
  const ksa = has(['ksa', 'sa', 'saudi', 'sar', 'riyadh', 'jeddah', 'amazon.sa']) || name.includes('السعودية');
  const uae = has(['uae', 'ae', 'emirates', 'aed', 'dubai', 'amazon.ae']) || name.includes('الإمارات');
  return ksa === uae ? null : ksa ? 'KSA' : 'UAE';
}

/** One country-like column of a table: its field and its values. */
export interface CountryColumn {
  readonly field: string;
  readonly values: TextColumn;
}

/** The country-like columns a table has, in the order COUNTRY_FIELDS trusts them (all are text fields). */
export function countryColumns(records: RecordTable): CountryColumn[] {
  const out: CountryColumn[] = [];
  for (const field of COUNTRY_FIELDS) {
    const values = records.textColumn(field);
    if (values) out.push({ field, values });
  }
  return out;
}

/**
 * The country row `i` names in its own columns (`countryColumns`), if any: rows of an orders report
 * can differ. Read straight from the columns, without a view of the row and a getter per field.
 */
export function rowCountry(columns: readonly CountryColumn[], i: number): Country | null {
  for (let k = 0; k < columns.length; k++) {
    const c = countryOf(columns[k].values.at(i));
    if (c) return c;
  }
  return null;
}

function channelFor(marketplace: 'amazon' | 'noon', country: Country): Channel {
  return CHANNELS.find((c) => c.marketplace === marketplace && c.country === country) as Channel;
}

/**
 * Decides a report's channel. `userChannel` (a channel id) always wins. Reports that belong to no
 * channel (mapping, PO history, warehouse stock) get null with the reason.
 */
export function inferChannel(kind: ReportKind, source: string, records: RecordTable, userChannel?: string): ChannelDecision {
  if (userChannel) {
    const chosen = CHANNELS.find((c) => c.id === userChannel) ?? null;
    return chosen ? decided(chosen, 'user', true, problemOf('channel.by-user', {})) : decided(null, null, true, problemOf('channel.unknown-id', { id: userChannel }));
  }
  const marketplace = KINDS.find((k) => k.kind === kind)?.marketplace ?? null;
  // isChannelKind(kind) says the same: no marketplace, no channel.
  if (!marketplace) return decided(null, null, false, problemOf('channel.not-channel-report', {}));

  let ksa = 0;
  let uae = 0;
  let field: string | null = null;
  const columns = countryColumns(records);
  for (let i = 0; columns.length > 0 && i < records.length; i++) {
    for (const column of columns) {
      const c = countryOf(column.values.at(i));
      if (!c) continue;
      if (c === 'KSA') ksa++;
      else uae++;
      field ??= column.field;
      break;
    }
  }
  if (ksa + uae > 0) {
    const country: Country = ksa >= uae ? 'KSA' : 'UAE';
    // Rows that name the other country keep it (join-rows.ts, channelOf).
    const problem = problemOf('channel.from-column', { field: field as string, country, n: Math.max(ksa, uae), rows: records.length, other: Math.min(ksa, uae) });
    return decided(channelFor(marketplace, country), 'column', true, problem);
  }
  const fromName = countryFromName(source);
  if (fromName) return decided(channelFor(marketplace, fromName), 'name', true, problemOf('channel.from-name', { name: source, country: fromName }));
  return decided(null, null, true, problemOf('channel.none', { name: source }));
}
