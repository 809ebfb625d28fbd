import { STRANDED_FALLBACK_ACTION, strandedAction } from '../../../src/engine/recommend/stranded-action';
import { AMAZON_STRANDED_INVENTORY_HEADER } from '../../fixtures/real-headers';

// Reasons as Seller Central shows them on Fix stranded inventory and in the Stranded Inventory report's
// stranded-reason column; primary-action values as listed in Amazon's report help ("Relist", "Create
// removal order", "Change to Fulfilled by Amazon").
describe('strandedAction: reason → action', () => {
  const table: [string, string][] = [
    ['Listing closed', 'Relist the offer in Seller Central'],
    ['Inactive listing', 'Relist the offer in Seller Central'],
    ['No listing exists', 'Create an offer for this SKU'],
    ['Missing offer', 'Create an offer for this SKU'],
    ['Listing deleted', 'Create an offer for this SKU'],
    ['Pricing error', 'Fix the price (outside the allowed range)'],
    ['Potential pricing error', 'Fix the price (outside the allowed range)'],
    ['Price alert', 'Fix the price (outside the allowed range)'],
    ['Suppressed listing', 'Fix the listing issue shown in Seller Central'],
    ['Search suppressed', 'Fix the listing issue shown in Seller Central'],
    ['Listing blocked', 'Fix the listing issue shown in Seller Central'],
    ['Listing removed', 'Fix the listing issue shown in Seller Central'],
    ['Listing removed due to compliance', 'Resolve the compliance or approval issue in Seller Central, or remove the units'],
    ['Restricted', 'Resolve the compliance or approval issue in Seller Central, or remove the units'],
    ['Restricted product', 'Resolve the compliance or approval issue in Seller Central, or remove the units'],
    ['Brand approval required', 'Resolve the compliance or approval issue in Seller Central, or remove the units'],
    ['Hazmat review', 'Resolve the compliance or approval issue in Seller Central, or remove the units'],
    ['ASIN not in catalog', 'Recreate the listing (the ASIN is no longer in the catalog)'],
    ['Fulfilled by Merchant offer', 'Change the offer to Fulfilled by Amazon'],
    ['FBM offer', 'Change the offer to Fulfilled by Amazon'],
    ['Unfulfillable', 'Create a removal order (unfulfillable units)'],
    ['Customer damaged', 'Create a removal order (unfulfillable units)'],
    ['Carrier damaged', 'Create a removal order (unfulfillable units)'],
    ['Defective', 'Create a removal order (unfulfillable units)'],
    ['Expired', 'Create a removal order (unfulfillable units)'],
  ];

  test.each(table)('%s → %s', (reason, action) => {
    expect(strandedAction(reason, null)).toBe(action);
  });

  test('case, underscores, hyphens and extra spaces do not matter', () => {
    expect(strandedAction('LISTING CLOSED', null)).toBe('Relist the offer in Seller Central');
    expect(strandedAction('no_listing_exists', null)).toBe('Create an offer for this SKU');
    expect(strandedAction('  pricing-error  ', null)).toBe('Fix the price (outside the allowed range)');
  });

  test('keywords match at the start of a word only: "investigated" is not "gated"', () => {
    expect(strandedAction('Being investigated', null)).toBe(STRANDED_FALLBACK_ACTION);
  });

  test('the specific wins over the general', () => {
    // Damaged units cannot be relisted, whatever happened to the listing.
    expect(strandedAction('Listing closed; units damaged', 'Relist')).toBe('Create a removal order (unfulfillable units)');
    // Removed for compliance is not a listing edit.
    expect(strandedAction('Listing removed due to compliance', null)).toBe(
      'Resolve the compliance or approval issue in Seller Central, or remove the units',
    );
  });

  test("a known reason wins over Amazon's primary action", () => {
    expect(strandedAction('Pricing error', 'relist')).toBe('Fix the price (outside the allowed range)');
  });
});

describe('strandedAction: fallbacks', () => {
  test("unknown reason with Amazon's primary action: that action, first letter capitalized", () => {
    expect(strandedAction('Something Amazon added later', 'relist')).toBe('Relist');
    expect(strandedAction('Something Amazon added later', 'create removal order')).toBe('Create removal order');
    expect(strandedAction('Something Amazon added later', '  Change to Fulfilled by Amazon ')).toBe('Change to Fulfilled by Amazon');
  });

  test('no reason: the primary action when given', () => {
    expect(strandedAction(null, 'relist')).toBe('Relist');
    expect(strandedAction('', 'edit listing')).toBe('Edit listing');
  });

  test('a reason in Arabic matches no rule and falls back', () => {
    expect(strandedAction('إدراج مغلق', 'relist')).toBe('Relist');
    expect(strandedAction('إدراج مغلق', null)).toBe(STRANDED_FALLBACK_ACTION);
  });

  test('nothing usable: review in Seller Central', () => {
    expect(STRANDED_FALLBACK_ACTION).toBe('Review in Seller Central > Fix stranded inventory');
    expect(strandedAction(null, null)).toBe(STRANDED_FALLBACK_ACTION);
    expect(strandedAction('   ', '  ')).toBe(STRANDED_FALLBACK_ACTION);
    expect(strandedAction('Something Amazon added later', null)).toBe(STRANDED_FALLBACK_ACTION);
  });
});

describe('strandedAction: the report columns it reads', () => {
  test('the real Amazon Stranded Inventory header has primary-action, stranded-reason and error-message', () => {
    // The real header, typed into test/fixtures/real-headers.ts (which names its source file).
    expect(AMAZON_STRANDED_INVENTORY_HEADER).toEqual(expect.arrayContaining(['primary-action', 'stranded-reason', 'error-message']));
  });
});
