import type { ImportIssue, RawCell } from '../../../src/engine/ingest/types';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/engine/model';
import { readSettingsObject, readSettingsSheet, SETTING_FIELDS, settingsSheet } from '../../../src/engine/sheets/settings-sheet';

// docs/FORMULAS.md "Settings and defaults"; the sheet's rules are in src/engine/sheets/settings-sheet.ts: an
// edit is honored, an invalid value is reported (sheet, row, column, reason) and its default used;
// cross-field rules fall back to both defaults.
const SHEET = 'Lumive Settings';

/** The sheet Lumive writes, as a grid the user can edit (rows 0-based here, 1-based in messages). */
function sheetGrid(s: Settings = DEFAULT_SETTINGS): RawCell[][] {
  return settingsSheet(SHEET, s).rows.map((r) => [...r]);
}

/** Index in the grid of a key's row: title (row 1), header (row 2), then one row per setting. */
const gridRow = (key: string) => 2 + SETTING_FIELDS.findIndex((f) => f.key === key);
/** The row number the user sees in Excel. */
const userRow = (key: string) => gridRow(key) + 1;
const VALUE = 2;

/** The default sheet with some Value cells replaced. */
function edited(values: Readonly<Record<string, RawCell>>): RawCell[][] {
  const grid = sheetGrid();
  for (const [key, value] of Object.entries(values)) grid[gridRow(key)][VALUE] = value;
  return grid;
}

/** An invalid value's issue: the default is used (setting.default-used), naming what is wrong (`problem`, the nested code). */
const issue = (key: string, value: string | null, problem: string, reason: string): Omit<ImportIssue, 'args'> & { args: { problem: { code: string } } } => ({
  source: SHEET,
  row: userRow(key),
  column: 'Value',
  value,
  code: 'setting.default-used',
  args: { problem: { code: problem } },
  severity: 'warning',
  reason,
  dropped: false,
});

describe('settingsSheet', () => {
  test('title in A1, header Key / Setting / Value / Default / Meaning, one row per setting from row 3', () => {
    const rows = settingsSheet(SHEET, DEFAULT_SETTINGS).rows;
    expect(String(rows[0][0])).toMatch(/^Lumive settings/);
    expect(rows[1]).toEqual(['Key', 'Setting', 'Value', 'Default', 'Meaning']);
    expect(rows).toHaveLength(2 + SETTING_FIELDS.length);
    expect(rows[gridRow('safetyDays')].slice(0, 4)).toEqual(['safetyDays', 'Safety days', 30, 30]);
    expect(rows[gridRow('policy')].slice(0, 4)).toEqual(['policy', 'Policy', 'cover', 'cover']);
  });

  test('the Value column shows the current settings, the Default column the defaults', () => {
    const rows = settingsSheet(SHEET, { ...DEFAULT_SETTINGS, safetyDays: 45, approvalTiers: [{ tier: 'Auto', below: 1000 }, { tier: 'Manager', below: 50_000 }, { tier: 'Director', below: 100_000 }, { tier: 'Executive', below: null }] }).rows;
    expect(rows[gridRow('safetyDays')].slice(2, 4)).toEqual([45, 30]);
    expect(rows[gridRow('approvalAutoBelow')].slice(2, 4)).toEqual([1000, 5000]);
  });

  test('per-row formats on Value and Default (shares as percentages) and drop-downs for choices', () => {
    const spec = settingsSheet(SHEET, DEFAULT_SETTINGS);
    expect(spec.numberFormats).toContainEqual({ range: { row: gridRow('serviceLevelA'), column: 2, rows: 1, columns: 2 }, format: '0.0%' });
    expect(spec.numberFormats).toContainEqual({ range: { row: gridRow('safetyDays'), column: 2, rows: 1, columns: 2 }, format: '0' });
    expect(spec.validations).toContainEqual({ range: { row: gridRow('policy'), column: 2, rows: 1, columns: 1 }, list: ['cover', 'service'] });
    expect(spec.validations).toContainEqual({ range: { row: gridRow('reportingCurrency'), column: 2, rows: 1, columns: 1 }, list: ['SAR', 'AED'] });
    expect(spec.role).toBe('settings');
  });
});

