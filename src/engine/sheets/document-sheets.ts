/**
 * The Purchase Orders and Shipments sheets (issue "From approved lines to documents"): one row per
 * line, each row carrying its PO's (or route's) heading columns, so the sheet filters and sorts like
 * every output sheet and the `lumive po` / `lumive shipments` exports (documents.ts) split it by its
 * PO Number or Route column. Printed, each PO starts on a page of its own, with the title and the
 * header row repeated on every page.
 */
import type { Settings } from '../model';
import type { PurchaseOrder, PurchaseOrderLine } from '../recommend/purchase-orders';
import type { Shipment, ShipmentLine } from '../recommend/shipments';
import type { SheetSpec } from './spec';
import { moneyColumn, unitsColumn } from './common-columns';
import { TABLE_NAMES } from './names';
import { FORMAT, tableSheet } from './table';

/** Excel keeps at most 1,023 manual page breaks on a sheet. */
const MAX_PAGE_BREAKS = 1023;

const money = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function purchaseOrdersSheet(name: string, orders: readonly PurchaseOrder[], s: Settings): SheetSpec {
  type Row = { po: PurchaseOrder; line: PurchaseOrderLine };
  const rows: Row[] = orders.flatMap((po) => po.lines.map((line) => ({ po, line })));
  const cur = s.reportingCurrency;
  const total = orders.reduce((a, po) => a + po.totalReporting, 0);
  const suppliers = new Set(orders.map((po) => po.supplier)).size;
  const spec = tableSheet<Row>({
    name,
    tableName: TABLE_NAMES.purchaseOrders,
    title:
      orders.length === 0
        ? 'Purchase orders: none (no approved or auto-approved Reorder line buys anything)'
        : `Purchase orders: ${orders.length} POs to ${suppliers} suppliers, ${cur} ${money(total)} (approved and auto-approved Reorder lines)`,
    freezeColumns: 1,
    rows,
    columns: [
      { header: 'PO Number', value: (r) => r.po.number, format: FORMAT.text, width: 20 },
      { header: 'Supplier', value: (r) => r.po.supplier, format: FORMAT.text, width: 20 },
      { header: 'Order Date', value: (r) => r.po.orderDate, format: FORMAT.text, width: 11 },
      { header: 'Expected Arrival', value: (r) => r.po.expectedArrival, format: FORMAT.text, width: 16 },
      { header: 'Destination', value: (r) => r.po.destination, width: 15 },
      { header: 'Master SKU', value: (r) => r.line.masterSku, format: FORMAT.text, width: 18 },
      { header: 'Title', value: (r) => r.line.title ?? '', format: FORMAT.text, width: 36 },
      unitsColumn('Quantity', (r) => r.line.quantity, 10),
      unitsColumn('Case Pack', (r) => r.line.casePack, 10),
      unitsColumn('Cartons', (r) => r.line.cartons, 9),
      moneyColumn('Unit Cost', (r) => r.line.unitCost, 11),
      { header: 'Currency', value: (r) => r.po.currency, width: 9 },
      moneyColumn('Line Total', (r) => r.line.lineTotal, 13),
      moneyColumn('PO Total', (r) => r.po.total, 13),
      moneyColumn(`PO Total (${cur})`, (r) => r.po.totalReporting, 15),
      { header: 'Changed Since Approval', value: (r) => r.line.changed, width: 24 },
    ],
  });
  // Data rows start below the title and the header; each PO after the first starts a page (up to
  // Excel's 1,023 manual breaks a sheet: the POs past that share pages).
  const first = spec.print?.repeatRows ?? 2;
  const rowBreaks: number[] = [];
  let row = first;
  for (const po of orders) {
    if (row > first && rowBreaks.length < MAX_PAGE_BREAKS) rowBreaks.push(row);
    row += po.lines.length;
  }
  return { ...spec, print: { landscape: true, repeatRows: first, rowBreaks } };
}

export function shipmentsSheet(name: string, list: readonly Shipment[]): SheetSpec {
  type Row = { sh: Shipment; line: ShipmentLine };
  const rows: Row[] = list.flatMap((sh) => sh.lines.map((line) => ({ sh, line })));
  const units = list.reduce((a, sh) => a + sh.units, 0);
  const volume = list.reduce((a, sh) => a + sh.volume, 0);
  const noVolume = rows.filter((r) => r.line.volume === null).length;
  const unknown = noVolume === 0 ? '' : `; volume unknown for ${noVolume} of ${rows.length} lines: add a Unit Volume column (cubic feet) to the mapping`;
  return tableSheet<Row>({
    name,
    tableName: TABLE_NAMES.shipments,
    title:
      list.length === 0
        ? 'Shipments: none (no approved transfer or send from the own warehouse)'
        : `Shipments: ${list.length} routes, ${units.toLocaleString('en-US')} units, ${volume.toLocaleString('en-US', { maximumFractionDigits: 1 })} cu ft (approved transfers and sends from the own warehouse${unknown})`,
    freezeColumns: 1,
    rows,
    columns: [
      { header: 'Route', value: (r) => r.sh.route, width: 28 },
      { header: 'From', value: (r) => r.sh.from, width: 15 },
      { header: 'To', value: (r) => r.sh.to, width: 13 },
      { header: 'Master SKU', value: (r) => r.line.masterSku, format: FORMAT.text, width: 18 },
      { header: 'Destination SKU', value: (r) => r.line.destinationSku, format: FORMAT.text, width: 18 },
      { header: 'Title', value: (r) => r.line.title ?? '', format: FORMAT.text, width: 36 },
      unitsColumn('Quantity', (r) => r.line.quantity, 10),
      unitsColumn('Case Pack', (r) => r.line.casePack, 10),
      unitsColumn('Cartons', (r) => r.line.cartons, 9),
      { header: 'Unit Volume (cu ft)', value: (r) => r.line.unitVolume, format: '#,##0.000', width: 18 },
      { header: 'Volume (cu ft)', value: (r) => r.line.volume, format: '#,##0.000', width: 14 },
      { header: 'Source', value: (r) => r.line.source, width: 11 },
      { header: 'Changed Since Approval', value: (r) => r.line.changed, width: 24 },
    ],
  });
}
