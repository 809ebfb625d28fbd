/**
 * Stranded sheet lines: positions with stranded (Amazon's stranded report) or unfulfillable /
 * non-saleable units, with the reason and the action to take (stranded-action.ts).
 */
import type { Settings } from '../model';
import type { PositionMetrics } from '../analysis/position-metrics';
import { toReporting } from '../analysis/money';
import { strandedAction } from './stranded-action';

export interface StrandedLine {
  readonly metrics: PositionMetrics;
  readonly stranded: number;
  readonly unfulfillable: number;
  readonly reason: string;
  readonly action: string;
  /** (stranded + unfulfillable) × cost in the reporting currency; null without cost. */
  readonly valueReporting: number | null;
}

export function strandedLines(metrics: readonly PositionMetrics[], s: Settings): StrandedLine[] {
  const lines: StrandedLine[] = [];
  for (const m of metrics) {
    const p = m.position;
    const stranded = Math.max(0, p.stranded);
    const unfulfillable = Math.max(0, p.unfulfillable);
    if (stranded === 0 && unfulfillable === 0) continue;
    const reasons = p.strandedReasons;
    const reason = reasons.length > 0 ? reasons.join('; ') : 'Unfulfillable / non-saleable';
    const action = stranded > 0 ? strandedAction(reasons[0] ?? null, null) : strandedAction('Unfulfillable', null);
    const cost = p.cost !== null && p.cost >= 0 ? p.cost : null;
    lines.push({
      metrics: m,
      stranded,
      unfulfillable,
      reason,
      action,
      valueReporting: cost === null ? null : toReporting((stranded + unfulfillable) * cost, p.channel.currency, s),
    });
  }
  lines.sort((a, b) => (b.valueReporting ?? 0) - (a.valueReporting ?? 0) || b.stranded + b.unfulfillable - (a.stranded + a.unfulfillable));
  return lines;
}