describe('readSettingsSheet: round trip and edits', () => {
  test('the sheet written with the defaults reads back as DEFAULT_SETTINGS, with no issue', () => {
    const read = readSettingsSheet(sheetGrid(), SHEET);
    expect(read.settings).toEqual(DEFAULT_SETTINGS);
    expect(read.issues).toEqual([]);
    expect(read.present.size).toBe(SETTING_FIELDS.length);
  });

  test('any valid settings round-trip: written, then read back equal', () => {
    const custom: Settings = {
      ...DEFAULT_SETTINGS,
      policy: 'service',
      safetyDays: 21,
      serviceLevel: { A: 0.99, B: 0.96, C: 0.85 },
      abcCuts: [0.7, 0.9],
      reportingCurrency: 'AED',
      aedToSar: 1.02,
    };
    expect(readSettingsSheet(sheetGrid(custom), SHEET).settings).toEqual(custom);
  });

  test('a valid edit is honored: safety days 45, policy "Service" (any case), lead time "21" typed as text', () => {
    const read = readSettingsSheet(edited({ safetyDays: 45, policy: 'Service', leadTimeDays: '21' }), SHEET);
    expect(read.issues).toEqual([]);
    expect(read.settings).toEqual({ ...DEFAULT_SETTINGS, safetyDays: 45, policy: 'service', leadTimeDays: 21 });
  });

  test('shares typed as percentages: "98%" → 0.98, "99.5%" → 0.995', () => {
    const read = readSettingsSheet(edited({ serviceLevelA: '99.5%', serviceLevelB: '98%', holdingRate: '20%' }), SHEET);
    expect(read.issues).toEqual([]);
    expect(read.settings.serviceLevel).toEqual({ A: 0.995, B: 0.98, C: 0.9 });
    expect(read.settings.holdingRate).toBe(0.2);
  });

  test('approval limits edited → the tiers follow', () => {
    const read = readSettingsSheet(edited({ approvalAutoBelow: 2000, approvalManagerBelow: 20_000, approvalDirectorBelow: 80_000 }), SHEET);
    expect(read.settings.approvalTiers).toEqual([
      { tier: 'Auto', below: 2000 },
      { tier: 'Manager', below: 20_000 },
      { tier: 'Director', below: 80_000 },
      { tier: 'Executive', below: null },
    ]);
  });

  test('a sheet listing only some keys keeps the base for the others', () => {
    const grid: RawCell[][] = [['Key', 'Value'], ['safetyDays', 10]];
    const base = { ...DEFAULT_SETTINGS, excessDays: 120 };
    const read = readSettingsSheet(grid, SHEET, base);
    expect(read.settings).toEqual({ ...base, safetyDays: 10 });
    expect([...read.present]).toEqual(['safetyDays']);
  });

  test('keys match case-insensitively and the header may sit in other columns', () => {
    const grid: RawCell[][] = [['notes'], [null, 'Value', 'Key'], [null, 12, 'SAFETYDAYS']];
    expect(readSettingsSheet(grid, SHEET).settings.safetyDays).toBe(12);
  });
});

