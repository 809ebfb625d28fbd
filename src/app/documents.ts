/**
 * Where the Purchase Orders and Shipments sheets are in a workbook: under the name the registry gives
 * them (Analyze writes "Purchase Orders (Lumive)" when a user's sheet holds the plain name), and only
 * when the sheet holds what Lumive writes there. The pane's downloads and `lumive po` / `lumive
 * shipments` read the sheet through this, then make the files with engine/sheets/documents.ts.
 */
import { OUTPUT_SHEETS, REGISTRY_SHEET, isLumiveContent, isRegistryGrid, readRegistry, type DocumentKind, type RawGrid } from '../engine';
import type { SheetValues, WorkbookPort } from '../workbook/port';

const SHEET_ID = { po: 'purchaseOrders', shipments: 'shipments' } as const;

/** The names Lumive's registry sheet may have. */
export const REGISTRY_NAMES: readonly string[] = [REGISTRY_SHEET, `${REGISTRY_SHEET} (Lumive)`];

/** The document sheet's name, given the registry sheets as read (absent ones missing from the map). */
export function documentSheetName(kind: DocumentKind, registries: ReadonlyMap<string, SheetValues>): string {
  const registryName = isRegistryGrid(registries.get(REGISTRY_SHEET) as RawGrid | undefined) ? REGISTRY_SHEET : `${REGISTRY_SHEET} (Lumive)`;
  const id = SHEET_ID[kind];
  return readRegistry(registries.get(registryName) as RawGrid | undefined).get(id) ?? OUTPUT_SHEETS[id];
}

/** The document sheet: its name, and its cells when it is there and Lumive's (else null). */
export async function readDocumentSheet(port: WorkbookPort, kind: DocumentKind): Promise<{ readonly sheet: string; readonly grid: RawGrid | null }> {
  const sheet = documentSheetName(kind, await port.readSheets(REGISTRY_NAMES));
  const grid = (await port.readSheets([sheet])).get(sheet) as RawGrid | undefined;
  return { sheet, grid: grid && isLumiveContent(SHEET_ID[kind], grid) ? grid : null };
}
