import fc from 'fast-check';
import { matchTransfers, type TransferCandidate } from '../../../src/engine/recommend/match-transfers';

// docs/FORMULAS.md, "Excess, need, transfers". Settings defaults: minTransferQty 10, transferCostPerUnit 5.
const rules = { minTransferQty: 10, transferCostPerUnit: 5 };

/** A position of Master SKU M1 in KSA with unit cost 30 unless told otherwise. */
function pos(key: string, fields: Partial<TransferCandidate>): TransferCandidate {
  return { key, masterSku: 'M1', country: 'KSA', doi: 60, excessQty: 0, needQty: 0, unitCost: 30, ...fields };
}

describe('matchTransfers: greedy, destinations by lowest DOI, sources by highest DOI', () => {
  test('hand-computed: two sources, two destinations, source A serves both', () => {
    // Sources by highest DOI: A (400, excess 80), B (150, excess 25).
    // Destinations by lowest DOI: C (3, need 50), D (10, need 40).
    // C: from A min(80, 50) = 50 → A has 30 left, C is filled.
    // D: from A min(30, 40) = 30 → A is empty, D needs 10 more; from B min(25, 10) = 10 ≥ 10 → B has 15 left.
    // capitalSaved = qty × 30 − qty × 5: 50 → 1500 − 250 = 1250; 30 → 900 − 150 = 750; 10 → 300 − 50 = 250.
    const result = matchTransfers(
      [
        pos('C', { doi: 3, needQty: 50 }),
        pos('B', { doi: 150, excessQty: 25 }),
        pos('D', { doi: 10, needQty: 40 }),
        pos('A', { doi: 400, excessQty: 80 }),
      ],
      rules,
    );
    expect(result.transfers).toStrictEqual([
      { from: 'A', to: 'C', qty: 50, unitCost: 30, transferCost: 250, capitalSaved: 1250 },
      { from: 'A', to: 'D', qty: 30, unitCost: 30, transferCost: 150, capitalSaved: 750 },
      { from: 'B', to: 'D', qty: 10, unitCost: 30, transferCost: 50, capitalSaved: 250 },
    ]);
    expect(result.skipped).toStrictEqual([]);
  });

  test('KSA excess never feeds UAE need, and M1 excess never feeds M2 need', () => {
    const result = matchTransfers(
      [
        pos('amazon-ksa', { doi: 300, excessQty: 100 }),
        pos('noon-uae', { country: 'UAE', doi: 2, needQty: 40 }),
        pos('noon-ksa-m2', { masterSku: 'M2', doi: 2, needQty: 40 }),
      ],
      rules,
    );
    expect(result).toStrictEqual({ transfers: [], skipped: [] });
  });

  test('each country is matched on its own', () => {
    const result = matchTransfers(
      [
        pos('amazon-ksa', { doi: 300, excessQty: 100 }),
        pos('noon-ksa', { doi: 4, needQty: 20 }),
        pos('amazon-uae', { country: 'UAE', doi: 200, excessQty: 15, unitCost: 31 }),
        pos('noon-uae', { country: 'UAE', doi: 2, needQty: 40, unitCost: 31 }),
      ],
      rules,
    );
    // KSA: min(100, 20) = 20. UAE: min(15, 40) = 15; 15 × 31 − 15 × 5 = 465 − 75 = 390.
    expect(result.transfers).toStrictEqual([
      { from: 'amazon-ksa', to: 'noon-ksa', qty: 20, unitCost: 30, transferCost: 100, capitalSaved: 500 },
      { from: 'amazon-uae', to: 'noon-uae', qty: 15, unitCost: 31, transferCost: 75, capitalSaved: 390 },
    ]);
  });

  test('the destination with the lowest DOI is served first when excess is scarce', () => {
    const result = matchTransfers(
      [pos('S', { doi: 200, excessQty: 30 }), pos('X', { doi: 20, needQty: 30 }), pos('Y', { doi: 5, needQty: 30 })],
      rules,
    );
    expect(result.transfers.map((t) => [t.from, t.to, t.qty])).toStrictEqual([['S', 'Y', 30]]);
    expect(result.skipped).toStrictEqual([]); // X meets no source with excess left: no match to skip
  });

  test('the source with the highest DOI gives first', () => {
    const result = matchTransfers(
      [pos('S100', { doi: 100, excessQty: 40 }), pos('S300', { doi: 300, excessQty: 40 }), pos('D', { doi: 1, needQty: 30 })],
      rules,
    );
    expect(result.transfers.map((t) => [t.from, t.to, t.qty])).toStrictEqual([['S300', 'D', 30]]);
  });

  test('+Infinity DOI (stock, no sales) is the first source; equal DOIs go by key', () => {
    const result = matchTransfers(
      [
        pos('slow', { doi: 900, excessQty: 50 }),
        pos('dead-b', { doi: Infinity, excessQty: 20 }),
        pos('dead-a', { doi: Infinity, excessQty: 20 }),
        pos('D', { doi: 0, needQty: 60 }),
      ],
      rules,
    );
    // dead-a 20, dead-b 20, then slow min(50, 60 − 40) = 20.
    expect(result.transfers.map((t) => [t.from, t.qty])).toStrictEqual([
      ['dead-a', 20],
      ['dead-b', 20],
      ['slow', 20],
    ]);
  });

  test('a position is never its own source', () => {
    const alone = pos('X', { doi: 50, excessQty: 20, needQty: 15 });
    expect(matchTransfers([alone], rules)).toStrictEqual({ transfers: [], skipped: [] });
    // X is the first source by DOI but must take from Y; X's excess then serves Z.
    const result = matchTransfers([alone, pos('Y', { doi: 40, excessQty: 30 }), pos('Z', { doi: 70, needQty: 12 })], rules);
    expect(result.transfers.map((t) => [t.from, t.to, t.qty])).toStrictEqual([
      ['Y', 'X', 15],
      ['X', 'Z', 12],
    ]);
  });

  test('quantities are whole units: excess 10.9 → 10, need 0.7 → no destination', () => {
    const result = matchTransfers(
      [pos('S', { doi: 200, excessQty: 10.9 }), pos('D', { doi: 1, needQty: 25.5 }), pos('E', { doi: 0, needQty: 0.7 })],
      rules,
    );
    expect(result.transfers.map((t) => [t.from, t.to, t.qty])).toStrictEqual([['S', 'D', 10]]);
    expect(result.skipped).toStrictEqual([]);
  });

  test('zero need or zero excess: nothing to match', () => {
    expect(matchTransfers([pos('S', { doi: 200, excessQty: 50 }), pos('D', { doi: 1 })], rules)).toStrictEqual({
      transfers: [],
      skipped: [],
    });
    expect(matchTransfers([pos('S', { doi: 200 }), pos('D', { doi: 1, needQty: 50 })], rules)).toStrictEqual({
      transfers: [],
      skipped: [],
    });
    expect(matchTransfers([], rules)).toStrictEqual({ transfers: [], skipped: [] });
  });
});

