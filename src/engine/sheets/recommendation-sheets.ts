/**
 * The action sheets: Urgent Actions, Reorder, Rebalance, Liquidation and Stranded (docs/PRODUCT.md).
 * Money per row is in the channel's currency (its Currency column) unless the header names the
 * reporting currency.
 */
import type { Settings } from '../model';
import type { ApprovalState } from '../recommend/approvals';
import type { LiquidationLine } from '../recommend/liquidation-lines';
import { EXCESS_OPTIONS } from '../metrics/excess-options';
import type { TransferLine } from '../recommend/rebalance-lines';
import type { ReorderLine } from '../recommend/reorder-lines';
import type { StrandedLine } from '../recommend/stranded-lines';
import type { UrgentAction } from '../recommend/urgent-actions';
import type { SheetSpec } from './spec';
import { approvalColumns } from './approval-columns';
import { channelColumn, currencyColumn, doiColumn, moneyColumn, NO_SALES, skuColumn, titleColumn, unitsColumn, velocityColumn } from './common-columns';
import { TABLE_NAMES } from './names';
import { FORMAT, finiteOr, tableSheet, type Column } from './table';

const policyName = (s: Settings) => (s.policy === 'service' ? 'service level' : 'days of cover');

export function urgentSheet(name: string, lines: readonly UrgentAction[], s: Settings): SheetSpec {
  const cur = s.reportingCurrency;
  const m = (r: UrgentAction) => r.metrics;
  return tableSheet<UrgentAction>({
    name,
    tableName: TABLE_NAMES.urgent,
    title: `Urgent actions: ${lines.length} positions need attention, most urgent first`,
    freezeColumns: 2,
    rows: lines,
    columns: [
      {
        header: 'Priority',
        value: (r) => r.priority,
        width: 11,
        rules: [
          { type: 'textEquals', text: 'CRITICAL', fill: 'red' },
          { type: 'textEquals', text: 'HIGH', fill: 'orange' },
          { type: 'textEquals', text: 'MEDIUM', fill: 'amber' },
          { type: 'textEquals', text: 'LOW', fill: 'green' },
        ],
      },
      skuColumn(m),
      channelColumn(m),
      titleColumn(m),
      { header: 'Issue', value: (r) => r.issue, width: 32 },
      unitsColumn('Available', (r) => r.metrics.position.available, 11),
      velocityColumn(m),
      doiColumn(m),
      moneyColumn(`Value at Stake (${cur})`, (r) => r.moneyAtStake, 18),
      { header: 'Action', value: (r) => r.action, width: 48 },
    ],
  });
}

