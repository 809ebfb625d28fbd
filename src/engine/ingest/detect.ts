/**
 * Finding the header row and recognizing the report kind (docs/REPORTS.md, "Kinds", "Header normalization
 * and aliases"). Columns are matched by name, never by position; detection returns the kind with a
 * confidence and the reasons, and says "unsure" rather than guessing when two kinds score alike or
 * the best one scores low.
 */
import { FieldSpec, KINDS, KindSpec, ReportKind } from './kinds';
import type { RawCell, RawGrid } from './types';
import { problemOf, say, type Problem } from '../problems';

/** How many rows from the top may hold titles, blank lines or notes before the header. */
export const HEADER_SEARCH_ROWS = 20;
/** Below this confidence the kind is not taken without the user saying so. */
export const MIN_CONFIDENCE = 0.5;
/** The best kind must beat the next by this much. */
export const MIN_MARGIN = 0.1;
/** A marketplace named in the sheet or file name ("noon", "amazon") tips the balance by this much. */
const NAME_HINT = 0.15;

/**
 * Normalizes a header name: BOM and surrounding quotes dropped, lower case, Unicode compatibility
 * forms folded, en/em dashes and minus signs folded to "-", then runs of spaces, underscores and
 * hyphens collapsed to one space. "Sessions – Total" and "sessions - total" both give "sessions total";
 * "reserved_fc-transfers" gives "reserved fc transfers".
 */
