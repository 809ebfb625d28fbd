/**
 * Greedy matching of excess to need inside one country (docs/FORMULAS.md, "Excess, need, transfers").
 *
 *   group by (masterSku, country)               transfers never cross a country or a Master SKU
 *   destinations: floor(needQty) > 0, lowest DOI first
 *   sources:      floor(excessQty) > 0, highest DOI first (+∞, no sales, comes first)
 *   for each destination, take from the sources in order:
 *     qty = min(remaining excess of the source, remaining need of the destination)
 *   recommend when qty ≥ minTransferQty and transferCostPerUnit < unitCost, else list it as skipped
 *   capitalSaved = qty × unitCost − qty × transferCostPerUnit      (metrics/transfer.ts)
 *
 * Symbols: DOI = days of inventory, minTransferQty = smallest transfer worth recommending (setting,
 * default 10), transferCostPerUnit = removal + shipping + inbound cost of moving one unit (setting,
 * default 5), unitCost = cost of buying one unit, in the country's currency.
 * Conventions:
 * - Whole units: excess and need are floored before matching.
 * - Ties in DOI are broken by key (code-unit order), and groups are emitted by Master SKU, then country,
 *   so the result does not depend on the order of `candidates`.
 * - A position is never its own source. One source may serve several destinations.
 * - unitCost of a match = the destination's unitCost, or, when it is missing, the first known unitCost in
 *   the group by key (costs are the same within a country). No known cost → skipped "unit cost missing"
 *   (unlike `transferQty`, which then checks only the minimum: a recommendation here shows capital saved).
 * - A match that fails a rule is listed in `skipped` and consumes nothing. Rules are checked in the order
 *   unit cost missing, cost rule, minimum. A failure that no later source could pass is listed once:
 *   a cost failure or a remaining need below the minimum ends that destination; a source whose remaining
 *   excess is below the minimum is listed against the first destination it meets and then set aside.
 * Cost: O(n log n) for the sorts; the matching is near-linear (each step fills a destination, ends it or
 * exhausts a source; exhausted sources are skipped through a path-compressed "next live source" table).
 * @throws TypeError when a candidate has a negative or non-finite quantity, a NaN or negative DOI, a
 * negative or non-finite unitCost or a duplicate key, or when a rule is negative or non-finite
 * (candidates come from the engine, so bad values are a programming error).
 * @example
 * matchTransfers(
 *   [
 *     { key: 'A', masterSku: 'M1', country: 'KSA', doi: 200, excessQty: 60, needQty: 0, unitCost: 30 },
 *     { key: 'B', masterSku: 'M1', country: 'KSA', doi: 5, excessQty: 0, needQty: 45, unitCost: 30 },
 *   ],
 *   { minTransferQty: 10, transferCostPerUnit: 5 },
 * ); // transfers: [{ from: 'A', to: 'B', qty: 45, unitCost: 30, transferCost: 225, capitalSaved: 1125 }]
 */
import { nonNegative, nonNegativeOrInfinite } from '../check';
import { isCalcError, type CalcError } from '../errors';
import { capitalSaved } from '../metrics/transfer';
import type { Days, Money, Units } from '../model';

export interface TransferCandidate {
  /** Position id, unique. */
  readonly key: string;
  readonly masterSku: string;
  /** Transfers stay inside one country. */
  readonly country: string;
  /** Days of inventory; +Infinity allowed (stock and no sales). */
  readonly doi: Days;
  /** Units the position can give (≥ 0). */
  readonly excessQty: Units;
  /** Units the position needs (≥ 0). */
  readonly needQty: Units;
  /** Per unit, in the channel's currency (the same within a country); null when unknown. */
  readonly unitCost: Money | null;
}

export interface Transfer {
  readonly from: string;
  readonly to: string;
  readonly qty: Units;
  readonly unitCost: Money;
  /** qty × transferCostPerUnit. */
  readonly transferCost: Money;
  /** qty × unitCost − transferCost. */
  readonly capitalSaved: Money;
}

export interface TransferSkip {
  readonly from: string;
  readonly to: string;
  readonly qty: Units;
  /** Plain words, no trailing period. */
  readonly reason: string;
}

export interface TransferRules {
  readonly minTransferQty: Units;
  readonly transferCostPerUnit: Money;
}

export const skipReasons = {
  belowMinimum: (minTransferQty: Units) => `below the minimum transfer of ${minTransferQty} units`,
  costNotBelow: (transferCostPerUnit: Money, unitCost: Money) =>
    `transfer cost ${transferCostPerUnit} is not below unit cost ${unitCost}`,
  costMissing: () => 'unit cost missing',
} as const;

function fail(where: string | TransferCandidate, bad: CalcError | undefined): void {
  if (bad) throw new TypeError(`matchTransfers: ${typeof where === 'string' ? where : `candidate ${where.key}`}: ${bad.message}`);
}

function validate(candidates: readonly TransferCandidate[], rules: TransferRules): void {
  fail('rules', nonNegative(rules.minTransferQty, 'minTransferQty') ?? nonNegative(rules.transferCostPerUnit, 'transferCostPerUnit'));
  const seen = new Set<string>();
  for (const c of candidates) {
    // The place is named only when something fails (no text per candidate otherwise).
    fail(
      c,
      nonNegativeOrInfinite(c.doi, 'doi') ??
        nonNegative(c.excessQty, 'excessQty') ??
        nonNegative(c.needQty, 'needQty') ??
        (c.unitCost === null ? undefined : nonNegative(c.unitCost, 'unitCost')),
    );
    if (seen.has(c.key)) throw new TypeError(`matchTransfers: candidate ${c.key}: key must be unique`);
    seen.add(c.key);
  }
}