export function reorderSheet(name: string, lines: readonly ReorderLine[], approvals: readonly ApprovalState[], s: Settings): SheetSpec {
  type Row = { line: ReorderLine; approval: ApprovalState };
  const rows: Row[] = lines.map((line, i) => ({ line, approval: approvals[i] }));
  const m = (r: Row) => r.line.metrics;
  const cur = s.reportingCurrency;
  const total = lines.reduce((a, l) => a + (l.orderValueReporting ?? 0), 0);
  return tableSheet<Row>({
    name,
    tableName: TABLE_NAMES.reorder,
    title: `Reorder: ${lines.length} positions, order value ${cur} ${total.toLocaleString('en-US', { maximumFractionDigits: 0 })} (policy: ${policyName(s)})`,
    freezeColumns: 2,
    rows,
    columns: [
      skuColumn(m),
      channelColumn(m),
      titleColumn(m),
      { header: 'ABC', value: (r) => m(r).abc, width: 6 },
      unitsColumn('Available', (r) => m(r).position.available, 11),
      unitsColumn('Inbound', (r) => m(r).position.inbound, 10),
      velocityColumn(m),
      { header: 'Velocity Method', value: (r) => m(r).velocityMethod, width: 20 },
      doiColumn(m),
      unitsColumn('Safety Stock', (r) => m(r).safetyStock, 12),
      unitsColumn('Reorder Point', (r) => m(r).reorderPoint, 13),
      unitsColumn('Event Demand', (r) => (m(r).eventDemand > 0 ? Math.round(m(r).eventDemand * 10) / 10 : null), 12),
      unitsColumn('Need', (r) => r.line.reorderNeed, 10),
      unitsColumn('On Order', (r) => r.line.onOrder, 10),
      unitsColumn('On Order Late', (r) => r.line.onOrderLate, 12),
      unitsColumn('Transfer In', (r) => r.line.transferIn, 11),
      unitsColumn('From Warehouse', (r) => r.line.fromWarehouse, 15),
      unitsColumn('Recommended Qty', (r) => r.line.buyQty, 16),
      unitsColumn('Case Pack', (r) => m(r).position.casePack, 10),
      unitsColumn('MOQ', (r) => m(r).position.moq, 8),
      moneyColumn('Unit Cost', (r) => m(r).position.cost, 11),
      currencyColumn(m),
      moneyColumn('Order Value', (r) => r.line.orderValue),
      moneyColumn(`Order Value (${cur})`, (r) => r.line.orderValueReporting, 18),
      { header: 'Approval Tier', value: (r) => r.line.tier ?? 'Cost missing', width: 14 },
      unitsColumn('Amazon Recommends', (r) => m(r).position.amazonRecommendedQty, 18),
      unitsColumn('EOQ', (r) => (m(r).eoq === null ? null : Math.round(m(r).eoq as number)), 8),
      ...approvalColumns<Row>((r) => r.approval),
    ],
  });
}

export function rebalanceSheet(name: string, lines: readonly TransferLine[], approvals: readonly ApprovalState[], s: Settings): SheetSpec {
  type Row = { line: TransferLine; approval: ApprovalState };
  const rows: Row[] = lines.map((line, i) => ({ line, approval: approvals[i] }));
  const from = (r: Row) => r.line.from;
  const cur = s.reportingCurrency;
  const saved = lines.reduce((a, l) => a + l.capitalSavedReporting, 0);
  return tableSheet<Row>({
    name,
    tableName: TABLE_NAMES.rebalance,
    title: `Rebalance: ${lines.length} same-country transfers, capital saved ${cur} ${saved.toLocaleString('en-US', { maximumFractionDigits: 0 })}`,
    freezeColumns: 3,
    rows,
    columns: [
      skuColumn(from),
      channelColumn(from, 'From'),
      channelColumn((r: Row) => r.line.to, 'To'),
      titleColumn(from),
      unitsColumn('Recommended Qty', (r) => r.line.transfer.qty, 16),
      { header: 'From DOI', value: (r) => finiteOr(r.line.from.doi, NO_SALES), format: FORMAT.days, width: 10 },
      { header: 'To DOI', value: (r) => finiteOr(r.line.to.doi, NO_SALES), format: FORMAT.days, width: 9 },
      unitsColumn('From Excess', (r) => r.line.from.excessQty, 12),
      unitsColumn('To Need', (r) => r.line.to.needQty, 10),
      moneyColumn('Unit Cost', (r) => r.line.transfer.unitCost, 11),
      currencyColumn(from),
      moneyColumn('Transfer Cost', (r) => r.line.transfer.transferCost),
      moneyColumn('Capital Saved', (r) => r.line.transfer.capitalSaved),
      moneyColumn(`Capital Saved (${cur})`, (r) => r.line.capitalSavedReporting, 19),
      { header: 'Approval Tier', value: (r) => r.line.tier ?? 'Cost missing', width: 14 },
      ...approvalColumns<Row>((r) => r.approval),
    ],
  });
}

