import { positionMetrics } from '../../../src/engine/analysis/position-metrics';
import { DEFAULT_SETTINGS, type AbcClass } from '../../../src/engine/model';
import { crossChannelSheet } from '../../../src/engine/sheets/cross-channel-sheet';
import { position, type ChannelId } from '../../helpers/position';

// Default settings: short = selling with DOI < 14 days, excess = stock with DOI > 90 days.
const s = DEFAULT_SETTINGS;
const at = (masterSku: string, channel: ChannelId, available: number, sold: number, title: string | null = null, abc: AbcClass = 'A') =>
  positionMetrics(position({ masterSku, channel, available, sold, title }), abc, s);

describe('crossChannelSheet', () => {
  const metrics = [
    at('b1', 'amazon-ksa', 5, 30, null, 'B'),
    at('M2', 'noon-ksa', 100, 3, 'Second title'),
    at('M1', 'amazon-ksa', 4, 30, 'First', 'C'),
    at('M2', 'amazon-ksa', 3, 30, 'Not the first title'),
    // A later position of the same Master SKU and channel takes the earlier one's place.
    at('b1', 'amazon-ksa', 9, 6, 'Later', 'A'),
    at('Z9', 'noon-ksa', 100, 3),
    at('Z9', 'amazon-ksa', 2, 60),
  ];
  const spec = crossChannelSheet('Cross-Channel', metrics, s);
  const header = spec.rows[1];
  const body = spec.rows.slice(2);
  const cell = (row: readonly unknown[], name: string) => row[header.indexOf(name)];

  it('has stock, sold and DOI columns for the channels present, in channel order', () => {
    expect(header).toEqual(['Master SKU', 'Title', 'ABC', 'Amazon KSA Stock', 'Amazon KSA Sold', 'Amazon KSA DOI', 'noon KSA Stock', 'noon KSA Sold', 'noon KSA DOI', 'Total Stock', 'Total Sold', 'Imbalance', 'Imbalance Detail']);
  });

  it('lists the imbalanced Master SKUs first, each group in text order (upper case before lower case)', () => {
    expect(body.map((r) => r[0])).toEqual(['M2', 'Z9', 'M1', 'b1']);
    expect(body.map((r) => cell(r, 'Imbalance'))).toEqual(['Yes', 'Yes', 'No', 'No']);
    expect(spec.rows[0][0]).toBe('Cross-channel view: 4 Master SKUs, 2 imbalanced within a country');
  });

  it('names the excess and the short channels, in the order the positions came', () => {
    expect(cell(body[0], 'Imbalance Detail')).toBe('noon KSA excess; Amazon KSA short');
    expect(cell(body[2], 'Imbalance Detail')).toBeNull();
  });

  it('takes title and ABC from the first position that has them, and the latest position per channel', () => {
    expect(body[0].slice(0, 3)).toEqual(['M2', 'Second title', 'A']);
    const b1 = body[3];
    expect(b1.slice(0, 3)).toEqual(['b1', 'Later', 'A']);
    expect([cell(b1, 'Amazon KSA Stock'), cell(b1, 'Amazon KSA Sold'), cell(b1, 'Amazon KSA DOI')]).toEqual([9, 6, 45]);
    expect([cell(b1, 'noon KSA Stock'), cell(b1, 'noon KSA Sold'), cell(b1, 'noon KSA DOI')]).toEqual([null, null, null]);
    expect([cell(b1, 'Total Stock'), cell(b1, 'Total Sold')]).toEqual([9, 6]);
    expect([cell(body[0], 'Total Stock'), cell(body[0], 'Total Sold')]).toEqual([103, 33]);
  });
});
