/**
 * The registry is not trusted alone (issue "hostile-file findings"): a workbook whose hidden Lumive
 * Registry lists the user's Mapping and sales sheets as Lumive's own must still have them read as
 * inputs and never written; Analyze writes its results under other names and says so in Data Issues.
 * A listed sheet is Lumive's only when it begins as Lumive writes it (src/engine/sheets/registry.ts,
 * SHEET_SIGNATURES and trustRegistry).
 *
 * The workbook is the small one of test/app/small-workbook.ts, whose analysis test/app/analyze-small.test.ts
 * works out by hand: 5 positions, every one mapped (cost from the Mapping); A1 on noon KSA sells 30 units
 * in 30 days (v = 1) and D4 10 units (v = 1/3), both from the noon KSA Sales sheet.
 */
import { analyzeWorkbook, readWorkbookState, type WorkbookAnalysis } from '../../src/app/analyze-workbook';
import { sessionOver } from '../../src/app/session';
import type { RawCell } from '../../src/engine/ingest/types';
import { OUTPUT_SHEETS, REGISTRY_SHEET } from '../../src/engine/sheets/names';
import type { CellValue } from '../../src/engine/sheets/spec';
import { plainSheet } from '../../src/engine/sheets/table';
import { isLumiveContent, isOwnName, readRegistry, registryIssues, registrySheet, SHEET_SIGNATURES, trustRegistry } from '../../src/engine/sheets/registry';
import { MemoryWorkbook } from '../../src/workbook/memory/memory-workbook';
import type { SheetValues, WorkbookPort } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { SMALL_MAPPING, SMALL_SHEETS } from './small-workbook';

const NOW = new Date('2026-11-21T08:00:00Z');
const SALES = 'noon KSA Sales';

/** The registry as Lumive writes it (registry.ts, registrySheet), listing `entries` (id → sheet name). */
const registry = (entries: Record<string, string>) => registrySheet(new Map(Object.entries(entries)), '2026-11-20T08:00:00.000Z');

/** The small workbook, plus `extra` sheets of the user's, then the given registry. */
async function hostile(entries: Record<string, string>, extra: { name: string; rows: RawCell[][] }[] = []): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook([...SMALL_SHEETS, ...extra].map((s) => ({ name: s.name, rows: s.rows })));
  await wb.writeSheets([registry(entries)]);
  return wb;
}

const values = (wb: MemoryWorkbook, name: string): SheetValues => wb.sheet(name)!.values;

/** The inputs exactly as the user typed them (MemoryWorkbook keeps values as given). */
const original = (name: string): SheetValues => new MemoryWorkbook(SMALL_SHEETS.map((s) => ({ name: s.name, rows: s.rows }))).sheet(name)!.values;

/** Rows of the Data Issues sheet as { Sheet, Issue }. */
function dataIssues(wb: MemoryWorkbook, name = 'Data Issues'): { Sheet: unknown; Issue: unknown }[] {
  const v = values(wb, name);
  const h = v.findIndex((r) => r[0] === 'Sheet' && r[1] === 'Row');
  const header = v[h] as string[];
  return v.slice(h + 1).map((r) => ({ Sheet: r[header.indexOf('Sheet')], Issue: r[header.indexOf('Issue')] }));
}

const NOT_OURS = (sheet: string, as: string) =>
  `The Lumive registry lists '${sheet}' as a Lumive sheet (${as}), but its content is not Lumive's: read as your sheet and left as it is`;

function expectInputsRead(r: WorkbookAnalysis) {
  const m = (id: string) => r.analysis.metrics.find((x) => x.id === id)!;
  // analyze-small.test.ts: 5 positions, all mapped; the noon sales give A1 v = 30 / 30, D4 v = 10 / 30.
  expect(r.analysis.metrics).toHaveLength(5);
  expect(r.analysis.metrics.every((x) => x.position.cost !== null)).toBe(true);
  expect(m('A1|noon-ksa').velocity).toBe(1);
  expect(m('D4|noon-ksa').velocity).toBeCloseTo(1 / 3, 12);
  expect(r.analysis.sources.find((s) => s.source === 'Mapping')?.kind).toBe('mapping');
  expect(r.analysis.sources.find((s) => s.source === SALES)?.kind).toBe('noon-sales');
}

