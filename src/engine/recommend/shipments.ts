/**
 * Shipment lists from the approved moves of stock (issue "From approved lines to documents"):
 * - Rebalance transfers whose status is Approved or Auto-approved: from one channel to another;
 * - sends from the own warehouse on Reorder lines whose status is Approved or Auto-approved.
 * Grouped by route (from → to). Per line: the destination channel's SKU, the quantity (a transfer's
 * approved qty, else its recommended qty; a warehouse send as the Reorder line planned it), cartons
 * = ⌈quantity ÷ case pack⌉ when the case pack is known (the last carton may be part full), and the
 * volume = quantity × unit volume in cubic feet. The unit volume is the Master SKU's Manage FBA
 * Inventory per-unit-volume (an Amazon position's), else the mapping's Unit Volume; without either
 * the line has no volume, and the sheet's title counts such lines.
 */
import { CHANNELS } from '../model';
import type { PositionMetrics } from '../analysis/position-metrics';
import { wholeCasePack } from '../metrics/round-qty';
import { APPROVED, type ApprovalState } from './approvals';
import { OWN_WAREHOUSE } from './purchase-orders';
import type { TransferLine } from './rebalance-lines';
import type { ReorderLine } from './reorder-lines';

export type ShipmentSource = 'Rebalance' | 'Reorder';

export interface ShipmentLine {
  readonly masterSku: string;
  /** The SKU the destination channel lists the product under; null when the reports give none. */
  readonly destinationSku: string | null;
  readonly title: string | null;
  readonly quantity: number;
  readonly casePack: number | null;
  readonly cartons: number | null;
  readonly unitVolume: number | null;
  readonly volume: number | null;
  readonly source: ShipmentSource;
  readonly changed: string | null;
}

export interface Shipment {
  /** "Amazon KSA → noon KSA", "Own warehouse → Amazon UAE". */
  readonly route: string;
  readonly from: string;
  readonly to: string;
  readonly lines: readonly ShipmentLine[];
  readonly units: number;
  /** Σ volume of the lines that have one, and whether every line has one. */
  readonly volume: number;
  readonly volumeComplete: boolean;
}

export interface ShipmentInputs {
  readonly metrics: readonly PositionMetrics[];
  readonly transfers: readonly TransferLine[];
  readonly transferApprovals: readonly ApprovalState[];
  readonly reorder: readonly ReorderLine[];
  readonly reorderApprovals: readonly ApprovalState[];
}

const order = (label: string) => (label === OWN_WAREHOUSE ? -1 : CHANNELS.findIndex((c) => c.label === label));

/** Unit volume per Master SKU: an Amazon position's (the report's, else the mapping's), else any position's (the mapping's). */
function unitVolumes(metrics: readonly PositionMetrics[]): Map<string, number> {
  const amazon = new Map<string, number>();
  const any = new Map<string, number>();
  for (const m of metrics) {
    const v = m.position.unitVolume;
    if (v === null || !(v > 0)) continue;
    const sku = m.position.masterSku;
    if (m.position.channel.marketplace === 'amazon' && !amazon.has(sku)) amazon.set(sku, v);
    if (!any.has(sku)) any.set(sku, v);
  }
  for (const [sku, v] of amazon) any.set(sku, v);
  return any;
}

export function shipments(input: ShipmentInputs): Shipment[] {
  const volumes = unitVolumes(input.metrics);
  const routes = new Map<string, { from: string; to: string; lines: ShipmentLine[] }>();
  const add = (from: string, to: PositionMetrics, quantity: number, source: ShipmentSource, changed: string | null) => {
    const p = to.position;
    const pack = wholeCasePack(p.casePack);
    const unitVolume = volumes.get(p.masterSku) ?? null;
    const route = `${from} → ${p.channel.label}`;
    let r = routes.get(route);
    if (!r) routes.set(route, (r = { from, to: p.channel.label, lines: [] }));
    r.lines.push({
      masterSku: p.masterSku,
      destinationSku: p.channelSkus[0] ?? null,
      title: p.title,
      quantity,
      casePack: pack,
      cartons: pack === null ? null : Math.ceil(quantity / pack),
      unitVolume,
      volume: unitVolume === null ? null : Math.round(quantity * unitVolume * 1000) / 1000,
      source,
      changed,
    });
  };
  input.transfers.forEach((t, i) => {
    const a = input.transferApprovals[i];
    if (!a || !APPROVED.has(a.status)) return;
    const qty = a.approvedQty ?? t.transfer.qty;
    if (qty > 0) add(t.from.position.channel.label, t.to, qty, 'Rebalance', a.changedSinceApproval);
  });
  input.reorder.forEach((l, i) => {
    const a = input.reorderApprovals[i];
    if (!a || !APPROVED.has(a.status) || l.fromWarehouse <= 0) return;
    add(OWN_WAREHOUSE, l.metrics, l.fromWarehouse, 'Reorder', a.changedSinceApproval);
  });
  const out: Shipment[] = [...routes.entries()]
    .sort(([, a], [, b]) => order(a.from) - order(b.from) || order(a.to) - order(b.to))
    .map(([route, r]) => {
      const lines = r.lines.sort((a, b) => (a.masterSku < b.masterSku ? -1 : a.masterSku > b.masterSku ? 1 : 0));
      return {
        route,
        from: r.from,
        to: r.to,
        lines,
        units: lines.reduce((a, l) => a + l.quantity, 0),
        volume: Math.round(lines.reduce((a, l) => a + (l.volume ?? 0), 0) * 1000) / 1000,
        volumeComplete: lines.every((l) => l.volume !== null),
      };
    });
  return out;
}