describe('matchTransfers: the minimum and cost rules', () => {
  test('a need below the minimum is skipped and does not consume the excess', () => {
    // D1 needs 8 < 10: skipped. The 50 units stay for D2: min(50, 50) = 50.
    const result = matchTransfers(
      [pos('S', { doi: 200, excessQty: 50 }), pos('D1', { doi: 1, needQty: 8 }), pos('D2', { doi: 2, needQty: 50 })],
      rules,
    );
    expect(result.skipped).toStrictEqual([{ from: 'S', to: 'D1', qty: 8, reason: 'below the minimum transfer of 10 units' }]);
    expect(result.transfers.map((t) => [t.from, t.to, t.qty])).toStrictEqual([['S', 'D2', 50]]);
  });

  test('a source with less than the minimum is skipped once and the next source serves', () => {
    const result = matchTransfers(
      [
        pos('S1', { doi: 500, excessQty: 6 }),
        pos('S2', { doi: 100, excessQty: 40 }),
        pos('D1', { doi: 1, needQty: 30 }),
        pos('D2', { doi: 2, needQty: 10 }),
      ],
      rules,
    );
    expect(result.skipped).toStrictEqual([{ from: 'S1', to: 'D1', qty: 6, reason: 'below the minimum transfer of 10 units' }]);
    expect(result.transfers.map((t) => [t.from, t.to, t.qty])).toStrictEqual([
      ['S2', 'D1', 30],
      ['S2', 'D2', 10],
    ]);
  });

  test('the rest of a need below the minimum is skipped: 45 = 40 + 5 (5 < 10)', () => {
    const result = matchTransfers(
      [pos('S1', { doi: 500, excessQty: 40 }), pos('S2', { doi: 100, excessQty: 40 }), pos('D', { doi: 1, needQty: 45 })],
      rules,
    );
    expect(result.transfers.map((t) => [t.from, t.qty])).toStrictEqual([['S1', 40]]);
    expect(result.skipped).toStrictEqual([{ from: 'S2', to: 'D', qty: 5, reason: 'below the minimum transfer of 10 units' }]);
  });

  test('exactly the minimum is recommended (≥)', () => {
    const result = matchTransfers([pos('S', { doi: 200, excessQty: 10 }), pos('D', { doi: 1, needQty: 30 })], rules);
    expect(result.transfers.map((t) => t.qty)).toStrictEqual([10]);
    const custom = matchTransfers([pos('S', { doi: 200, excessQty: 24 }), pos('D', { doi: 1, needQty: 30 })], {
      minTransferQty: 25,
      transferCostPerUnit: 5,
    });
    expect(custom.skipped.map((s) => s.reason)).toStrictEqual(['below the minimum transfer of 25 units']);
  });

  test('moving must cost less than buying: unit cost 4 or 5 against transfer cost 5 is skipped', () => {
    for (const unitCost of [4, 5]) {
      const result = matchTransfers(
        [pos('S', { doi: 200, excessQty: 50, unitCost }), pos('D', { doi: 1, needQty: 30, unitCost })],
        rules,
      );
      expect(result.transfers).toStrictEqual([]);
      expect(result.skipped).toStrictEqual([
        { from: 'S', to: 'D', qty: 30, reason: `transfer cost 5 is not below unit cost ${unitCost}` },
      ]);
    }
    // 5.01 > 5: 30 × 5.01 − 30 × 5 = 0.3 saved.
    const cheap = matchTransfers([pos('S', { doi: 200, excessQty: 50, unitCost: 5.01 }), pos('D', { doi: 1, needQty: 30, unitCost: 5.01 })], rules);
    expect(cheap.transfers).toHaveLength(1);
    expect(cheap.transfers[0].capitalSaved).toBeCloseTo(0.3, 10);
  });

  test('a cost failure does not consume the excess: the next destination is served', () => {
    const result = matchTransfers(
      [
        pos('S', { doi: 200, excessQty: 50 }),
        pos('D1', { doi: 1, needQty: 30, unitCost: 4 }),
        pos('D2', { doi: 2, needQty: 50 }),
      ],
      rules,
    );
    expect(result.skipped.map((s) => [s.to, s.qty, s.reason])).toStrictEqual([['D1', 30, 'transfer cost 5 is not below unit cost 4']]);
    expect(result.transfers.map((t) => [t.to, t.qty])).toStrictEqual([['D2', 50]]);
  });

  test('unit cost missing in the whole group: skipped "unit cost missing"', () => {
    const result = matchTransfers(
      [pos('S', { doi: 200, excessQty: 50, unitCost: null }), pos('D', { doi: 1, needQty: 30, unitCost: null })],
      rules,
    );
    expect(result).toStrictEqual({ transfers: [], skipped: [{ from: 'S', to: 'D', qty: 30, reason: 'unit cost missing' }] });
  });

  test("a destination without a cost uses the group's known cost (same within a country)", () => {
    const result = matchTransfers(
      [pos('S', { doi: 200, excessQty: 50, unitCost: 30 }), pos('D', { doi: 1, needQty: 30, unitCost: null })],
      rules,
    );
    expect(result.transfers).toStrictEqual([{ from: 'S', to: 'D', qty: 30, unitCost: 30, transferCost: 150, capitalSaved: 750 }]);
  });

  test("a cost in another country is not used", () => {
    const result = matchTransfers(
      [
        pos('S', { doi: 200, excessQty: 50, unitCost: null }),
        pos('D', { doi: 1, needQty: 30, unitCost: null }),
        pos('U', { country: 'UAE', unitCost: 31 }),
      ],
      rules,
    );
    expect(result.skipped.map((s) => s.reason)).toStrictEqual(['unit cost missing']);
  });
});

