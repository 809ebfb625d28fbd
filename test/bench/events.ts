/**
 * Part of `npm run bench:forecast`: the forecast with GCC events (src/engine/forecast/event-uplift.ts,
 * as the analysis uses it: analysis/position-forecast.ts) against the same automatic choice without
 * them, on held-out months.
 *
 * - Synthetic: 200 monthly series, January 2023 – December 2026, seeded (mulberry32: service-level.ts's seededRandom, seed = the series'
 *   number). Each has a level of 2–40 units a day with a drift of −1 … +1% a month, Ramadan, Eid al-Fitr
 *   and Eid al-Adha uplifts drawn from 0.2–1.5, 0.5–3 and 0–1 (each event day sells (1 + u) × the level),
 *   and Poisson noise on each month's total. Fitted on 2023–2025 (three Ramadans: March–April 2023,
 *   March–April 2024, March 2025), scored on 2026 (Ramadan 18 February – 19 March, Eid al-Fitr 20–22
 *   March, Eid al-Adha 27–30 May).
 * - Car parts (the accuracy bench's file, 1998-01 … 2002-03, last 12 months held out): real demand with
 *   no GCC events in it; its dates are the file's own.
 * Both with the KSA calendar; each series' prior is the average uplift of the other series (as the
 * analysis gives a SKU its channel's other SKUs'), from the fitted months only, else 0 (the settings' default). Forecasts rounded, MASE scaled by
 * the in-sample lag-12 difference, bias = mean(forecast − actual): the accuracy bench's protocol.
 */
import { isCalcError } from '../../src/engine/errors';
import { bias, mase } from '../../src/engine/forecast/accuracy';
import { forecast } from '../../src/engine/forecast/forecast';
import { monthDays } from '../../src/engine/calendar';
import { learnUplifts, monthFactor, occurrenceCounts, type LearnedUplifts } from '../../src/engine/forecast/event-uplift';
import { countryEvents, settingPriors, ChannelUplifts } from '../../src/engine/analysis/position-events';
import { monthRange, monthsAfter } from '../../src/engine/analysis/position-forecast';
import { DEFAULT_SETTINGS } from '../../src/engine/model';
import { seededRandom } from '../../src/engine/forecast/service-level';

const HORIZON = 12;
const SEASON = 12;

export interface DatedSeries {
  readonly id: string;
  /** "YYYY-MM" of each value. */
  readonly months: readonly string[];
  readonly values: readonly number[];
}