describe('a registry that lists the Mapping and a sales sheet as Lumive sheets', () => {
  let wb: MemoryWorkbook;
  let r: WorkbookAnalysis;
  beforeAll(async () => {
    wb = await hostile({ reorder: 'Mapping', health: SALES });
    r = await analyzeWorkbook(wb, { now: NOW });
  });

  test('both are read as inputs: every position mapped, the noon positions with their sales', () => {
    expectInputsRead(r);
  });

  test('neither is written: their cells are as the user left them', () => {
    expect(values(wb, 'Mapping')).toEqual(original('Mapping'));
    expect(values(wb, SALES)).toEqual(original(SALES));
    expect(wb.sheet('Mapping')!.visibility).toBe('visible');
  });

  test('the results go under their own names, and the registry written lists those', async () => {
    expect(r.names.get('reorder')).toBe('Reorder');
    expect(r.names.get('health')).toBe('Health');
    expect([...r.names.values()].map((n) => n.toLowerCase())).not.toContain('mapping');
    expect([...r.names.values()]).not.toContain(SALES);
    expect(values(wb, 'Health')[0][0]).toMatch(/^Health: 5 positions/);
    const listed = readRegistry(values(wb, REGISTRY_SHEET) as RawCell[][]);
    expect(listed.get('reorder')).toBe('Reorder');
    expect(listed.get('health')).toBe('Health');
  });

  test('Data Issues says which sheets the registry claimed and that they were left alone', () => {
    const expected = [
      { Sheet: 'Mapping', Issue: NOT_OURS('Mapping', 'Reorder') },
      { Sheet: SALES, Issue: NOT_OURS(SALES, 'Health') },
    ];
    expect(r.analysis.issues.filter((i) => /Lumive registry/.test(i.reason)).map((i) => ({ Sheet: i.source, Issue: i.reason }))).toEqual(expected);
    expect(dataIssues(wb)).toEqual(expect.arrayContaining(expected));
  });

  test('the next run finds a registry it wrote: no issue, the same names, the inputs still untouched', async () => {
    const again = await analyzeWorkbook(wb, { now: NOW });
    expect(again.analysis.issues.filter((i) => /Lumive registry/.test(i.reason))).toEqual([]);
    expect(again.names).toEqual(r.names);
    expectInputsRead(again);
    expect(values(wb, 'Mapping')).toEqual(original('Mapping'));
    expect(values(wb, SALES)).toEqual(original(SALES));
  });
});

test('through an .xlsx file: the claimed sheets are read, left as they are, and the results go beside them', async () => {
  const port = XlsxWorkbook.empty();
  await port.writeSheets([...SMALL_SHEETS.map((s) => plainSheet(s.name, s.rows as CellValue[][])), registry({ reorder: 'Mapping', health: SALES, settings: 'Amazon KSA Inventory' })]);
  const file = await XlsxWorkbook.fromBuffer(await port.toBuffer());
  const before = await file.readSheets(['Mapping', SALES, 'Amazon KSA Inventory']);
  const r = await analyzeWorkbook(file, { now: NOW });
  expectInputsRead(r);
  // The Inventory sheet is not read as settings (defaults used): the one issue about it is the registry's.
  expect(r.analysis.issues.filter((i) => i.source === 'Amazon KSA Inventory').map((i) => i.reason)).toEqual([NOT_OURS('Amazon KSA Inventory', 'Lumive Settings')]);
  expect(r.names.get('settings')).toBe('Lumive Settings');
  const reopened = await XlsxWorkbook.fromBuffer(await file.toBuffer());
  const after = await reopened.readSheets(['Mapping', SALES, 'Amazon KSA Inventory']);
  expect(after).toEqual(before);
  expect((await reopened.readSheets(['Lumive Settings'])).get('Lumive Settings')![0][0]).toMatch(/^Lumive settings: /);
});

