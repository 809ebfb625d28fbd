/**
 * What the rows of each Amazon report kind add to their position: ROWS' entries (join.ts) for Amazon's
 * reports.
 */
import { mapAgingColumns } from '../metrics/aging';
import type { Position } from '../model';
import type { ReportKind } from './kinds';
import { numberAt, textAt } from './records';
import { addMonth, cancelledIn, monthOf, type ReportScope, type RowReader, units } from './join-rows';

/**
 * The stock columns Manage FBA Inventory and FBA Inventory share: a reader that adds a row's available,
 * reserved, unfulfillable and inbound (working + shipped + receiving) units to its position, each by
 * the one rule for a negative quantity (join-rows.ts, units).
 */
function stockOf(r: ReportScope): (p: Position, i: number) => void {
  const t = r.table;
  const available = t.numberColumn('available');
  const reserved = t.numberColumn('reserved');
  const unfulfillable = t.numberColumn('unfulfillable');
  const inboundWorking = t.numberColumn('inboundWorking');
  const inboundShipped = t.numberColumn('inboundShipped');
  const inboundReceiving = t.numberColumn('inboundReceiving');
  return (p, i) => {
    p.stockFrom = r.kind;
    p.available += units(r, available, 'available', i);
    p.reserved += units(r, reserved, 'reserved', i);
    p.unfulfillable += units(r, unfulfillable, 'unfulfillable', i);
    p.inbound += units(r, inboundWorking, 'inboundWorking', i) + units(r, inboundShipped, 'inboundShipped', i) + units(r, inboundReceiving, 'inboundReceiving', i);
  };
}

