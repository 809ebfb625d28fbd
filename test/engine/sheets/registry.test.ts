import type { RawGrid } from '../../../src/engine/ingest/types';
import { REGISTRY_SHEET } from '../../../src/engine/sheets/names';
import { isRegistryGrid, planNames, readRegistry, REGISTRY_SIGNATURE, registrySheet } from '../../../src/engine/sheets/registry';

// The registry rules of src/engine/sheets/registry.ts: a user's sheet is never overwritten; Lumive's
// output goes to "<name> (Lumive)", then "(Lumive 2)" …; names compare case-insensitively as Excel does;
// Excel sheet names are at most 31 characters.
const wanted = new Map([
  ['urgent', 'Urgent Actions'],
  ['summary', 'Summary'],
  ['reorder', 'Reorder'],
]);
const noRegistry = new Map<string, string>();

describe('planNames', () => {
  test('wanted names are used when no sheet has them', () => {
    expect(planNames(wanted, noRegistry, ['Sheet1', 'Amazon Inventory'])).toEqual(wanted);
  });

  test('a user sheet named "summary" (another case) → "Summary (Lumive)"', () => {
    const plan = planNames(wanted, noRegistry, ['summary']);
    expect(plan.get('summary')).toBe('Summary (Lumive)');
    expect(plan.get('urgent')).toBe('Urgent Actions');
  });

  test('"Summary" and "Summary (Lumive)" both taken by the user → "Summary (Lumive 2)", then "(Lumive 3)"', () => {
    expect(planNames(wanted, noRegistry, ['Summary', 'SUMMARY (LUMIVE)']).get('summary')).toBe('Summary (Lumive 2)');
    expect(planNames(wanted, noRegistry, ['Summary', 'Summary (Lumive)', 'Summary (Lumive 2)']).get('summary')).toBe('Summary (Lumive 3)');
  });

  test('a registered name is reused, even when a user sheet has the wanted name', () => {
    const registry = new Map([['summary', 'Summary (Lumive)']]);
    expect(planNames(wanted, registry, ['Summary', 'Summary (Lumive)']).get('summary')).toBe('Summary (Lumive)');
  });

  test('a sheet Lumive registered under the wanted name is Lumive’s own: rewritten in place', () => {
    const registry = new Map([['summary', 'Summary']]);
    expect(planNames(wanted, registry, ['Summary']).get('summary')).toBe('Summary');
  });

  test('a registered name the user renamed away is still the plan (the registry decides)', () => {
    const registry = new Map([['reorder', 'Reorder']]);
    expect(planNames(wanted, registry, []).get('reorder')).toBe('Reorder');
  });

  test('registered ids no longer wanted are left out of the plan', () => {
    const registry = new Map([['old', 'Old Sheet']]);
    expect([...planNames(wanted, registry, ['Old Sheet']).keys()]).toEqual(['urgent', 'summary', 'reorder']);
  });

  test('two ids never get the same name (case-insensitively)', () => {
    const plan = planNames(
      new Map([
        ['a', 'Report'],
        ['b', 'REPORT'],
      ]),
      noRegistry,
      [],
    );
    expect(plan).toEqual(
      new Map([
        ['a', 'Report'],
        ['b', 'REPORT (Lumive)'],
      ]),
    );
  });

  test('a new id does not take a name registered for another id', () => {
    const registry = new Map([['summary', 'Summary']]);
    const plan = planNames(
      new Map([
        ['summary', 'Summary'],
        ['other', 'Summary'],
      ]),
      registry,
      ['Summary'],
    );
    expect(plan.get('summary')).toBe('Summary');
    expect(plan.get('other')).toBe('Summary (Lumive)');
  });

  test('names stay ≤ 31 characters: the wanted name is cut to make room for the suffix', () => {
    // 'Liquidation Plan for Dead Stock' has 31 characters; " (Lumive)" 9, " (Lumive 2)" 11.
    const long = 'Liquidation Plan for Dead Stock';
    expect(long).toHaveLength(31);
    const first = planNames(new Map([['x', long]]), noRegistry, [long]).get('x') as string;
    expect(first).toBe('Liquidation Plan for D (Lumive)'); // 22 + 9 = 31
    expect(first).toHaveLength(31);
    const second = planNames(new Map([['x', long]]), noRegistry, [long, first]).get('x') as string;
    expect(second).toBe('Liquidation Plan for (Lumive 2)'); // 20 + 11 = 31
    expect(second).toHaveLength(31);
  });

  test('every name planned for the default output sheets is ≤ 31 characters even when all are taken', () => {
    const all = new Map([
      ['summary', 'Summary'],
      ['approvalLog', 'Lumive Approval Log'],
      ['crossChannel', 'Cross-Channel'],
    ]);
    const existing = [...all.values()].flatMap((n) => [n, `${n} (Lumive)`]);
    for (const name of planNames(all, noRegistry, existing).values()) expect(name.length).toBeLessThanOrEqual(31);
  });
});

describe('readRegistry / isRegistryGrid / registrySheet', () => {
  test('registrySheet writes the signature, a header and one row per id; readRegistry reads it back', () => {
    const plan = new Map([
      ['summary', 'Summary (Lumive)'],
      ['reorder', 'Reorder'],
    ]);
    const spec = registrySheet(plan, '2026-03-01 09:00 UTC');
    expect(spec.name).toBe(REGISTRY_SHEET);
    expect(spec.visibility).toBe('veryHidden');
    expect(spec.role).toBe('state');
    expect(spec.rows).toEqual([[REGISTRY_SIGNATURE], ['Sheet Id', 'Sheet Name', 'Written At'], ['summary', 'Summary (Lumive)', '2026-03-01 09:00 UTC'], ['reorder', 'Reorder', '2026-03-01 09:00 UTC']]);
    expect(readRegistry(spec.rows)).toEqual(plan);
  });

  test('a sheet without the signature is ignored: a user’s own "Lumive Registry" is not read', () => {
    const grid: RawGrid = [['My registry'], ['Sheet Id', 'Sheet Name'], ['summary', 'My Summary']];
    expect(readRegistry(grid).size).toBe(0);
    expect(isRegistryGrid(grid)).toBe(false);
  });

  test('no sheet yet: empty registry, and the name is free for Lumive', () => {
    expect(readRegistry(undefined).size).toBe(0);
    expect(isRegistryGrid(undefined)).toBe(true);
    expect(readRegistry([]).size).toBe(0);
    expect(isRegistryGrid([])).toBe(false);
  });

  test('rows without an id or a name are skipped; cells are trimmed', () => {
    const grid: RawGrid = [[REGISTRY_SIGNATURE], ['Sheet Id', 'Sheet Name'], ['', 'Orphan'], ['health', null], [' summary ', ' Summary ']];
    expect(readRegistry(grid)).toEqual(new Map([['summary', 'Summary']]));
    expect(isRegistryGrid(grid)).toBe(true);
  });
});
