import fc from 'fast-check';
import { CalcError } from '../../../src/engine/errors';
import { demandClass, demandClassification } from '../../../src/engine/metrics/demand-class';

const valueErr = (message: string) => new CalcError('#VALUE!', message);

// Cut-offs ADI 1.32, CV² 0.49 (Syntetos & Boylan 2005, IJF 21(2)); ADI as tsintermittent's crost.decomp.
describe('demandClassification (docs/FORMULAS.md, Classes: demand class)', () => {
  test('hand-computed intermittent: 0,3,0,0,5,0,4,0 → demands at 2,5,7: intervals 2,3,2 → ADI 7/3; sizes 3,5,4: CV = 1/4 → CV² 0.0625', () => {
    const r = demandClassification([0, 3, 0, 0, 5, 0, 4, 0]);
    expect(r).toEqual({ adi: expect.closeTo(7 / 3, 12), cv2: expect.closeTo(0.0625, 12), demandClass: 'intermittent' });
  });

  test('hand-computed smooth: 10,12,8,10,11,9 → ADI 1; mean 10, SS 10, s² = 2 → CV² 2/100 = 0.02', () => {
    const r = demandClassification([10, 12, 8, 10, 11, 9]);
    expect(r).toEqual({ adi: 1, cv2: expect.closeTo(0.02, 12), demandClass: 'smooth' });
  });

  test('hand-computed erratic: 1,10,1,10 → ADI 1; mean 5.5, SS 81, s² = 27 → CV² 27/30.25 = 0.8926', () => {
    const r = demandClassification([1, 10, 1, 10]);
    expect(r).toEqual({ adi: 1, cv2: expect.closeTo(27 / 30.25, 12), demandClass: 'erratic' });
  });

  test('hand-computed lumpy: 0,1,0,10,0,1,0,10 → ADI 8/4 = 2; CV² 0.8926', () => {
    const r = demandClassification([0, 1, 0, 10, 0, 1, 0, 10]);
    expect(r).toEqual({ adi: 2, cv2: expect.closeTo(27 / 30.25, 12), demandClass: 'lumpy' });
  });

  test('a single non-zero period: CV² = 0, ADI = its position', () => {
    expect(demandClassification([0, 0, 7, 0])).toEqual({ adi: 3, cv2: 0, demandClass: 'intermittent' });
    expect(demandClassification([7])).toEqual({ adi: 1, cv2: 0, demandClass: 'smooth' });
  });

  test('ADI counts the first interval from the start of the series (0,0,0,5,5 → 5/2 = 2.5, not 1)', () => {
    expect(demandClassification([0, 0, 0, 5, 5])).toEqual({ adi: 2.5, cv2: 0, demandClass: 'intermittent' });
  });

  test('trailing zero periods do not count (5,5,0,0,0 → ADI 2/2 = 1)', () => {
    expect(demandClass([5, 5, 0, 0, 0])).toBe('smooth');
  });

  test('ADI exactly 1.32 is on the intermittent side (≥): 25 demands ending at period 33', () => {
    const series = Array.from({ length: 33 }, (_, i) => (i < 8 ? 0 : 4));
    const r = demandClassification(series);
    expect(r).toEqual({ adi: 1.32, cv2: 0, demandClass: 'intermittent' });
  });

  test('no non-zero period → null', () => {
    expect(demandClassification([])).toBeNull();
    expect(demandClassification([0, 0, 0])).toBeNull();
    expect(demandClass([0, 0])).toBeNull();
  });

  test('negative and non-finite values are #VALUE!', () => {
    expect(demandClassification([1, -1])).toStrictEqual(valueErr('series must not be negative'));
    expect(demandClassification([Number.NaN])).toStrictEqual(valueErr('series must be a number'));
    expect(demandClass([0, Infinity])).toStrictEqual(valueErr('series must be a finite number'));
  });

  test('demandClass returns the class of demandClassification', () => {
    expect(demandClass([0, 1, 0, 10, 0, 1, 0, 10])).toBe('lumpy');
    expect(demandClass([1, 10, 1, 10])).toBe('erratic');
  });

  test('property: ADI ≥ 1 and CV² ≥ 0; ADI = 1 exactly when no zero precedes the last demand', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 50 }), { maxLength: 40 }), (series) => {
        const r = demandClassification(series);
        const last = series.map((x) => x > 0).lastIndexOf(true);
        if (last < 0) return r === null;
        if (r === null || r instanceof CalcError) return false;
        const gapless = series.slice(0, last + 1).every((x) => x > 0);
        return r.adi >= 1 && r.cv2 >= 0 && (r.adi === 1) === gapless;
      }),
    );
  });
});
