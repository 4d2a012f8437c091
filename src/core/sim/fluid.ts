/**
 * One machine's queue in the fluid model: the implicit Euler step of the pointwise-stationary
 * backlog equation, generalized with the Allen–Cunneen variability factor and a finite buffer,
 * and the sojourn-time moments read off the resulting state.
 *
 * The state is X, the mean number in the node. At every instant the node behaves like a
 * stationary queue at some offered load a (Erlangs): X = busy(a) + f·Lq(a), where f scales the
 * queue (the caller's variability factor: Allen–Cunneen's (ca²+cs²)/2, or flow.ts's GI/M/c ratio
 * plus (cs² − 1)/2) and busy/Lq are the M/M/c (or M/M/c/K) values. The step solves
 *   X1 = X0 + dt·(λ·(1 − B(a1)) − μ·busy(a1)),   X1 = busy(a1) + f·Lq(a1)
 * for a1, so at rest X equals the stationary mean exactly, and any dt is stable (the right-hand
 * side decreases in X). With f = 1 and no buffer limit this is exactly queueing.ts's
 * `implicitEulerBacklogStep`, which is used for that case.
 * Contract: pure math; no DOM, no allocation on the hot path.
 */
import {
  createLossQueueMetrics,
  implicitEulerBacklogStep,
  mmcK,
  type BacklogStepResult,
} from './queueing';
import { gammaQuantileWH } from './gamma';

/** Result of one station step (reused object). */
export interface StationStep {
  /** Mean number in the node after the step. */
  X: number;
  /** Pointwise offered load a1 (Erlangs) the state corresponds to. */
  a: number;
  /** Mean busy servers during the step (served work per second in units of S). */
  busy: number;
  /** Blocking probability (share of arrivals dropped by the full buffer). */
  block: number;
}

export const createStationStep = (): StationStep => ({ X: 0, a: 0, busy: 0, block: 0 });

// Half-width in log a of the first bracket around last step's load: the root moves far less
// than this between steps at a frame's dt, and a narrower bracket saves regula falsi iterations.
const WIDTH0 = 1e-5;
const ebScratch: BacklogStepResult = { x: 0, g: 0 };
const lossScratch = createLossQueueMetrics();

// Module scratch in a typed array (a module-level `let` double is boxed on every write, and so is
// a double passed to a call that is not inlined: inputs travel through slots too).
const scr = new Float64Array(10);
const EC_C = 0;
const EC_D = 1;
const FK_BUSY = 2;
const FK_BLOCK = 3;
const SLOPE = 4;
const EC_A = 5;
const TB_A = 6;
const TB_N = 7;
const TB_OUT = 8;
const EC_N = 9;
/** Erlang C and its derivative at load scr[EC_A] on scr[EC_N] servers, into scr[EC_C], scr[EC_D]. */
function erlangCD(): void {
  const n = scr[EC_N]!;
  const a = scr[EC_A]!;
  if (!(a > 0)) {
    scr[EC_C] = 0;
    scr[EC_D] = n === 1 ? 1 : 0;
    return;
  }
  let b = 1;
  for (let k = 1; k <= n; k++) {
    const ab = a * b;
    b = ab / (k + ab);
  }
  const u = n - a;
  const d = u + a * b;
  scr[EC_C] = Math.min(1, (n * b) / d);
  const dB = b * (u / a + b);
  const dD = -(1 - b) + a * dB;
  scr[EC_D] = (n * (dB * d - b * dD)) / (d * d);
}

/**
 * Solves a·u + f·a·C(a) = (R − h·a)·u for a in (0, c), u = c − a: the infinite-buffer step with
 * variability factor f (the queue part of X is f·C·a/u). Safeguarded Newton from a warm start.
 */
// Inputs of solveInfinite (doubles handed to a call that is not inlined would each be boxed).
const solveIn = new Float64Array(5);
const SV_C = 0;
const SV_R = 1;
const SV_H = 2;
const SV_F = 3;
const SV_GUESS = 4;

