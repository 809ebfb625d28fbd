// Ribbon commands. The "Lumive" button on the Home tab uses ShowTaskpane (manifest.xml), so there
// are no ExecuteFunction handlers yet; register them here with Office.actions.associate when needed.
// Guarded so the page still runs where Office.js did not load (browser preview, offline).

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  Office.onReady(() => {
    // Nothing to register yet.
  }).catch(() => undefined);
}

export {};
