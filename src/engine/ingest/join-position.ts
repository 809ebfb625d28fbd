/** Positions as the join (join.ts) makes and copies them, and values kept per channel and key. */
import type { Channel, Position } from '../model';
import type { MasterInfo } from './join-mapping';

/**
 * Values by channel id, then by a text key (a Master SKU, an ASIN): two lookups of strings the reports
 * already hold, where one composite key would build and hash a new string for every row.
 */
export class ByChannel<T> {
  private readonly maps = new Map<string, Map<string, T>>();

  get(channelId: string, key: string): T | undefined {
    return this.maps.get(channelId)?.get(key);
  }

  /** Sets the value unless the key has one already; true when it was set. */
  setNew(channelId: string, key: string, value: T): boolean {
    const map = this.of(channelId);
    if (map.has(key)) return false;
    map.set(key, value);
    return true;
  }

  /** Sets the value of a key that has none (the caller just looked it up): one lookup fewer than setNew. */
  set(channelId: string, key: string, value: T): void {
    this.of(channelId).set(key, value);
  }

  private of(channelId: string): Map<string, T> {
    let map = this.maps.get(channelId);
    if (!map) this.maps.set(channelId, (map = new Map()));
    return map;
  }
}

/**
 * A new position of a Master SKU (or, provisional, of an unmapped SKU) on a channel, with the mapping's
 * data. `sku`: the channel SKU of the row that made it (a list of one, sized to it: most positions have one SKU).
 */
export function newPosition(master: string, channel: Channel, provisional: boolean, info: MasterInfo | undefined, periodDays: number, sku: string | null): Position {
  const p: EveryField<Position> = {
    masterSku: master,
    channel,
    provisional,
    channelSkus: sku ? [sku] : [],
    title: info?.title ?? null,
    asin: info?.asin ?? null,
    available: 0,
    reserved: 0,
    unfulfillable: 0,
    inbound: 0,
    sold: 0,
    revenue: 0,
    periodDays,
    salesTo: undefined,
    stockFrom: null,
    salesFrom: null,
    salesByMonth: {},
    dailySales: undefined,
    returned: 0,
    returnsByMonth: {},
    unitsShipped: null,
    aging: null,
    stranded: 0,
    strandedReasons: [],
    price: info?.price ?? null,
    cost: info?.cost ?? null,
    priceFromMapping: info?.price !== null && info?.price !== undefined,
    amazonRecommendedQty: null,
    casePack: info?.casePack ?? null,
    moq: info?.moq ?? null,
    leadTimeDays: info?.leadTimeDays ?? null,
    supplier: info?.supplier ?? null,
    supplierCurrency: info?.supplierCurrency ?? null,
    unitVolume: info?.unitVolume ?? null,
    // The fields only some reports give, present from the start: every position then has one shape
    // (repriced), and code reading positions stays fast instead of meeting one shape per combination
    // of reports.
    suggestion: undefined,
    stockAsOf: undefined,
    warehouses: undefined,
    views: undefined,
    ledger: undefined,
    fees: undefined,
  };
  return p;
}

/**
 * A copy of a position with another cost and price (the analysis' money stage). Written out field by
 * field in newPosition's order, not spread: a spread copy gets a shape of its own, and the positions of
 * one analysis would then have several shapes, which makes every read of a position field (each sheet's
 * columns, 100,000s of times) slower. `EveryField` makes the compiler ask for any field added to Position.
 */
export function repriced(p: Position, cost: number | null, price: number | null): Position {
  const copy: EveryField<Position> = {
    masterSku: p.masterSku,
    channel: p.channel,
    provisional: p.provisional,
    channelSkus: p.channelSkus,
    title: p.title,
    asin: p.asin,
    available: p.available,
    reserved: p.reserved,
    unfulfillable: p.unfulfillable,
    inbound: p.inbound,
    sold: p.sold,
    revenue: p.revenue,
    periodDays: p.periodDays,
    salesTo: p.salesTo,
    stockFrom: p.stockFrom,
    salesFrom: p.salesFrom,
    salesByMonth: p.salesByMonth,
    dailySales: p.dailySales,
    returned: p.returned,
    returnsByMonth: p.returnsByMonth,
    unitsShipped: p.unitsShipped,
    aging: p.aging,
    stranded: p.stranded,
    strandedReasons: p.strandedReasons,
    price,
    cost,
    priceFromMapping: p.priceFromMapping,
    amazonRecommendedQty: p.amazonRecommendedQty,
    casePack: p.casePack,
    moq: p.moq,
    leadTimeDays: p.leadTimeDays,
    supplier: p.supplier,
    supplierCurrency: p.supplierCurrency,
    unitVolume: p.unitVolume,
    suggestion: p.suggestion,
    stockAsOf: p.stockAsOf,
    warehouses: p.warehouses,
    views: p.views,
    ledger: p.ledger,
    fees: p.fees,
  };
  return copy;
}

/** Every field of T, optional ones included (as `T[K]`, so they may hold undefined). */
type EveryField<T> = { [K in keyof Required<T>]: T[K] };
