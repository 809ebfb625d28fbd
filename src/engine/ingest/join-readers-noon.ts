/**
 * What the rows of each noon report kind add to their position: ROWS' entries (join.ts) for noon's
 * reports.
 */
import type { ReportKind } from './kinds';
import { numberAt, textAt } from './records';
import { addMonth, cancelledIn, type ReportScope, type RowReader, units } from './join-rows';
import { DAY_MS } from '../calendar';

export const NOON_ROWS: Partial<Record<ReportKind, (r: ReportScope) => RowReader | undefined>> = {
  'noon-sales': (r) => {
    if (r.salesKind !== r.kind) return undefined;
    const t = r.table;
    const cancelled = cancelledIn(t.textColumn('status'));
    const offerPrice = t.numberColumn('offerPrice');
    const orderTimestamp = t.numberColumn('orderTimestamp');
    return (p, i) => {
      if (cancelled(i)) return;
      p.salesFrom = r.kind;
      const price = numberAt(offerPrice, i);
      const revenue = price ?? 0;
      p.sold += 1;
      p.revenue += revenue;
      if (p.price === null) p.price = price;
      addMonth(p, numberAt(orderTimestamp, i), 1, revenue, r.spans, 0);
    };
  },
  'noon-views-sales': (r) => {
    const t = r.table;
    const counts = r.salesKind === 'noon-sales' || r.salesKind === r.kind;
    const visitDate = t.numberColumn('visitDate');
    const visitors = t.numberColumn('visitors');
    const grossUnits = t.numberColumn('grossUnits');
    const shippedUnits = t.numberColumn('shippedUnits');
    const cancelledUnits = t.numberColumn('cancelledUnits');
    const revenueColumn = t.numberColumn('revenue');
    return (p, i, ch) => {
      const day = numberAt(visitDate, i) as number; // required: the reader dropped rows without it
      const views = (p.views ??= { visitors: 0, grossUnits: 0, days: 0 });
      views.visitors += numberAt(visitors, i) ?? 0;
      views.grossUnits += numberAt(grossUnits, i) ?? 0;
      views.days++;
      if (!counts) return;
      const tally = r.viewsRows.get(ch.id) ?? { source: r.report.source, counted: 0, covered: 0 };
      r.viewsRows.set(ch.id, tally);
      const covered = r.exportDays.get(ch.id);
      if (covered && day >= covered.from && day <= covered.to) {
        tally.covered++;
        return;
      }
      tally.counted++;
      p.salesFrom ??= r.kind;
      const shipped = numberAt(shippedUnits, i);
      const gross = numberAt(grossUnits, i);
      const sold = shipped ?? Math.max(0, (gross ?? 0) - (numberAt(cancelledUnits, i) ?? 0));
      const revenue = numberAt(revenueColumn, i) ?? 0;
      p.sold += sold;
      p.revenue += revenue;
      if (p.price === null && sold > 0 && revenue > 0) p.price = revenue / sold;
      addMonth(p, day, sold, revenue, r.spans, DAY_MS - 1);
    };
  },
  'noon-stock': (r) => {
    if (r.stockKind !== r.kind) return undefined;
    const t = r.table;
    const quantity = t.numberColumn('quantity');
    const inventoryType = t.textColumn('inventoryType');
    const warehouseCode = t.textColumn('warehouseCode');
    const snapshotAt = t.numberColumn('snapshotAt');
    // The use of the last inventory type read: a type repeats row after row.
    let lastType: string | null = null;
    let lastUse = noonStockUse(null);
    return (p, i) => {
      p.stockFrom = r.kind;
      const qty = units(r, quantity, 'quantity', i);
      const type = textAt(inventoryType, i);
      if (type !== lastType) {
        lastType = type;
        lastUse = noonStockUse(type);
      }
      const use = lastUse;
      if (use === 'unknown') {
        const key = `${r.report.source}\u0000${type}`;
        const seenType = r.unknownTypes.get(key);
        if (seenType) seenType.units += qty;
        else r.unknownTypes.set(key, { source: r.report.source, row: t.rows[i], units: qty });
      }
      const field = use === 'unknown' ? 'unfulfillable' : use;
      p[field] += qty;
      const warehouse = textAt(warehouseCode, i);
      if (warehouse) {
        let w = p.warehouses?.find((x) => x.warehouse === warehouse);
        if (!w) {
          w = { warehouse, available: 0, inbound: 0, unfulfillable: 0, byType: {} };
          // A list begun with its first warehouse has room for it alone; one grown by push from [] keeps room for 17.
          if (p.warehouses) p.warehouses.push(w);
          else p.warehouses = [w];
        }
        w[field] += qty;
        const typeKey = type ?? 'saleable';
        w.byType[typeKey] = (w.byType[typeKey] ?? 0) + qty;
      }
      const at = numberAt(snapshotAt, i);
      if (at !== null && (p.stockAsOf === undefined || p.stockAsOf === null || at > p.stockAsOf)) p.stockAsOf = at;
    };
  },
};

/** What a noon FBN inventory type is: saleable is available, inbound_* inbound, the rest not available. */
export function noonStockUse(type: string | null): 'available' | 'inbound' | 'unfulfillable' | 'unknown' {
  if (type === null) return 'available'; // older noon stock sheets have no inventory type
  const t = type.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (t === 'saleable' || t === 'sellable' || t === 'available') return 'available';
  if (t.startsWith('inbound')) return 'inbound';
  if (/return|damag|expir|lost|defect|unsell|unsal|non_?sal|quarantin|missing|dispos/.test(t)) return 'unfulfillable';
  return 'unknown';
}
