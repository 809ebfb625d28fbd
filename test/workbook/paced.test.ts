/**
 * The paced variants the pane's thread uses (a block of cells per task: next-task.ts) against the
 * plain ones: the same copy of a grid (grid.ts, trimmedGridPaced), and the same first problem or the
 * same acceptance for a batch of specs (spec-checks.ts, checkSpecsPaced), on grids large enough to be
 * split into several tasks.
 */
import type { RawCell } from '../../src/engine/ingest/types';
import type { SheetSpec } from '../../src/engine/sheets/spec';
import { sheetSpec as spec } from '../../src/engine/sheets/table';
import { trimmedGrid, trimmedGridPaced } from '../../src/workbook/grid';
import { CELLS_PER_TASK } from '../../src/workbook/next-task';
import { checkSpecs, checkSpecsPaced, type ExistingSheet } from '../../src/workbook/spec-checks';

/** Rows enough for several tasks: 12 columns, some blank tails, a date, a trailing blank row. */
function bigGrid(rows: number): RawCell[][] {
  const grid: RawCell[][] = [];
  for (let r = 0; r < rows; r++) grid.push(Array.from({ length: 12 }, (_, c) => (c > 9 && r % 7 === 0 ? '' : c === 3 ? new Date(Date.UTC(2026, 0, 1 + (r % 300))) : `${r}:${c}`)));
  grid.push(['', null as unknown as RawCell]);
  return grid;
}

const problem = (run: () => void) => {
  try {
    run();
    return null;
  } catch (e) {
    return (e as Error).message;
  }
};

describe('paced on the pane’s thread, same result as in one go', () => {
  const rows = Math.ceil((3.5 * CELLS_PER_TASK) / 12);

  it('trimmedGridPaced copies exactly what trimmedGrid copies (dates copied, not shared)', async () => {
    const grid = bigGrid(rows);
    const paced = await trimmedGridPaced(grid);
    expect(paced).toEqual(trimmedGrid(grid));
    expect(paced).toHaveLength(rows);
    expect(paced[0][3]).not.toBe(grid[0][3]);
    expect(await trimmedGridPaced([])).toEqual([]);
    expect(await trimmedGridPaced([['', ''], ['']])).toEqual([]);
  });

  it('checkSpecsPaced accepts what checkSpecs accepts and names the same first problem', async () => {
    const existing: ExistingSheet[] = [{ name: 'Mine', visibility: 'visible', tables: [], usedRows: 3 }];
    const good = spec('Big', bigGrid(rows).map((r) => r.map((c) => (c instanceof Date ? c.toISOString() : (c as string)))));
    const badCell = (at: number, value: number): SheetSpec => ({ ...good, name: `Bad ${at}`, rows: good.rows.map((r, i) => (i === at ? [value, ...r.slice(1)] : r)) });
    const batches: SheetSpec[][] = [
      [good],
      // A bad value in the last task of the first sheet, and one in the first task of the second: the first is named.
      [badCell(rows - 2, NaN), badCell(1, Infinity)],
      [good, badCell(rows - 1, NaN)],
      // A batch problem found before any cell is looked at.
      [good, { ...good }],
      // The batch check made after every sheet's cells: no sheet would stay visible.
      [{ ...good, name: 'Mine', visibility: 'hidden' }],
    ];
    for (const batch of batches) {
      const plain = problem(() => checkSpecs(batch, existing));
      const paced = await checkSpecsPaced(batch, existing).then(
        () => null,
        (e: Error) => e.message,
      );
      expect(paced).toBe(plain);
    }
    // The batches above do reach each kind of outcome.
    expect(problem(() => checkSpecs(batches[0], existing))).toBeNull();
    expect(problem(() => checkSpecs(batches[1], existing))).toMatch(new RegExp(`^Sheet "Bad ${rows - 2}": cell A${rows - 1} `));
    expect(problem(() => checkSpecs(batches[3], existing))).toMatch(/appears more than once/);
    expect(problem(() => checkSpecs(batches[4], existing))).toMatch(/no visible sheet/);
  });
});
