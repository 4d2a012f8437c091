/**
 * Gamma-distribution helpers used to turn (mean, variance) pairs into latency percentiles.
 *
 * Pure math. No DOM, no React, no allocation on hot paths; imported by the kernel in a worker
 * and by Node.
 *
 * Contents
 * - {@link normalQuantile}: standard normal inverse CDF (Wichura, AS 241, ~1e-16 relative).
 * - {@link gammaFromMoments}: method-of-moments shape/scale.
 * - {@link gammaQuantileWH}: Wilson–Hilferty cube-root approximation (cheap, hot-path safe).
 * - {@link gammaQuantileExact}: inversion of the regularized incomplete gamma function (reference
 *   solver for tests and the reference engine; iterative, not meant for per-frame use).
 *
 * Finite-output policy: every function returns a finite number for finite inputs. Probabilities
 * are clamped into [{@link P_MIN}, {@link P_MAX}] (so `p >= 1` yields the quantile at
 * `1 - 2^-53`, `p <= 0` yields 0 for gamma quantiles), negative or NaN moments are treated as 0,
 * and results are clamped to `Number.MAX_VALUE`.
 */

/** Smallest probability used by the quantile functions (inputs below are clamped up to it). */
export const P_MIN = 1e-300;
/** Largest probability below 1 representable in a double (1 - 2^-53); `p >= 1` is clamped to it. */
export const P_MAX = 1 - 2 ** -53;

/**
 * Shape at or above which {@link gammaQuantileWH} uses the Wilson–Hilferty formula. Below it the
 * exact solver is used, because WH degrades quickly there (at k = 1 the median is already 1.3 %
 * high; at k = 0.5 the p50 error is ~5 %). From this shape upwards the WH quantile is within
 * 1 % of the exact one for 0.5 <= p <= 0.99 (worst case is the median at the threshold, ~0.9 %).
 */
export const WH_MIN_SHAPE = 1.2;

/**
 * Shape above which {@link gammaQuantileExact} returns the Wilson–Hilferty value instead of
 * iterating: the incomplete-gamma series would need O(√k) terms, and the WH error decays like
 * k^-1.5 (≈ 7e-11 relative already at k = 1e7 and p = 1e-10), so it is negligible here.
 */
export const EXACT_MAX_SHAPE = 1e7;

const LN_SQRT_2PI = 0.9189385332046728; // ln(sqrt(2*pi))
const EPS = 1e-16;
const FPMIN = 1e-300;

function clampProb(p: number): number {
  if (!(p > P_MIN)) return P_MIN; // also catches NaN
  return p < P_MAX ? p : P_MAX;
}

function finiteNonNeg(v: number): number {
  if (!(v > 0)) return 0;
  return v < Number.MAX_VALUE ? v : Number.MAX_VALUE;
}

// ---------------------------------------------------------------------------------------------
// Normal quantile (Wichura 1988, Algorithm AS 241, PPND16)
// ---------------------------------------------------------------------------------------------

/**
 * Standard normal quantile Φ⁻¹(p) using Wichura's AS 241 (PPND16) rational approximations,
 * accurate to about 1e-16 relative over the whole double range.
 *
 * `p` is clamped into [{@link P_MIN}, {@link P_MAX}], so the result is always finite
 * (about −37.0 for p ≤ 1e-300 and +8.21 for p ≥ 1).
 *
 * @example
 * normalQuantile(0.975); // 1.959963984540054
 * normalQuantile(0.5); // 0
 */
