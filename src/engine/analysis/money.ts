/**
 * Converting channel money to the reporting currency for totals (docs/FORMULAS.md, "Units": SAR for KSA,
 * AED for UAE; totals in the reporting currency, default SAR, AED→SAR 1.0211).
 */
import type { Currency, Money } from '../model';

export interface CurrencySettings {
  readonly reportingCurrency: Currency;
  /** SAR per AED. */
  readonly aedToSar: number;
}

/** amount in `from` expressed in the reporting currency. */
export function toReporting(amount: Money, from: Currency, s: CurrencySettings): Money {
  if (from === s.reportingCurrency) return amount;
  return from === 'AED' ? amount * s.aedToSar : amount / s.aedToSar;
}

/** amount in the reporting currency expressed in `to` (the inverse of toReporting). */
export function fromReporting(amount: Money, to: Currency, s: CurrencySettings): Money {
  if (to === s.reportingCurrency) return amount;
  return to === 'AED' ? amount / s.aedToSar : amount * s.aedToSar;
}
