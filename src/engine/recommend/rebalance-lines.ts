/**
 * Rebalance recommendations: same-country transfers from excess to need (docs/FORMULAS.md, "Excess, need,
 * transfers"), matched greedily by match-transfers.ts. Returns the transfers with both positions and the
 * units each position sends and receives (the reorder and liquidation steps take them into account).
 */
import type { Settings } from '../model';
import type { PositionMetrics } from '../analysis/position-metrics';
import { toReporting } from '../analysis/money';
import { approvalTier } from '../metrics/approval-tier';
import { isCalcError } from '../errors';
import { matchTransfers, type Transfer, type TransferSkip } from './match-transfers';

export interface TransferLine {
  readonly from: PositionMetrics;
  readonly to: PositionMetrics;
  readonly transfer: Transfer;
  readonly capitalSavedReporting: number;
  /** Tier by the value moved (qty × unit cost, reporting currency). */
  readonly tier: string | null;
}

export interface Rebalance {
  readonly lines: TransferLine[];
  readonly skipped: readonly TransferSkip[];
  readonly sent: ReadonlyMap<string, number>;
  readonly received: ReadonlyMap<string, number>;
}

/** The Rebalance sheet's transfers: positions with excess matched to positions with need in the same country. */
export function planTransfers(metrics: readonly PositionMetrics[], s: Settings): Rebalance {
  const eligible = metrics.filter((m) => m.velocityMethod !== 'no sales report' && (m.excessQty > 0 || m.needQty > 0));
  // Transfers name candidates only: the positions with excess or need, not every position.
  const byId = new Map(eligible.map((m) => [m.id, m]));
  const candidates = eligible.map((m) => ({
    key: m.id,
    masterSku: m.position.masterSku,
    country: m.position.channel.country,
    doi: m.doi,
    excessQty: m.excessQty,
    needQty: m.needQty,
    unitCost: m.position.cost,
  }));
  const { transfers, skipped } = matchTransfers(candidates, s);
  const sent = new Map<string, number>();
  const received = new Map<string, number>();
  const lines = transfers.map((t) => {
    const from = byId.get(t.from) as PositionMetrics;
    const to = byId.get(t.to) as PositionMetrics;
    sent.set(t.from, (sent.get(t.from) ?? 0) + t.qty);
    received.set(t.to, (received.get(t.to) ?? 0) + t.qty);
    const currency = from.position.channel.currency;
    const tier = approvalTier(toReporting(t.qty * t.unitCost, currency, s), s.approvalTiers);
    return {
      from,
      to,
      transfer: t,
      capitalSavedReporting: toReporting(t.capitalSaved, currency, s),
      tier: isCalcError(tier) ? null : tier,
    };
  });
  return { lines, skipped, sent, received };
}