describe('readSettingsSheet: invalid values are reported and their default used', () => {
  test('text in a number: "thirty" for safety days → default 30', () => {
    const read = readSettingsSheet(edited({ safetyDays: 'thirty' }), SHEET);
    expect(read.settings.safetyDays).toBe(30);
    expect(read.issues).toMatchObject([issue('safetyDays', 'thirty', 'setting.not-a-number', 'Safety days must be a number: default 30 used')]);
  });

  test('1.5 for a share: service level A must be below 1 → default 0.98', () => {
    const read = readSettingsSheet(edited({ serviceLevelA: 1.5 }), SHEET);
    expect(read.settings.serviceLevel.A).toBe(0.98);
    expect(read.issues).toMatchObject([issue('serviceLevelA', '1.5', 'setting.too-large', 'Service level, A items must be less than 1: default 0.98 used')]);
  });

  test('"150%" for a share is 1.5 and rejected the same way', () => {
    const read = readSettingsSheet(edited({ serviceLevelA: '150%' }), SHEET);
    expect(read.settings.serviceLevel.A).toBe(0.98);
    expect(read.issues[0].value).toBe('150%');
  });

  test('-3 days: lead time must be at least 0 → default 30', () => {
    const read = readSettingsSheet(edited({ leadTimeDays: -3 }), SHEET);
    expect(read.settings.leadTimeDays).toBe(30);
    expect(read.issues).toMatchObject([issue('leadTimeDays', '-3', 'setting.too-small', 'Lead time (days) must be at least 0: default 30 used')]);
  });

  test('0 for a setting that must be positive: excess days → default 90', () => {
    const read = readSettingsSheet(edited({ excessDays: 0 }), SHEET);
    expect(read.settings.excessDays).toBe(90);
    expect(read.issues).toMatchObject([issue('excessDays', '0', 'setting.too-small', 'Excess above (days) must be greater than 0: default 90 used')]);
  });

  test('unknown policy → default cover', () => {
    const read = readSettingsSheet(edited({ policy: 'aggressive' }), SHEET);
    expect(read.settings.policy).toBe('cover');
    expect(read.issues).toMatchObject([issue('policy', 'aggressive', 'setting.not-an-option', 'Policy must be one of cover, service: default cover used')]);
  });

  test('a fractional minimum transfer → must be a whole number, default 10', () => {
    const read = readSettingsSheet(edited({ minTransferQty: 2.5 }), SHEET);
    expect(read.settings.minTransferQty).toBe(10);
    expect(read.issues).toMatchObject([issue('minTransferQty', '2.5', 'setting.not-whole', 'Minimum transfer (units) must be a whole number: default 10 used')]);
  });

  test('a blank value → missing, default used', () => {
    const read = readSettingsSheet(edited({ reviewDays: '' }), SHEET);
    expect(read.settings.reviewDays).toBe(7);
    expect(read.issues).toMatchObject([issue('reviewDays', '', 'setting.missing', 'Review period (days) is missing: default 7 used')]);
  });

  test('the default is DEFAULT_SETTINGS’ value, not the base’s', () => {
    const read = readSettingsSheet([['Key', 'Value'], ['safetyDays', 'x']], SHEET, { ...DEFAULT_SETTINGS, safetyDays: 60 });
    expect(read.settings.safetyDays).toBe(30);
  });

  test('an unknown key is reported on its Key cell and ignored', () => {
    const grid = sheetGrid();
    grid.push(['colour', 'Colour', 'blue']);
    const read = readSettingsSheet(grid, SHEET);
    expect(read.settings).toEqual(DEFAULT_SETTINGS);
    expect(read.issues).toEqual([
      { source: SHEET, row: grid.length, column: 'Key', value: 'colour', code: 'setting.unknown', args: { key: 'colour' }, severity: 'warning', reason: 'Unknown setting colour: ignored', dropped: false },
    ]);
  });

  test('several invalid values: one issue each, the valid edits kept', () => {
    const read = readSettingsSheet(edited({ safetyDays: 'abc', serviceLevelB: 1.5, leadTimeDays: -3, policy: 'x', excessDays: 120 }), SHEET);
    expect(read.issues.map((i) => i.row)).toEqual([userRow('policy'), userRow('safetyDays'), userRow('leadTimeDays'), userRow('serviceLevelB')]);
    expect(read.issues.every((i) => i.column === 'Value' && i.source === SHEET && i.code === 'setting.default-used' && / default .* used$/.test(i.reason))).toBe(true);
    expect(read.settings.excessDays).toBe(120);
  });
});

