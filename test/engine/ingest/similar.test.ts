import fc from 'fast-check';
import { editDistance, SimilarIndex } from '../../../src/engine/ingest/similar';

/** The quadratic reference: every candidate compared, the first added wins a tie. */
function bruteForce(keys: readonly string[], target: string, limit: number): { index: number; distance: number } | null {
  let best: { index: number; distance: number } | null = null;
  keys.forEach((k, index) => {
    if (k === '') return;
    const distance = editDistance(target, k, limit);
    if (distance <= limit && (best === null || distance < best.distance)) best = { index, distance };
  });
  return best;
}

const index = (keys: readonly string[]) => new SimilarIndex(keys.map((key, i) => ({ key, value: i })));

describe('editDistance (Levenshtein, cut off at the limit)', () => {
  it('counts substitutions, insertions and deletions (kitten → sitting is 3: Levenshtein 1966, the classic example)', () => {
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('flaw', 'lawn', 3)).toBe(2);
    expect(editDistance('', 'abc', 3)).toBe(3);
    expect(editDistance('abc', 'abc', 1)).toBe(0);
  });
  it('gives limit + 1 once the distance is over the limit', () => {
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('SimilarIndex.nearest', () => {
  it('finds the closest SKU, not merely a close one', () => {
    const ix = index(['amzbag01', 'amzbag1x', 'mug02']);
    // amzbag1 → amzbag01 is one insertion, amzbag1x one insertion too: the first added wins the tie.
    expect(ix.nearest('amzbag1', 2)).toEqual({ candidate: { key: 'amzbag01', ordinal: 0, value: 0 }, distance: 1 });
    expect(ix.nearest('mug2', 1)?.candidate.value).toBe(2);
  });
  it('a tie goes to the candidate added first, whatever its sort position', () => {
    // zb1, za2 and zc1 are each one substitution from za1; zb1 was added first (za2 sorts first).
    const ix = index(['zb1', 'za2', 'zc1']);
    expect(ix.nearest('za1', 1)?.candidate.value).toBe(0);
  });
  it('a key given twice keeps its first value', () => {
    const ix = index(['abc', 'abd', 'abc']);
    expect(ix.size).toBe(2);
    expect(ix.nearest('abc', 1)).toMatchObject({ candidate: { value: 0 }, distance: 0 });
  });
  it('nothing within the limit is null; empty keys are never suggested', () => {
    expect(index(['abcdef', 'ghijkl']).nearest('zzzzzz', 2)).toBeNull();
    expect(index(['', 'qq']).nearest('q', 1)?.candidate.value).toBe(1);
    expect(index([]).nearest('abc', 3)).toBeNull();
  });
  it('skips a prefix shared by many SKUs once it is too far, and still finds the one that is close', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `amzsa${String(i).padStart(6, '0')}`);
    keys.push('oldamzsa00003');
    const ix = index(keys);
    expect(ix.nearest('oldamzsa00004', 3)).toMatchObject({ candidate: { key: 'oldamzsa00003' }, distance: 1 });
    expect(ix.nearest('amzsa000042', 2)).toMatchObject({ candidate: { key: 'amzsa000042' }, distance: 0 });
  });
  it('answers exactly as comparing with every candidate (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '0', '1', 'م'), maxLength: 9 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 40 }), text, fc.integer({ min: 1, max: 3 }), (keys, target, limit) => {
        const got = index(keys).nearest(target, limit);
        const want = bruteForce(keys, target, limit);
        expect(got === null ? null : { index: got.candidate.value, distance: got.distance }).toEqual(want);
      }),
      { numRuns: 2000 },
    );
  });
});
