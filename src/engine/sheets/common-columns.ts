/**
 * Columns shared by several output sheets. Text that came from a report (SKU, title) gets the text
 * number format `@`, so Excel keeps it as typed.
 */
import type { PositionMetrics } from '../analysis/position-metrics';
import { FORMAT, type Column, finiteOr } from './table';

export const skuColumn = <T>(get: (r: T) => PositionMetrics): Column<T> => ({
  header: 'Master SKU',
  value: (r) => get(r).position.masterSku,
  format: FORMAT.text,
  width: 18,
});

export const channelColumn = <T>(get: (r: T) => PositionMetrics, header = 'Channel'): Column<T> => ({
  header,
  value: (r) => get(r).position.channel.label,
  width: 13,
});

export const titleColumn = <T>(get: (r: T) => PositionMetrics): Column<T> => ({
  header: 'Title',
  value: (r) => get(r).position.title ?? '',
  format: FORMAT.text,
  width: 36,
});

export const currencyColumn = <T>(get: (r: T) => PositionMetrics): Column<T> => ({
  header: 'Currency',
  value: (r) => get(r).position.channel.currency,
  width: 9,
});

export const NO_SALES = 'No sales';

export const doiColumn = <T>(get: (r: T) => PositionMetrics, header = 'DOI'): Column<T> => ({
  header,
  value: (r) => finiteOr(get(r).doi, NO_SALES),
  format: FORMAT.days,
  width: 9,
});

export const velocityColumn = <T>(get: (r: T) => PositionMetrics): Column<T> => ({
  header: 'Velocity/day',
  value: (r) => get(r).velocity,
  format: FORMAT.velocity,
  width: 12,
});

export const unitsColumn = <T>(header: string, value: (r: T) => number | null, width?: number): Column<T> => ({
  header,
  value,
  format: FORMAT.units,
  width,
});

export const moneyColumn = <T>(header: string, value: (r: T) => number | null, width = 14): Column<T> => ({
  header,
  value: (r) => {
    const x = value(r);
    return x === null || !Number.isFinite(x) ? null : Math.round(x * 100) / 100;
  },
  format: FORMAT.money,
  width,
});