export function normalQuantile(p: number): number {
  const pp = clampProb(p);
  const q = pp - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301227 * r + 33430.57558358813) * r + 67265.7709270087) * r +
          45921.95393154987) *
          r +
          13731.69376550946) *
          r +
          1971.5909503065513) *
          r +
          133.14166789178438) *
          r +
          3.3871328727963665)) /
      (((((((5226.495278852854 * r + 28729.085735721943) * r + 39307.89580009271) * r +
        21213.794301586597) *
        r +
        5394.196021424751) *
        r +
        687.1870074920579) *
        r +
        42.31333070160091) *
        r +
        1)
    );
  }
  let r = q < 0 ? pp : 1 - pp;
  r = Math.sqrt(-Math.log(r));
  let val: number;
  if (r <= 5) {
    r -= 1.6;
    val =
      (((((((0.0007745450142783414 * r + 0.022723844989269184) * r + 0.2417807251774506) * r +
        1.2704582524523684) *
        r +
        3.6478483247632045) *
        r +
        5.769497221460691) *
        r +
        4.630337846156546) *
        r +
        1.4234371107496835) /
      (((((((1.0507500716444169e-9 * r + 0.0005475938084995345) * r + 0.015198666563616457) * r +
        0.14810397642748008) *
        r +
        0.6897673349851) *
        r +
        1.6763848301838038) *
        r +
        2.053191626637759) *
        r +
        1);
  } else {
    r -= 5;
    val =
      (((((((2.0103343992922881e-7 * r + 0.000027115555687434876) * r + 0.0012426609473880784) * r +
        0.026532189526576124) *
        r +
        0.29656057182850487) *
        r +
        1.7848265399172913) *
        r +
        5.463784911164114) *
        r +
        6.657904643501103) /
      (((((((2.0442631033899397e-15 * r + 1.421511758316446e-7) * r + 0.000018463183175100548) * r +
        0.0007868691311456133) *
        r +
        0.014875361290850615) *
        r +
        0.1369298809227358) *
        r +
        0.599832206555888) *
        r +
        1);
  }
  return q < 0 ? -val : val;
}

// ---------------------------------------------------------------------------------------------
// Gamma function and regularized incomplete gamma
// ---------------------------------------------------------------------------------------------

// Lanczos approximation, g = 7, n = 9 (relative error ~1e-15 for x > 0).
const LANCZOS_G = 7;
const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
  12.507343278686905, -0.13857109526572012, 0.000009984369578019572, 1.5056327351493116e-7,
] as const;

/**
 * Natural log of the gamma function for x > 0 (Lanczos, g = 7; relative error ~1e-15, and for
 * x ≥ 10 a Stirling series with absolute error < 1e-15). Returns 0 for x ≤ 0 (not used there).
 *
 * @example
 * lnGamma(5); // ln(24) = 3.1780538303479458
 */
export function lnGamma(x: number): number {
  if (!(x > 0)) return 0;
  if (x >= 10) {
    return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingCorrection(x);
  }
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1−x) = π / sin(πx); here 0 < x < 0.5 so sin(πx) > 0.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  }
  const z = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < 9; i++) s += (LANCZOS[i] as number) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** lnΓ(x) − [(x − ½)ln x − x + ½ln 2π] for x ≥ 10 (asymptotic series, error < 1e-16). */
function stirlingCorrection(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  return (
    r *
    (1 / 12 -
      r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 * (1 / 1188 - r2 * (691 / 360360))))))
  );
}

/**
 * log of x^a e^{-x} / Γ(a), evaluated without catastrophic cancellation for large a.
 */
function logGammaPrefactor(a: number, x: number): number {
  if (a >= 10) {
    const y = (x - a) / a;
    // a·ln(x/a) + a − x = −a·(y − ln(1+y))
    return -a * (y - Math.log1p(y)) + 0.5 * Math.log(a) - LN_SQRT_2PI - stirlingCorrection(a);
  }
  return a * Math.log(x) - x - lnGamma(a);
}

/** Series for P(a, x) divided by the prefactor (valid/fast for x < a + 1). */
function gammaSeries(a: number, x: number): number {
  let ap = a;
  let del = 1 / a;
  let sum = del;
  for (let n = 0; n < 1_000_000; n++) {
    ap += 1;
    del *= x / ap;
    sum += del;
    if (Math.abs(del) < Math.abs(sum) * EPS) break;
  }
  return sum;
}

/** Continued fraction (modified Lentz) for Q(a, x) divided by the prefactor (x ≥ a + 1). */
function gammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / FPMIN;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1_000_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = b + an / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/**
 * Regularized lower incomplete gamma P(a, x) = γ(a, x)/Γ(a) (Numerical Recipes style: series
 * for x < a + 1, continued fraction otherwise). Returns 0 for x ≤ 0 and 1 for a ≤ 0.
 * Not a hot-path function (cost grows like sqrt(a)).
 *
 * @example
 * regularizedGammaP(1, 2); // 1 − e^{−2} = 0.8646647167633873
 */