function solveInfinite(): number {
  const c = solveIn[SV_C]!;
  const R = solveIn[SV_R]!;
  const h = solveIn[SV_H]!;
  const f = solveIn[SV_F]!;
  const guess = solveIn[SV_GUESS]!;
  const k1 = 1 + h;
  let lo = 0;
  let hi = Math.min(c, R / k1);
  // A guess at or past the analytic bound starts from the bound (F ≤ 0 there): under a large h
  // the root sits within rounding of it, and halving would throw the warm start away.
  let a = guess > lo && guess < hi ? guess : guess >= hi && hi > 0 && hi < c ? hi : 0.5 * hi;
  for (let it = 0; it < 100; it++) {
    scr[EC_A] = a;
    scr[EC_N] = c;
    erlangCD();
    const u = c - a;
    const rem = R - k1 * a;
    const F = rem * u - f * a * scr[EC_C]!;
    if (F > 0) lo = a;
    else hi = a;
    const dF = -k1 * u - rem - f * scr[EC_C]! - f * a * scr[EC_D]!;
    let next = dF < 0 ? a - F / dF : NaN;
    // The closed bracket: a Newton step that lands on the end just evaluated is the root to
    // rounding, where bisecting away would only crawl back.
    if (!(next >= lo && next <= hi)) next = 0.5 * (lo + hi);
    // F carries ~1e-16·R·c of rounding noise, so 1e-12 relative is as close as the root is defined.
    if (Math.abs(next - a) <= 1e-12 * a || hi - lo <= 1e-15 * c) return next;
    a = next;
  }
  return a;
}

/**
 * The offered load a (busy servers) at which a c-server node with Allen–Cunneen factor f holds
 * L requests on average: a + f·C(a)·a/(c − a) = L. Its derivative da/dL is left in
 * `loadAtBacklogSlope()`. For f = 1 this is G_c of queueing.ts.
 */
export function loadAtBacklog(c: number, L: number, f: number, guess: number): number {
  if (!(L > 0) || !(c >= 1)) {
    scr[SLOPE] = 1;
    return 0;
  }
  solveIn[SV_C] = c;
  solveIn[SV_R] = L;
  solveIn[SV_H] = 0;
  solveIn[SV_F] = f;
  solveIn[SV_GUESS] = guess;
  const a = solveInfinite();
  scr[EC_A] = a;
  scr[EC_N] = c;
  erlangCD();
  const u = c - a;
  const dL = 1 + f * ((scr[EC_D]! * a) / u + scr[EC_C]! / u + (scr[EC_C]! * a) / (u * u));
  scr[SLOPE] = dL > 0 ? 1 / dL : 0;
  return a;
}
export const loadAtBacklogSlope = (): number => scr[SLOPE]!;

/** F(a) for the finite-buffer step, with busy/block written to the scratch. */
function finiteResidual(
  a: number,
  S: number,
  c: number,
  Keff: number,
  f: number,
  R: number,
  h: number,
  dtLam: number,
): number {
  mmcK(a / S, S, c, Keff, lossScratch);
  scr[FK_BLOCK] = lossScratch.pBlock;
  scr[FK_BUSY] = a * (1 - scr[FK_BLOCK]!);
  const Lq = Math.max(0, lossScratch.L - scr[FK_BUSY]!);
  return scr[FK_BUSY]! + f * Lq + h * scr[FK_BUSY]! + dtLam * scr[FK_BLOCK]! - R;
}

/**
 * One implicit Euler step of a c-server node with mean service time S (s), arrival rate λ
 * (req/s), system capacity K (in service + waiting; Infinity for none), Allen–Cunneen factor f,
 * over dt seconds from backlog X0. Writes the new state to `out`.
 * `guess` is last step's load, to start Newton close to the root.
 * @example
 * const r = createStationStep();
 * let X = 0;
 * for (let i = 0; i < 1000; i++) X = stationStep(X, 3, 0.25, 1, Infinity, 1, 1, r, r.a).X;
 * // X → 3 (M/M/1 with λ = 3, μ = 4)
 */
export function stationStep(
  X0: number,
  lambda: number,
  S: number,
  c: number,
  K: number,
  f: number,
  dt: number,
  out: StationStep,
  guess: number,
): StationStep {
  STEP_IN[SI_X0] = X0;
  STEP_IN[SI_LAMBDA] = lambda;
  STEP_IN[SI_S] = S;
  STEP_IN[SI_C] = c;
  STEP_IN[SI_K] = K;
  STEP_IN[SI_F] = f;
  STEP_IN[SI_DT] = dt;
  STEP_IN[SI_GUESS] = guess;
  return stationStepIn(out);
}

