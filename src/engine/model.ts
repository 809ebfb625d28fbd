/**
 * The engine's small shared types: channels, settings and their defaults (docs/FORMULAS.md, "Settings and
 * defaults"). Unit aliases document what a number means; they are plain numbers at run time.
 */

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
