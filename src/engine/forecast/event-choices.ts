/**
 * What the seller said about the events (the Lumive Events sheet, sheets/events-sheet.ts, reads and
 * writes it): built-in occurrences switched off or moved, events switched off in every year, and the
 * seller's own events. listEvents applies it to the computed calendar.
 */
import type { Country } from '../model';
import type { EventId, EventWindow } from './events';

/** What the seller said about a built-in occurrence, by its computed start. */
export interface BuiltInChoice {
  readonly id: EventId;
  /** The start Lumive computes for the occurrence (the key). */
  readonly computedStart: string;
  /** The dates the seller gave (the computed ones when unchanged). */
  readonly start: string;
  readonly end: string;
  readonly on: boolean;
}

/** An event of the seller's own. */
export interface SellerEvent {
  readonly name: string;
  readonly country: Country | null;
  readonly start: string;
  readonly end: string;
  readonly on: boolean;
  /** The uplift for SKUs whose history does not show the event; null: 0. */
  readonly uplift: number | null;
}

export interface EventChoices {
  readonly builtIn: readonly BuiltInChoice[];
  readonly own: readonly SellerEvent[];
  /** Built-in events whose every listed row is off: off in every year. */
  readonly offAlways: readonly EventId[];
}

export const NO_CHOICES: EventChoices = { builtIn: [], own: [], offAlways: [] };

/** An event as listed on the sheet (and used when on). */
export interface ListedEvent {
  readonly window: EventWindow;
  readonly on: boolean;
  /** For the seller's events, their Uplift cell. */
  readonly uplift: number | null;
  /** A built-in event whose dates the seller changed: the computed start. */
  readonly movedFrom: string | null;
}

/**
 * The built-in occurrences with the seller's choices applied, then the seller's own events, in date
 * order (then by name).
 */
export function listEvents(builtIns: readonly EventWindow[], choices: EventChoices = NO_CHOICES): ListedEvent[] {
  const said = new Map(choices.builtIn.map((c) => [`${c.id}\u0000${c.computedStart}`, c]));
  const offAlways = new Set(choices.offAlways);
  const out: ListedEvent[] = [];
  for (const w of builtIns) {
    const c = w.id === 'user' ? undefined : said.get(`${w.id}\u0000${w.start}`);
    if (c) {
      const moved = c.start !== w.start || c.end !== w.end;
      out.push({ window: moved ? { ...w, start: c.start, end: c.end } : w, on: c.on, uplift: null, movedFrom: moved ? w.start : null });
    } else out.push({ window: w, on: w.id === 'user' || !offAlways.has(w.id), uplift: null, movedFrom: null });
  }
  for (const e of choices.own) out.push({ window: { id: 'user', name: e.name, start: e.start, end: e.end, country: e.country }, on: e.on, uplift: e.uplift, movedFrom: null });
  return out.sort((a, b) => (a.window.start < b.window.start ? -1 : a.window.start > b.window.start ? 1 : a.window.name.localeCompare(b.window.name)));
}
