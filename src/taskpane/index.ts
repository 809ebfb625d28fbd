// Task pane entry. Inside Office, waits for Office.onReady and renders with its host. Without
// Office.js (a plain browser, or office.js failed to load offline) it renders the browser preview at
// once; if Office.onReady has not resolved after PREVIEW_AFTER_MS it shows the preview meanwhile
// and re-renders when Office does answer.
import { session } from '../app/session';
import { render as renderPane, type OfficeHost } from './render';

const render = (root: HTMLElement, host: OfficeHost) => renderPane(root, host, session(host === null || host === undefined ? null : String(host)));

const PREVIEW_AFTER_MS = 3000;

function start(): void {
  const root = document.getElementById('root');
  if (!root) return;

  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    render(root, null);
    return;
  }

  let answered = false;
  const timer = setTimeout(() => {
    if (!answered) render(root, null);
  }, PREVIEW_AFTER_MS);

  Office.onReady((info) => {
    answered = true;
    clearTimeout(timer);
    render(root, info.host ?? null);
  }).catch(() => {
    answered = true;
    clearTimeout(timer);
    render(root, null);
  });
}

start();
