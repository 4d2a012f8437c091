/**
 * The mean wait of a GI/M/c queue whose interarrival times are gamma-distributed (squared
 * coefficient of variation ca²), by Takács' exact solution, as a ratio to the M/M/c wait at the
 * same load. The fluid kernel scales its queues by this ratio instead of Allen–Cunneen's
 * (1 + ca²)/2, which overstates the wait behind a round-robin split when c > 1 (E3/M/2 at ρ 0.70:
 * +22 %).
 * Contract: pure math; no DOM, no allocation.
 */

/** Largest gamma shape used (ca² below 1/MAX_SHAPE is treated as that). */
const MAX_SHAPE = 100;
/** Above this utilization the ratio is the heavy-traffic limit (1 + ca²)/2 (Kingman). */
const RHO_MAX = 0.995;
/** A warm start's pull-back factor: the start is taken this far below the old root. */
const WARM_PULLBACK = 0.999;
/** Most servers for which Takács' sum keeps its precision (0.4 % at 32, 1.4 % at 128). */
const MAX_SERVERS = 32;

// The wait rate θ and the root σ of the last gimcWait call; the start σ for the next one.
const sc = new Float64Array(3);
const THETA = 0;
const SIGMA = 1;
const GUESS = 2;

/**
 * σ of Takács' equation found by the last {@link gimcWaitRatio} call that solved it (NaN when it
 * fell back to a closed form): a caller keeps it to warm-start the next call at nearby inputs.
 * @example gimcWaitRatio(1 / 3, 1.4, 2); gimcSigma(); // in (0, 1)
 */
export const gimcSigma = (): number => sc[SIGMA]!;
// The last gimcWaitRatio call's P(wait) ratio (a typed array keeps the double unboxed).
const last = new Float64Array(1);

/**
 * P(wait) of GI/M/c over Erlang C at the same load, from the last {@link gimcWaitRatio} call
 * (1 whenever that call fell back to Allen–Cunneen). With the wait ratio it fixes the wait's
 * law: 0 with probability 1 − P(wait), else exponential (exact for GI/M/c).
 * @example gimcWaitRatio(1 / 3, 1.4, 2); gimcPWaitRatio(); // < 1: fewer requests wait
 */
export const gimcPWaitRatio = (): number => last[0]!;

/**
 * Wq(GI/M/c) / Wq(M/M/c) for gamma interarrivals with squared coefficient of variation `ca2`,
 * offered load `a` = λ·S (Erlangs) and `c` servers. Exactly 1 for Poisson arrivals; Allen–
 * Cunneen's (1 + ca²)/2 (the heavy-traffic limit) at ρ ≥ 0.995, for ca² > 1, and above 32 servers. Cost: a Newton solve (≈ 10 iterations) plus c terms.
 *
 * Takács: σ solves σ = A*(cμ(1 − σ)), A*(s) = (kλ/(kλ + s))^k with k = 1/ca²;
 * P(wait) = J/(1 − σ), Wq = P(wait)/(cμ(1 − σ)), J = [1/(1 − σ) + Σ_{j=1..c} C(c,j)/(C_j(1 − g_j))
 * · (c(1 − g_j) − j)/(c(1 − σ) − j)]⁻¹, g_j = A*(jμ), C_j = Π_{i ≤ j} g_i/(1 − g_i).
 * @example
 * gimcWaitRatio(1, 1.4, 2); // 1 (M/M/2)
 * gimcWaitRatio(1 / 3, 1.4, 2); // ≈ 0.564 (E3/M/2 at ρ 0.70: Wq 5.68 ms vs 10.07 ms with S = 11 ms)
 */
