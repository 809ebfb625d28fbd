// Minimal task pane UI in plain DOM (React + Fluent UI replace it later). All text goes through
// textContent, never innerHTML.

export const PRODUCT_NAME = 'Lumive for Excel';
export const TAGLINE =
  'Inventory decisions from your Amazon and noon reports for KSA and the UAE: days of inventory, reorder points and what to restock now.';
export const CONNECTED_TEXT = 'Connected to Excel';
export const PREVIEW_TEXT = 'Browser preview — not connected to Excel';

/** Example formulas shown in the pane. Keep in step with src/functions/functions.ts. */
export const EXAMPLE_FORMULAS: ReadonlyArray<{ formula: string; description: string }> = [
  { formula: '=LUMIVE.DOI(120, 4)', description: 'days of inventory: 120 units in stock, selling 4 a day → 30 days' },
  { formula: '=LUMIVE.VELOCITY(90, 30)', description: 'units sold per day: 90 sold in 30 days → 3 a day' },
  { formula: '=LUMIVE.REORDERPOINT(3, 14, 20)', description: 'reorder point from daily demand, lead time in days and safety stock' },
  { formula: '=LUMIVE.EOQ(1200, 50, 3)', description: 'economic order quantity from annual demand, order cost and holding cost' },
];

/**
 * What Office.onReady reports as the host. Office.HostType is declared as a plain enum in the typings,
 * but at run time its members are strings ("Excel", "Word", …); outside Office the host is null.
 */
export type OfficeHost = Office.HostType | string | null | undefined;

/** Office.HostType.Excel at run time. */
const EXCEL_HOST = 'Excel';

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function statusBanner(doc: Document, host: OfficeHost): HTMLElement {
  if (host === null || host === undefined) {
    const banner = el(doc, 'div', 'status status-preview', PREVIEW_TEXT);
    banner.setAttribute('role', 'status');
    banner.dataset.status = 'preview';
    banner.append(el(doc, 'small', undefined, 'Open Lumive from the Home tab in Excel to work on your workbook.'));
    return banner;
  }
  if (String(host) === EXCEL_HOST) {
    const banner = el(doc, 'div', 'status status-connected', CONNECTED_TEXT);
    banner.setAttribute('role', 'status');
    banner.dataset.status = 'connected';
    return banner;
  }
  const banner = el(doc, 'div', 'status status-other', `Running in ${host}: Lumive works in Excel.`);
  banner.setAttribute('role', 'status');
  banner.dataset.status = 'other';
  return banner;
}

/**
 * Renders the task pane into `root`, replacing its content.
 * @param host Office host from Office.onReady (e.g. "Excel"); null or undefined outside Office.
 */
export function render(root: HTMLElement, host: OfficeHost): void {
  const doc = root.ownerDocument;

  const header = el(doc, 'header', 'header');
  const logo = el(doc, 'img');
  logo.src = 'assets/icon-32.png';
  logo.alt = '';
  header.append(logo, el(doc, 'h1', undefined, PRODUCT_NAME));

  const formulas = el(doc, 'ul', 'formulas');
  for (const example of EXAMPLE_FORMULAS) {
    const item = el(doc, 'li');
    item.append(el(doc, 'code', undefined, example.formula), doc.createTextNode(` — ${example.description}`));
    formulas.append(item);
  }

  root.replaceChildren(
    header,
    el(doc, 'p', 'tagline', TAGLINE),
    statusBanner(doc, host),
    el(doc, 'h2', undefined, 'Functions'),
    el(doc, 'p', undefined, 'Type these in any cell:'),
    formulas,
  );
}
