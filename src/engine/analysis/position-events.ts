/**
 * The GCC events in the analysis (issue "GCC events in the forecast"): each country's calendar
 * (forecast/events.ts) over the years the history and the horizon need, the prior uplift of each event
 * for a position, and the extra demand the events bring inside a window of days.
 *
 * Priors, in order: the channel's average uplift, over its other positions whose history shows the
 * event (each learned toward the setting, weighted by its history's information about the event); else
 * the event's setting.
 * Event demand (cover policy): Σ over the event days inside [today, today + days) of u × velocity.
 * Event ahead (Urgent Actions): the first event with a positive uplift that starts after today and no
 * later than today + lead time: an order placed after it starts arrives too late for part of it.
 */
import type { Country, Settings } from '../model';
import { DAY_MS, dayMs } from '../calendar';
import { appliesTo, eventCalendar, type EventId, type EventWindow } from '../forecast/events';
import { eventKey, exposure, type LearnedUplifts } from '../forecast/event-uplift';
import { listEvents, NO_CHOICES, type EventChoices } from '../forecast/event-choices';

type UpliftSetting = 'upliftRamadan' | 'upliftEidAlFitr' | 'upliftEidAlAdha' | 'upliftWhiteFriday' | 'upliftSinglesDay' | 'upliftBackToSchool' | 'upliftNationalDays';

export const UPLIFT_SETTING: Readonly<Record<EventId, UpliftSetting>> = {
  ramadan: 'upliftRamadan',
  'eid-al-fitr': 'upliftEidAlFitr',
  'eid-al-adha': 'upliftEidAlAdha',
  'white-friday': 'upliftWhiteFriday',
  'singles-day': 'upliftSinglesDay',
  'back-to-school': 'upliftBackToSchool',
  'saudi-founding-day': 'upliftNationalDays',
  'saudi-national-day': 'upliftNationalDays',
  'uae-national-day': 'upliftNationalDays',
};

/** A country's events and their days per month. */
export interface CountryEvents {
  readonly windows: readonly EventWindow[];
  readonly days: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/**
 * The events of `country`: the built-in ones starting in the years `from` … `to` and the seller's own
 * (the Lumive Events sheet's choices applied: switched-off events left out, moved ones at their dates).
 */
export function countryEvents(country: Country, from: number, to: number, choices: EventChoices = NO_CHOICES): CountryEvents {
  const windows = listEvents(eventCalendar(from, to), choices)
    .filter((e) => e.on && appliesTo(e.window, country))
    .map((e) => e.window);
  return { windows, days: exposure(windows) };
}

/** Each event's prior without any history: a built-in event's setting, the seller's event's Uplift (blank: 0), by key. */
export function settingPriors(windows: readonly EventWindow[], s: Settings, choices: EventChoices = NO_CHOICES): Map<string, number> {
  const own = new Map<string, number>();
  for (const e of choices.own) if (e.uplift !== null && !own.has(e.name)) own.set(e.name, e.uplift);
  const out = new Map<string, number>();
  for (const e of windows) out.set(eventKey(e), e.id === 'user' ? (own.get(e.name) ?? 0) : s[UPLIFT_SETTING[e.id]]);
  return out;
}

/** Average uplifts per channel, each position's weighted by its history's information about the event. */
export class ChannelUplifts {
  private readonly sums = new Map<string, Map<string, { u: number; w: number }>>();

  add(channel: string, learned: LearnedUplifts): void {
    let c = this.sums.get(channel);
    if (!c) this.sums.set(channel, (c = new Map()));
    for (const [key, w] of learned.information) {
      const u = learned.uplift.get(key);
      if (u === undefined || w <= 0) continue;
      const acc = c.get(key) ?? { u: 0, w: 0 };
      acc.u += u * w;
      acc.w += w;
      c.set(key, acc);
    }
  }

  /**
   * The settings' priors with the channel's averages in place where it has any, leaving out `own` (the
   * position's own pass: a SKU is not its own evidence twice; alone on its channel it gets the settings).
   */
  priors(channel: string, settings: ReadonlyMap<string, number>, own?: LearnedUplifts): ReadonlyMap<string, number> {
    const sums = this.sums.get(channel);
    if (!sums) return settings;
    const out = new Map(settings);
    for (const [key, acc] of sums) {
      const w = own?.information.get(key) ?? 0;
      const u = own?.uplift.get(key) ?? 0;
      const weight = acc.w - w;
      // What remains after taking out this SKU's share, up to rounding.
      if (weight > 1e-9 * acc.w) out.set(key, (acc.u - u * w) / weight);
    }
    return out;
  }
}


/** Σ over the event days in [from, from + days) of uplift × velocity (units); `from` a UTC day in ms. */
export function eventDemand(windows: readonly EventWindow[], uplift: ReadonlyMap<string, number>, from: number, days: number, velocity: number): number {
  if (!(velocity > 0) || !(days > 0)) return 0;
  const end = from + Math.ceil(days) * DAY_MS;
  let extra = 0;
  for (const e of windows) {
    const u = uplift.get(eventKey(e)) ?? 0;
    if (u === 0) continue;
    const start = Math.max(from, dayMs(e.start));
    const stop = Math.min(end, dayMs(e.end) + DAY_MS);
    if (stop > start) extra += (u * velocity * (stop - start)) / DAY_MS;
  }
  return extra;
}

export interface EventAhead {
  readonly name: string;
  readonly start: string;
  /** Days from today to its first day. */
  readonly inDays: number;
  readonly uplift: number;
}

/** The first event with a positive uplift starting in (today, today + leadDays]; null when none. */
export function eventAhead(windows: readonly EventWindow[], uplift: ReadonlyMap<string, number>, today: number, leadDays: number): EventAhead | null {
  let best: EventAhead | null = null;
  for (const e of windows) {
    const u = uplift.get(eventKey(e)) ?? 0;
    if (!(u > 0)) continue;
    const inDays = Math.round((dayMs(e.start) - today) / DAY_MS);
    if (inDays <= 0 || inDays > leadDays) continue;
    if (!best || inDays < best.inDays) best = { name: e.name, start: e.start, inDays, uplift: u };
  }
  return best;
}
