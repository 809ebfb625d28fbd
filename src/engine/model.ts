/**
 * The engine's small shared types: channels, settings and their defaults (docs/FORMULAS.md, "Settings and
 * defaults"). Unit aliases document what a number means; they are plain numbers at run time.
 */
import type { ReportKind } from './ingest/kinds';

/** Quantity in units. */
export type Units = number;
/** Time in days. */
export type Days = number;
/** Money in the channel's or the reporting currency. */
export type Money = number;
/** Units per day. */
export type Velocity = number;

export type Marketplace = 'amazon' | 'noon';
export type Country = 'KSA' | 'UAE';
export type Currency = 'SAR' | 'AED';

export interface Channel {
  readonly id: string;
  readonly marketplace: Marketplace;
  readonly country: Country;
  readonly currency: Currency;
  readonly label: string;
}

export const CHANNELS: readonly Channel[] = [
  { id: 'amazon-ksa', marketplace: 'amazon', country: 'KSA', currency: 'SAR', label: 'Amazon KSA' },
  { id: 'amazon-uae', marketplace: 'amazon', country: 'UAE', currency: 'AED', label: 'Amazon UAE' },
  { id: 'noon-ksa', marketplace: 'noon', country: 'KSA', currency: 'SAR', label: 'noon KSA' },
  { id: 'noon-uae', marketplace: 'noon', country: 'UAE', currency: 'AED', label: 'noon UAE' },
];

/**
 * A position's identity as text, "Master SKU|channel": the one spelling of it. The channel is its id
 * for a position of this analysis (PositionMetrics.id) and its label in the saved history (the history
 * sheets carry labels).
 */
export const positionKey = (masterSku: string, channel: string): string => `${masterSku}|${channel}`;

export type AbcClass = 'A' | 'B' | 'C';
export type Policy = 'cover' | 'service';
export type LiquidationModel = 'elasticity' | 'linear';

/** An approval tier applies to order values strictly below `below` (the last tier has no limit). */
export interface ApprovalTierRule {
  readonly tier: string;
  readonly below: Money | null;
}

export interface Settings {
  readonly periodDays: Days;
  readonly safetyDays: Days;
  readonly excessDays: Days;
  readonly stockoutDays: Days;
  readonly criticalDays: Days;
  readonly severeExcessDays: Days;
  readonly elasticity: number;
  readonly targetDoi: Days;
  readonly maxDiscount: number;
  readonly leadTimeDays: Days;
  readonly leadTimeSdDays: Days;
  readonly reviewDays: Days;
  readonly serviceLevel: Readonly<Record<AbcClass, number>>;
  readonly policy: Policy;
  readonly abcBasis: 'revenue' | 'units';
  /** Cumulative share limits of A and B. */
  readonly abcCuts: readonly [number, number];
  /** Coefficient-of-variation limits of X and Y. */
  readonly xyzCuts: readonly [number, number];
  /** Month-over-month velocity change beyond ± this share is growth / decline (Trends sheet). */
  readonly trendThreshold: number;
  readonly minTransferQty: Units;
  readonly transferCostPerUnit: Money;
  readonly orderCost: Money;
  readonly holdingRate: number;
  readonly approvalTiers: readonly ApprovalTierRule[];
  readonly liquidationModel: LiquidationModel;
  // Fee schedule of the liquidation alternatives (when discounting cannot clear the stock):
  /** Price cut of an outlet / clearance deal. */
  readonly outletDiscount: number;
  /** Share of the units an outlet deal is expected to sell (the rest is removed). */
  readonly outletSellThrough: number;
  /** Share of the selling price a liquidation pays back per unit, after its fees. */
  readonly liquidationRecovery: number;
  /** Fee to remove (return to the seller) one unit, in the channel's currency. */
  readonly removalFeePerUnit: Money;
  // Fee-aware excess decisions (metrics/excess-options.ts), in the channel's currency where a fee report gives none:
  /** Days over which keeping, discounting, an outlet deal, liquidation, removal and disposal are compared. */
  readonly excessHorizonDays: Days;
  /** Referral fee as a share of the price (fee preview absent). */
  readonly referralFeeShare: number;
  /** Fulfillment fee per unit sold (fee preview absent). */
  readonly fulfillmentFeePerUnit: Money;
  /** Storage fee per unit a month (Monthly storage fees report absent). */
  readonly storageFeePerUnitMonth: Money;
  /** Aged-inventory surcharge per unit a month once a unit is 181 days old (surcharge report absent). */
  readonly agedSurchargePerUnitMonth: Money;
  /** Fee to dispose of one unit. */
  readonly disposalFeePerUnit: Money;
  /** What a removed unit is worth to the seller (resold elsewhere). */
  readonly resalePerUnit: Money;
  // Event uplifts (forecast/event-uplift.ts): the extra share of sales on an event day, used for a SKU
  // whose history does not show the event when its channel's positions do not either. 0 by default: no
  // uplift is assumed without evidence (no public figure for these markets was found); a seller who
  // knows theirs sets it.
  readonly upliftRamadan: number;
  readonly upliftEidAlFitr: number;
  readonly upliftEidAlAdha: number;
  readonly upliftWhiteFriday: number;
  readonly upliftSinglesDay: number;
  readonly upliftBackToSchool: number;
  readonly upliftNationalDays: number;
  readonly reportingCurrency: Currency;
  /** Reporting-currency units per AED (default reporting currency SAR). */
  readonly aedToSar: number;
}

