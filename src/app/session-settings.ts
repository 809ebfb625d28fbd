/** The Settings panel's operations: the form read from the settings sheet, and saved back to it. */
import { DEFAULT_SETTINGS, OUTPUT_SHEETS, SETTING_FIELDS, flatten, parseSetting, planNames, readSettingsObject, registrySheet, settingProblem, settingsSheet, type FlatSettings, type ImportIssue, type Problem, type SettingField, type Settings } from '../engine';
import { readWorkbookState } from './analyze-workbook';
import type { SessionCore } from './session-core';

/** The Settings form: every field with its current value as text, and what the sheet held that was not valid. */
export interface SettingsForm {
  readonly fields: readonly SettingField[];
  readonly values: Readonly<Record<string, string>>;
  readonly defaults: Readonly<Record<string, string>>;
  readonly sheet: string | null;
  readonly issues: readonly ImportIssue[];
}

/**
 * A save: done, or refused with what is not valid, as problems the pane says in its language: by field
 * (a value the rules refuse) and for the form (a rule across fields).
 */
export type SaveSettingsResult =
  | { readonly ok: true; readonly sheet: string; readonly settings: Settings }
  | { readonly ok: false; readonly fieldErrors: Readonly<Record<string, Problem>>; readonly formErrors: readonly Problem[] };

export interface SettingsOperations {
  readSettings(): Promise<SettingsForm>;
  saveSettings(values: Readonly<Record<string, string>>): Promise<SaveSettingsResult>;
}

/** Text the Settings form shows for a value: shares as percentages, like the sheet. */
function formText(field: SettingField, value: number | string): string {
  if (typeof value === 'string') return value;
  if (field.format?.includes('%')) return `${Number((value * 100).toFixed(4))}%`;
  return String(value);
}

export function settingsOperations({ workbook }: SessionCore): SettingsOperations {
  return {
    async readSettings() {
      const wb = await workbook();
      const state = await readWorkbookState(wb);
      const flat = flatten(state.settings);
      const defaults = flatten(DEFAULT_SETTINGS);
      const text = (f: FlatSettings) => Object.fromEntries(SETTING_FIELDS.map((field) => [field.key, formText(field, f[field.key])]));
      const sheet = state.registry.get('settings') ?? null;
      return { fields: SETTING_FIELDS, values: text(flat), defaults: text(defaults), sheet: sheet && state.grids.has(sheet) ? sheet : null, issues: state.issues.filter((i) => i.source === sheet) };
    },

    async saveSettings(values) {
      const fieldErrors: Record<string, Problem> = {};
      for (const field of SETTING_FIELDS) {
        const typed = values[field.key];
        if (typed === undefined) continue;
        const parsed = parseSetting(field, typed.trim());
        if ('problem' in parsed) fieldErrors[field.key] = parsed.problem;
      }
      if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors, formErrors: [] };
      const wb = await workbook();
      const state = await readWorkbookState(wb);
      // Fields the form did not send keep the workbook's values.
      const read = readSettingsObject(values, 'Settings', state.settings);
      // Nothing is saved, so no default is used: the form says only what is wrong.
      if (read.issues.length > 0) return { ok: false, fieldErrors, formErrors: read.issues.map(settingProblem) };
      const names = planNames(new Map(Object.entries(OUTPUT_SHEETS)), state.registry, state.sheets.map((s) => s.name));
      const name = names.get('settings') as string;
      const specs = [settingsSheet(name, read.settings)];
      // First save before any Analyze: the registry must list the settings sheet, or it would be read as a report.
      if (!state.registry.has('settings')) specs.unshift(registrySheet(names, state.lastRun ?? '', state.registryName));
      await wb.writeSheets(specs);
      return { ok: true, sheet: name, settings: read.settings };
    },
  };
}
