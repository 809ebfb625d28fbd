/**
 * The engine in a Web Worker (src/app/worker-engine.ts, engine-worker.ts, engine-wire.ts), in Node: a
 * stand-in worker runs the worker's own code and delivers every message a task later as a structured
 * clone, as a browser does. The same session over the same demo workbook, once with the engine in this
 * thread and once through the worker, must write the same sheets and answer the same questions; a
 * Cancel must stop the worker and leave the workbook as it was. (The real Worker in Chromium:
 * test/browser/worker.test.ts.)
 */
import { isCancel, sessionOver, type AnalyzeResult, type Session } from '../../src/app/session';
import { BLOCK_CELLS, blocks, packJob, unpackJob, type FromWorker, type ToWorker } from '../../src/app/engine-wire';
import { serveEngine, type WorkerScope } from '../../src/app/engine-worker';
import { EngineWorkerError, workerEngine, type WorkerLike } from '../../src/app/worker-engine';
import { demoInputSpecs } from '../../src/demo/sample-workbook';
import { DEFAULT_SETTINGS } from '../../src/engine/model';
import { MemoryWorkbook } from '../../src/workbook/memory/memory-workbook';

const NOW = new Date('2026-11-21T08:00:00Z');

interface FakeWorker extends WorkerLike {
  terminated: boolean;
  readonly sent: ToWorker[];
  readonly received: FromWorker[];
}

/** A worker running serveEngine, each message cloned and delivered on a later task. */
function fakeWorker(): FakeWorker {
  const scope: WorkerScope = {
    postMessage(m) {
      const copy = structuredClone(m);
      setTimeout(() => {
        if (w.terminated) return;
        w.received.push(copy);
        w.onmessage?.({ data: copy });
      }, 0);
    },
    onmessage: null,
  };
  serveEngine(scope);
  const w: FakeWorker = {
    terminated: false,
    sent: [],
    received: [],
    onmessage: null,
    onerror: null,
    postMessage(m) {
      const copy = structuredClone(m);
      w.sent.push(copy);
      setTimeout(() => {
        if (!w.terminated) scope.onmessage?.({ data: copy });
      }, 0);
    },
    terminate() {
      w.terminated = true;
    },
  };
  return w;
}

async function demoMemory(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await wb.writeSheets(demoInputSpecs());
  return wb;
}

async function everySheet(wb: MemoryWorkbook) {
  return (await wb.listSheets()).map((s) => ({ name: s.name, sheet: wb.sheet(s.name) }));
}

const withoutTimes = (r: AnalyzeResult) => ({ ...r, at: null, timings: null });