/**
 * The inputs of {@link stationStepIn} by slot: the kernel's inner loop writes them here, since
 * doubles passed as arguments to a call that is not inlined are boxed (an allocation each).
 */
export const STEP_IN = new Float64Array(8);
export const SI_X0 = 0;
export const SI_LAMBDA = 1;
export const SI_S = 2;
export const SI_C = 3;
export const SI_K = 4;
export const SI_F = 5;
export const SI_DT = 6;
export const SI_GUESS = 7;

/**
 * {@link stationStep} with its numeric inputs read from {@link STEP_IN}.
 * @example
 * STEP_IN.set([0, 3, 0.25, 1, Infinity, 1, 1, 0]); // X0, λ, S, c, K, f, dt, guess
 * stationStepIn(createStationStep()).X // the backlog after one second
 */
export function stationStepIn(out: StationStep): StationStep {
  const X0 = STEP_IN[SI_X0]!;
  const lambda = STEP_IN[SI_LAMBDA]!;
  const S = STEP_IN[SI_S]!;
  const c = STEP_IN[SI_C]!;
  const K = STEP_IN[SI_K]!;
  const f = STEP_IN[SI_F]!;
  const dt = STEP_IN[SI_DT]!;
  const guess = STEP_IN[SI_GUESS]!;
  const lam = lambda > 0 ? lambda : 0;
  const x0 = X0 > 0 ? X0 : 0;
  if (!(S > 0) || !(c >= 1)) {
    // No work to do (pass-through) or no cores: callers treat these before stepping.
    out.X = !(S > 0) ? 0 : x0 + dt * lam;
    out.a = 0;
    out.busy = 0;
    out.block = 0;
    return out;
  }
  const mu = 1 / S;
  const h = dt * mu;
  const R = x0 + dt * lam;
  const ff = f > 0.01 ? f : 0.01;
  let a: number;
  if (ff === 1) {
    implicitEulerBacklogStep(x0, lam, mu, c, dt, ebScratch);
    a = ebScratch.g;
  } else {
    solveIn[SV_C] = c;
    solveIn[SV_R] = R;
    solveIn[SV_H] = h;
    solveIn[SV_F] = ff;
    solveIn[SV_GUESS] = guess;
    a = R > 0 ? solveInfinite() : 0;
  }
  // The buffer matters when the stationary queue would reach K with non-negligible probability:
  // P(N ≥ K) ≈ C·ρ^((K − c)/f) under the Allen–Cunneen scaling of the queue.
  let finite = K < Infinity && K <= c;
  if (K < Infinity && !finite) {
    scr[TB_A] = a;
    scr[TB_N] = (K - c) / ff;
    scr[EC_N] = c;
    tailBeyond();
    finite = scr[TB_OUT]! > 1e-10;
  }
  if (!finite) {
    out.a = a;
    out.busy = a;
    out.block = 0;
    out.X = Math.max(0, R - h * a);
    return out;
  }
  // M/M/c/K with the queue room scaled to M/M/c-equivalent units so that a full buffer holds K.
  const Keff = c + Math.max(0, K - c) / ff;
  const dtLam = dt * lam;
  if (!(R > 0)) {
    out.a = 0;
    out.busy = 0;
    out.block = 0;
    out.X = 0;
    return out;
  }
  // Bracket in log a, then Illinois regula falsi (F is increasing in a). Each residual costs an
  // O(K) M/M/c/K solve near saturation, so the bracket starts narrow around last step's load
  // (the root moves little between steps) and widens geometrically until it holds the root.
  const mid = Math.log(Math.max(1e-12, guess > 0 ? guess : a));
  let width = WIDTH0;
  let lo = mid - width;
  let flo = finiteResidual(Math.exp(lo), S, c, Keff, ff, R, h, dtLam);
  while (flo > 0 && lo > -60) {
    width *= 8;
    lo = mid - width;
    flo = finiteResidual(Math.exp(lo), S, c, Keff, ff, R, h, dtLam);
  }
  width = WIDTH0;
  let hi = mid + width;
  let fhi = finiteResidual(Math.exp(hi), S, c, Keff, ff, R, h, dtLam);
  while (fhi < 0 && hi < 60) {
    width *= 8;
    hi = mid + width;
    fhi = finiteResidual(Math.exp(hi), S, c, Keff, ff, R, h, dtLam);
  }
  let side = 0;
  let t = lo;
  for (let it = 0; it < 200; it++) {
    t = (lo * fhi - hi * flo) / (fhi - flo);
    if (!(t > lo && t < hi)) t = 0.5 * (lo + hi);
    const ft = finiteResidual(Math.exp(t), S, c, Keff, ff, R, h, dtLam);
    if (ft === 0 || hi - lo < 1e-13) break;
    if (ft < 0) {
      lo = t;
      flo = ft;
      if (side === -1) fhi *= 0.5;
      side = -1;
    } else {
      hi = t;
      fhi = ft;
      if (side === 1) flo *= 0.5;
      side = 1;
    }
    if (Math.abs(ft) <= 1e-13 * R) break;
  }
  // The loop's last residual was taken at t: the scratch already holds busy and block there.
  a = Math.exp(t);
  out.a = a;
  out.busy = scr[FK_BUSY]!;
  out.block = scr[FK_BLOCK]!;
  out.X = Math.max(0, x0 + dt * (lam * (1 - scr[FK_BLOCK]!) - mu * scr[FK_BUSY]!));
  return out;
}

