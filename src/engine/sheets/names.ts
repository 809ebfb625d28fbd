/**
 * The sheets Lumive writes, by stable id, with their names (docs/PRODUCT.md; the issue fixes the names) and
 * Excel table names. A user's sheet that already has one of these names is never overwritten: the
 * registry (registry.ts) then picks another name.
 */
export const OUTPUT_SHEETS = {
  urgent: 'Urgent Actions',
  summary: 'Summary',
  health: 'Health',
  reorder: 'Reorder',
  rebalance: 'Rebalance',
  liquidation: 'Liquidation',
  purchaseOrders: 'Purchase Orders',
  shipments: 'Shipments',
  crossChannel: 'Cross-Channel',
  stranded: 'Stranded',
  forecast: 'Forecast',
  trends: 'Trends',
  dataIssues: 'Data Issues',
  settings: 'Lumive Settings',
  events: 'Lumive Events',
  approvalLog: 'Lumive Approval Log',
} as const;

export type SheetId = keyof typeof OUTPUT_SHEETS | 'registry';

/** The hidden registry of the sheets Lumive created. */
export const REGISTRY_SHEET = 'Lumive Registry';

/** Excel table names (unique in a workbook). */
export const TABLE_NAMES: Readonly<Record<string, string>> = {
  urgent: 'LumiveUrgentActions',
  health: 'LumiveHealth',
  reorder: 'LumiveReorder',
  rebalance: 'LumiveRebalance',
  liquidation: 'LumiveLiquidation',
  purchaseOrders: 'LumivePurchaseOrders',
  shipments: 'LumiveShipments',
  crossChannel: 'LumiveCrossChannel',
  stranded: 'LumiveStranded',
  forecast: 'LumiveForecast',
  trends: 'LumiveTrends',
  dataIssues: 'LumiveDataIssues',
  settings: 'LumiveSettings',
  events: 'LumiveEvents',
};
