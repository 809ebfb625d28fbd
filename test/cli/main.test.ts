/** The `lumive` command, run in-process (the bin script only adds tsx and process wiring). */
import { run } from '../helpers/cli';

describe('lumive eval', () => {
  it.each([
    ['=LUMIVE.DOI(120, 4)', '30'],
    ['=LUMIVE.EOQ(1200, 50, 2)', '244.948974'],
    ['=LUMIVE.SERVICEZ(0.95)', '1.644854'],
    ['=LUMIVE.DOI(10, 0)', '#N/A No sales'],
    ['LUMIVE.DOI({120;60}, {4;2})', '30\n30'],
    ['=LUMIVE.ABC({5000,3000,1200,500,300})', 'A\tA\tB\tB\tC'],
  ])('%s prints %s', async (formula, printed) => {
    const { code, out } = await run('eval', formula);
    expect(code).toBe(0);
    expect(out).toBe(`${printed}\n`);
  });

  it('prints more decimals on request', async () => {
    expect((await run('eval', '=LUMIVE.SERVICEZ(0.95)', '--decimals', '10')).out).toBe('1.644853627\n');
  });

  it('explains a formula it cannot read and exits 2', async () => {
    const { code, err } = await run('eval', '=LUMIVE.DOI(120, 4');
    expect(code).toBe(2);
    expect(err).toMatch(/Expected "\)"/);
    expect((await run('eval', '=LUMIVE.NOPE(1)')).err).toMatch(/Unknown function LUMIVE.NOPE/);
    expect((await run('eval', '=A1*2')).err).toMatch(/cell references are not supported/);
  });

  it('needs exactly one formula', async () => {
    expect((await run('eval')).code).toBe(2);
  });
});

describe('lumive demo and functions', () => {
  it('formulas prints every sample formula with its result', async () => {
    const { code, out } = await run('formulas');
    expect(code).toBe(0);
    expect(out).toMatch(/=LUMIVE\.DOI\(120, 4\)\s+30\s/);
    expect(out).toMatch(/=LUMIVE\.EOQ\(1200, 50, 2\)\s+244\.949\s/);
    expect(out).not.toMatch(/Unknown function|Expected/);
  });

  it('functions lists each function with optional parameters in brackets', async () => {
    const { out } = await run('functions');
    expect(out).toMatch(/^LUMIVE\.VELOCITY\(sold, \[periodDays\]\)$/m);
    expect(out.trim().split('\n').length).toBe(37);
    expect(out).toMatch(/^LUMIVE\.FORECAST\(history, horizon, \[method\], \[seasonLength\]\)$/m);
  });

  it('an unknown command shows usage and exits 2', async () => {
    const { code, err } = await run('frobnicate');
    expect(code).toBe(2);
    expect(err).toMatch(/Usage: lumive/);
  });
});