export function liquidationSheet(name: string, lines: readonly LiquidationLine[], approvals: readonly ApprovalState[], s: Settings): SheetSpec {
  type Row = { line: LiquidationLine; approval: ApprovalState };
  const rows: Row[] = lines.map((line, i) => ({ line, approval: approvals[i] }));
  const m = (r: Row) => r.line.metrics;
  const cur = s.reportingCurrency;
  const model = s.liquidationModel === 'linear' ? 'linear model' : `constant elasticity ${s.elasticity}`;
  return tableSheet<Row>({
    name,
    tableName: TABLE_NAMES.liquidation,
    title: `Liquidation: ${lines.length} positions with excess or dead stock; every option's net over ${s.excessHorizonDays} days (discount: target ${s.targetDoi} days, ${model}, capped at ${Math.round(s.maxDiscount * 100)}%)`,
    freezeColumns: 2,
    rows,
    columns: [
      skuColumn(m),
      channelColumn(m),
      titleColumn(m),
      unitsColumn('Available', (r) => m(r).position.available, 11),
      velocityColumn(m),
      doiColumn(m),
      unitsColumn('Recommended Qty', (r) => r.line.units, 16),
      moneyColumn('Price', (r) => m(r).position.price, 11),
      currencyColumn(m),
      { header: 'Discount', value: (r) => r.line.plan?.discount ?? null, format: FORMAT.percent, width: 10 },
      moneyColumn('New Price', (r) => r.line.plan?.newPrice ?? null, 11),
      { header: 'Expected Velocity', value: (r) => r.line.plan?.expectedVelocity ?? null, format: FORMAT.velocity, width: 17 },
      { header: 'Days to Clear', value: (r) => finiteOr(r.line.plan?.daysToClear ?? null, NO_SALES), format: FORMAT.days, width: 13 },
      { header: 'Reaches Target', value: (r) => (r.line.plan === null ? 'No' : r.line.plan.reachesTarget ? 'Yes' : 'No'), width: 14 },
      {
        header: 'Recommendation',
        value: (r) => r.line.action,
        width: 16,
        rules: [
          { type: 'textEquals', text: 'Keep', fill: 'green' },
          { type: 'textEquals', text: 'Discount', fill: 'green' },
          { type: 'textEquals', text: 'Outlet deal', fill: 'amber' },
          { type: 'textEquals', text: 'Liquidate', fill: 'orange' },
          { type: 'textEquals', text: 'Remove', fill: 'red' },
          { type: 'textEquals', text: 'Dispose', fill: 'red' },
          { type: 'textEquals', text: 'Review', fill: 'grey' },
        ],
      },
      moneyColumn('Recovery', (r) => r.line.recovery, 12),
      ...EXCESS_OPTIONS.map((o) => moneyColumn(`Net: ${o}`, (r: Row) => r.line.options?.[o] ?? null, 12)),
      { header: 'Reason', value: (r) => r.line.reason, width: 48 },
      moneyColumn(`Value at Cost (${cur})`, (r) => r.line.valueReporting, 19),
      { header: 'Approval Tier', value: (r) => r.line.tier ?? 'Cost missing', width: 14 },
      ...approvalColumns<Row>((r) => r.approval),
    ],
  });
}

export function strandedSheet(name: string, lines: readonly StrandedLine[], s: Settings): SheetSpec {
  const m = (r: StrandedLine) => r.metrics;
  const cols: Column<StrandedLine>[] = [
    skuColumn(m),
    channelColumn(m),
    titleColumn(m),
    unitsColumn('Stranded Units', (r) => r.stranded, 14),
    unitsColumn('Unfulfillable Units', (r) => r.unfulfillable, 18),
    { header: 'Reason', value: (r) => r.reason, format: FORMAT.text, width: 30 },
    moneyColumn(`Value at Cost (${s.reportingCurrency})`, (r) => r.valueReporting, 19),
    { header: 'Recommended Action', value: (r) => r.action, width: 48 },
  ];
  return tableSheet({
    name,
    tableName: TABLE_NAMES.stranded,
    title: `Stranded and unfulfillable stock: ${lines.length} positions`,
    freezeColumns: 2,
    rows: lines,
    columns: cols,
  });
}

