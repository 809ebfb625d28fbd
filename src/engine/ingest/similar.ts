/**
 * The closest known SKU to an unmapped one, within a few edits (docs/REPORTS.md, "Joining": the mapping
 * suggestion "similar SKU"). Comparing each unmapped SKU with every mapped one is quadratic: 500
 * unmapped SKUs against 136,000 mapped ones is 68 million edit distances. Instead the known SKUs are
 * sorted once, which makes them a trie laid flat (SKUs that share a prefix sit together), and one
 * search walks it with one row of the Levenshtein table per prefix character: a prefix shared by
 * many SKUs is computed once, and a prefix already more than `limit` edits from every alignment of
 * the target is skipped with all the SKUs that start with it (one binary search). The answer is
 * exactly the brute-force one: the smallest distance, ties to the candidate added first.
 *
 * Work per search is bounded by the prefixes within `limit` edits of the target, not by the number of
 * known SKUs; `MAX_ROWS` caps it for adversarial inputs (then the best found so far is returned).
 */

/** Table rows one search may compute before it settles for the best found so far. */
export const MAX_ROWS = 200_000;

export interface Candidate<T> {
  /** The text compared (already normalized by the caller). */
  readonly key: string;
  /** Order of addition: among equally close candidates the first added wins. */
  readonly ordinal: number;
  readonly value: T;
}

export class SimilarIndex<T> {
  /** Distinct keys, sorted by UTF-16 code units (the order of `<` on strings). */
  private readonly keys: string[] = [];
  /** Per sorted key, the ordinal and value of the first candidate added with it. */
  private readonly ordinals: number[] = [];
  private readonly values: T[] = [];

  constructor(candidates: Iterable<{ readonly key: string; readonly value: T }>) {
    // Each distinct key with the candidate added first with it, then the keys in order (the native sort
    // of strings compares UTF-16 code units, as `<` does: about ten times faster than sorting the
    // candidates with a comparator of our own).
    const first = new Map<string, { readonly ordinal: number; readonly value: T }>();
    let ordinal = 0;
    for (const c of candidates) {
      if (c.key !== '' && !first.has(c.key)) first.set(c.key, { ordinal, value: c.value });
      ordinal++;
    }
    for (const key of [...first.keys()].sort()) {
      const f = first.get(key)!;
      this.keys.push(key);
      this.ordinals.push(f.ordinal);
      this.values.push(f.value);
    }
  }

  get size(): number {
    return this.keys.length;
  }

  /** The closest candidate within `limit` edits of `target` (ties: the first added), or null. */
  nearest(target: string, limit: number): { readonly candidate: Candidate<T>; readonly distance: number } | null {
    const m = target.length;
    const keys = this.keys;
    // rows[d] is the Levenshtein row of the prefix of length d against the target; row 0 is 0..m.
    const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, j) => j)];
    let best = -1; // index in keys
    let bestDistance = limit + 1;
    /** The key whose first `valid` characters have their rows computed. */
    let prefixOf = '';
    let valid = 0;
    let computed = 0;
    let i = 0;
    while (i < keys.length && computed < MAX_ROWS) {
      const key = keys[i];
      let d = commonPrefix(prefixOf, key, valid);
      let pruned = -1;
      for (; d < key.length; d++) {
        const row = (rows[d + 1] ??= new Int32Array(m + 1));
        const prev = rows[d];
        const c = key.charCodeAt(d);
        row[0] = d + 1;
        let rowMin = row[0];
        for (let j = 1; j <= m; j++) {
          const v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (target.charCodeAt(j - 1) === c ? 0 : 1));
          row[j] = v;
          if (v < rowMin) rowMin = v;
        }
        computed++;
        if (rowMin > limit) {
          pruned = d + 1; // every key starting with key[0, d] is too far
          break;
        }
      }
      prefixOf = key;
      if (pruned >= 0) {
        valid = pruned - 1;
        i = endOfPrefix(keys, key.slice(0, pruned), i + 1);
        continue;
      }
      valid = key.length;
      const distance = rows[key.length][m];
      if (distance < bestDistance || (distance === bestDistance && best >= 0 && this.ordinals[i] < this.ordinals[best])) {
        best = i;
        bestDistance = distance;
      }
      i++;
    }
    if (best < 0) return null;
    const candidate: Candidate<T> = { key: keys[best], ordinal: this.ordinals[best], value: this.values[best] };
    return { candidate, distance: bestDistance };
  }
}

/** Length of the common prefix of a and b, at most `max`. */
function commonPrefix(a: string, b: string, max: number): number {
  const n = Math.min(max, a.length, b.length);
  let k = 0;
  while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k;
}

/** The first index from `from` whose key does not start with `prefix` (keys sorted; those that do are contiguous). */
function endOfPrefix(keys: readonly string[], prefix: string, from: number): number {
  let lo = from;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid].startsWith(prefix)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`: the reference the index answers as. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}
