/** @jest-environment jsdom */
import { CONNECTED_TEXT, EXAMPLE_FORMULAS, PREVIEW_TEXT, PRODUCT_NAME, render } from '../../src/taskpane/render';

function mount(): HTMLElement {
  document.body.innerHTML = '<main id="root"><p>Loading Lumive…</p></main>';
  return document.getElementById('root') as HTMLElement;
}

describe('task pane render', () => {
  it('outside Office (host null) shows the product name and the browser preview banner', () => {
    const root = mount();
    render(root, null);
    expect(root.querySelector('h1')?.textContent).toBe(PRODUCT_NAME);
    expect(root.textContent).toContain('Browser preview — not connected to Excel');
    expect(root.querySelector('[data-status]')?.getAttribute('data-status')).toBe('preview');
    expect(root.querySelector('[role="status"]')?.textContent).toContain(PREVIEW_TEXT);
    expect(root.textContent).not.toContain(CONNECTED_TEXT);
    expect(root.textContent).not.toContain('Loading Lumive');
  });

  it('host undefined is the preview too', () => {
    const root = mount();
    render(root, undefined);
    expect(root.textContent).toContain(PREVIEW_TEXT);
  });

  it('in Excel (Office.HostType.Excel is the string "Excel") shows connected and no preview banner', () => {
    const root = mount();
    render(root, 'Excel');
    expect(root.querySelector('h1')?.textContent).toBe('Lumive for Excel');
    expect(root.textContent).toContain('Connected to Excel');
    expect(root.querySelector('[data-status]')?.getAttribute('data-status')).toBe('connected');
    expect(root.textContent).not.toContain('Browser preview');
  });

  it('another Office host is told that Lumive works in Excel', () => {
    const root = mount();
    render(root, 'Word');
    expect(root.textContent).toContain('Running in Word: Lumive works in Excel.');
    expect(root.textContent).not.toContain(CONNECTED_TEXT);
  });

  it('says what Lumive does and lists example LUMIVE formulas', () => {
    const root = mount();
    render(root, null);
    expect(root.textContent).toMatch(/Amazon and noon/);
    const formulas = [...root.querySelectorAll('ul.formulas code')].map((c) => c.textContent);
    expect(formulas).toContain('=LUMIVE.DOI(120, 4)');
    expect(formulas).toEqual(EXAMPLE_FORMULAS.map((e) => e.formula));
    for (const formula of formulas) expect(formula).toMatch(/^=LUMIVE\.[A-Z]+\(/);
  });

  it('re-rendering replaces the content instead of appending', () => {
    const root = mount();
    render(root, null);
    render(root, 'Excel');
    expect(root.querySelectorAll('h1')).toHaveLength(1);
    expect(root.textContent).not.toContain(PREVIEW_TEXT);
  });

  it('treats the host as text (no markup injection)', () => {
    const root = mount();
    render(root, '<img src=x onerror=alert(1)>');
    expect(root.querySelector('img[src="x"]')).toBeNull();
  });
});

describe('task pane entry (index.ts)', () => {
  type ReadyCallback = (info: { host: string | null; platform: string | null }) => void;
  const g = globalThis as unknown as { Office?: unknown };

  /** Loads index.ts afresh (it renders on import). */
  function loadIndex(): void {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../../src/taskpane/index');
    });
  }

  /** An Office.onReady whose answer the test controls. */
  function fakeOffice(): { answer: (host: string | null) => Promise<void> } {
    let callback: ReadyCallback | undefined;
    let resolvePromise: () => void = () => undefined;
    g.Office = {
      onReady: (cb: ReadyCallback) => {
        callback = cb;
        return new Promise<void>((resolve) => {
          resolvePromise = resolve;
        });
      },
    };
    return {
      answer: async (host) => {
        callback?.({ host, platform: null });
        resolvePromise();
        await Promise.resolve();
      },
    };
  }

  beforeEach(() => {
    jest.useFakeTimers();
    mount();
  });

  afterEach(() => {
    jest.useRealTimers();
    delete g.Office;
  });

  const root = () => document.getElementById('root') as HTMLElement;

  it('without Office.js renders the browser preview at once', () => {
    delete g.Office;
    loadIndex();
    expect(root().textContent).toContain(PREVIEW_TEXT);
  });

  it('waits for Office.onReady and renders connected in Excel', async () => {
    const office = fakeOffice();
    loadIndex();
    expect(root().textContent).toContain('Loading Lumive');
    await office.answer('Excel');
    expect(root().textContent).toContain(CONNECTED_TEXT);
    jest.advanceTimersByTime(5000);
    expect(root().textContent).toContain(CONNECTED_TEXT);
  });

  it('shows the preview when Office.onReady has not answered after 3 s, and connects when it does', async () => {
    const office = fakeOffice();
    loadIndex();
    jest.advanceTimersByTime(2999);
    expect(root().textContent).toContain('Loading Lumive');
    jest.advanceTimersByTime(1);
    expect(root().textContent).toContain(PREVIEW_TEXT);
    await office.answer('Excel');
    expect(root().textContent).toContain(CONNECTED_TEXT);
  });
});
