/**
 * The sheet registry: a hidden state sheet listing the sheets Lumive created (id, name). Lumive
 * rewrites only sheets in it; a user's sheet with the name Lumive wants is never overwritten: the
 * output goes to "<name> (Lumive)" (then "(Lumive 2)" …) and the registry remembers that choice.
 */
import type { RawGrid } from '../ingest/types';
import type { SheetSpec } from './spec';
import { REGISTRY_SHEET } from './names';
import { sheetSpec } from './table';

export const REGISTRY_SIGNATURE = 'Lumive sheet registry v1: do not edit';
/** Excel's limit on sheet names. */
const MAX_NAME = 31;

export type Registry = ReadonlyMap<string, string>;

/** Ids → sheet names from the registry sheet's grid; empty when the grid is not a registry. */
export function readRegistry(grid: RawGrid | undefined): Map<string, string> {
  const registry = new Map<string, string>();
  if (!grid || String(grid[0]?.[0] ?? '') !== REGISTRY_SIGNATURE) return registry;
  for (let r = 2; r < grid.length; r++) {
    const id = String(grid[r]?.[0] ?? '').trim();
    const name = String(grid[r]?.[1] ?? '').trim();
    if (id && name) registry.set(id, name);
  }
  return registry;
}

/** The registry sheet is ours when its first cell carries the signature (or it does not exist yet). */
export function isRegistryGrid(grid: RawGrid | undefined): boolean {
  return grid === undefined || String(grid[0]?.[0] ?? '') === REGISTRY_SIGNATURE;
}

function candidate(wanted: string, n: number): string {
  const suffix = n === 1 ? ' (Lumive)' : ` (Lumive ${n})`;
  return wanted.slice(0, MAX_NAME - suffix.length) + suffix;
}

/**
 * The name each id is written under: its registered name, else the wanted name when no sheet has it
 * (compared case-insensitively, as Excel does), else the first free "(Lumive n)" variant.
 */
export function planNames(
  wanted: ReadonlyMap<string, string>,
  registry: Registry,
  existing: readonly string[],
): Map<string, string> {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const ours = new Set([...registry.values()].map((n) => n.toLowerCase()));
  const plan = new Map<string, string>();
  const claimed = new Set<string>();
  for (const [id, name] of registry) {
    if (wanted.has(id)) {
      plan.set(id, name);
      claimed.add(name.toLowerCase());
    }
  }
  for (const [id, name] of wanted) {
    if (plan.has(id)) continue;
    let pick = name;
    for (let n = 1; (taken.has(pick.toLowerCase()) && !ours.has(pick.toLowerCase())) || claimed.has(pick.toLowerCase()); n++) pick = candidate(name, n);
    plan.set(id, pick);
    claimed.add(pick.toLowerCase());
  }
  return plan;
}

export function registrySheet(plan: ReadonlyMap<string, string>, writtenAt: string, name = REGISTRY_SHEET): SheetSpec {
  const rows = [[REGISTRY_SIGNATURE], ['Sheet Id', 'Sheet Name', 'Written At'], ...[...plan].map(([id, n]) => [id, n, writtenAt])];
  return sheetSpec(name, rows, { role: 'state', visibility: 'veryHidden' });
}