describe("a user's sheet named like a result sheet", () => {
  /** A port recording the names each readSheets asks for. */
  function recording(wb: MemoryWorkbook, reads: string[]): WorkbookPort {
    return {
      listSheets: () => wb.listSheets(),
      readSheets: (names) => {
        reads.push(...names);
        return wb.readSheets(names);
      },
      writeSheets: (specs, onProgress) => wb.writeSheets(specs, onProgress),
    };
  }

  const NOTES: RawCell[][] = [['My notes'], ['Call the supplier about A1']];

  test('listed under another id ("Health" as the Urgent Actions) is read, judged by its content and kept', async () => {
    const wb = await hostile({ urgent: 'Health' }, [{ name: 'Health', rows: NOTES }]);
    const reads: string[] = [];
    const r = await analyzeWorkbook(recording(wb, reads), { now: NOW });
    expect(reads).toContain('Health');
    expect(values(wb, 'Health')).toEqual(NOTES);
    expect(r.names.get('urgent')).toBe('Urgent Actions');
    expect(r.names.get('health')).toBe('Health (Lumive)');
    expect(r.analysis.issues.map((i) => i.reason)).toContain(NOT_OURS('Health', 'Urgent Actions'));
  });

  test('listed under its own id is trusted by its name while the rest of the registry holds (a re-run does not read result sheets back)…', async () => {
    const first = await hostile({});
    await analyzeWorkbook(first, { now: NOW });
    const reads: string[] = [];
    const r = await analyzeWorkbook(recording(first, reads), { now: NOW });
    for (const name of ['Urgent Actions', 'Summary', 'Health', 'Cross-Channel', 'Stranded', 'Data Issues']) expect(reads).not.toContain(name);
    expect(r.analysis.issues.filter((i) => /Lumive registry/.test(i.reason))).toEqual([]);
  });

  test('…and judged by its content as soon as another listed sheet is not Lumive’s', async () => {
    const wb = await hostile({ summary: 'Summary', health: 'Mapping' }, [{ name: 'Summary', rows: NOTES }]);
    const reads: string[] = [];
    const r = await analyzeWorkbook(recording(wb, reads), { now: NOW });
    expect(reads).toContain('Summary');
    expect(values(wb, 'Summary')).toEqual(NOTES);
    expect(values(wb, 'Mapping')).toEqual(original('Mapping'));
    expect(r.names.get('summary')).toBe('Summary (Lumive)');
    expect(r.analysis.issues.map((i) => i.reason)).toEqual(expect.arrayContaining([NOT_OURS('Summary', 'Summary'), NOT_OURS('Mapping', 'Health')]));
  });
});

test('the task pane: saving settings into a workbook whose registry claims the Mapping as the settings sheet writes a sheet of its own', async () => {
  const wb = await hostile({ settings: 'Mapping' });
  const session = sessionOver(() => wb, false);
  const out = await session.saveSettings({ safetyDays: '21' });
  expect(out).toMatchObject({ ok: true, sheet: 'Lumive Settings' });
  expect(values(wb, 'Mapping')).toEqual(original('Mapping'));
  const state = await readWorkbookState(wb);
  expect(state.settings.safetyDays).toBe(21);
  expect(state.inputs.map((i) => i.source)).toContain('Mapping');
});

