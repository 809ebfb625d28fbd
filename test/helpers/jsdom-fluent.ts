/**
 * What Fluent UI needs from a browser that jsdom lacks: ResizeObserver (MessageBar reflow) and
 * matchMedia (motion preferences). Neither changes what the tests check; layout is the Chromium
 * tests' job.
 */
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const w = window as unknown as Record<string, unknown>;
w.ResizeObserver ??= NoResizeObserver;
w.matchMedia ??= (query: string) => ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false });