describe('readSettingsSheet: cross-field rules fall back to both defaults', () => {
  test('critical days above stockout days: 20 > 14 → 7 and 14', () => {
    const read = readSettingsSheet(edited({ criticalDays: 20 }), SHEET);
    expect([read.settings.criticalDays, read.settings.stockoutDays]).toEqual([7, 14]);
    expect(read.issues).toEqual([
      // On the edited row (criticalDays), the one away from its default.
      {
        source: SHEET,
        row: userRow('criticalDays'),
        column: 'Value',
        value: '20 / 14',
        code: 'setting.defaults-used',
        args: { problem: { code: 'setting.critical-above-stockout', args: {} }, defaults: [7, 14] },
        severity: 'warning',
        reason: 'Critical below must not exceed Stockout risk below: defaults 7 and 14 used',
        dropped: false,
      },
    ]);
  });

  test('both edited and crossing: critical 20, stockout 10 → both back to 7 and 14', () => {
    const read = readSettingsSheet(edited({ criticalDays: 20, stockoutDays: 10 }), SHEET);
    expect([read.settings.criticalDays, read.settings.stockoutDays]).toEqual([7, 14]);
    expect(read.issues).toHaveLength(1);
  });

  test('critical days equal to stockout days is allowed: 10 / 10', () => {
    const read = readSettingsSheet(edited({ criticalDays: 10, stockoutDays: 10 }), SHEET);
    expect(read.issues).toEqual([]);
    expect([read.settings.criticalDays, read.settings.stockoutDays]).toEqual([10, 10]);
  });

  test.each([
    [0.95, 0.9, '0.95 / 0.9'],
    [0.9, 0.9, '0.9 / 0.9'], // A must be strictly below B
  ])('ABC cut A %p ≥ cut B %p → 0.8 and 0.95', (a, b, value) => {
    const read = readSettingsSheet(edited({ abcCutA: a, abcCutB: b }), SHEET);
    expect(read.settings.abcCuts).toEqual([0.8, 0.95]);
    expect(read.issues).toMatchObject([
      { source: SHEET, row: userRow('abcCutB'), column: 'Value', value, code: 'setting.defaults-used', args: { problem: { code: 'setting.abc-cuts-order' } }, reason: 'ABC cut A must be below ABC cut B: defaults 0.8 and 0.95 used', dropped: false },
    ]);
  });

  test('XYZ cut X ≥ cut Y → 0.5 and 1', () => {
    const read = readSettingsSheet(edited({ xyzCutX: 1.2 }), SHEET);
    expect(read.settings.xyzCuts).toEqual([0.5, 1]);
    expect(read.issues[0]).toMatchObject({ code: 'setting.defaults-used', args: { problem: { code: 'setting.xyz-cuts-order' } }, reason: 'XYZ cut X must be below XYZ cut Y: defaults 0.5 and 1 used' });
  });

  test('approval limits not ascending: auto 60,000 ≥ manager 50,000 → all three limits back to 5,000 / 50,000 / 100,000', () => {
    const read = readSettingsSheet(edited({ approvalAutoBelow: 60_000 }), SHEET);
    expect(read.settings.approvalTiers).toEqual(DEFAULT_SETTINGS.approvalTiers);
    // Reported on the edited row (auto), the one away from its default.
    expect(read.issues).toMatchObject([
      {
        source: SHEET,
        row: userRow('approvalAutoBelow'),
        column: 'Value',
        value: '60000 / 50000 / 100000',
        code: 'setting.defaults-used',
        args: { problem: { code: 'setting.approval-limits-order' }, defaults: [5000, 50_000, 100_000] },
        reason: 'Approval limits must be ascending: defaults 5000, 50000 and 100000 used',
        dropped: false,
      },
    ]);
  });

  test('manager 150,000 ≥ director 100,000 → 5,000 / 50,000 / 100,000', () => {
    const read = readSettingsSheet(edited({ approvalManagerBelow: 150_000 }), SHEET);
    expect(read.settings.approvalTiers.map((t) => t.below)).toEqual([5000, 50_000, 100_000, null]);
    expect(read.issues.map((i) => i.reason)).toEqual(['Approval limits must be ascending: defaults 5000, 50000 and 100000 used']);
  });

  test('a reset that would break an earlier pair cannot happen: 60,000 / 70,000 / 65,000 → all defaults, tiers usable', () => {
    // Checked as one group: 70,000 ≥ 65,000 breaks the order, so all three go back to their defaults
    // (checking pairs one at a time would reset manager/director to 50,000/100,000 and leave auto 60,000 > 50,000).
    const read = readSettingsObject({ approvalAutoBelow: 60_000, approvalManagerBelow: 70_000, approvalDirectorBelow: 65_000 }, 'f.json');
    expect(read.settings.approvalTiers).toEqual(DEFAULT_SETTINGS.approvalTiers);
  });
});