export function regularizedGammaP(a: number, x: number): number {
  if (!(x > 0)) return 0;
  if (!(a > 0)) return 1;
  if (x === Infinity) return 1;
  if (x < a + 1) {
    const v = Math.exp(logGammaPrefactor(a, x)) * gammaSeries(a, x);
    return v < 1 ? v : 1;
  }
  const q = Math.exp(logGammaPrefactor(a, x)) * gammaContinuedFraction(a, x);
  return q < 1 ? 1 - q : 0;
}

/**
 * Regularized upper incomplete gamma Q(a, x) = 1 − P(a, x), computed directly in the upper tail
 * so that tiny tail probabilities keep full relative precision.
 *
 * @example
 * regularizedGammaQ(1, 2); // e^{−2} = 0.1353352832366127
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(x > 0)) return 1;
  if (!(a > 0)) return 0;
  if (x === Infinity) return 0;
  if (x < a + 1) {
    const p = Math.exp(logGammaPrefactor(a, x)) * gammaSeries(a, x);
    return p < 1 ? 1 - p : 0;
  }
  const v = Math.exp(logGammaPrefactor(a, x)) * gammaContinuedFraction(a, x);
  return v < 1 ? v : 1;
}

// ---------------------------------------------------------------------------------------------
// Gamma parameters and quantiles
// ---------------------------------------------------------------------------------------------

/** Shape/scale pair of a gamma distribution (mean = shape·scale, variance = shape·scale²). */
export interface GammaParams {
  shape: number;
  scale: number;
}

/** Largest shape reported by {@link gammaFromMoments} (variance → 0 means "deterministic"). */
export const MAX_SHAPE = 1e15;

const gammaParamsScratch: GammaParams = { shape: 0, scale: 0 };

/**
 * Method-of-moments gamma fit: shape k = mean²/variance, scale θ = variance/mean.
 *
 * Writes into `out` (default: a module-level scratch object that is overwritten by the next
 * call — copy the fields if you need to keep them). Fallbacks: mean ≤ 0 → {shape: 0, scale: 0};
 * variance ≤ 0 (deterministic) → shape = {@link MAX_SHAPE}, scale = mean / MAX_SHAPE; the shape
 * is also capped at MAX_SHAPE.
 *
 * @example
 * const { shape, scale } = gammaFromMoments(2, 4); // shape 1, scale 2 (exponential, mean 2)
 */
export function gammaFromMoments(
  mean: number,
  variance: number,
  out: GammaParams = gammaParamsScratch,
): GammaParams {
  const m = finiteNonNeg(mean);
  const v = finiteNonNeg(variance);
  if (m === 0) {
    out.shape = 0;
    out.scale = 0;
    return out;
  }
  const k = v > 0 ? m * (m / v) : MAX_SHAPE;
  if (k < MAX_SHAPE) {
    const scale = v / m;
    out.shape = k;
    out.scale = scale < Number.MAX_VALUE ? scale : Number.MAX_VALUE;
  } else {
    out.shape = MAX_SHAPE;
    out.scale = m / MAX_SHAPE;
  }
  return out;
}

/** Wilson–Hilferty cube for shape k at normal deviate z (unclamped sign handled by caller). */
function whFactor(k: number, z: number): number {
  const h = 1 / (9 * k);
  const base = 1 - h + z * Math.sqrt(h);
  return base > 0 ? base * base * base : 0;
}

/**
 * Gamma quantile from mean and variance with the Wilson–Hilferty approximation
 * x ≈ kθ(1 − 1/(9k) + z·√(1/(9k)))³ (z = Φ⁻¹(p)), clamped at ≥ 0.
 *
 * Accuracy: for shape k ≥ {@link WH_MIN_SHAPE} (1.2) the relative error is < 1 % for
 * 0.5 ≤ p ≤ 0.99 and shrinks roughly like 1/k (k = 2: ≤ 0.4 %, k = 10: ≤ 0.07 %). For
 * k < WH_MIN_SHAPE the function falls back to {@link gammaQuantileExact} (iterative and slower,
 * but still allocation-free). Degenerate inputs: mean ≤ 0 → 0; variance ≤ 0 → mean; very large
 * shape (> 1e12) → the normal approximation mean + z·sd (clamped ≥ 0).
 *
 * @example
 * gammaQuantileWH(10, 10, 0.95); // ≈ 15.701 (exact 15.7052)
 */