describe('matchTransfers: programming errors throw', () => {
  test('negative or non-finite quantities, NaN or negative DOI, bad cost, duplicate keys', () => {
    expect(() => matchTransfers([pos('P1', { excessQty: -1 })], rules)).toThrow(
      new TypeError('matchTransfers: candidate P1: excessQty must not be negative'),
    );
    expect(() => matchTransfers([pos('P2', { needQty: Infinity })], rules)).toThrow(
      'matchTransfers: candidate P2: needQty must be a finite number',
    );
    expect(() => matchTransfers([pos('P3', { doi: Number.NaN })], rules)).toThrow('matchTransfers: candidate P3: doi must be a number');
    expect(() => matchTransfers([pos('P4', { doi: -1 })], rules)).toThrow('matchTransfers: candidate P4: doi must not be negative');
    expect(() => matchTransfers([pos('P5', { unitCost: Number.NaN })], rules)).toThrow(
      'matchTransfers: candidate P5: unitCost must be a number',
    );
    expect(() => matchTransfers([pos('P6', {}), pos('P6', {})], rules)).toThrow('matchTransfers: candidate P6: key must be unique');
  });

  test('negative or non-finite rules', () => {
    expect(() => matchTransfers([], { minTransferQty: -1, transferCostPerUnit: 5 })).toThrow(
      'matchTransfers: rules: minTransferQty must not be negative',
    );
    expect(() => matchTransfers([], { minTransferQty: 10, transferCostPerUnit: Number.NaN })).toThrow(
      'matchTransfers: rules: transferCostPerUnit must be a number',
    );
  });

  test('the candidates are not mutated', () => {
    const candidates = [pos('S', { doi: 200, excessQty: 50 }), pos('D', { doi: 1, needQty: 30 })];
    const copy = structuredClone(candidates);
    matchTransfers(candidates, rules);
    expect(candidates).toStrictEqual(copy);
  });
});