const byKey = (a: TransferCandidate, b: TransferCandidate): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
/** Explicit comparisons: Infinity − Infinity is NaN, so a subtraction comparator would break ties badly. */
const lowestDoiFirst = (a: TransferCandidate, b: TransferCandidate): number =>
  a.doi < b.doi ? -1 : a.doi > b.doi ? 1 : byKey(a, b);
const highestDoiFirst = (a: TransferCandidate, b: TransferCandidate): number =>
  a.doi > b.doi ? -1 : a.doi < b.doi ? 1 : byKey(a, b);

/**
 * Groups by (masterSku, country) that can match (a source and a destination), in Master SKU then
 * country order. A group without either gives neither transfers nor skips (matchGroup), so it is left
 * out before the sort: most positions have no counterpart in their country.
 */
function groups(candidates: readonly TransferCandidate[]): TransferCandidate[][] {
  // Country, then Master SKU: a handful of countries, and no key text built per candidate.
  const byCountry = new Map<string, Map<string, TransferCandidate[]>>();
  for (const c of candidates) {
    let bySku = byCountry.get(c.country);
    if (!bySku) byCountry.set(c.country, (bySku = new Map()));
    const group = bySku.get(c.masterSku);
    if (group) group.push(c);
    else bySku.set(c.masterSku, [c]);
  }
  const out: TransferCandidate[][] = [];
  for (const bySku of byCountry.values()) {
    for (const group of bySku.values()) {
      if (group.length < 2) continue; // a position is never its own source
      if (group.some((c) => Math.floor(c.excessQty) > 0) && group.some((c) => Math.floor(c.needQty) > 0)) out.push(group);
    }
  }
  return out.sort((a, b) => {
    const x = a[0];
    const y = b[0];
    if (x.masterSku !== y.masterSku) return x.masterSku < y.masterSku ? -1 : 1;
    return x.country < y.country ? -1 : x.country > y.country ? 1 : 0;
  });
}

function matchGroup(group: TransferCandidate[], rules: TransferRules, transfers: Transfer[], skipped: TransferSkip[]): void {
  const { minTransferQty, transferCostPerUnit } = rules;
  const sources = group.filter((c) => Math.floor(c.excessQty) > 0).sort(highestDoiFirst);
  const destinations = group.filter((c) => Math.floor(c.needQty) > 0).sort(lowestDoiFirst);
  if (sources.length === 0 || destinations.length === 0) return;
  const groupCost = [...group].sort(byKey).find((c) => c.unitCost !== null)?.unitCost ?? null;

  const remaining = sources.map((s) => Math.floor(s.excessQty));
  // next[i] = i while source i can still give; set aside → i + 1 (index sources.length is the end).
  const next = Array.from({ length: sources.length + 1 }, (_, i) => i);
  const live = (i: number): number => {
    let root = i;
    while (next[root] !== root) root = next[root];
    while (i !== root) {
      const after = next[i];
      next[i] = root;
      i = after;
    }
    return root;
  };
  const setAside = (i: number): void => {
    next[i] = i + 1;
  };

  for (const to of destinations) {
    let need = Math.floor(to.needQty);
    const unitCost = to.unitCost ?? groupCost;
    let i = live(0);
    while (need > 0) {
      if (i < sources.length && sources[i].key === to.key) i = live(i + 1);
      if (i >= sources.length) break;
      const from = sources[i].key;
      const qty = Math.min(remaining[i], need);
      if (unitCost === null) {
        skipped.push({ from, to: to.key, qty, reason: skipReasons.costMissing() });
        break;
      }
      if (!(transferCostPerUnit < unitCost)) {
        skipped.push({ from, to: to.key, qty, reason: skipReasons.costNotBelow(transferCostPerUnit, unitCost) });
        break;
      }
      if (qty < minTransferQty) {
        skipped.push({ from, to: to.key, qty, reason: skipReasons.belowMinimum(minTransferQty) });
        if (remaining[i] < minTransferQty) setAside(i);
        if (need < minTransferQty) break;
        i = live(i);
        continue;
      }
      const saved = capitalSaved(qty, unitCost, transferCostPerUnit);
      if (isCalcError(saved)) throw new TypeError(`matchTransfers: ${from} → ${to.key}: ${saved.message}`);
      transfers.push({ from, to: to.key, qty, unitCost, transferCost: qty * transferCostPerUnit, capitalSaved: saved });
      remaining[i] -= qty;
      need -= qty;
      if (remaining[i] === 0) setAside(i);
      i = live(i);
    }
  }
}

export function matchTransfers(
  candidates: readonly TransferCandidate[],
  rules: TransferRules,
): { transfers: Transfer[]; skipped: TransferSkip[] } {
  validate(candidates, rules);
  const transfers: Transfer[] = [];
  const skipped: TransferSkip[] = [];
  for (const group of groups(candidates)) matchGroup(group, rules, transfers, skipped);
  return { transfers, skipped };
}