describe('the engine in a worker', () => {
  beforeAll(() => {
    // Only the clock stands still (the Summary and the log print the run's time); timers run.
    jest.useFakeTimers({ now: NOW, doNotFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'queueMicrotask', 'nextTick', 'hrtime', 'performance'] });
  });
  afterAll(() => jest.useRealTimers());

  const workers: FakeWorker[] = [];
  const create = () => {
    const w = fakeWorker();
    workers.push(w);
    return w;
  };

  let local: { wb: MemoryWorkbook; session: Session; result: AnalyzeResult };
  let remote: { wb: MemoryWorkbook; session: Session; result: AnalyzeResult };

  beforeAll(async () => {
    const a = await demoMemory();
    const localSession = sessionOver(() => a, false);
    local = { wb: a, session: localSession, result: await localSession.analyze() };
    const b = await demoMemory();
    const remoteSession = sessionOver(() => b, false, workerEngine(create));
    remote = { wb: b, session: remoteSession, result: await remoteSession.analyze() };
  }, 120_000);

  it('writes the same sheets and reports the same summary as the engine in this thread', async () => {
    expect(workers).toHaveLength(1);
    expect(withoutTimes(remote.result)).toEqual(withoutTimes(local.result));
    expect(remote.result.positions).toBeGreaterThan(1000);
    expect(await everySheet(remote.wb)).toEqual(await everySheet(local.wb));
    // The pane's session keeps no analysis of its own: it is in the worker.
    expect(remote.session.results()).toBeNull();
    expect(local.session.results()).not.toBeNull();
  });

  it('sends the job and the sheets in blocks of at most BLOCK_CELLS cells, every row once', async () => {
    const w = workers[0];
    const cells = (rows: readonly (readonly unknown[])[]) => rows.reduce((n, r) => n + r.length, 0);
    const sentRows = w.sent.filter((m): m is Extract<ToWorker, { t: 'rows' }> => m.t === 'rows');
    const gotRows = w.received.filter((m): m is Extract<FromWorker, { t: 'rows' }> => m.t === 'rows');
    expect(sentRows.length).toBeGreaterThan(1);
    expect(gotRows.length).toBeGreaterThan(1);
    for (const m of [...sentRows, ...gotRows]) expect(m.rows.length === 1 || cells(m.rows) <= BLOCK_CELLS).toBe(true);
    // Every input row of the demo reached the worker.
    const inputRows = demoInputSpecs().reduce((n, s) => n + s.rows.length, 0);
    expect(sentRows.reduce((n, m) => n + m.rows.length, 0)).toBe(inputRows);
    // No message carries a whole grid or a whole sheet besides the blocks: the rest is small.
    for (const m of [...w.sent, ...w.received]) if (m.t !== 'rows') expect(JSON.stringify(m).length).toBeLessThan(200_000);
  });

  it('answers the explorer, What-if and Save snapshot as the analysis in this thread does', async () => {
    const l = local.session.view()!;
    const r = remote.session.view()!;
    expect(r.settings).toEqual(l.settings);
    for (const q of ['', 'elc', 'B0', 'zzz-no-such']) expect(await r.search(q, 12)).toEqual(await l.search(q, 12));
    const sku = (await l.search('', 3))[2];
    expect(await r.detail(sku)).toEqual(await l.detail(sku));
    expect(await r.positions(sku)).toEqual(await l.positions(sku));
    expect(await r.detail('zzz-no-such')).toBeNull();
    const saved = { local: await local.session.saveSnapshot(), remote: await remote.session.saveSnapshot() };
    expect(saved.remote).toEqual(saved.local);
    expect(saved.remote.positions).toBe(remote.result.positions);
    expect(await everySheet(remote.wb)).toEqual(await everySheet(local.wb));
  });

  it('Cancel stops the worker at once, leaves the workbook unchanged and keeps the previous analysis', async () => {
    const before = await everySheet(remote.wb);
    const controller = new AbortController();
    const run = remote.session.analyze({
      signal: controller.signal,
      onProgress: (p) => {
        if (p.step === 'import') controller.abort();
      },
    });
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isCancel(error)).toBe(true);
    const cancelled = workers[workers.length - 1];
    expect(workers).toHaveLength(2);
    expect(cancelled.terminated).toBe(true);
    // It was stopped before it sent any sheet back.
    expect(cancelled.received.some((m) => m.t === 'spec' || m.t === 'done')).toBe(false);
    expect(await everySheet(remote.wb)).toEqual(before);
    // The first worker still holds the last analysis and answers.
    expect(workers[0].terminated).toBe(false);
    const sku = (await local.session.view()!.search('', 1))[0];
    expect(await remote.session.view()!.detail(sku)).toEqual(await local.session.view()!.detail(sku));
  });

  it('a new analysis replaces the previous worker, which is stopped; what was still asked of it is refused', async () => {
    const previous = remote.session.view()!;
    const result = await remote.session.analyze();
    await expect(previous.search('', 3)).rejects.toThrow('This analysis was replaced by a newer one: ask again.');
    expect(await remote.session.view()!.search('', 3)).toEqual(await local.session.view()!.search('', 3));
    // The snapshot saved above is now in the workbook (and its history sheets among those written).
    expect(result.snapshots).toBe(1);
    expect({ ...result.kpis, trends: result.trends, urgent: result.urgent }).toEqual({ ...local.result.kpis, trends: local.result.trends, urgent: local.result.urgent });
    expect(workers).toHaveLength(3);
    expect(workers[0].terminated).toBe(true);
    expect(workers[2].terminated).toBe(false);
  });

  it('the Reports panel’s scan runs in a worker of its own, stopped after it, and finds what the scan in this thread finds', async () => {
    const before = workers.length;
    const [l, r] = [await local.session.scan(), await remote.session.scan()];
    const strip = (x: typeof l) => ({ ...x, timings: null });
    expect(strip(r)).toEqual(strip(l));
    expect(r.reports.length).toBeGreaterThan(10);
    expect(workers).toHaveLength(before + 1);
    expect(workers[workers.length - 1].terminated).toBe(true);
    expect(workers[workers.length - 1].sent.some((m) => m.t === 'scan')).toBe(true);
  });

  it('a worker that cannot start is a plain error and the workbook stays as it was', async () => {
    const wb = await demoMemory();
    const before = await everySheet(wb);
    const broken: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage() {
        setTimeout(() => broken.onerror?.({ message: 'refused by the content security policy' }), 0);
      },
      terminate() {},
    };
    const session = sessionOver(() => wb, false, workerEngine(() => broken));
    const error = await session.analyze().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EngineWorkerError);
    expect((error as Error).message).toBe('The analysis could not run in the background (refused by the content security policy). Reload the add-in and try again.');
    expect(await everySheet(wb)).toEqual(before);
  });
});

describe('the wire', () => {
  it('blocks: consecutive rows, at most the cell budget each, a wider row alone', () => {
    const rows = [[1, 2, 3], [4, 5, 6], [7], Array.from({ length: 10 }, (_, i) => i), [8, 9]];
    const out = [...blocks(rows, 6)];
    expect(out).toEqual([[[1, 2, 3], [4, 5, 6]], [[7]], [rows[3]], [[8, 9]]]);
    expect([...blocks([], 6)]).toEqual([]);
    // Empty rows count as one cell each, so a grid of blank rows still moves in blocks.
    expect([...blocks([[], [], []], 2)].map((b) => b.length)).toEqual([2, 1]);
  });

  it('packJob / unpackJob: every grid numbered once and put back where it was', () => {
    const grid = (n: number) => [[`g${n}`]];
    const job = {
      inputs: [{ source: 'A', grid: grid(0) }, { source: 'B', grid: grid(1) }],
      settings: DEFAULT_SETTINGS,
      assignments: {},
      names: {},
      previous: { reorder: { name: 'Reorder', grid: grid(2) }, log: grid(3) },
      issues: [],
      history: [{ name: 'Lumive History', grid: grid(4) }],
      now: NOW,
    };
    const { shell, grids } = packJob(job);
    expect(grids).toEqual([0, 1, 2, 3, 4].map(grid));
    expect(JSON.stringify(shell)).not.toMatch(/"g\d"/);
    expect(unpackJob(structuredClone(shell), structuredClone(grids))).toEqual({ ...job, previous: { ...job.previous, rebalance: undefined, liquidation: undefined } });
  });
});
