import fc from 'fast-check';
import { valueError } from '../../../src/engine/errors';
import { approvalTier } from '../../../src/engine/metrics/approval-tier';
import { DEFAULT_APPROVAL_TIERS } from '../../../src/engine/model';
import type { ApprovalTierRule } from '../../../src/engine/model';

describe('approvalTier with the default tiers', () => {
  // docs/FORMULAS.md "Settings and defaults": auto < 5,000; manager < 50,000; director < 100,000; executive ≥ 100,000.
  it.each([
    [0, 'Auto'],
    [4999.99, 'Auto'],
    [5000, 'Manager'],
    [49999, 'Manager'],
    [50000, 'Director'],
    [99999.99, 'Director'],
    [100000, 'Executive'],
    [2_500_000, 'Executive'],
  ])('an order worth %p needs %p', (value, tier) => {
    expect(approvalTier(value)).toBe(tier);
    expect(approvalTier(value, DEFAULT_APPROVAL_TIERS)).toBe(tier);
  });

  it('rejects a negative, NaN or infinite order value', () => {
    expect(approvalTier(-1)).toStrictEqual(valueError('orderValue must not be negative'));
    expect(approvalTier(NaN)).toStrictEqual(valueError('orderValue must be a number'));
    expect(approvalTier(Infinity)).toStrictEqual(valueError('orderValue must be a finite number'));
  });

  it('never moves down a tier as the value grows', () => {
    const rank = (tier: string) => DEFAULT_APPROVAL_TIERS.findIndex((rule) => rule.tier === tier);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.double({ min: 0, max: 1e7, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(rank(approvalTier(high) as string)).toBeGreaterThanOrEqual(rank(approvalTier(low) as string));
      }),
    );
  });
});

describe('approvalTier with custom tiers', () => {
  const twoTiers: readonly ApprovalTierRule[] = [
    { tier: 'Buyer', below: 1000 },
    { tier: 'Owner', below: null },
  ];

  it('uses the given table', () => {
    expect(approvalTier(999, twoTiers)).toBe('Buyer');
    expect(approvalTier(1000, twoTiers)).toBe('Owner');
  });

  it('accepts a single open-ended tier', () => {
    expect(approvalTier(123, [{ tier: 'Anyone', below: null }])).toBe('Anyone');
  });

  it('rejects an empty table', () => {
    expect(approvalTier(10, [])).toStrictEqual(valueError('tiers is missing'));
  });

  it.each<[string, readonly ApprovalTierRule[]]>([
    [
      'descending limits',
      [
        { tier: 'A', below: 5000 },
        { tier: 'B', below: 1000 },
        { tier: 'C', below: null },
      ],
    ],
    [
      'a repeated limit',
      [
        { tier: 'A', below: 5000 },
        { tier: 'B', below: 5000 },
        { tier: 'C', below: null },
      ],
    ],
    [
      'a last tier with a limit',
      [
        { tier: 'A', below: 5000 },
        { tier: 'B', below: 50000 },
      ],
    ],
    [
      'an open-ended tier before the last',
      [
        { tier: 'A', below: null },
        { tier: 'B', below: 5000 },
        { tier: 'C', below: null },
      ],
    ],
    [
      'a NaN limit',
      [
        { tier: 'A', below: NaN },
        { tier: 'B', below: null },
      ],
    ],
  ])('rejects %s', (_name, tiers) => {
    expect(approvalTier(10, tiers)).toStrictEqual(valueError('tiers must be ascending'));
  });
});