/** A Poisson draw (Knuth for small means, the normal approximation above 50). */
function poisson(mean: number, rand: () => number): number {
  if (mean <= 0) return 0;
  if (mean > 50) {
    const u = Math.max(1e-12, rand());
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rand();
  while (p > limit) {
    k++;
    p *= rand();
  }
  return k;
}

/** The 200 synthetic series with Ramadan and Eid uplifts. */
export function syntheticEventSeries(count = 200): DatedSeries[] {
  const months = monthRange('2023-01', '2026-12');
  const cal = countryEvents('KSA', 2023, 2026);
  const out: DatedSeries[] = [];
  for (let i = 0; i < count; i++) {
    const rand = seededRandom(i + 1);
    const level = 2 + 38 * rand();
    const drift = -0.01 + 0.02 * rand();
    const uplift = new Map([
      ['ramadan', 0.2 + 1.3 * rand()],
      ['eid-al-fitr', 0.5 + 2.5 * rand()],
      ['eid-al-adha', rand()],
    ]);
    const values = months.map((m, t) => {
      const daily = level * (1 + drift) ** t;
      let mean = daily * monthDays(m);
      for (const [key, d] of cal.days.get(m) ?? []) mean += daily * (uplift.get(key) ?? 0) * d;
      return poisson(mean, rand);
    });
    out.push({ id: `synthetic-${i + 1}`, months, values });
  }
  return out;
}

export interface EventBenchRow {
  readonly name: string;
  readonly scored: number;
  readonly meanMase: number;
  readonly medianMase: number;
  readonly meanBias: number;
  readonly ms: number;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Auto without events and auto with events over the series (each fitted on all but the last 12 months). */
export function runEventBench(series: readonly DatedSeries[]): { rows: EventBenchRow[]; learned: Map<string, number> } {
  const months = series[0].months;
  const train = months.slice(0, months.length - HORIZON);
  const horizon = monthsAfter(train[train.length - 1], HORIZON);
  const cal = countryEvents('KSA', Number(train[0].slice(0, 4)), Number(horizon[horizon.length - 1].slice(0, 4)));
  const settings = settingPriors(cal.windows, DEFAULT_SETTINGS);
  const counts = occurrenceCounts(cal.windows, train);
  // The set's average own uplifts (the analysis' channel average), from the fitted months only.
  const channel = new ChannelUplifts();
  const own = series.map((s) => learnUplifts(train, s.values.slice(0, train.length), cal.days, settings));
  for (const learned of own) channel.add('set', learned);
  const average = channel.priors('set', settings);

  const scores = { plain: { mase: [] as number[], bias: [] as number[], ms: 0 }, events: { mase: [] as number[], bias: [] as number[], ms: 0 } };
  for (const [n, s] of series.entries()) {
    const fit = s.values.slice(0, train.length);
    const test = s.values.slice(train.length);
    const score = (into: { mase: number[]; bias: number[] }, raw: readonly number[]) => {
      const predicted = raw.map((x) => Math.max(0, Math.round(x)));
      const m = mase(test, predicted, fit, SEASON);
      if (!isCalcError(m)) into.mase.push(m);
      into.bias.push(bias(test, predicted) as number);
    };
    let t = performance.now();
    const plain = forecast(fit, { horizon: HORIZON, seasonLength: SEASON });
    scores.plain.ms += performance.now() - t;
    if (isCalcError(plain)) continue;
    score(scores.plain, plain.forecast);
    t = performance.now();
    // Each series' prior is the average of the others, as the analysis gives a SKU its channel's other SKUs'.
    const learned: LearnedUplifts = learnUplifts(train, fit, cal.days, channel.priors('set', settings, own[n]));
    const base = fit.map((y, i) => y / monthFactor(train[i], cal.days, learned.uplift));
    const r = forecast(base, { horizon: HORIZON, seasonLength: SEASON });
    scores.events.ms += performance.now() - t;
    if (isCalcError(r)) continue;
    score(
      scores.events,
      r.forecast.map((x, i) => x * monthFactor(horizon[i], cal.days, learned.uplift)),
    );
  }
  const row = (name: string, s: { mase: number[]; bias: number[]; ms: number }): EventBenchRow => ({ name, scored: s.mase.length, meanMase: mean(s.mase), medianMase: median(s.mase), meanBias: mean(s.bias), ms: s.ms });
  return { rows: [row('auto', scores.plain), row('auto + events', scores.events)], learned: new Map([...average].filter(([k]) => counts.has(k))) };
}

/** Wide car-parts rows as dated series (the file's first column is the month). */
export function datedCarparts(path: string, readWide: (p: string) => { id: string; values: number[] }[], firstMonth: string): DatedSeries[] {
  return readWide(path).map((s) => ({ id: s.id, months: monthRange(firstMonth, monthsAfter(firstMonth, s.values.length - 1).at(-1) ?? firstMonth), values: s.values }));
}

export function printEventBench(title: string, bench: ReturnType<typeof runEventBench>): void {
  console.log(`\n${title}`);
  console.log(`  ${'method'.padEnd(14)} ${'scored'.padStart(6)}  ${'MASE mean'.padStart(9)} ${'median'.padStart(7)}  ${'bias'.padStart(8)}  ${'fit ms'.padStart(7)}`);
  for (const r of bench.rows) {
    console.log(`  ${r.name.padEnd(14)} ${String(r.scored).padStart(6)}  ${r.meanMase.toFixed(3).padStart(9)} ${r.medianMase.toFixed(3).padStart(7)}  ${r.meanBias.toFixed(3).padStart(8)}  ${r.ms.toFixed(0).padStart(7)}`);
  }
  const shown = [...bench.learned].map(([k, u]) => `${k} ${u >= 0 ? '+' : ''}${(u * 100).toFixed(0)}%`).join(', ');
  console.log(`  the set's average uplifts from the fitted months (each series' prior leaves itself out): ${shown || 'none (no event in the fitted months)'}`);
}
