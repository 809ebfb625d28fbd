/**
 * The recommended action for stranded or unfulfillable stock on the Stranded sheet (docs/PRODUCT.md), from
 * the Amazon Stranded Inventory report's `stranded-reason` and `primary-action` columns.
 *
 *   reason matches a rule (first rule wins)  → that rule's action
 *   otherwise primary-action is given        → Amazon's action, first letter capitalized
 *   otherwise                                → "Review in Seller Central > Fix stranded inventory"
 *
 * Rules are keyword matches on the reason: case-insensitive, at the start of a word (so "restrict" matches
 * "Restricted" and "restriction", and "gated" does not match "investigated"), punctuation, `_` and `-`
 * read as spaces. They cover
 * the reasons Seller Central shows ("Listing closed" / "Inactive listing", "No listing exists" / "Missing
 * offer", "Pricing error", "Suppressed listing", "Listing removed due to compliance" / "Restricted",
 * "ASIN not in catalog", an offer switched to Fulfilled by Merchant) and unfulfillable stock (damaged,
 * defective, expired). The order puts the specific before the general: unfulfillable units cannot be
 * relisted whatever the listing says, and "Listing removed due to compliance" is a compliance matter, not
 * a listing edit.
 * Conventions: the wording is ours, not Amazon's; Amazon's primary-action (e.g. "Relist", "Create removal
 * order", "Change to Fulfilled by Amazon") is used only when the reason is missing or unknown, because
 * the reason says what to fix. Reasons in other languages (an Arabic Seller Central) match no rule and
 * fall back to the primary action or the review step.
 * Cost: O(rules × keywords × reason length).
 * @example
 * strandedAction('Listing closed', 'relist') // 'Relist the offer in Seller Central'
 * strandedAction('Something new', 'relist') // 'Relist'
 * strandedAction(null, null) // 'Review in Seller Central > Fix stranded inventory'
 */

export const STRANDED_FALLBACK_ACTION = 'Review in Seller Central > Fix stranded inventory';

interface StrandedRule {
  readonly keywords: readonly string[];
  readonly action: string;
}

/** First match wins. Keywords are lower case, single-spaced word starts. */
const RULES: readonly StrandedRule[] = [
  {
    keywords: ['unfulfillable', 'unsellable', 'unsaleable', 'damage', 'defect', 'expir'],
    action: 'Create a removal order (unfulfillable units)',
  },
  {
    keywords: ['compliance', 'restrict', 'approval', 'gated', 'hazmat', 'dangerous goods', 'infring'],
    action: 'Resolve the compliance or approval issue in Seller Central, or remove the units',
  },
  { keywords: ['pric'], action: 'Fix the price (outside the allowed range)' },
  { keywords: ['catalog'], action: 'Recreate the listing (the ASIN is no longer in the catalog)' },
  {
    keywords: ['suppress', 'blocked', 'listing removed', 'listing issue', 'listing error', 'incomplete', 'missing information'],
    action: 'Fix the listing issue shown in Seller Central',
  },
  {
    keywords: ['fulfilled by merchant', 'merchant fulfilled', 'fbm', 'mfn'],
    action: 'Change the offer to Fulfilled by Amazon',
  },
  {
    keywords: ['no listing', 'missing offer', 'no offer', 'offer missing', 'not listed', 'listing does not exist', 'deleted'],
    action: 'Create an offer for this SKU',
  },
  { keywords: ['closed', 'inactive'], action: 'Relist the offer in Seller Central' },
];

/** Lower case, every run of non-letters and non-digits a single space, padded so ` ${keyword}` finds word starts. */
function normalize(text: string): string {
  const words = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return words ? ` ${words}` : '';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function strandedAction(reason: string | null, primaryAction: string | null): string {
  const r = normalize(reason ?? '');
  if (r) {
    const rule = RULES.find((candidate) => candidate.keywords.some((k) => r.includes(` ${k}`)));
    if (rule) return rule.action;
  }
  const amazon = (primaryAction ?? '').replace(/\s+/g, ' ').trim();
  return amazon ? capitalize(amazon) : STRANDED_FALLBACK_ACTION;
}