export function normalizeHeader(cell: RawCell): string {
  if (cell === null || cell === undefined) return '';
  return String(cell)
    .normalize('NFKC')
    .replace(/\uFEFF/g, '')
    .trim()
    .replace(/^["'“”‘’]+|["'“”‘’]+$/g, '')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

const normalizedAliases = new Map<FieldSpec, readonly string[]>();
/** A field's names, normalized: its own aliases first, then the generic ones. */
function aliasesOf(field: FieldSpec): readonly string[] {
  let list = normalizedAliases.get(field);
  if (!list) normalizedAliases.set(field, (list = [...field.aliases, ...(field.generic ?? [])].map(normalizeHeader)));
  return list;
}

/** Every header name any kind knows, normalized: what a header row is recognized by. */
const KNOWN_NAMES: ReadonlySet<string> = new Set(KINDS.flatMap((k) => k.fields.flatMap(aliasesOf)));

function isKnown(name: string): boolean {
  return KNOWN_NAMES.has(name) || KINDS.some((k) => k.patterns?.some((p) => p.pattern.test(name)));
}

/**
 * The header row among the first HEADER_SEARCH_ROWS rows: the one with the most known column names
 * (at least two); the earliest wins a tie. Returns the 0-based row index, or null.
 */
export function findHeaderRow(grid: RawGrid): number | null {
  let best: number | null = null;
  let bestCount = 1;
  const last = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    let count = 0;
    for (const cell of grid[r] ?? []) if (isKnown(normalizeHeader(cell))) count++;
    if (count > bestCount) {
      best = r;
      bestCount = count;
    }
  }
  return best;
}

/** A field of a kind found in the header: which column holds it. */
export interface ColumnMatch {
  readonly field: string;
  readonly type: FieldSpec['type'];
  readonly required: boolean;
  readonly index: number;
  readonly header: string;
  /** What a blank cell reads as (FieldSpec.blankAs); absent when blank stays null. */
  readonly blankAs?: number;
  /** Day/month order when the column's values do not decide it (FieldSpec.dateOrder). */
  readonly dateOrder?: 'DMY' | 'MDY';
  /** FieldSpec.nonNegative and FieldSpec.future, when set. */
  readonly nonNegative?: 'zero' | 'ignore';
  readonly future?: boolean;
}

export interface KindMatch {
  readonly spec: KindSpec;
  readonly confidence: number;
  readonly columns: readonly ColumnMatch[];
  /** Columns matched by a pattern (inv-age-*), with their header as written. */
  readonly patternColumns: readonly ColumnMatch[];
  readonly missingRequired: readonly FieldSpec[];
  readonly signatureFound: readonly string[];
}

/** Distinctive or required columns found that make a kind certain on their own. */
const ENOUGH_EVIDENCE = 3;

/**
 * Confidence in a kind = evidence × (½ + ½ × coverage): evidence grows with the distinctive or
 * required columns found (three are enough, so a trimmed sheet is still recognized) and coverage, the
 * share of the kind's known columns present, separates kinds that share a few names. Generic names
 * ("sku", "qty") count half.
 */
function evidence(found: number): number {
  return Math.min(1, found / ENOUGH_EVIDENCE);
}

/** Maps a kind's fields to header columns: each field takes the first free column named by one of its aliases, in alias order. */
export function matchKind(spec: KindSpec, headers: readonly RawCell[]): KindMatch {
  const names = headers.map(normalizeHeader);
  const taken = new Set<number>();
  const columns: ColumnMatch[] = [];
  const missingRequired: FieldSpec[] = [];
  const signatureFound: string[] = [];
  let scored = 0;
  let found = 0;
  for (const field of spec.fields) {
    const aliases = aliasesOf(field);
    let index = -1;
    let aliasIndex = -1;
    for (aliasIndex = 0; aliasIndex < aliases.length; aliasIndex++) {
      const alias = aliases[aliasIndex];
      index = names.findIndex((name, i) => name === alias && !taken.has(i));
      if (index >= 0) break;
    }
    const counts = field.signature || field.required;
    if (counts) scored++;
    if (index >= 0) {
      const generic = aliasIndex >= field.aliases.length;
      taken.add(index);
      const column: ColumnMatch = { field: field.field, type: field.type, required: !!field.required, index, header: String(headers[index]) };
      columns.push({
        ...column,
        ...(field.blankAs === undefined ? {} : { blankAs: field.blankAs }),
        ...(field.dateOrder ? { dateOrder: field.dateOrder } : {}),
        ...(field.nonNegative ? { nonNegative: field.nonNegative } : {}),
        ...(field.future ? { future: true } : {}),
      });
      if (counts) found += generic ? 0.5 : 1;
      if (field.signature && !generic) signatureFound.push(String(headers[index]));
    } else if (field.required) missingRequired.push(field);
  }
  const patternColumns: ColumnMatch[] = [];
  for (const p of spec.patterns ?? []) {
    names.forEach((name, i) => {
      if (!taken.has(i) && p.pattern.test(name)) {
        taken.add(i);
        patternColumns.push({ field: p.field, type: 'number', required: false, index: i, header: String(headers[i]) });
      }
    });
  }
  // Pattern columns count as one signature: their presence is typical of the kind.
  if (spec.patterns?.length) {
    scored++;
    if (patternColumns.length > 0) {
      found++;
      signatureFound.push(`${patternColumns.length} ${spec.patterns[0].field} columns`);
    }
  }
  const anyOfMissing = spec.anyOf && !spec.anyOf.some((f) => columns.some((c) => c.field === f));
  // The columns that make a row what the kind is (an order id, a purchase date and a status for All
  // Orders): a header with none of them is not that kind, however many common names (sku, quantity)
  // it shares.
  const identity = spec.fields.filter((f) => f.required && f.signature);
  const noIdentity = identity.length >= 2 && !identity.some((f) => columns.some((c) => c.field === f.field));
  const confidence = scored === 0 ? 0 : evidence(found) * (0.5 + 0.5 * (found / scored)) * (anyOfMissing ? 0.5 : 1) * (noIdentity ? 0.5 : 1);
  return { spec, confidence, columns, patternColumns, missingRequired, signatureFound };
}

export interface Detection {
  /** The kind taken, or null when unsure (ties, low confidence) and the user has not said. */
  readonly kind: ReportKind | null;
  readonly match: KindMatch | null;
  readonly confidence: number;
  readonly unsure: boolean;
  /** Why this kind, or why none (detect.* codes): what the issue of an unknown kind names. */
  readonly why: readonly Problem[];
  /** The same in English, as the CLI's inspect and the Debug panel show them. */
  readonly reasons: readonly string[];
  /** Every kind's best score, best first: what the user chooses from when detection is unsure. */
  readonly candidates: readonly { readonly kind: ReportKind; readonly confidence: number }[];
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

type Found = Omit<Detection, 'reasons'>;
const detected = (d: Found): Detection => ({ ...d, reasons: d.why.map((p) => say(p)) });

/**
 * Recognizes a report from its header. `sourceName` (sheet or file name) may hint the marketplace;
 * `userKind` (the user's choice) always wins.
 */
export function detectKind(headers: readonly RawCell[], sourceName = '', userKind?: ReportKind): Detection {
  const hint = marketplaceHint(sourceName);
  const scored = KINDS.map((spec) => {
    const match = matchKind(spec, headers);
    const bonus = hint && spec.marketplace === hint && match.confidence > 0 ? NAME_HINT : 0;
    return { match, score: Math.min(1, match.confidence + bonus), bonus };
  });
  // Best layout per kind.
  const perKind = new Map<ReportKind, (typeof scored)[number]>();
  for (const s of scored) {
    const prev = perKind.get(s.match.spec.kind);
    if (!prev || s.score > prev.score) perKind.set(s.match.spec.kind, s);
  }
  const ranked = [...perKind.values()].sort((a, b) => b.score - a.score);
  const candidates = ranked.map((s) => ({ kind: s.match.spec.kind, confidence: s.score }));

  const chosen = userKind ? perKind.get(userKind) : undefined;
  if (userKind && !chosen) {
    // A kind the importer does not know (a stale or mistyped choice): said, and the sheet left unread.
    return detected({ kind: null, match: null, confidence: 0, unsure: true, why: [problemOf('detect.unknown-kind', { kind: userKind })], candidates });
  }
  if (userKind && chosen) {
    const why = [problemOf('detect.by-user', { fit: pct(chosen.score), report: chosen.match.spec.label })];
    return detected({ kind: userKind, match: chosen.match, confidence: chosen.score, unsure: false, why, candidates });
  }
  const [best, second] = ranked;
  const typical = (m: KindMatch) => problemOf('detect.typical-columns', { report: m.spec.label, columns: m.signatureFound.slice(0, 6) });
  const why: Problem[] = [];
  if (best.match.signatureFound.length) why.push(typical(best.match));
  if (best.bonus && hint) why.push(problemOf('detect.name-mentions', { name: sourceName, marketplace: hint }));
  if (best.score < MIN_CONFIDENCE) {
    why.push(problemOf('detect.low-fit', { report: best.match.spec.label, fit: pct(best.score) }));
    return detected({ kind: null, match: null, confidence: best.score, unsure: true, why, candidates });
  }
  if (second && best.score - second.score < MIN_MARGIN) {
    // Amazon adds other reports' columns to a download (a planning report that also carries the
    // reserved and restock columns): the kind whose own distinctive columns are clearly more wins.
    const own = distinctive(best.match, second.match, headers);
    const other = distinctive(second.match, best.match, headers);
    const winner = own >= other + MIN_DISTINCTIVE_LEAD ? best : other >= own + MIN_DISTINCTIVE_LEAD ? second : null;
    if (winner) {
      const loser = (winner === best ? second : best).match.spec.label;
      const lead = problemOf('detect.distinctive-lead', { other: loser, report: winner.match.spec.label, own: Math.max(own, other), others: Math.min(own, other) });
      return detected({ kind: winner.match.spec.kind, match: winner.match, confidence: winner.score, unsure: false, why: [typical(winner.match), lead], candidates });
    }
    why.push(problemOf('detect.tie', { first: best.match.spec.label, firstFit: pct(best.score), second: second.match.spec.label, secondFit: pct(second.score) }));
    return detected({ kind: null, match: null, confidence: best.score, unsure: true, why, candidates });
  }
  return detected({ kind: best.match.spec.kind, match: best.match, confidence: best.score, unsure: false, why, candidates });
}

/** How many more distinctive columns one kind must have than the other to win a near tie. */
const MIN_DISTINCTIVE_LEAD = 3;

/** Signature columns of `a` found in the header that no field of `b` names. */
function distinctive(a: KindMatch, b: KindMatch, headers: readonly RawCell[]): number {
  const namedByB = new Set(b.spec.fields.flatMap(aliasesOf));
  let n = 0;
  for (const c of a.columns) {
    const field = a.spec.fields.find((f) => f.field === c.field);
    if (field?.signature && !namedByB.has(normalizeHeader(headers[c.index]))) n++;
  }
  return n + (a.patternColumns.length > 0 ? 1 : 0);
}

/** "noon" or "amazon"/"amz" as a word in a sheet or file name. */
export function marketplaceHint(name: string): 'amazon' | 'noon' | null {
  const words = name.toLowerCase().split(/[^a-z0-9\u0600-\u06ff]+/);
  if (words.includes('noon') || name.includes('نون')) return 'noon';
  if (words.includes('amazon') || words.includes('amz') || name.includes('أمازون') || name.includes('امازون')) return 'amazon';
  return null;
}
