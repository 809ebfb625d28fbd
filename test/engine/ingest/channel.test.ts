/** Country clues in report cells and in sheet or file names (docs/REPORTS.md, "Channel of a report"). */
import { countryFromName, countryOf } from '../../../src/engine/ingest/channel';

describe('countryOf', () => {
  it.each([
    ['Amazon.sa', 'KSA'],
    ['SA', 'KSA'],
    ['KSA', 'KSA'],
    ['Saudi Arabia', 'KSA'],
    ['SAR', 'KSA'],
    ['ر.س', 'KSA'],
    ['Amazon.ae', 'UAE'],
    ['AE', 'UAE'],
    ['United Arab Emirates', 'UAE'],
    ['AED', 'UAE'],
    ['د.إ', 'UAE'],
    ['Amazon.com', null],
    ['USD', null],
    ['sales', null],
    ['', null],
    [null, null],
  ])('%s → %s', (value, country) => {
    expect(countryOf(value)).toBe(country);
  });
});

describe('countryFromName', () => {
  it.each([
    ['noon KSA stock', 'KSA'],
    ['Amazon_UAE_inventory.txt', 'UAE'],
    ['amazon.sa business report', 'KSA'],
    ['Dubai orders', 'UAE'],
    ['مخزون السعودية', 'KSA'],
    ['KSA and UAE combined', null],
    ['Sheet1', null],
    ['salesforce export', null],
  ])('%s → %s', (name, country) => {
    expect(countryFromName(name)).toBe(country);
  });
});