describe('readSettingsSheet: a sheet without a Key / Value header', () => {
  test('one issue about the whole sheet, and the defaults', () => {
    const read = readSettingsSheet([['My notes'], ['Setting', 'Amount'], ['safetyDays', 10]], SHEET);
    expect(read.settings).toBe(DEFAULT_SETTINGS);
    expect(read.issues).toEqual([
      { source: SHEET, row: null, column: null, value: null, code: 'setting.no-header', args: {}, severity: 'error', reason: 'No header row with Key and Value: defaults used', dropped: true },
    ]);
    expect(read.present.size).toBe(0);
  });

  test('an empty sheet too', () => {
    expect(readSettingsSheet([], SHEET).issues).toHaveLength(1);
  });
});

describe('readSettingsObject (lumive --settings file.json)', () => {
  test('valid keys applied, invalid ones reported with row null and column "value"', () => {
    const read = readSettingsObject({ safetyDays: 21, policy: 'service', serviceLevelA: '99%', excessDays: 0, bogus: 1 }, 'settings.json');
    expect(read.settings).toEqual({ ...DEFAULT_SETTINGS, safetyDays: 21, policy: 'service', serviceLevel: { A: 0.99, B: 0.95, C: 0.9 } });
    expect(read.issues).toMatchObject([
      { source: 'settings.json', row: null, column: 'value', value: '0', code: 'setting.default-used', args: { problem: { code: 'setting.too-small' }, default: 90 }, reason: 'Excess above (days) must be greater than 0: default 90 used', dropped: false },
      { source: 'settings.json', row: null, column: 'Key', value: 'bogus', code: 'setting.unknown', reason: 'Unknown setting bogus: ignored', dropped: false },
    ]);
    expect([...read.present].sort()).toEqual(['excessDays', 'policy', 'safetyDays', 'serviceLevelA']);
  });

  test('JSON values of the wrong type are invalid: a boolean, an object, null', () => {
    const read = readSettingsObject({ safetyDays: true, leadTimeDays: { days: 3 }, reviewDays: null }, 'settings.json');
    expect(read.settings).toEqual(DEFAULT_SETTINGS);
    expect(read.issues.map((i) => (i.args?.problem as { code: string }).code)).toEqual(['setting.missing', 'setting.missing', 'setting.missing']);
    expect(read.issues.map((i) => i.reason)).toEqual([
      'Safety days is missing: default 30 used',
      'Lead time (days) is missing: default 30 used',
      'Review period (days) is missing: default 7 used',
    ]);
  });

  test('an empty object gives the base', () => {
    const base = { ...DEFAULT_SETTINGS, safetyDays: 60 };
    expect(readSettingsObject({}, 'settings.json', base)).toEqual({ settings: { ...base, approvalTiers: base.approvalTiers }, issues: [], present: new Set() });
  });
});