describe('matchTransfers: properties', () => {
  const candidateList = fc
    .array(
      fc.record({
        masterSku: fc.constantFrom('M1', 'M2'),
        country: fc.constantFrom('KSA', 'UAE'),
        doi: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 1000, noNaN: true }), fc.constant(Infinity)),
        excessQty: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 120 }), fc.double({ min: 0, max: 200, noNaN: true })),
        needQty: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 120 }), fc.double({ min: 0, max: 200, noNaN: true })),
        unitCost: fc.option(fc.double({ min: 0, max: 50, noNaN: true })),
      }),
      { maxLength: 25 },
    )
    .map((rows) => rows.map((r, i): TransferCandidate => ({ key: `P${i}`, ...r })));
  const ruleSet = fc.record({ minTransferQty: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })), transferCostPerUnit: fc.double({ min: 0, max: 10, noNaN: true }) });

  test('sent ≤ floor(excess), received ≤ floor(need), every transfer ≥ minimum and cheaper than buying, within one Master SKU and country', () => {
    fc.assert(
      fc.property(candidateList, ruleSet, (candidates, r) => {
        const { transfers } = matchTransfers(candidates, r);
        const byKey = new Map(candidates.map((c) => [c.key, c]));
        const sent = new Map<string, number>();
        const received = new Map<string, number>();
        for (const t of transfers) {
          const from = byKey.get(t.from)!;
          const to = byKey.get(t.to)!;
          expect(t.from).not.toBe(t.to);
          expect(from.masterSku).toBe(to.masterSku);
          expect(from.country).toBe(to.country);
          expect(Number.isInteger(t.qty)).toBe(true);
          expect(t.qty).toBeGreaterThanOrEqual(Math.max(1, r.minTransferQty));
          expect(r.transferCostPerUnit).toBeLessThan(t.unitCost);
          sent.set(t.from, (sent.get(t.from) ?? 0) + t.qty);
          received.set(t.to, (received.get(t.to) ?? 0) + t.qty);
        }
        for (const [key, qty] of sent) expect(qty).toBeLessThanOrEqual(Math.floor(byKey.get(key)!.excessQty));
        for (const [key, qty] of received) expect(qty).toBeLessThanOrEqual(Math.floor(byKey.get(key)!.needQty));
      }),
    );
  });

  /** The rule read literally: every (destination, source) pair in order, no shortcuts. O(D × S). */
  function naiveTransfers(candidates: TransferCandidate[], r: { minTransferQty: number; transferCostPerUnit: number }) {
    const out: [string, string, number][] = [];
    const groupIds = [...new Set(candidates.map((c) => JSON.stringify([c.masterSku, c.country])))].sort();
    for (const id of groupIds) {
      const group = candidates.filter((c) => JSON.stringify([c.masterSku, c.country]) === id);
      const cmp = (a: TransferCandidate, b: TransferCandidate) => (a.key < b.key ? -1 : 1);
      const groupCost = [...group].sort(cmp).find((c) => c.unitCost !== null)?.unitCost ?? null;
      const sources = group.filter((c) => Math.floor(c.excessQty) > 0).sort((a, b) => (a.doi === b.doi ? cmp(a, b) : a.doi > b.doi ? -1 : 1));
      const dests = group.filter((c) => Math.floor(c.needQty) > 0).sort((a, b) => (a.doi === b.doi ? cmp(a, b) : a.doi < b.doi ? -1 : 1));
      const left = new Map(sources.map((c) => [c.key, Math.floor(c.excessQty)]));
      for (const d of dests) {
        let need = Math.floor(d.needQty);
        const cost = d.unitCost ?? groupCost;
        for (const src of sources) {
          const qty = Math.min(left.get(src.key)!, need);
          if (src.key === d.key || qty === 0 || cost === null || !(r.transferCostPerUnit < cost) || qty < r.minTransferQty) continue;
          out.push([src.key, d.key, qty]);
          left.set(src.key, left.get(src.key)! - qty);
          need -= qty;
        }
      }
    }
    return out;
  }

  test('every skip is a real match that fails a rule; at most one skip per source and one per destination', () => {
    fc.assert(
      fc.property(candidateList, ruleSet, (candidates, r) => {
        const { skipped } = matchTransfers(candidates, r);
        const byKey = new Map(candidates.map((c) => [c.key, c]));
        for (const s of skipped) {
          const from = byKey.get(s.from)!;
          const to = byKey.get(s.to)!;
          expect(s.from).not.toBe(s.to);
          expect([from.masterSku, from.country]).toStrictEqual([to.masterSku, to.country]);
          expect(Number.isInteger(s.qty) && s.qty > 0).toBe(true);
          expect(s.qty).toBeLessThanOrEqual(Math.min(Math.floor(from.excessQty), Math.floor(to.needQty)));
          expect(s.reason).toMatch(/^(below the minimum transfer of \d+ units|transfer cost .+ is not below unit cost .+|unit cost missing)$/);
        }
        const sources = candidates.filter((c) => Math.floor(c.excessQty) > 0).length;
        const destinations = candidates.filter((c) => Math.floor(c.needQty) > 0).length;
        expect(skipped.length).toBeLessThanOrEqual(sources + destinations);
      }),
    );
  });

  test('the transfers equal those of the rule applied to every pair (the shortcuts change nothing)', () => {
    fc.assert(
      fc.property(candidateList, ruleSet, (candidates, r) => {
        const fast = matchTransfers(candidates, r).transfers.map((t) => [t.from, t.to, t.qty]);
        expect(fast).toStrictEqual(naiveTransfers(candidates, r));
      }),
      { numRuns: 300 },
    );
  });

  test('the result does not depend on the order of the candidates', () => {
    fc.assert(
      fc.property(
        candidateList.chain((c) => fc.tuple(fc.constant(c), fc.shuffledSubarray(c, { minLength: c.length }))),
        ruleSet,
        ([candidates, shuffled], r) => {
          expect(matchTransfers(shuffled, r)).toStrictEqual(matchTransfers(candidates, r));
        },
      ),
    );
  });
});