export const DEFAULT_APPROVAL_TIERS: readonly ApprovalTierRule[] = [
  { tier: 'Auto', below: 5_000 },
  { tier: 'Manager', below: 50_000 },
  { tier: 'Director', below: 100_000 },
  { tier: 'Executive', below: null },
];

export const DEFAULT_SETTINGS: Settings = {
  periodDays: 30,
  safetyDays: 30,
  excessDays: 90,
  stockoutDays: 14,
  criticalDays: 7,
  severeExcessDays: 365,
  elasticity: 1.5,
  targetDoi: 45,
  maxDiscount: 0.5,
  leadTimeDays: 30,
  leadTimeSdDays: 0,
  reviewDays: 7,
  serviceLevel: { A: 0.98, B: 0.95, C: 0.9 },
  policy: 'cover',
  abcBasis: 'revenue',
  abcCuts: [0.8, 0.95],
  xyzCuts: [0.5, 1.0],
  trendThreshold: 0.2,
  minTransferQty: 10,
  transferCostPerUnit: 5,
  orderCost: 200,
  holdingRate: 0.25,
  approvalTiers: DEFAULT_APPROVAL_TIERS,
  liquidationModel: 'elasticity',
  outletDiscount: 0.5,
  outletSellThrough: 0.6,
  liquidationRecovery: 0.1,
  removalFeePerUnit: 2,
  excessHorizonDays: 180,
  referralFeeShare: 0.15,
  fulfillmentFeePerUnit: 5,
  storageFeePerUnitMonth: 0.5,
  agedSurchargePerUnitMonth: 0,
  disposalFeePerUnit: 1,
  resalePerUnit: 0,
  upliftRamadan: 0,
  upliftEidAlFitr: 0,
  upliftEidAlAdha: 0,
  upliftWhiteFriday: 0,
  upliftSinglesDay: 0,
  upliftBackToSchool: 0,
  upliftNationalDays: 0,
  reportingCurrency: 'SAR',
  aedToSar: 1.0211,
};

// Positions: one Master SKU on one channel, as the join (ingest/join.ts) builds them from the reports.

export interface MonthSales {
  units: number;
  revenue: number;
}