export function gammaQuantileWH(mean: number, variance: number, p: number): number {
  const m = finiteNonNeg(mean);
  const v = finiteNonNeg(variance);
  if (m === 0) return 0;
  if (v === 0) return m;
  if (!(p > 0)) return 0;
  const k = m * (m / v);
  const z = normalQuantile(p);
  if (!(k <= 1e12)) {
    return finiteNonNeg(m + z * Math.sqrt(v));
  }
  if (k < WH_MIN_SHAPE) {
    return gammaQuantileExact(k, v / m, p);
  }
  return finiteNonNeg(m * whFactor(k, z));
}

/**
 * Exact gamma quantile: the x with P(k, x/θ) = p, found by safeguarded Newton iteration on the
 * regularized incomplete gamma function (lower tail for p ≤ ½, upper tail Q = 1 − p otherwise so
 * high percentiles keep full precision). Converges to ~1e-14 relative.
 *
 * Intended for tests and the reference engine, not per-frame use (each evaluation of P costs
 * O(√k) terms). Degenerate inputs: k ≤ 0 or θ ≤ 0 or p ≤ 0 → 0; p ≥ 1 is clamped to
 * {@link P_MAX}; k > {@link EXACT_MAX_SHAPE} returns the Wilson–Hilferty value (negligible error
 * there). Results are clamped to Number.MAX_VALUE.
 *
 * @example
 * gammaQuantileExact(1, 1, 0.99); // ln(100) = 4.605170185988091
 * gammaQuantileExact(5, 2, 0.95); // χ²(10 d.o.f.) 95th percentile = 18.307038053275146
 */
export function gammaQuantileExact(k: number, theta: number, p: number): number {
  const a = finiteNonNeg(k);
  const th = finiteNonNeg(theta);
  if (a === 0 || th === 0 || !(p > 0)) return 0;
  const pp = clampProb(p);
  const z = normalQuantile(pp);
  if (a > EXACT_MAX_SHAPE) return finiteNonNeg(a * whFactor(a, z) * th);
  const x = standardGammaQuantile(a, pp, z);
  return finiteNonNeg(x * th);
}

/** Quantile of Gamma(a, 1). `pp` already clamped into (0, 1); z = Φ⁻¹(pp). */
function standardGammaQuantile(a: number, pp: number, z: number): number {
  const upper = pp > 0.5;
  const target = upper ? 1 - pp : pp; // exact for pp ≥ 0.5 (Sterbenz)
  const lnA = logGammaPrefactor; // alias for readability below

  // Initial guess: Wilson–Hilferty, or the small-x expansion P ≈ x^a / Γ(a+1) when WH is poor.
  let x = a * whFactor(a, z);
  if (!(x > 0) || a < 1) {
    const small = Math.exp((Math.log(pp) + lnGamma(a + 1)) / a);
    if (!(x > 0) || (small > 0 && small < x)) x = small;
  }
  if (!(x > 0)) x = Number.MIN_VALUE;

  // Bracket [lo, hi] with residual sign: r(x) = P(a,x) − p (increasing in x).
  let lo = 0;
  let hi = Infinity;
  for (let iter = 0; iter < 300; iter++) {
    let r: number;
    if (upper) {
      r = target - regularizedGammaQ(a, x); // = P − p
    } else {
      r = regularizedGammaP(a, x) - target;
    }
    if (r === 0) return x;
    if (r < 0) lo = x;
    else hi = x;
    // density of Gamma(a,1) at x
    const dens = Math.exp(lnA(a, x)) / x;
    let next = dens > 0 ? x - r / dens : NaN;
    if (!(next > lo && next < hi)) {
      // Newton left the bracket (or density underflowed): bisect, geometrically when wide.
      if (hi === Infinity) next = x * 2;
      else if (lo > 0 && hi / lo > 4) next = Math.sqrt(lo * hi);
      else if (lo === 0 && hi > 0) next = hi * 0.25;
      else next = 0.5 * (lo + hi);
    }
    if (Math.abs(next - x) <= 1e-15 * x || (hi < Infinity && hi - lo <= 1e-15 * hi)) {
      return next;
    }
    if (!(next < Number.MAX_VALUE)) return Number.MAX_VALUE;
    if (!(next > 0)) return 0;
    x = next;
  }
  return x;
}