/**
 * C(a)·ρ^n, the M/M/c probability that the queue holds more than n (n in queue slots), for
 * c = scr[EC_N], a = scr[TB_A] and n = scr[TB_N], into scr[TB_OUT].
 */
function tailBeyond(): void {
  const c = scr[EC_N]!;
  const a = scr[TB_A]!;
  const n = scr[TB_N]!;
  scr[TB_OUT] = 0;
  if (!(a > 0)) return;
  if (a >= c) {
    scr[TB_OUT] = 1;
    return;
  }
  const logRho = n * Math.log(a / c);
  if (logRho < -30) return; // C ≤ 1, so the tail is below e^-30 whatever C is
  scr[EC_A] = a;
  scr[EC_N] = c;
  erlangCD();
  scr[TB_OUT] = scr[EC_C]! * Math.exp(logRho);
}

/** Moments of the wait before service at a node (reused object). */
export interface WaitMoments {
  /** Mean wait (s). */
  mean: number;
  /** Second moment E[Wq²] (s²). */
  second: number;
  /** Probability of waiting at all. */
  pWait: number;
}

export const createWaitMoments = (): WaitMoments => ({ mean: 0, second: 0, pWait: 0 });

/**
 * Wait moments at the pointwise state of a node: the mean from Little's law on the queue part
 * of the backlog, Wq = (X − busy)/throughput (so it also holds in overload and transients, where
 * it reads backlog / served), and the second moment of an M/M/c-shaped wait: 0 with probability
 * 1 − P(wait), else exponential: E[Wq²] = 2·Wq²/P(wait). P(wait) is Erlang C times
 * `pWaitScale` (a GI/M/c queue's ratio to it, gimc.ts; 1 for M/M/c).
 * @example waitMoments(3, 0.75, 4, 1, createWaitMoments()).mean // 0.75 (M/M/1, λ = 3, μ = 4)
 */
export function waitMoments(
  X: number,
  busy: number,
  served: number,
  c: number,
  out: WaitMoments,
  pWaitScale = 1,
): WaitMoments {
  WAIT_IN[WI_X] = X;
  WAIT_IN[WI_BUSY] = busy;
  WAIT_IN[WI_SERVED] = served;
  WAIT_IN[WI_C] = c;
  WAIT_IN[WI_SCALE] = pWaitScale;
  return waitMomentsIn(out);
}

/** The inputs of {@link waitMomentsIn} by slot (as {@link STEP_IN} for the station step). */
export const WAIT_IN = new Float64Array(5);
export const WI_X = 0;
export const WI_BUSY = 1;
export const WI_SERVED = 2;
export const WI_C = 3;
export const WI_SCALE = 4;

/**
 * {@link waitMoments} with its numeric inputs read from {@link WAIT_IN}.
 * @example
 * WAIT_IN.set([3, 0.75, 4, 1, 1]); // X, busy, served, c, P(wait) scale
 * waitMomentsIn(createWaitMoments()).mean // 0.75
 */
