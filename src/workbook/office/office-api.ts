/**
 * The part of the Excel JavaScript API (office-js) the Office adapter uses, as structural types. The
 * adapter is written against these rather than the global `Excel` namespace so that it runs unchanged
 * against Excel (`Excel.run`) and against the recording fake the tests use, and so this list is the
 * whole surface a reviewer has to check against the platform.
 *
 * Every member exists in ExcelApi 1.11 or earlier (implied by SharedRuntime 1.1, which the manifest
 * requires), except where noted. Enum-typed properties take the string values Excel documents
 * ("Hidden", "CellValue", …), which is what the Excel enums are at run time.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */

export type XlVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface XlLoadable {
  load(properties?: string): this;
}

export interface XlNullable {
  readonly isNullObject: boolean;
}

export interface XlFont {
  bold: boolean;
  italic: boolean;
  size: number;
  color: string;
}

export interface XlRangeFormat {
  readonly font: XlFont;
  readonly fill: { color: string };
  /** Points (1.2). */
  columnWidth: number;
}

export interface XlConditionalFormatBody {
  readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
}

export interface XlCellValueConditionalFormat extends XlConditionalFormatBody {
  rule: { formula1: string; formula2?: string; operator: 'Between' | 'EqualTo' | 'GreaterThan' | 'LessThan' };
}

export interface XlCustomConditionalFormat extends XlConditionalFormatBody {
  readonly rule: { formula: string };
}

export interface XlConditionalFormat {
  readonly cellValue: XlCellValueConditionalFormat;
  readonly custom: XlCustomConditionalFormat;
}

export interface XlDataValidation {
  rule: { list: { inCellDropDown: boolean; source: string } };
  errorAlert: { showAlert: boolean; style: 'Stop'; title: string; message: string };
}

export interface XlRange extends XlLoadable, XlNullable {
  values: any[][];
  /** A 1×1 array is applied to every cell of the range. */
  numberFormat: any[][];
  readonly rowCount: number;
  readonly columnCount: number;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly format: XlRangeFormat;
  readonly conditionalFormats: { add(type: 'CellValue' | 'Custom'): XlConditionalFormat };
  readonly dataValidation: XlDataValidation;
  getEntireColumn(): XlRange;
  /** Activates the range's worksheet and selects the range. */
  select(): void;
}

export interface XlTable {
  name: string;
  style: string;
}

export interface XlChartSeries {
  name: string;
  /** ExcelApi 1.7. */
  setValues(source: XlRange): void;
  /** ExcelApi 1.7. */
  setXAxisValues(source: XlRange): void;
}

export interface XlChart {
  readonly title: { text: string };
  readonly series: { getItemAt(index: number): XlChartSeries; add(name?: string): XlChartSeries };
  setPosition(startCell: XlRange | string, endCell?: XlRange | string): void;
}

export interface XlWorksheet extends XlLoadable, XlNullable {
  name: string;
  visibility: XlVisibility;
  position: number;
  readonly protection: XlLoadable & { readonly protected: boolean };
  readonly tables: XlLoadable & { readonly items: XlTable[]; add(source: XlRange, hasHeaders: boolean): XlTable };
  readonly charts: { add(type: string, source: XlRange, seriesBy?: 'Auto' | 'Columns' | 'Rows'): XlChart };
  readonly freezePanes: { freezeRows(count: number): void; freezeColumns(count: number): void; freezeAt(range: XlRange): void; unfreeze(): void };
  /** ExcelApi 1.9. */
  readonly pageLayout: {
    orientation: 'Landscape' | 'Portrait';
    zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
    setPrintTitleRows(rows: string): void;
  };
  /** ExcelApi 1.9. `add` puts a manual page break above the range's top-left cell. */
  readonly horizontalPageBreaks: { add(pageBreakRange: XlRange | string): unknown };
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  delete(): void;
  activate(): void;
}

export interface XlWorksheetCollection extends XlLoadable {
  readonly items: XlWorksheet[];
  getItem(name: string): XlWorksheet;
  getItemOrNullObject(name: string): XlWorksheet;
  add(name?: string): XlWorksheet;
}

export interface XlContext {
  readonly workbook: {
    readonly worksheets: XlWorksheetCollection;
    readonly protection: XlLoadable & { readonly protected: boolean };
    readonly tables: XlLoadable & { readonly items: (XlTable & { readonly worksheet: { readonly name: string } })[] };
  };
  readonly application: {
    /** ExcelApi 1.9. */
    suspendScreenUpdatingUntilNextSync(): void;
    /** ExcelApi 1.6. */
    suspendApiCalculationUntilNextSync(): void;
  };
  sync(): Promise<void>;
}

/** `Excel.run`'s shape, with the context narrowed to what the adapter uses. */
export type ExcelRun = <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;

/** An error from Excel: office-js rejects `sync()` with an OfficeExtension.Error carrying a code. */
export interface XlError {
  readonly code?: string;
  readonly message?: string;
  readonly debugInfo?: { readonly errorLocation?: string; readonly message?: string };
}
