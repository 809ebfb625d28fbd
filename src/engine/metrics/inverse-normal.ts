/**
 * Inverse of the standard normal distribution function, z = Φ⁻¹(p) (docs/FORMULAS.md, "Policies":
 * z = Φ⁻¹(serviceLevel) for safety stock, z = Φ⁻¹(criticalRatio) for the newsvendor).
 *
 * Algorithm: Wichura's AS 241, PPND16 — M. J. Wichura (1988), "Algorithm AS 241: The percentage points
 * of the normal distribution", Applied Statistics 37(3), 477-484. Rational approximations of degree 7
 * in three regions: |p − 0.5| ≤ 0.425 (r = 0.180625 − q²), then r = √(−ln min(p, 1 − p)) ≤ 5, then the
 * far tail (min(p, 1 − p) < e⁻²⁵ ≈ 1.4e-11). Relative accuracy about 1e-16 (the paper states
 * "about 1 part in 10¹⁶"). It is the algorithm behind R's `qnorm`; results agree with R `qnorm` and
 * scipy `norm.ppf` to the last digit or two, e.g. Φ⁻¹(0.95) = 1.6448536269514722.
 *
 * Cost: one division and, outside the central region, one log and one sqrt. No allocation unless the
 * argument is invalid.
 */
import type { CalcError } from '../errors';
import { openUnit } from '../check';

// AS 241 coefficients, exactly as published (Wichura 1988, PPND16).
// Central region |q| ≤ 0.425: numerator A, denominator B (B0 = 1).
const A0 = 3.387132872796366608;
const A1 = 133.14166789178437745;
const A2 = 1971.5909503065514427;
const A3 = 13731.693765509461125;
const A4 = 45921.953931549871457;
const A5 = 67265.770927008700853;
const A6 = 33430.575583588128105;
const A7 = 2509.0809287301226727;
const B1 = 42.313330701600911252;
const B2 = 687.1870074920579083;
const B3 = 5394.1960214247511077;
const B4 = 21213.794301586595867;
const B5 = 39307.89580009271061;
const B6 = 28729.085735721942674;
const B7 = 5226.495278852545925;
// Intermediate region r ≤ 5: numerator C, denominator D (D0 = 1).
const C0 = 1.42343711074968357734;
const C1 = 4.6303378461565452959;
const C2 = 5.7694972214606914055;
const C3 = 3.64784832476320460504;
const C4 = 1.27045825245236838258;
const C5 = 0.24178072517745061177;
const C6 = 0.0227238449892691845833;
const C7 = 7.7454501427834140764e-4;
const D1 = 2.05319162663775882187;
const D2 = 1.6763848301838038494;
const D3 = 0.68976733498510000455;
const D4 = 0.14810397642748007459;
const D5 = 0.0151986665636164571966;
const D6 = 5.475938084995344946e-4;
const D7 = 1.05075007164441684324e-9;
// Far tail r > 5: numerator E, denominator F (F0 = 1).
const E0 = 6.6579046435011037772;
const E1 = 5.4637849111641143699;
const E2 = 1.7848265399172913358;
const E3 = 0.29656057182850489123;
const E4 = 0.026532189526576123093;
const E5 = 0.0012426609473880784386;
const E6 = 2.71155556874348757815e-5;
const E7 = 2.01033439929228813265e-7;
const F1 = 0.59983220655588793769;
const F2 = 0.13692988092273580531;
const F3 = 0.0148753612908506148525;
const F4 = 7.868691311456132591e-4;
const F5 = 1.8463183175100546818e-5;
const F6 = 1.4215117583164458887e-7;
const F7 = 2.04426310338993978564e-15;

/** Φ⁻¹(p) for 0 < p < 1, unchecked (AS 241 PPND16; Horner evaluation as in the paper). */
function ppnd16(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    const num = ((((((A7 * r + A6) * r + A5) * r + A4) * r + A3) * r + A2) * r + A1) * r + A0;
    const den = ((((((B7 * r + B6) * r + B5) * r + B4) * r + B3) * r + B2) * r + B1) * r + 1;
    return (q * num) / den;
  }
  // r = √(−ln m), m = min(p, 1 − p): the tail probability on the side of p.
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    const num = ((((((C7 * r + C6) * r + C5) * r + C4) * r + C3) * r + C2) * r + C1) * r + C0;
    const den = ((((((D7 * r + D6) * r + D5) * r + D4) * r + D3) * r + D2) * r + D1) * r + 1;
    z = num / den;
  } else {
    r -= 5;
    const num = ((((((E7 * r + E6) * r + E5) * r + E4) * r + E3) * r + E2) * r + E1) * r + E0;
    const den = ((((((F7 * r + F6) * r + F5) * r + F4) * r + F3) * r + F2) * r + F1) * r + 1;
    z = num / den;
  }
  return q < 0 ? -z : z;
}

/** z = Φ⁻¹(p), the standard normal quantile. p must be strictly between 0 and 1. */
export function inverseNormal(p: number): number | CalcError {
  const bad = openUnit(p, 'p');
  if (bad) return bad;
  return ppnd16(p);
}

/** Safety factor z = Φ⁻¹(serviceLevel) for a target cycle service level, 0 < serviceLevel < 1. */
export function serviceZ(serviceLevel: number): number | CalcError {
  const bad = openUnit(serviceLevel, 'serviceLevel');
  if (bad) return bad;
  return ppnd16(serviceLevel);
}
