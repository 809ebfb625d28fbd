/**
 * How SheetSpec styles and traffic lights look, shared by the file (xlsx) and Excel (Office) adapters so
 * a sheet looks the same whichever wrote it. Colours are RGB hex without `#`. Pure: no host.
 */
import { type ConditionalRule, type Fill } from '../engine';

/** Traffic-light fills (Excel's preset light fills with dark text, plus orange and grey). */
export const FILLS: Readonly<Record<Fill, { readonly fill: string; readonly font: string }>> = {
  red: { fill: 'FFC7CE', font: '9C0006' },
  orange: { fill: 'FCD5B4', font: '974706' },
  amber: { fill: 'FFEB9C', font: '9C5700' },
  green: { fill: 'C6EFCE', font: '006100' },
  grey: { fill: 'E7E6E6', font: '3F3F3F' },
};

/** Header rows: light blue fill, bold text, a thin blue line below. */
export const HEADER_FILL = 'DDEBF7';
export const HEADER_BORDER = '8EA9DB';
/** Notes: grey italics. */
export const NOTE_COLOUR = '7F7F7F';

/** Excel table style of every output table. */
export const TABLE_STYLE = 'TableStyleMedium2';

/**
 * The formula of a `textEquals` rule, without the leading "=": EXACT(UPPER(cell),"TEXT") compares
 * case-insensitively whatever the host's settings. `topLeft` is the range's first cell; Excel applies
 * the relative reference to each cell of the range.
 */
export function textEqualsFormula(rule: Extract<ConditionalRule, { type: 'textEquals' }>, topLeft: string): string {
  return `EXACT(UPPER(${topLeft}),"${rule.text.toUpperCase().replace(/"/g, '""')}")`;
}

/** Column width in Excel's characters → points (Calibri 11: 7 px a character plus 5 px padding; 0.75 pt a px). */
export const widthPoints = (characters: number): number => Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
