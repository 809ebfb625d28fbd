// Minimal task pane UI in plain DOM (React + Fluent UI replace it later). All text goes through
// textContent, never innerHTML.
import type { AnalyzeSummary, Session } from '../app/session';
import { failureText } from '../app/session';

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

export const ANALYZE_LABEL = 'Analyze workbook';

function resultList(doc: Document, summary: AnalyzeSummary): HTMLElement {
  const list = el(doc, 'ul', 'written');
  for (const sheet of summary.sheets) list.append(el(doc, 'li', undefined, `${sheet.name}: ${sheet.rows.toLocaleString('en')} rows`));
  return list;
}

/** The Analyze button, its progress line (announced to screen readers) and the result or the error. */
function analyzeSection(doc: Document, session: Session): HTMLElement {
  const section = el(doc, 'section', 'analyze');
  section.setAttribute('aria-labelledby', 'analyze-title');
  const title = el(doc, 'h2', undefined, 'Analyze');
  title.id = 'analyze-title';
  const intro = el(
    doc,
    'p',
    undefined,
    session.connected
      ? 'Reads the report sheets in this workbook and writes Urgent Actions, Reorder, Rebalance, Liquidation and the other result sheets.'
      : 'Preview: analyzes a sample workbook of Amazon and noon reports in this browser. Nothing is sent anywhere.',
  );
  const button = el(doc, 'button', 'primary', ANALYZE_LABEL);
  button.type = 'button';
  const status = el(doc, 'p', 'progress');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const result = el(doc, 'div', 'result');
  button.addEventListener('click', () => {
    button.disabled = true;
    result.replaceChildren();
    status.textContent = 'Starting…';
    session
      .analyze((text) => {
        status.textContent = text;
      })
      .then((summary) => {
        status.textContent = `Done: ${summary.positions.toLocaleString('en')} positions analyzed at ${summary.at.toLocaleTimeString('en')}; ${summary.issues.toLocaleString('en')} data issues.`;
        result.replaceChildren(resultList(doc, summary));
      })
      .catch((error: unknown) => {
        status.textContent = '';
        const alert = el(doc, 'p', 'error', failureText(error));
        alert.setAttribute('role', 'alert');
        result.replaceChildren(alert);
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  section.append(title, intro, button, status, result);
  return section;
}

/**
 * Renders the task pane into `root`, replacing its content.
 * @param host Office host from Office.onReady (e.g. "Excel"); null or undefined outside Office.
 * @param session The workbook session Analyze runs on (app/session.ts); without one there is no Analyze.
 */
export function render(root: HTMLElement, host: OfficeHost, session?: Session): void {
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
    ...(session ? [analyzeSection(doc, session)] : []),
    el(doc, 'h2', undefined, 'Functions'),
    el(doc, 'p', undefined, 'Type these in any cell:'),
    formulas,
  );
}
