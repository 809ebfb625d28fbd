// The engine's Web Worker (src/app/engine-worker.ts): built by webpack as its own file next to
// taskpane.html and started from it (index.ts), so it loads from the add-in's own origin like every
// other script of the pane.
import { serveEngine, type WorkerScope } from '../app/engine-worker';

serveEngine(globalThis as unknown as WorkerScope);
