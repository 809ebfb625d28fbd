/**
 * A small workbook laid out as Analyze writes its "Purchase Orders" and "Shipments" sheets (a title in
 * A1, a blank row, the header in row 3, one row per line), with the untrusted text the CSV files must
 * keep as text: a formula-injection title, an Arabic title and supplier, a SKU "00123".
 */
import ExcelJS from 'exceljs';

export const MALICIOUS = '=HYPERLINK("http://x","y")';
export const ARABIC = 'حقيبة سفر 50 لتر';
export const PO_HEADER = ['PO Number', 'Supplier', 'Order Date', 'Expected Arrival', 'Destination', 'Master SKU', 'Title', 'Quantity', 'Case Pack', 'Cartons', 'Unit Cost', 'Currency', 'Line Total', 'PO Total', 'PO Total (SAR)', 'Changed Since Approval'];
export const SHIP_HEADER = ['Route', 'From', 'To', 'Master SKU', 'Destination SKU', 'Title', 'Quantity', 'Case Pack', 'Cartons', 'Unit Volume (cu ft)', 'Volume (cu ft)', 'Source', 'Changed Since Approval'];
export const PO_LINES: unknown[][] = [
  ['PO-2026-001', 'Acme Trading', '2026-01-05', '2026-02-20', 'Own warehouse', 'BAG-01', 'Travel bag', 48, 12, 4, 42.5, 'SAR', 2040, 2380, 2380, ''],
  ['PO-2026-001', 'Acme Trading', '2026-01-05', '2026-02-20', 'Own warehouse', '00123', MALICIOUS, 40, 20, 2, 8.5, 'SAR', 340, 2380, 2380, 'Yes'],
  ['PO-2026-002', 'مصنع النور', '2026-01-06', '2026-03-01', 'Amazon UAE', 'MUG-02', ARABIC, 24, 12, 2, 12.25, 'AED', 294, 294, 300.15, ''],
];
export const SHIP_LINES: unknown[][] = [
  ['Amazon KSA → noon KSA', 'Amazon KSA', 'noon KSA', 'BAG-01', 'NOON-BAG-01', MALICIOUS, 10, 5, 2, 0.75, 7.5, 'Rebalance', ''],
  ['Own warehouse → Amazon UAE', 'Own warehouse', 'Amazon UAE', 'MUG-02', '00123', ARABIC, 24, 12, 2, 0.1, 2.4, 'Reorder', ''],
  ['Amazon KSA → noon KSA', 'Amazon KSA', 'noon KSA', 'CUP-03', 'NOON-CUP-03', 'Cup', -3, 1, -3, 0.2, -0.6, 'Rebalance', 'Yes'],
];

/** A workbook with the two sheets as Analyze lays them out (title in A1, header in row 3), and another sheet. */
export async function analyzedWorkbook(file: string, sheets: { po?: unknown[][] | null; shipments?: unknown[][] | null } = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Summary').addRow(['Lumive summary']);
  const add = (name: string, title: string, header: string[], lines: unknown[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([title]);
    ws.addRow([]);
    ws.addRow(header);
    for (const line of lines) ws.addRow(line);
  };
  // The titles start as Analyze's do (registry.ts checks a sheet is Lumive's by its title and header).
  if (sheets.po !== null) add('Purchase Orders', 'Purchase orders: 2 POs to 2 suppliers, SAR 2,680.15 (approved and auto-approved Reorder lines)', PO_HEADER, sheets.po ?? PO_LINES);
  if (sheets.shipments !== null) add('Shipments', 'Shipments: 2 routes, 31 units, 9.3 cu ft (approved transfers and sends from the own warehouse)', SHIP_HEADER, sheets.shipments ?? SHIP_LINES);
  await wb.xlsx.writeFile(file);
  return file;
}
