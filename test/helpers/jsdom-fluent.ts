/**
 * What Fluent UI needs from a browser that jsdom lacks: ResizeObserver (MessageBar reflow) and
 * matchMedia (motion preferences). Neither changes what the tests check; layout is the Chromium
 * tests' job.
 *
 * The pane tests wait for what a whole scan or analysis shows: on a shared 2-core machine that can
 * take longer than Testing Library's 1 s default, so findBy… and waitFor wait up to 30 s (they return
 * as soon as the text is there; nothing here measures speed).
 */
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 30_000 });

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const w = window as unknown as Record<string, unknown>;
w.ResizeObserver ??= NoResizeObserver;
w.matchMedia ??= (query: string) => ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false });
