// Task pane entry. Inside Office, waits for Office.onReady and renders with its host and display
// language. Without Office.js (a plain browser, or office.js failed to load offline) it renders the
// browser preview at once; if Office.onReady has not answered after PREVIEW_AFTER_MS it shows the
// preview meanwhile and switches when Office does answer.
//
// Query parameters: ?debug=true shows the Debug panel; ?lang=ar|en picks the language (a demo or a
// test); otherwise the user's last choice, then Excel's display language, then the browser's.
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { previewBook, session } from '../app/session';
import { workerEngine, type WorkerLike } from '../app/worker-engine';
import { App, type PanelId } from './components/App';
import { languageFor, type Lang } from './i18n';

const PREVIEW_AFTER_MS = 3000;

/**
 * The analysis runs in a Web Worker, so the pane and the custom functions (one thread in Excel's
 * shared runtime) stay responsive during an Analyze. The worker is engine-worker.js, a file of the
 * build beside taskpane.html (webpack.config.js), started by that relative URL from the pane's own
 * origin: no blob: or data: URL, which a strict host's content security policy could refuse. Where
 * Worker does not exist the engine runs in the pane's thread.
 */
const ENGINE_WORKER = 'engine-worker.js';
const engine = typeof Worker === 'undefined' ? undefined : workerEngine(() => new Worker(ENGINE_WORKER, { name: 'lumive-engine' }) as unknown as WorkerLike);

const LANG_KEY = 'lumive.lang';

function storedLanguage(): Lang | null {
  try {
    const v = window.localStorage.getItem(LANG_KEY);
    return v === 'ar' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

function remember(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Storage may be blocked (private mode, policies): the choice lasts for this page only.
  }
}

function officeLanguage(): string | null {
  try {
    return typeof Office !== 'undefined' ? (Office.context?.displayLanguage ?? null) : null;
  } catch {
    return null;
  }
}

function start(): void {
  const element = document.getElementById('root');
  if (!element) return;
  const params = new URLSearchParams(window.location.search);
  const debug = params.get('debug') === 'true';
  const asked = params.get('lang');
  const panel = params.get('panel') as PanelId | null;
  // ?debug=true in the browser preview: the console (and the browser tests) can read the preview's
  // in-memory workbook, the demo data and what Lumive wrote on it. Never Excel's workbook.
  if (debug) Object.assign(window, { lumivePreview: { sheets: () => previewBook()?.toJSON() ?? null } });
  let root: Root | null = null;

  const render = (host: string | null) => {
    const lang: Lang = asked === 'ar' || asked === 'en' ? asked : (storedLanguage() ?? languageFor(officeLanguage() ?? navigator.language));
    root ??= createRoot(element);
    root.render(
      createElement(App, {
        key: host ?? 'preview',
        session: session(host, engine),
        host,
        initialLang: lang,
        debug,
        onLanguage: remember,
        initialPanel: panel ?? undefined,
      }),
    );
  };

  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    render(null);
    return;
  }
  let answered = false;
  const timer = setTimeout(() => {
    if (!answered) render(null);
  }, PREVIEW_AFTER_MS);
  Office.onReady((info) => {
    answered = true;
    clearTimeout(timer);
    render(info.host ? String(info.host) : null);
  }).catch(() => {
    answered = true;
    clearTimeout(timer);
    render(null);
  });
}

start();