export const AMAZON_ROWS: Partial<Record<ReportKind, (r: ReportScope) => RowReader | undefined>> = {
  'amazon-inventory': (r) => {
    if (r.stockKind !== r.kind) return undefined;
    const t = r.table;
    const price = t.numberColumn('price');
    if (r.report.variant === 'afn') {
      const quantity = t.numberColumn('quantity');
      const condition = t.textColumn('warehouseCondition');
      return (p, i) => {
        p.stockFrom = r.kind;
        const qty = units(r, quantity, 'quantity', i);
        if (/unsellable|defective|damaged/i.test(condition?.at(i) ?? '')) p.unfulfillable += qty;
        else p.available += qty;
        if (p.price === null) p.price = numberAt(price, i);
      };
    }
    const stock = stockOf(r);
    const unitVolume = t.numberColumn('unitVolume');
    return (p, i) => {
      stock(p, i);
      p.unitVolume = numberAt(unitVolume, i) ?? p.unitVolume;
      if (p.price === null) p.price = numberAt(price, i);
    };
  },
  'amazon-inventory-age': (r) => {
    const t = r.table;
    const stock = r.stockKind === r.kind ? stockOf(r) : null;
    const sales = r.salesKind === r.kind;
    const t7 = t.numberColumn('unitsShippedT7');
    const t30 = t.numberColumn('unitsShippedT30');
    const t60 = t.numberColumn('unitsShippedT60');
    const t90 = t.numberColumn('unitsShippedT90');
    const price = t.numberColumn('price');
    return (p, i) => {
      stock?.(p, i);
      if (sales) {
        p.salesFrom = r.kind;
        p.sold += numberAt(t30, i) ?? 0;
        p.periodDays = 30;
      }
      p.unitsShipped = { t7: numberAt(t7, i), t30: numberAt(t30, i), t60: numberAt(t60, i), t90: numberAt(t90, i) };
      const extra = t.extraAt(i);
      if (extra) {
        const { buckets } = mapAgingColumns(extra);
        p.aging ??= {};
        for (const [bucket, units] of Object.entries(buckets)) p.aging[bucket] = (p.aging[bucket] ?? 0) + units;
      }
      if (p.price === null) p.price = numberAt(price, i);
    };
  },
  'amazon-restock': (r) => {
    const t = r.table;
    const stock = r.stockKind === r.kind;
    const sales = r.salesKind === r.kind;
    const available = t.numberColumn('available');
    const inbound = t.numberColumn('inbound');
    const unfulfillable = t.numberColumn('unfulfillable');
    const unitsSold30 = t.numberColumn('unitsSold30');
    const salesLast30 = t.numberColumn('salesLast30');
    const recommendedQty = t.numberColumn('recommendedQty');
    const price = t.numberColumn('price');
    return (p, i) => {
      if (stock) {
        p.stockFrom = r.kind;
        p.available += units(r, available, 'available', i);
        p.inbound += units(r, inbound, 'inbound', i);
        p.unfulfillable += units(r, unfulfillable, 'unfulfillable', i);
      }
      if (sales) {
        p.salesFrom = r.kind;
        p.sold += numberAt(unitsSold30, i) ?? 0;
        p.revenue += numberAt(salesLast30, i) ?? 0;
        p.periodDays = 30;
      }
      const rq = numberAt(recommendedQty, i);
      if (rq !== null) p.amazonRecommendedQty = (p.amazonRecommendedQty ?? 0) + rq;
      if (p.price === null) p.price = numberAt(price, i);
    };
  },
  'amazon-business-report': (r) => {
    if (r.salesKind !== r.kind) return undefined;
    const unitsOrdered = r.table.numberColumn('unitsOrdered');
    const revenueColumn = r.table.numberColumn('revenue');
    return (p, i, ch) => {
      p.salesFrom = r.kind;
      const units = numberAt(unitsOrdered, i) ?? 0;
      const revenue = numberAt(revenueColumn, i) ?? 0;
      p.sold += units;
      p.revenue += revenue;
      p.periodDays = r.periodDays * (r.businessReports.get(ch.id) ?? 1);
      if (r.reportMonth) {
        const month = (p.salesByMonth[r.reportMonth] ??= { units: 0, revenue: 0 });
        month.units += units;
        month.revenue += revenue;
      }
    };
  },
  'amazon-orders': (r) => {
    if (r.salesKind !== r.kind) return undefined;
    const t = r.table;
    const orderCancelled = cancelledIn(t.textColumn('orderStatus'));
    const itemCancelled = cancelledIn(t.textColumn('itemStatus'));
    const quantity = t.numberColumn('quantity');
    const itemPrice = t.numberColumn('itemPrice');
    const purchaseDate = t.numberColumn('purchaseDate');
    return (p, i) => {
      if (orderCancelled(i) || itemCancelled(i)) return;
      p.salesFrom = r.kind;
      const units = numberAt(quantity, i) ?? 0;
      const revenue = numberAt(itemPrice, i) ?? 0;
      p.sold += units;
      p.revenue += revenue;
      addMonth(p, numberAt(purchaseDate, i), units, revenue, r.spans, 0);
    };
  },
  'amazon-stranded': (r) => {
    const fulfillable = r.table.numberColumn('fulfillable');
    const unfulfillable = r.table.numberColumn('unfulfillable');
    const strandedReason = r.table.textColumn('strandedReason');
    return (p, i) => {
      p.stranded += units(r, fulfillable, 'fulfillable', i) + units(r, unfulfillable, 'unfulfillable', i);
      const reason = textAt(strandedReason, i);
      if (reason && !p.strandedReasons.includes(reason)) p.strandedReasons.push(reason);
    };
  },
  'amazon-reserved': (r) => {
    if (r.stockKind !== null) return undefined;
    const reserved = r.table.numberColumn('reserved');
    return (p, i) => {
      p.reserved += units(r, reserved, 'reserved', i);
    };
  },
  'amazon-returns': (r) => {
    const quantity = r.table.numberColumn('quantity');
    const returnDate = r.table.numberColumn('returnDate');
    return (p, i) => {
      // One unit when the quantity is blank or its column is missing (the reader drops a row whose
      // quantity is unreadable).
      const qty = numberAt(quantity, i) === null ? 1 : units(r, quantity, 'quantity', i, 'returned');
      p.returned += qty;
      const ms = numberAt(returnDate, i);
      if (ms !== null) {
        const key = monthOf(ms);
        p.returnsByMonth[key] = (p.returnsByMonth[key] ?? 0) + qty;
      }
    };
  },
};