export function waitMomentsIn(out: WaitMoments): WaitMoments {
  const X = WAIT_IN[WI_X]!;
  const busy = WAIT_IN[WI_BUSY]!;
  const served = WAIT_IN[WI_SERVED]!;
  const c = WAIT_IN[WI_C]!;
  const pWaitScale = WAIT_IN[WI_SCALE]!;
  const q = X - busy;
  if (!(q > 0) || !(served > 0)) {
    out.mean = 0;
    out.second = 0;
    out.pWait = 0;
    return out;
  }
  const wq = q / served;
  let pw = 1;
  if (busy < c) {
    scr[EC_A] = busy;
    scr[EC_N] = c;
    erlangCD();
    pw = Math.min(1, scr[EC_C]! * pWaitScale);
  }
  if (!(pw > 1e-9)) pw = 1e-9;
  out.mean = wq;
  out.second = (2 * wq * wq) / pw;
  out.pWait = pw;
  return out;
}

/**
 * A mixture of sojourn-time distributions of the shape the kernel's nodes have: service
 * exponential with mean S, wait 0 with probability 1 − pWait and otherwise exponential with
 * mean mc (Wq / pWait). For a plain M/M/c queue this is its exact sojourn distribution; with the
 * Allen–Cunneen factor it is the M/M/c shape with the scaled wait. Components are the ports of a
 * node (requests with different work), or its instances.
 */
export class SojournMix {
  // Components in growable typed arrays: a frame rebuilds thousands of mixtures, and clearing
  // and refilling JS arrays was a measurable part of it.
  private w = new Float64Array(8);
  private S = new Float64Array(8);
  private pw = new Float64Array(8);
  private mc = new Float64Array(8);
  private n = 0;

  add(weight: number, S: number, pWait: number, mc: number): void {
    if (!(weight > 0)) return;
    if (this.n === this.w.length) this.grow();
    const i = this.n++;
    this.w[i] = weight;
    this.S[i] = S > 0 ? S : 0;
    this.pw[i] = mc > 0 ? Math.min(1, Math.max(0, pWait)) : 0;
    this.mc[i] = mc > 0 ? mc : 0;
  }

