/**
 * A Position (one Master SKU on one channel, src/engine/ingest/join.ts) built directly for unit tests,
 * so each test names only the fields its hand computation uses.
 *
 * Defaults: Master SKU "M1" on Amazon KSA (SAR), nothing in stock, nothing sold over a 30-day period
 * (sales from the Business Report), nothing returned, no cost, price, lead time, MOQ or case pack.
 */
import { CHANNELS, type Channel, type Position } from '../../src/engine/model';

export type ChannelId = 'amazon-ksa' | 'amazon-uae' | 'noon-ksa' | 'noon-uae';

export const channel = (id: ChannelId): Channel => CHANNELS.find((c) => c.id === id) as Channel;

export function position(overrides: Partial<Omit<Position, 'channel'>> & { channel?: ChannelId } = {}): Position {
  const { channel: channelId = 'amazon-ksa', ...fields } = overrides;
  return {
    masterSku: 'M1',
    channel: channel(channelId),
    provisional: false,
    channelSkus: [],
    title: null,
    asin: null,
    available: 0,
    reserved: 0,
    unfulfillable: 0,
    inbound: 0,
    sold: 0,
    revenue: 0,
    periodDays: 30,
    stockFrom: 'amazon-inventory',
    salesFrom: 'amazon-business-report',
    salesByMonth: {},
    returned: 0,
    returnsByMonth: {},
    unitsShipped: null,
    aging: null,
    stranded: 0,
    strandedReasons: [],
    price: null,
    cost: null,
    priceFromMapping: false,
    amazonRecommendedQty: null,
    casePack: null,
    moq: null,
    leadTimeDays: null,
    supplier: null,
    supplierCurrency: null,
    unitVolume: null,
    ...fields,
  };
}