export function gimcWaitRatio(ca2: number, a: number, c: number, guess = 0): number {
  last[0] = 1;
  sc[SIGMA] = NaN;
  if (!(a > 0) || !(c >= 1)) return 1;
  if (Math.abs(ca2 - 1) < 1e-9) return 1;
  const ht = 0.5 * (1 + Math.max(0, ca2));
  const rho = a / c;
  // Bursty arrivals (ca² > 1) come from merges and retries, whose law is no gamma: Allen–Cunneen's
  // estimate stands. With many servers the alternating sum loses digits.
  if (!(rho < RHO_MAX) || ca2 > 1 || c > MAX_SERVERS) return ht;
  sc[GUESS] = guess;
  const wq = gimcWait(ca2, a, c);
  sc[GUESS] = 0;
  const mm = mmcWait(a, c);
  const r = wq / mm;
  if (!(Number.isFinite(r) && r > 0)) return ht;
  // Wq = P(wait)/θ with θ = c(1 − σ) (μ = 1); M/M/c: θ = c − a.
  const pw = (wq * sc[THETA]!) / (mm * (c - a));
  last[0] = Number.isFinite(pw) && pw > 0 ? pw : 1;
  return r;
}

/**
 * Mean wait of GI/M/c with gamma interarrivals, in units of the mean service time (μ = 1), at
 * offered load a (arrival rate a per unit time), c servers; NaN when Takács' alternating sum
 * loses more than 8 of its digits (light load on many servers).
 * @example gimcWait(1, 0.5, 1); // 1 (M/M/1 at ρ 0.5: Wq = ρ/(1 − ρ)·S)
 */
export function gimcWait(ca2: number, a: number, c: number): number {
  const k = ca2 > 1 / MAX_SHAPE ? 1 / ca2 : MAX_SHAPE;
  const kl = k * a;
  // h(σ) = A*(c(1 − σ)) − σ is convex with h(0) > 0: Newton from 0 rises monotonically to the root.
  // So does Newton from any σ with h(σ) > 0: a warm start (the root at nearby inputs, pulled back
  // a little so that it usually stays below the new root) is used when it has h > 0, else 0.
  let sigma = 0;
  const g0 = sc[GUESS]!;
  if (g0 > 0 && g0 < 1) {
    const start = g0 * WARM_PULLBACK;
    if (Math.pow(kl / (kl + c * (1 - start)), k) - start > 0) sigma = start;
  }
  for (let i = 0; i < 100; i++) {
    const s = c * (1 - sigma);
    const A = Math.pow(kl / (kl + s), k);
    const h = A - sigma;
    const dh = (c * A * k) / (kl + s) - 1;
    const next = sigma - h / dh;
    if (!(next > sigma) || !(next < 1)) break;
    const done = next - sigma < 1e-14;
    sigma = next;
    if (done) break;
  }
  let sum = 1 / (1 - sigma);
  let Cj = 1;
  let binom = 1;
  let big = sum;
  for (let j = 1; j <= c; j++) {
    const g = Math.pow(kl / (kl + j), k);
    Cj *= g / (1 - g);
    binom = (binom * (c - j + 1)) / j;
    const term = (binom / (Cj * (1 - g))) * ((c * (1 - g) - j) / (c * (1 - sigma) - j));
    sum += term;
    if (Math.abs(term) > big) big = Math.abs(term);
  }
  // The terms alternate in sign; when they dwarf their sum (light load on many servers, where
  // the wait is negligible anyway) the digits left are too few to trust.
  if (!Number.isFinite(sum) || !(sum > big * 1e-8)) return NaN;
  const pWait = 1 / sum / (1 - sigma);
  sc[SIGMA] = sigma;
  sc[THETA] = c * (1 - sigma);
  return pWait / sc[THETA]!;
}

/** M/M/c mean wait in units of the mean service time: C(c, a)/(c − a). */
function mmcWait(a: number, c: number): number {
  let b = 1;
  for (let j = 1; j <= c; j++) b = (a * b) / (j + a * b);
  const rho = a / c;
  const C = b / (1 - rho + rho * b);
  return C / (c - a);
}