  private grow(): void {
    const more = (a: Float64Array) => {
      const b = new Float64Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.w = more(this.w);
    this.S = more(this.S);
    this.pw = more(this.pw);
    this.mc = more(this.mc);
  }

  get size(): number {
    return this.n;
  }

  clear(): void {
    this.n = 0;
  }

  /** P(T > t) of the mixture; its density in `dens` (scratch). */
  private survival(t: number, total: number): number {
    let sv = 0;
    let dn = 0;
    for (let i = 0; i < this.n; i++) {
      const w = this.w[i]! / total;
      const S = this.S[i]!;
      const pw = this.pw[i]!;
      const mu = S > 0 ? 1 / S : Infinity;
      const eS = S > 0 ? Math.exp(-t / S) : 0;
      sv += w * (1 - pw) * eS;
      dn += S > 0 ? w * (1 - pw) * mu * eS : 0;
      if (pw > 0) {
        const th = 1 / this.mc[i]!;
        if (!(S > 0)) {
          const e = Math.exp(-th * t);
          sv += w * pw * e;
          dn += w * pw * th * e;
          continue;
        }
        const m = Math.min(mu, th);
        const M = Math.max(mu, th);
        const dt = (M - m) * t;
        const phi = dt > 1e-12 ? -Math.expm1(-dt) / dt : 1;
        const em = Math.exp(-m * t);
        sv += w * pw * em * (1 + m * t * phi);
        dn += w * pw * M * m * t * em * phi;
      }
    }
    this.dens = dn;
    return sv;
  }
  private dens = 0;

  /**
   * The p-quantile of the mixture (safeguarded Newton on its survival function), from `guess`
   * when it is a positive time (e.g. the same quantile a moment ago: one or two steps then
   * reach the root), else from the exponential with the mixture's mean.
   * @example const m = new SojournMix(); m.add(1, 0.25, 0.75, 1 / 1); m.quantile(0.99) // ln(100): M/M/1 λ=3, μ=4
   */
  quantile(p: number, guess = 0): number {
    let total = 0;
    for (let i = 0; i < this.n; i++) total += this.w[i]!;
    if (!(total > 0)) return 0;
    const target = 1 - p;
    let lo = 0;
    let hi = 0;
    let mean = 0;
    for (let i = 0; i < this.n; i++) {
      hi = Math.max(hi, this.S[i]! + this.mc[i]!);
      mean += (this.w[i]! / total) * (this.S[i]! + this.pw[i]! * this.mc[i]!);
    }
    hi *= -Math.log(target) + 1;
    // From a guess the upper end is only sought if a Newton step fails (it costs an evaluation).
    const warm = guess > 0 && guess < hi;
    let hiKnown = !warm;
    if (!warm) while (this.survival(hi, total) > target && hi < 1e15) hi *= 2;
    // Else start from the exponential with the same mean: these sojourns are close to it.
    let t = warm ? guess : Math.min(0.99 * hi, Math.max(1e-300, -Math.log(target) * mean));
    for (let it = 0; it < 100; it++) {
      const g = this.survival(t, total) - target;
      if (g > 0) lo = t;
      else {
        hi = t;
        hiKnown = true;
      }
      let next = this.dens > 0 ? t + g / this.dens : NaN;
      if (!(next >= lo && (hiKnown ? next <= hi : next < Infinity))) {
        if (!hiKnown) {
          while (this.survival(hi, total) > target && hi < 1e15) hi *= 2;
          hiKnown = true;
        }
        next = 0.5 * (lo + hi);
      }
      if (Math.abs(next - t) <= 1e-11 * next || (hiKnown && hi - lo <= 1e-11 * hi)) return next;
      t = next;
    }
    return t;
  }
}

/** Complementary error function, |relative error| < 1.2e-7 (Numerical Recipes' erfcc). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/**
 * P(T > t) for T gamma-distributed with the given mean and variance, by the Wilson–Hilferty
 * normal approximation of the cube root (the same approximation the quantiles use).
 * @example gammaSurvival(1, 1, Math.log(100)) // ≈ 0.01 (exponential)
 */
export function gammaSurvival(mean: number, variance: number, t: number): number {
  if (!(mean > 0)) return 0;
  if (!(t > 0)) return 1;
  if (!(variance > 0)) return t < mean ? 1 : 0;
  const k = (mean * mean) / variance;
  const theta = variance / mean;
  const h = 1 / (9 * k);
  const z = (Math.cbrt(t / (k * theta)) - (1 - h)) / Math.sqrt(h);
  const s = 0.5 * erfc(z / Math.SQRT2);
  return s < 0 ? 0 : s > 1 ? 1 : s;
}

/**
 * p-quantile of a time made of a fixed delay d (network round trips) plus a variable part,
 * given the total's mean and variance: d + the gamma quantile of the variable part (mean − d,
 * same variance, since d adds none). Fitting one gamma to the whole time would spread the fixed
 * delay into the shape and make the tail too thin. d is clamped to [0, mean].
 * @example shiftedGammaQuantile(0.03, 0.0001, 0.02, 0.99) // 0.02 + ln(100)·0.01 ≈ 0.066
 */
export function shiftedGammaQuantile(mean: number, variance: number, d: number, p: number): number {
  const fixed = d > 0 ? Math.min(d, mean) : 0;
  return fixed + gammaQuantileWH(mean - fixed, variance, p);
}

/**
 * P(T > t) for the time of `shiftedGammaQuantile`: a fixed delay d plus a gamma-distributed
 * variable part with mean − d and the given variance (Wilson–Hilferty, as the quantiles), so a
 * time whose p-quantile exceeds t has P(T > t) above 1 − p. d is clamped to [0, mean]; a
 * survival below 2⁻⁵³ is 0.
 * @example shiftedGammaSurvival(0.03, 0.0001, 0.02, 0.066) // ≈ 0.01 (see shiftedGammaQuantile)
 */
export function shiftedGammaSurvival(mean: number, variance: number, d: number, t: number): number {
  if (!(mean > 0)) return 0;
  const fixed = d > 0 ? Math.min(d, mean) : 0;
  if (t < fixed) return 1;
  const s = gammaSurvival(mean - fixed, variance, t - fixed);
  // Below 2⁻⁵³, P(T ≤ t) rounds to 1: the far tail of the approximation is noise, not a rate.
  return s < 2 ** -53 ? 0 : s;
}