export interface Position {
  readonly masterSku: string;
  readonly channel: Channel;
  /** Not in the mapping: analyzed under its own SKU until mapped. */
  provisional: boolean;
  channelSkus: string[];
  title: string | null;
  asin: string | null;
  available: number;
  reserved: number;
  unfulfillable: number;
  inbound: number;
  sold: number;
  revenue: number;
  /** Days the sold units cover: the report's own span, or periodDays when it does not say. */
  periodDays: number;
  /** The last day (YYYY-MM-DD) of the dated sales the channel's reports span; absent for undated sales (Business Report). */
  salesTo?: string;
  /** Which report kind gave the stock and which the sales. */
  stockFrom: ReportKind | null;
  salesFrom: ReportKind | null;
  /** Units and revenue per calendar month "YYYY-MM", from dated sales. */
  salesByMonth: Record<string, MonthSales>;
  /**
   * Units per UTC day of the same dated sales (All Orders' purchase-date, the noon sales export's order
   * timestamp, Product views & sales' day), as pairs [day, units, day, units …] with day = ms ÷ 86,400,000
   * floored (1970-01-01 is day 0). Rows of one day read one after another add to one pair; a day read
   * again later (rows out of date order) gets another pair, whose units add to it. Absent without dated
   * sales. A day of the channel's span of dated sales (JoinResult.salesSpans) without a pair sold 0.
   */
  dailySales?: number[];
  /** Units customers returned (Amazon FBA customer returns report); 0 without one. */
  returned: number;
  /** Units returned per calendar month "YYYY-MM" of the return date (the keys salesByMonth uses). */
  returnsByMonth: Record<string, number>;
  unitsShipped: { t7: number | null; t30: number | null; t60: number | null; t90: number | null } | null;
  aging: Record<string, number> | null;
  stranded: number;
  strandedReasons: string[];
  /** Selling price: the mapping's (reporting currency) when it gives one, else the channel report's (channel currency). */
  price: number | null;
  /** Unit cost from the mapping (reporting currency). */
  cost: number | null;
  /** The price came from the mapping, so it is in the reporting currency like the cost. */
  priceFromMapping: boolean;
  amazonRecommendedQty: number | null;
  casePack: number | null;
  moq: number | null;
  leadTimeDays: number | null;
  supplier: string | null;
  /** The currency the supplier invoices in, as the mapping writes it; null when it says none. */
  supplierCurrency: string | null;
  /** Cubic feet per unit: Manage FBA Inventory's per-unit-volume, else the mapping's Unit Volume. */
  unitVolume: number | null;
  /**
   * Provisional positions only: the best mapping guess for the SKU (same ASIN, same title, similar
   * SKU), as the Data Issues text gives it; null when there is none. Absent on mapped positions.
   */
  suggestion?: MappingSuggestion | null;
  /** When the stock report says its stock was counted (noon's inventory_snapshot_at), ms UTC. */
  stockAsOf?: number | null;
  /** Stock per warehouse, where the stock report gives one row per warehouse (noon FBN inventory). */
  warehouses?: WarehouseStock[];
  /** Visitors and units from noon's Product views & sales (the SKU explorer's conversion). */
  views?: { visitors: number; grossUnits: number; days: number };
  /** Sellable balance and events per day, from Amazon's Inventory Ledger; oldest day first. */
  ledger?: LedgerDay[];
  /** Fees per unit from Amazon's storage-fee, aged-surcharge and fee-preview reports. */
  fees?: PositionFees;
}

/** One warehouse's part of a position's stock; `byType` keeps the report's own inventory types. */
export interface WarehouseStock {
  readonly warehouse: string;
  available: number;
  inbound: number;
  unfulfillable: number;
  byType: Record<string, number>;
}

/**
 * One day of the Inventory Ledger for a position, sellable units only. The summary view gives the
 * balances and the events by kind (receipts, customerShipments, customerReturns, …); the detail view
 * gives events by event type (Shipments, Receipts, CustomerReturns, Adjustments …) and no balances.
 */
export interface LedgerDay {
  /** YYYY-MM-DD. */
  readonly date: string;
  start: number | null;
  end: number | null;
  readonly events: Record<string, number>;
}

/** Per-unit fees in `currency` (the report's; null when it names none). */
export interface PositionFees {
  currency: string | null;
  /** Storage fee per unit for one month: Σ estimated_monthly_storage_fee ÷ Σ average_quantity_on_hand over the fulfillment centers of the latest month charged. */
  storagePerUnitMonth: number | null;
  storageMonth: string | null;
  /** Aged inventory surcharge per unit by age tier ("181-270", "365+" …): amount-charged ÷ qty-charged of the latest snapshot. */
  agedSurchargePerUnit: Record<string, number> | null;
  /** From the FBA fee preview: the fulfillment fee (expected-fulfillment-fee-per-unit, else pick & pack + weight handling), the referral fee and the total estimated fee per unit. */
  fulfillmentPerUnit: number | null;
  referralPerUnit: number | null;
  feeTotalPerUnit: number | null;
}

/** A guess for an unmapped SKU: the Master SKU it probably is, and why ("same title", "similar SKU AMZ-X"). */
export interface MappingSuggestion {
  readonly masterSku: string;
  readonly reason: string;
}