describe('signatures (registry.ts)', () => {
  test('every sheet Analyze writes begins as its signature says (a snapshot too, so the history and approval log exist)', async () => {
    const wb = new MemoryWorkbook(SMALL_SHEETS.map((s) => ({ name: s.name, rows: s.rows })));
    const r = await analyzeWorkbook(wb, { now: NOW, snapshot: true });
    const ids = [...r.names.keys()];
    expect(ids).toEqual(expect.arrayContaining([...Object.keys(OUTPUT_SHEETS), 'history']));
    for (const [id, name] of r.names) expect([id, name, isLumiveContent(id, values(wb, name) as RawCell[][])]).toEqual([id, name, true]);
    // And none fits another sheet's signature, except where two begin alike (Lumive's own sheets both ways).
    expect(isLumiveContent('health', values(wb, 'Reorder') as RawCell[][])).toBe(false);
    expect(Object.keys(SHEET_SIGNATURES).sort()).toEqual(Object.keys(OUTPUT_SHEETS).sort());
  });

  test("a user's sheets are no Lumive sheet's: the small workbook's inputs, an empty sheet, a copied title without the table", () => {
    for (const s of SMALL_SHEETS) for (const id of [...Object.keys(OUTPUT_SHEETS), 'history', 'history-2']) expect([s.name, id, isLumiveContent(id, s.rows)]).toEqual([s.name, id, false]);
    expect(isLumiveContent('health', [])).toBe(false);
    expect(isLumiveContent('health', [['Health: my own notes'], ['nothing else']])).toBe(false);
    expect(isLumiveContent('no-such-id', [['Health: 1 positions'], ['Master SKU', 'Channel']])).toBe(false);
    expect(isLumiveContent('health', [['Health: 1 positions'], [], ['Master SKU', 'Channel', 'Title']])).toBe(true);
    // History: the columns readHistory needs, in any order (a user may insert one).
    expect(isLumiveContent('history-2', [['Period', 'Date', 'My note', 'Source', 'Channel', 'Master SKU']])).toBe(true);
    expect(isLumiveContent('history', [SMALL_MAPPING[0]])).toBe(false);
  });

  test('isOwnName: the output name or its "(Lumive n)" variant, case-insensitively', () => {
    expect(isOwnName('health', 'Health')).toBe(true);
    expect(isOwnName('health', 'health (lumive)')).toBe(true);
    expect(isOwnName('health', 'Health (Lumive 3)')).toBe(true);
    expect(isOwnName('health', 'Summary')).toBe(false);
    expect(isOwnName('health', 'Health (Lumive 0)')).toBe(false);
    expect(isOwnName('health', 'My Health (Lumive)')).toBe(false);
    expect(isOwnName('history', 'Lumive History')).toBe(false);
    // Truncated to Excel's 31 characters as registry.ts makes it: "Lumive Approval Log (Lumive 12)" is 31.
    expect(isOwnName('approvalLog', 'Lumive Approval Log (Lumive 12)')).toBe(true);
  });

  test('trustRegistry: missing sheets and own names trusted, content decides where read, unread others listed', () => {
    const grids = new Map<string, RawCell[][]>([
      ['Mapping', SMALL_MAPPING],
      ['Lumive Settings', [['Lumive settings: edit'], ['Key', 'Setting', 'Value']]],
    ]);
    const existing = ['Mapping', 'Lumive Settings', 'Health', 'Notes'];
    const listed = new Map([
      ['settings', 'lumive settings'],
      ['reorder', 'Mapping'],
      ['health', 'Health'],
      ['urgent', 'Notes'],
      ['trends', 'Trends'],
    ]);
    const t = trustRegistry(listed, grids, existing);
    expect([...t.registry]).toEqual([
      ['settings', 'lumive settings'],
      ['health', 'Health'],
      ['trends', 'Trends'],
    ]);
    expect(t.rejected).toEqual([
      { id: 'reorder', name: 'Mapping' },
      { id: 'urgent', name: 'Notes' },
    ]);
    expect(t.unread).toEqual(['Notes']);
    // Judged by content alone: the unread Health cannot be trusted by its name any more.
    expect(trustRegistry(listed, grids, existing, false).unread).toEqual(['Health', 'Notes']);
  });

  test('registryIssues: one per sheet; nothing about Lumive’s own registry and sources sheets; a sheet another entry rightly lists', () => {
    const issues = registryIssues(
      [
        { id: 'health', name: 'Mapping' },
        { id: 'urgent', name: 'Mapping' },
        { id: 'summary', name: 'Lumive Registry' },
        { id: 'trends', name: 'Reorder' },
      ],
      new Map([['reorder', 'Reorder']]),
      new Set(['lumive registry']),
    );
    expect(issues.map((i) => [i.source, i.code, i.reason, i.row, i.dropped])).toEqual([
      ['Mapping', 'registry.not-lumive-content', NOT_OURS('Mapping', 'Health, Urgent Actions'), null, false],
      ['Reorder', 'registry.held-by-other', "The Lumive registry lists 'Reorder' as Lumive's Trends sheet too, but it holds Lumive's Reorder: that entry is ignored", null, false],
    ]);
    expect(issues.map((i) => i.args)).toEqual([
      { sheet: 'Mapping', listed: ['Health', 'Urgent Actions'] },
      { sheet: 'Reorder', listed: ['Trends'], holds: 'Reorder' },
    ]);
  });
});

describe('Save snapshot with a registry that lists the Mapping as the history', () => {
  test('the snapshot goes to a history sheet of its own; the Mapping is left as it is', async () => {
    const { saveSnapshot } = await import('../../src/app/history');
    const wb = await hostile({ history: 'Mapping' });
    const r = await analyzeWorkbook(wb, { now: NOW });
    // Analyze rewrote the registry without the false entry; it comes back before the save (a
    // colleague's copy of the workbook, an edited hidden sheet).
    await wb.writeSheets([registry({ history: 'Mapping' })]);
    const saved = await saveSnapshot(wb, r.analysis, { now: NOW });
    expect(values(wb, 'Mapping')).toEqual(original('Mapping'));
    expect(saved.sheets).not.toContain('Mapping');
    expect(saved.sheets.length).toBeGreaterThan(0);
    // The sheet written holds the history, under a name of its own.
    expect(isLumiveContent('history', values(wb, saved.sheets[0]) as RawCell[][])).toBe(true);
  });
});
