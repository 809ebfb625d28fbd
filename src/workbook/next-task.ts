/**
 * Gives the thread back for a moment: the pane's thread is also the custom functions' in Excel's
 * shared runtime, and a task that runs long holds both (and the paint). A MessageChannel message is a
 * new task without setTimeout's clamp of 4 ms after a few nested calls.
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Cells a loop on the pane's thread handles before it gives the thread back (a few milliseconds). */
export const CELLS_PER_TASK = 20_000;

/**
 * Consecutive row ranges [start, end) of about `cells` cells each (a blank row counts as one cell, and
 * every range holds at least one row): the blocks a long loop or a message is split into.
 */
export function* rowBlocks(rows: readonly (readonly unknown[])[], cells = CELLS_PER_TASK): Generator<readonly [number, number]> {
  let start = 0;
  while (start < rows.length) {
    let n = 0;
    let end = start;
    const size = (row: readonly unknown[]) => Math.max(1, row.length);
    while (end < rows.length && (end === start || n + size(rows[end]) <= cells)) n += size(rows[end++]);
    yield [start, end];
    start = end;
  }
}
