/**
 * The built task pane for the browser tests and the browser bench: a production build into a
 * temporary folder, served on 127.0.0.1 (static-server.ts), and Debian's Chromium driven by
 * playwright-core with office.js refused (no network), so the pane runs in browser preview.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser } from 'playwright-core';
import webpack from 'webpack';
import { serveFolder, type StaticServer } from './static-server';
import type { SourceGrid } from '../../src/engine/ingest/types';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require('../../webpack.config.js') as (env: object, argv: { mode: string }) => webpack.Configuration;

export const CHROMIUM = '/usr/bin/chromium';
export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

function build(config: webpack.Configuration): Promise<void> {
  return new Promise((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((error, stats) => {
      compiler.close(() => {
        if (error) reject(error);
        else if (stats?.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
        else resolve();
      });
    });
  });
}

export interface BuiltPane {
  /** A temporary folder: the build is in dist/, files for the tests may go beside it. */
  readonly dir: string;
  readonly server: StaticServer;
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Builds the pane (production unless said otherwise), serves it and starts Chromium. */
export async function builtPane(prefix = 'lumive-browser-', mode: 'production' | 'development' = 'production'): Promise<BuiltPane> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const out = path.join(dir, 'dist');
  const saved = process.env.LUMIVE_OUT_DIR;
  process.env.LUMIVE_OUT_DIR = out;
  let config: webpack.Configuration;
  try {
    config = makeConfig({}, { mode });
  } finally {
    if (saved === undefined) delete process.env.LUMIVE_OUT_DIR;
    else process.env.LUMIVE_OUT_DIR = saved;
  }
  // The size table is the build's business (npm run build), not the tests'.
  for (const p of config.plugins ?? []) if (p && 'log' in p) (p as unknown as { log: (t: string) => void }).log = () => undefined;
  await build(config);
  const server = await serveFolder(out);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  return {
    dir,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Report grids as CSV files a seller would import (every cell quoted; dates as ISO text), one per source. */
export function writeCsvFiles(dir: string, sources: readonly SourceGrid[]): string[] {
  const text = (c: unknown) => (c instanceof Date ? c.toISOString() : String(c ?? ''));
  return sources.map((s) => {
    const file = path.join(dir, `${s.source}.csv`);
    fs.writeFileSync(file, s.grid.map((row) => row.map((c) => `"${text(c).replace(/"/g, '""')}"`).join(',')).join('\r\n'));
    return file;
  });
}
