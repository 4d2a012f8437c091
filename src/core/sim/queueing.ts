/**
 * Queueing-theory formulas for the Scale-Out Lab fluid kernel and its reference checks.
 *
 * Pure math. No DOM, no React, no allocation on hot paths; imported by the kernel in a worker
 * and by Node.
 *
 * Conventions
 * - `lambda` is the arrival rate, `S` the mean service time (μ = 1/S), `c` the number of
 *   servers, `a = λ·S` the offered load in Erlangs and `ρ = a / c` the utilization.
 * - `c` (and `K`, `k`) are counts: they are floored; values below 1 mean "no servers" (or
 *   capacity 0), and `c` is clamped to {@link MAX_SERVERS}.
 * - Negative or NaN rates/times are treated as 0.
 *
 * Finite-output policy: for finite inputs every function returns finite numbers. Quantities that
 * are unbounded in theory (an unstable queue with ρ ≥ 1, an infinite percentile) are reported as
 * the sentinel {@link UNBOUNDED} (1e15), and all time/count results are clamped to at most that
 * value, so `x >= UNBOUNDED` reads as "infinite". Object-returning functions also carry a
 * `stable` flag.
 *
 * Allocation: functions returning several numbers write into an `out` object. Hot paths should
 * pass a reusable one (create it once with the matching `create…` helper);
 * {@link gcAndDerivative} defaults to a module-level scratch object instead.
 */

/** Finite stand-in for "infinite" (unstable queue, unbounded wait). 1e15 s ≈ 31.7 million years. */
export const UNBOUNDED = 1e15;

/** Largest server count the O(c) recurrences will iterate over; larger `c` is clamped to it. */
export const MAX_SERVERS = 100_000;

/** Largest system capacity `K` accepted by {@link mmcK}; larger values are clamped to it. */
export const MAX_CAPACITY = 1_000_000;

/** Largest Erlang order `k` accepted by {@link ekM1Wait} (beyond it the queue is ≈ D/M/1). */
export const MAX_ERLANG_ORDER = 10_000_000;

const P_TOP = 1 - 2 ** -53;

// ---------------------------------------------------------------------------------------------
// Small helpers (no allocation)
// ---------------------------------------------------------------------------------------------

/** NaN/negative → 0, otherwise unchanged (Infinity stays Infinity; callers handle it). */
function nonNeg(v: number): number {
  return v > 0 ? v : 0;
}

/** Clamp an output into [0, UNBOUNDED]; NaN → 0 (defensive, not expected). */
function clampOut(v: number): number {
  if (!(v > 0)) return 0;
  return v < UNBOUNDED ? v : UNBOUNDED;
}

/** Floor a server count into [0, MAX_SERVERS]. */
function servers(c: number): number {
  if (!(c >= 1)) return 0;
  return c < MAX_SERVERS ? Math.floor(c) : MAX_SERVERS;
}

/**
 * Erlang B for integer n ≥ 1 and finite a > 0. Runs the recurrence B(k) = aB/(k + aB) in its
 * reciprocal form 1/B(k) = 1 + (k/a)·1/B(k−1): same stability (all terms positive, relative
 * error ≤ ~n·ε) without a division in the loop-carried dependency, so it is about twice as fast.
 * An overflowing 1/B means B underflowed to 0.
 */
function erlangBLoop(n: number, a: number): number {
  const inva = 1 / a;
  let r = 1;
  for (let k = 1; k <= n; k++) {
    r = 1 + r * (k * inva);
    if (r === Infinity) return 0;
  }
  return 1 / r;
}

// Module-level scratch written by erlangBC (avoids allocating a tuple per call).
// Module scratch of the solvers in a typed array: a module-level `let` holding a double is a
// boxed number, reallocated on every write in the kernel's inner loops.
const scratch = new Float64Array(7);
const S_C = 0; // Erlang C
const S_DC = 1; // dC/da
const S_LNR = 2; // log survival of the M/M/c sojourn
const S_HAZARD = 3; // its hazard
const SOL_A = 4; // root a of solveLoad
const SOL_U = 5; // n − a, with full relative precision
const SOL_DL = 6; // 1 / L'(a) (= dG/dx at the root)

/**
 * Erlang C and dC/da for n ≥ 1 servers at load a with gap u = n − a > 0 supplied by the caller
 * (so it keeps full relative precision when a → n). Results in scratch[S_C], scratch[S_DC].
 */
function erlangBC(n: number, a: number, u: number, wantDerivative: boolean): void {
  if (!(a > 0)) {
    scratch[S_C] = 0;
    scratch[S_DC] = n === 1 ? 1 : 0;
    return;
  }
  const b = erlangBLoop(n, a);
  const d = u + a * b; // n − a + aB > 0
  const cc = (n * b) / d;
  scratch[S_C] = cc < 1 ? cc : 1;
  if (!wantDerivative) return;
  if (a < 1e-150) {
    // Light-load limit: C ≈ a for one server, C = O(a^(n−1)) ≈ 0 otherwise.
    scratch[S_DC] = n === 1 ? 1 : 0;
    return;
  }
  const dB = b * (u / a + b); // ∂B/∂a = B(n/a − 1 + B), with n/a − 1 = u/a
  const dD = -(1 - b) + a * dB; // ∂(n − a + aB)/∂a
  scratch[S_DC] = (n * (dB * d - b * dD)) / (d * d);
}

// ---------------------------------------------------------------------------------------------
// Erlang B / Erlang C
// ---------------------------------------------------------------------------------------------

/**
 * Erlang B blocking probability of an M/M/c/c loss system with offered load `a` = λS Erlangs,
 * via the stable recurrence B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)) (evaluated in the
 * equivalent reciprocal form 1/B(k) = 1 + (k/a)/B(k−1)). Works for any real a ≥ 0; `c` is
 * floored. O(c), allocation-free.
 *
 * Edge cases: c < 1 → 1 (everything is blocked); a ≤ 0 → 0 (for c ≥ 1).
 *
 * @example
 * erlangB(1, 1); // 0.5  (= a / (1 + a))
 * erlangB(15, 8.108); // ≈ 0.0100 (15 lines carry 8.108 Erlangs at 1 % blocking)
 */
export function erlangB(c: number, a: number): number {
  const n = servers(c);
  if (n === 0) return 1;
  if (!(a > 0)) return 0;
  if (!(a < Infinity)) return 1;
  return erlangBLoop(n, a);
}

/**
 * Erlang C: probability that an arrival has to wait in an M/M/c queue with offered load `a`,
 * computed from Erlang B as C = B / (1 − ρ(1 − B)), ρ = a / c. Returns 1 when ρ ≥ 1 (every
 * arrival eventually waits) or c < 1, and 0 when a ≤ 0.
 *
 * @example
 * erlangC(1, 0.75); // 0.75 (= ρ for one server)
 * erlangC(2, 1); // 1/3
 */
export function erlangC(c: number, a: number): number {
  const n = servers(c);
  if (n === 0) return 1;
  if (!(a > 0)) return 0;
  if (!(a < n)) return 1;
  erlangBC(n, a, n - a, false);
  return scratch[S_C]!;
}

// ---------------------------------------------------------------------------------------------
// M/M/c, M/G/1, Allen–Cunneen
// ---------------------------------------------------------------------------------------------

/** Stationary metrics of a single queue. Times are in the unit of `S`. */
export interface QueueMetrics {
  /** false when ρ ≥ 1 (or there are no servers); then Lq, L, Wq, W are {@link UNBOUNDED}. */
  stable: boolean;
  /** Offered utilization a / c (may exceed 1; clamped to UNBOUNDED). */
  rho: number;
  /** Probability an arrival waits (Erlang C for M/M/c, ρ for M/G/1); 1 when unstable. */
  pWait: number;
  /** Mean number waiting. */
  Lq: number;
  /** Mean number in system. */
  L: number;
  /** Mean wait before service. */
  Wq: number;
  /** Mean sojourn (wait + service). */
  W: number;
}

/** Fresh {@link QueueMetrics} for use as a reusable `out` argument. */
export function createQueueMetrics(): QueueMetrics {
  return { stable: true, rho: 0, pWait: 0, Lq: 0, L: 0, Wq: 0, W: 0 };
}

function setUnstable(out: QueueMetrics, rho: number): QueueMetrics {
  out.stable = false;
  out.rho = clampOut(rho);
  out.pWait = 1;
  out.Lq = UNBOUNDED;
  out.L = UNBOUNDED;
  out.Wq = UNBOUNDED;
  out.W = UNBOUNDED;
  return out;
}

/**
 * Stationary M/M/c metrics: ρ = λS/c, pWait = Erlang C, Lq = C·a/(c − a), L = Lq + a,
 * Wq = C·S/(c − a) = C/(cμ − λ), W = Wq + S.
 *
 * Unstable case (ρ ≥ 1, or c < 1): `stable: false`, pWait = 1 and Lq = L = Wq = W =
 * {@link UNBOUNDED}; `rho` still reports the offered utilization. With λ = 0 the queue is empty
 * and W = S. Values above UNBOUNDED (ρ within ~1e-15 of 1) are clamped to it.
 *
 * Allocates a result object unless `out` is given; pass one on hot paths.
 *
 * @example
 * const r = mmc(3, 0.25, 1); // M/M/1, λ = 3, μ = 4
 * // r.L === 3, r.W === 1, r.Lq === 2.25, r.Wq === 0.75
 */
export function mmc(
  lambda: number,
  S: number,
  c: number,
  out: QueueMetrics = createQueueMetrics(),
): QueueMetrics {
  const lam = nonNeg(lambda);
  const s = nonNeg(S);
  const n = servers(c);
  const a = lam * s;
  if (n === 0) return setUnstable(out, a > 0 ? UNBOUNDED : 0);
  if (!(a < n)) return setUnstable(out, a / n);
  out.stable = true;
  out.rho = a / n;
  if (a === 0) {
    out.pWait = 0;
    out.Lq = 0;
    out.L = 0;
    out.Wq = 0;
    out.W = clampOut(s);
    return out;
  }
  const u = n - a;
  erlangBC(n, a, u, false);
  const C = scratch[S_C]!;
  const Lq = (C * a) / u;
  const Wq = (C * s) / u;
  out.pWait = C;
  out.Lq = clampOut(Lq);
  out.L = clampOut(Lq + a);
  out.Wq = clampOut(Wq);
  out.W = clampOut(Wq + s);
  return out;
}

/**
 * Mean number in system of an M/M/c queue as a function of the offered load a = λS:
 * L(a) = a + C(c, a)·a/(c − a). Strictly increasing and convex on [0, c).
 *
 * Returns 0 for a ≤ 0 and {@link UNBOUNDED} for a ≥ c (or c < 1 with a > 0).
 *
 * @example
 * meanNumberInSystem(1, 0.75); // 3  (= ρ/(1 − ρ))
 * meanNumberInSystem(4, 3.5); // ≈ 8.6650
 */
export function meanNumberInSystem(c: number, a: number): number {
  const n = servers(c);
  if (!(a > 0)) return 0;
  if (n === 0 || !(a < n)) return UNBOUNDED;
  const u = n - a;
  erlangBC(n, a, u, false);
  return clampOut(a + (scratch[S_C]! * a) / u);
}

/**
 * M/G/1 mean-value metrics from the Pollaczek–Khinchine formula
 * Wq = ρ·S·(1 + cs²) / (2(1 − ρ)), ρ = λS, where cs² is the squared coefficient of variation
 * of the service time (0: M/D/1, 1: M/M/1). pWait = ρ (PASTA).
 *
 * Unstable (ρ ≥ 1): `stable: false` with {@link UNBOUNDED} placeholders, as in {@link mmc}.
 * Negative cs² is treated as 0. Allocates unless `out` is given.
 *
 * @example
 * mg1(0.5, 1, 0).Wq; // 0.5 (M/D/1 at ρ = 0.5)
 * mg1(0.5, 1, 1).Wq; // 1   (M/M/1 at ρ = 0.5)
 */
export function mg1(
  lambda: number,
  S: number,
  cs2: number,
  out: QueueMetrics = createQueueMetrics(),
): QueueMetrics {
  const lam = nonNeg(lambda);
  const s = nonNeg(S);
  const v = nonNeg(cs2);
  const rho = lam * s;
  if (!(rho < 1)) return setUnstable(out, rho);
  out.stable = true;
  out.rho = rho;
  out.pWait = rho;
  const f = (1 + v) / (2 * (1 - rho));
  const Wq = rho * s * f;
  const Lq = rho * rho * f; // λ·Wq
  out.Wq = clampOut(Wq);
  out.Lq = clampOut(Lq);
  out.L = clampOut(Lq + rho);
  out.W = clampOut(Wq + s);
  return out;
}

/**
 * Allen–Cunneen approximation of the mean wait in a G/G/c queue:
 * Wq ≈ Wq(M/M/c) · (ca² + cs²) / 2, with ca², cs² the squared coefficients of variation of the
 * inter-arrival and service times (negative values are treated as 0). Exact for M/M/c
 * (ca² = cs² = 1) and for M/G/1 (ca² = 1, P-K formula).
 *
 * Returns {@link UNBOUNDED} when ρ ≥ 1 or c < 1 (unless λS = 0, then 0).
 *
 * @example
 * allenCunneenWq(3, 0.25, 1, 1, 1); // 0.75 (M/M/1)
 * allenCunneenWq(3, 0.25, 1, 1, 0); // 0.375 (M/D/1)
 */
export function allenCunneenWq(
  lambda: number,
  S: number,
  c: number,
  ca2: number,
  cs2: number,
): number {
  const lam = nonNeg(lambda);
  const s = nonNeg(S);
  const n = servers(c);
  const a = lam * s;
  if (!(a > 0)) return 0;
  if (n === 0 || !(a < n)) return UNBOUNDED;
  const u = n - a;
  erlangBC(n, a, u, false);
  return clampOut(((scratch[S_C]! * s) / u) * ((nonNeg(ca2) + nonNeg(cs2)) / 2));
}

// ---------------------------------------------------------------------------------------------
// M/M/c sojourn-time distribution (FCFS)
// ---------------------------------------------------------------------------------------------

// Scratch written by sojournLogSurvival.

/**
 * log P(T > t) and the hazard f(t)/P(T > t) of the M/M/c FCFS sojourn time, in units of S
 * (service rate 1). T = Wq + X, X ~ Exp(1), Wq = 0 w.p. 1 − C, else Exp(θ) with θ = c − a.
 *   P(T > t) = (1 − C)e^{−t} + C·H(t),
 * where H is the survival of the hypoexponential Exp(1) + Exp(θ). With m = min(1, θ),
 * M = max(1, θ), d = M − m and φ(z) = (1 − e^{−z})/z (φ(0) = 1):
 *   H(t) = e^{−mt}(1 + m t φ(d t)),   density h(t) = M m t e^{−mt} φ(d t),
 * which is symmetric in the two rates, has no cancellation and covers θ = 1 exactly.
 * Evaluated in log space (log-sum-exp) so extreme tails neither underflow nor overflow.
 */
function sojournLogSurvival(t: number, C: number, m: number, M: number, d: number): void {
  const dt = d * t;
  const phi = dt > 0 ? -Math.expm1(-dt) / dt : 1;
  const g = m * t * phi;
  const l1 = C < 1 ? Math.log1p(-C) - t : -Infinity;
  const l2 = C > 0 ? Math.log(C) - m * t + Math.log1p(g) : -Infinity;
  const lmax = l1 > l2 ? l1 : l2;
  const w1 = Math.exp(l1 - lmax);
  const w2 = Math.exp(l2 - lmax);
  const w = w1 + w2;
  scratch[S_LNR] = lmax + Math.log(w);
  scratch[S_HAZARD] = (w1 + w2 * ((M * g) / (1 + g))) / w;
}

/**
 * Exact p-quantile of the sojourn time (wait + service) in a stationary FCFS M/M/c queue.
 *
 * The waiting time is 0 with probability 1 − C and Exp(cμ − λ) with probability C (C = Erlang
 * C); adding the Exp(μ) service gives the survival function
 * P(T > t) = (1 − C)e^{−μt} + C·P(Exp(μ) + Exp(cμ − λ) > t), the second term being the
 * hypoexponential survival (the equal-rate case cμ − λ = μ is handled by the same formula). The
 * equation log P(T > t) = log(1 − p) is solved by safeguarded Newton iteration to ~1e-13
 * relative. For M/M/1 this is exactly the Exp(μ − λ) quantile −ln(1 − p)/(μ − λ).
 *
 * Fallbacks: p ≤ 0 → 0; p ≥ 1 is treated as 1 − 2⁻⁵³; ρ ≥ 1 or c < 1 → {@link UNBOUNDED};
 * results are clamped to UNBOUNDED. Allocation-free; a handful of iterations of O(1) work after
 * one O(c) Erlang evaluation.
 *
 * @example
 * mmcSojournQuantile(3, 0.25, 1, 0.99); // ln(100)/(4 − 3) = 4.605170185988091
 */
export function mmcSojournQuantile(lambda: number, S: number, c: number, p: number): number {
  const lam = nonNeg(lambda);
  const s = nonNeg(S);
  const n = servers(c);
  const a = lam * s;
  if (n === 0 || !(a < n)) return UNBOUNDED;
  if (!(p > 0) || s === 0) return 0;
  const pp = p < P_TOP ? p : P_TOP;
  const lnq = Math.log1p(-pp);
  const u = n - a; // θ in units of μ
  let C = 0;
  if (a > 0) {
    erlangBC(n, a, u, false);
    C = scratch[S_C]!;
  }
  const m = u < 1 ? u : 1;
  const M = u < 1 ? 1 : u;
  const d = M - m;

  // Work in units of S. T ≥ service time ~ Exp(1), so t0 = −ln(1 − p) is a lower bound.
  let lo = -lnq;
  let hi = Infinity;
  let t = lo;
  for (let iter = 0; iter < 300; iter++) {
    sojournLogSurvival(t, C, m, M, d);
    const g = scratch[S_LNR]! - lnq; // decreasing in t
    if (g === 0) break;
    if (g > 0) lo = t;
    else hi = t;
    let next = scratch[S_HAZARD]! > 0 ? t + g / scratch[S_HAZARD]! : NaN;
    if (!(next > lo && next < hi)) {
      next = hi === Infinity ? 2 * t + 1 : 0.5 * (lo + hi);
    }
    const done = Math.abs(next - t) <= 1e-14 * t || (hi < Infinity && hi - lo <= 1e-14 * hi);
    t = next;
    if (done || t > UNBOUNDED) break;
  }
  return clampOut(t * s);
}

/**
 * Exact variance of the FCFS M/M/c sojourn time T = Wq + X (wait and service independent):
 * Var T = S² + C(2 − C)/θ², θ = cμ − λ, because Wq is 0 w.p. 1 − C and Exp(θ) w.p. C, so
 * E[Wq] = C/θ and E[Wq²] = 2C/θ². The second moment is Var T + W².
 * For M/M/1 this reduces to 1/(μ − λ)².
 *
 * Returns {@link UNBOUNDED} when ρ ≥ 1 or c < 1; S² when λ = 0.
 *
 * @example
 * mmcSojournVariance(3, 0.25, 1); // 1  (= 1/(μ − λ)²)
 */
export function mmcSojournVariance(lambda: number, S: number, c: number): number {
  const lam = nonNeg(lambda);
  const s = nonNeg(S);
  const n = servers(c);
  const a = lam * s;
  if (n === 0 || !(a < n)) return UNBOUNDED;
  if (a === 0) return clampOut(s * s);
  const u = n - a;
  erlangBC(n, a, u, false);
  const C = scratch[S_C]!;
  const invTheta = s / u;
  return clampOut(s * s + C * (2 - C) * invTheta * invTheta);
}

// ---------------------------------------------------------------------------------------------
// M/M/c/K
// ---------------------------------------------------------------------------------------------

/** Stationary metrics of an M/M/c/K queue (K = total capacity, waiting + in service). */
export interface LossQueueMetrics {
  /** Probability an arrival finds the system full and is rejected (= P_K by PASTA). */
  pBlock: number;
  /** Accepted (= served) rate λ(1 − P_K). */
  throughput: number;
  /** Offered utilization λS/c (may exceed 1; the system is always stable). */
  rho: number;
  /** Carried utilization per server, throughput·S/c ∈ [0, 1]. */
  utilization: number;
  /** Mean number in system. */
  L: number;
  /** Mean number waiting (L minus mean busy servers). */
  Lq: number;
  /** Mean sojourn of accepted customers, L / throughput (Little's law on accepted traffic). */
  W: number;
  /** Mean wait of accepted customers, W − S. */
  Wq: number;
}

/** Fresh {@link LossQueueMetrics} for use as a reusable `out` argument. */
export function createLossQueueMetrics(): LossQueueMetrics {
  return { pBlock: 0, throughput: 0, rho: 0, utilization: 0, L: 0, Lq: 0, W: 0, Wq: 0 };
}

const RESCALE_AT = 1e250;
const RESCALE_BY = 1e-250;

/**
 * Stationary M/M/c/K queue (c servers, room for K customers in total, K ≥ c; a K below c
 * means only K servers can ever be busy). Blocking probability P_K, throughput λ(1 − P_K),
 * L, Lq, and W = L / throughput via Little's law on accepted traffic.
 *
 * Numerics: the birth–death weights are summed with a normalized recurrence — upward from
 * state 0 with periodic rescaling when ρ ≤ 1, downward from state K (weights ≤ 1, no overflow)
 * when ρ > 1 — and the sums stop early once the remaining geometric tail is below 1e-17 of the
 * total, so typical calls are O(c) and the worst case (ρ ≈ 1) is O(K). Stable for K up to
 * {@link MAX_CAPACITY} (K is clamped to it) and any load; c = 1, K = 1 gives Erlang loss
 * a/(1 + a), K = c gives Erlang B.
 *
 * Degenerate inputs: K < 1 → everything blocked, all occupancies and times 0. c < 1 with K ≥ 1
 * → nothing is ever served: pBlock = 1 (if λ > 0), throughput 0, L = Lq = K, W = Wq =
 * {@link UNBOUNDED}. λS = 0 → empty system, W = S. Allocates unless `out` is given.
 *
 * @example
 * mmcK(1, 1, 1, 1).pBlock; // 0.5 (= a / (1 + a) with a = 1)
 * mmcK(0.8, 1, 1, 10).pBlock; // (1 − ρ)ρ^K / (1 − ρ^(K+1)) ≈ 0.02349
 */
export function mmcK(
  lambda: number,
  S: number,
  c: number,
  K: number,
  out: LossQueueMetrics = createLossQueueMetrics(),
): LossQueueMetrics {
  const lam = nonNeg(lambda);
  const s = nonNeg(S);
  let n = servers(c);
  const cap = K >= 1 ? (K < MAX_CAPACITY ? Math.floor(K) : MAX_CAPACITY) : 0;
  const a = lam * s;
  out.rho = n > 0 ? clampOut(a / n) : a > 0 ? UNBOUNDED : 0;
  if (cap === 0) {
    out.pBlock = 1;
    out.throughput = 0;
    out.utilization = 0;
    out.L = 0;
    out.Lq = 0;
    out.W = 0;
    out.Wq = 0;
    return out;
  }
  if (n === 0) {
    const busy = lam > 0;
    out.pBlock = busy ? 1 : 0;
    out.throughput = 0;
    out.utilization = 0;
    out.L = busy ? cap : 0;
    out.Lq = out.L;
    out.W = busy ? UNBOUNDED : 0;
    out.Wq = out.W;
    return out;
  }
  if (n > cap) n = cap;
  if (a === 0) {
    out.pBlock = 0;
    out.throughput = lam;
    out.utilization = 0;
    out.L = 0;
    out.Lq = 0;
    out.W = clampOut(s);
    out.Wq = 0;
    return out;
  }

  let pBlock: number;
  let L: number;
  let busy: number; // mean busy servers = throughput·S
  let thr: number; // λ·(1 − pBlock), with 1 − pBlock computed without cancellation
  if (!(a < Infinity)) {
    // λS overflowed: the system is always full and every server is busy.
    pBlock = 1;
    L = cap;
    busy = n;
    thr = n / s;
  } else if (a <= n) {
    // ρ ≤ 1: sum upward from state 0.
    const rho = a / n;
    let t = 1;
    let s0 = 1;
    let s1 = 0;
    let tK = 0;
    let k = 1;
    for (; k <= cap; k++) {
      t *= a / (k < n ? k : n);
      s0 += t;
      s1 += k * t;
      if (s0 > RESCALE_AT) {
        t *= RESCALE_BY;
        s0 *= RESCALE_BY;
        s1 *= RESCALE_BY;
      }
      if (k === cap) {
        tK = t;
        break;
      }
      if (k >= n && rho < 1) {
        const g = rho / (1 - rho);
        const tail0 = t * g;
        const tail1 = t * (k * g + g / (1 - rho));
        if (tail0 <= 1e-17 * s0 && tail1 <= 1e-17 * s1) {
          tK = t * Math.exp((cap - k) * Math.log(rho));
          break;
        }
      }
    }
    pBlock = tK / s0;
    const accept = (s0 - tK) / s0;
    L = s1 / s0;
    thr = lam * accept;
    busy = a * accept;
  } else {
    // ρ > 1: sum downward from state K with weights w_j = π_j / π_K ≤ 1.
    const r = n / a; // bound on every downward ratio min(j, n)/a
    let w = 1;
    let rest = 0; // Σ_{j<K} w_j
    let s1 = cap; // Σ j·w_j
    for (let j = cap; j >= 1; j--) {
      w *= (j < n ? j : n) / a; // w_{j−1}
      rest += w;
      s1 += (j - 1) * w;
      const tail = (w * r) / (1 - r);
      if (tail <= 1e-17 * (1 + rest) && (j - 1) * tail <= 1e-17 * s1) break;
    }
    const s0 = 1 + rest;
    pBlock = 1 / s0;
    const accept = rest / s0;
    L = s1 / s0;
    thr = lam * accept;
    busy = a * accept;
  }
  out.pBlock = pBlock;
  out.throughput = clampOut(thr);
  out.utilization = n > 0 ? Math.min(1, busy / n) : 0;
  out.L = clampOut(L);
  out.Lq = clampOut(L - busy);
  if (thr > 0) {
    const W = L / thr;
    out.W = clampOut(W);
    out.Wq = clampOut(W - s);
  } else {
    out.W = clampOut(s);
    out.Wq = 0;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Fluid-model inverse: G_c(x) and the implicit Euler backlog step
// ---------------------------------------------------------------------------------------------

/**
 * Solve L(a) + kk·a = R for a ∈ [0, n), where L is the M/M/n mean number in system,
 * n ≥ 1, R > 0, kk ≥ 0. Writes scratch[SOL_A], scratch[SOL_U], scratch[SOL_DL].
 *
 * Pole-free form: multiplying by u = n − a > 0 gives
 *   F(a) = (R − (1 + kk)·a)·u − a·C(a) = 0,
 * with F > 0 left of the unique root and F < 0 right of it. Safeguarded Newton on F; the
 * smaller of (a, u) is the variable actually updated so that both ends of [0, n) keep full
 * relative precision (tiny loads and near-saturation gaps).
 */
function solveLoad(n: number, R: number, kk: number): void {
  const k1 = 1 + kk;
  if (n === 1) {
    // Exact: L = a/(1 − a) ⇒ kk·a² − (1 + kk + R)·a + R = 0 (smaller root), or in u = 1 − a:
    // kk·u² + (1 − kk + R)·u − 1 = 0 (positive root).
    const bq = 1 - kk + R;
    const sq = Math.hypot(bq, 2 * Math.sqrt(kk));
    const u = bq >= 0 ? 2 / (bq + sq) : (sq - bq) / (2 * kk);
    const hyp = Math.hypot(R - kk, Math.sqrt(2 * (R + kk) + 1));
    let a = R / (0.5 * (1 + kk + R) + 0.5 * hyp);
    if (a > 1) a = 1;
    scratch[SOL_A] = a;
    scratch[SOL_U] = u < 1 ? u : 1;
    scratch[SOL_DL] = scratch[SOL_U]! * scratch[SOL_U]!; // L'(a) = 1/u²
    return;
  }

  // Bracket as (a, u) pairs: lo has F ≥ 0, hi has F ≤ 0 (hi may be an analytic bound).
  let loA = 0;
  let loU = n;
  const capA = R / k1; // L(a) ≥ a ⇒ root < R/(1 + kk)
  let hiA = capA < n ? capA : n;
  let hiU = capA < n ? n - capA : 0;

  // Start at the root of the upper bound L(a) ≤ a + a/(n − a) (C ≤ 1), a lower bound on the
  // root: k1·a² − (k1·n + 1 + R)·a + R·n = 0, smaller root in cancellation-free form.
  const dd = k1 * n - R;
  const e = 2 * (k1 * n + R) + 1;
  const ad = Math.abs(dd);
  const sq = ad > 1e150 ? ad * Math.sqrt(1 + e / ad / ad) : Math.sqrt(dd * dd + e);
  const half = 0.5 * (k1 * n + 1 + R) + 0.5 * sq;
  let a = half > 0 ? n * (R / half) : 0;
  if (!(a > 0)) a = Math.min(R, n) * 0.5;
  if (a >= hiA) a = 0.5 * (loA + hiA);
  let u = n - a;
  let firstPass = true;
  let hiEvaluated = false; // false while hi is only an analytic bound
  let dC = 0;
  let C = 0;

  for (let iter = 0; iter < 200; iter++) {
    erlangBC(n, a, u, true);
    C = scratch[S_C]!;
    dC = scratch[S_DC]!;
    const rem = R - k1 * a;
    const F = rem * u - a * C;
    if (F === 0) break;
    if (F > 0) {
      loA = a;
      loU = u;
      if (firstPass && a > 0 && C > 0) {
        // Root satisfies u* = a*C(a*)/(R − k1 a*) ≥ a·C(a)/(R − k1 a) for a below the root.
        const uMin = (a * C) / rem;
        if (uMin > hiU && uMin < u) {
          hiU = uMin;
          hiA = n - uMin;
        }
      }
    } else {
      hiA = a;
      hiU = u;
      hiEvaluated = true;
    }
    firstPass = false;

    const dF = -k1 * u - rem - C - a * dC; // < 0
    const step = dF < 0 ? -F / dF : NaN;
    // Update the smaller coordinate so it keeps full relative precision.
    const useA = a <= u;
    let na: number;
    let nu: number;
    if (useA) {
      na = a + step;
      nu = n - na;
    } else {
      nu = u - step;
      na = n - nu;
    }
    const cur = useA ? a : u;
    const inside = useA ? na > loA && na < hiA : nu > hiU && nu < loU;
    if (Math.abs(step) <= 1e-15 * cur) {
      // Converged: take the last tiny Newton step only if it stays in the closed bracket.
      const inClosed = useA ? na >= loA && na <= hiA : nu >= hiU && nu <= loU;
      if (inClosed) {
        a = na;
        u = nu;
      }
      break;
    }
    if (!inside) {
      const beyondHi = useA ? na >= hiA : nu <= hiU;
      if (beyondHi && !hiEvaluated) {
        // The root can sit within rounding of the analytic bound (light load: L ≈ a); try it.
        na = hiA;
        nu = hiU;
        hiEvaluated = true;
      } else if (hiU < 0.5 * n) {
        // Bisect in the coordinate that is small at the upper end; geometric when wide.
        nu = hiU > 0 && loU > 4 * hiU ? Math.sqrt(loU * hiU) : 0.5 * (loU + hiU);
        na = n - nu;
      } else {
        na = loA > 0 && hiA > 4 * loA ? Math.sqrt(loA * hiA) : 0.5 * (loA + hiA);
        nu = n - na;
      }
    }
    const width = useA ? hiA - loA <= 1e-15 * hiA : loU - hiU <= 1e-15 * loU;
    a = na;
    u = nu;
    if (width) break;
  }
  scratch[SOL_A] = a > 0 ? (a < n ? a : n) : 0;
  scratch[SOL_U] = u > 0 ? (u < n ? u : n) : 0;
  // dG/dx = 1/L'(a), L'(a) = 1 + C'·a/u + C·n/u²  ⇒  u² / (u² + C'·a·u + C·n).
  const uu = scratch[SOL_U]! * scratch[SOL_U]!;
  const den = uu + dC * scratch[SOL_A]! * scratch[SOL_U]! + C * n;
  scratch[SOL_DL] = den > 0 ? uu / den : 1;
}

/** Output of {@link gcAndDerivative}. */
export interface GcResult {
  /** G_c(x): effective number of busy servers (throughput = μ·g). */
  g: number;
  /** dG_c/dx at x (right derivative 1 at x ≤ 0). */
  dgdx: number;
}

const gcScratch: GcResult = { g: 0, dgdx: 0 };

/**
 * G_c(x) and its derivative dG_c/dx, the inverse of the M/M/c mean-number-in-system curve used
 * by the fluid model: G_c(x) is the offered load a ∈ [0, c) whose stationary M/M/c mean number
 * in system equals the backlog x, i.e. L_mmc(G_c(x)) = x. Hence a node with backlog x serves at
 * rate μ·G_c(x), and the fluid equation dx/dt = λ − μ·G_c(x) is at rest exactly when x equals
 * the M/M/c mean L_mmc(λ/μ).
 *
 * Properties: G_c(0) = 0, strictly increasing, concave (L_mmc is convex in a),
 * G_c(x) ≤ min(x, c), and G_c(x) → c as x → ∞; dG/dx = 1/L'(a) ∈ (0, 1]. c = 1 is exact:
 * G = x/(1 + x), dG/dx = 1/(1 + x)². Solved by safeguarded Newton on a pole-free reformulation
 * (typically 2–5 iterations of O(c) work, rarely up to ~10), accurate to ~1e-14 relative at
 * both ends (x → 0 and x → ∞).
 *
 * Edge cases: x ≤ 0 → g = 0 with dgdx = 1 (the right derivative at 0); c < 1 → g = 0,
 * dgdx = 0.
 *
 * Writes into `out`, which defaults to a module-level scratch object that is overwritten by the
 * next call (allocation-free; copy the fields if you need to keep them).
 *
 * @example
 * const r = gcAndDerivative(1, 3); // r.g === 0.75, r.dgdx === 1/16
 */
export function gcAndDerivative(c: number, x: number, out: GcResult = gcScratch): GcResult {
  const n = servers(c);
  if (n === 0) {
    out.g = 0;
    out.dgdx = 0;
    return out;
  }
  if (!(x > 0)) {
    out.g = 0;
    out.dgdx = 1;
    return out;
  }
  if (n === 1) {
    const inv = 1 / (1 + x);
    out.g = x * inv;
    out.dgdx = inv * inv;
    return out;
  }
  solveLoad(n, x, 0);
  out.g = scratch[SOL_A]!;
  out.dgdx = scratch[SOL_DL]!;
  return out;
}

/**
 * G_c(x): effective number of busy servers at backlog x (mean number in system), i.e. the
 * offered load a at which the M/M/c mean number in system equals x. Throughput is μ·G_c(x).
 * See {@link gcAndDerivative} for properties and edge cases.
 *
 * @example
 * gc(1, 3); // 0.75
 * gc(4, meanNumberInSystem(4, 3.5)); // ≈ 3.5
 */
export function gc(c: number, x: number): number {
  return gcAndDerivative(c, x).g;
}

/**
 * Served fraction of capacity at backlog x: G_c(x) / c ∈ [0, 1) (0 when c < 1). This is the
 * busy fraction of the c servers in the fluid model.
 *
 * @example
 * servedFraction(1, 3); // 0.75
 */
export function servedFraction(c: number, x: number): number {
  const n = servers(c);
  return n > 0 ? gcAndDerivative(n, x).g / n : 0;
}

/** Optional detailed output of {@link implicitEulerBacklogStep}. */
export interface BacklogStepResult {
  /** New backlog x1. */
  x: number;
  /** G_c(x1): busy servers during the step; work served in the step is μ·g·dt. */
  g: number;
}

/**
 * One implicit (backward) Euler step of the fluid backlog equation dx/dt = λ − μ·G_c(x):
 * solves x1 = x0 + dt·(λ − μ·G_c(x1)) for x1 ≥ 0 and returns x1.
 *
 * The right-hand side is decreasing in x1, so the root is unique; it is found by substituting
 * a1 = G_c(x1) (so x1 = L_mmc(a1)) and solving L_mmc(a1) + dt·μ·a1 = x0 + dt·λ for a1 ∈ [0, c)
 * with the same safeguarded Newton as {@link gcAndDerivative} — one solve, no nested
 * iteration. Then x1 = x0 + dt·(λ − μ·a1), so work is conserved exactly (served = μ·a1·dt).
 *
 * Guarantees:
 * - Fixed point: with constant λ < cμ the only rest point is x = L_mmc(λ/μ), the exact M/M/c
 *   mean number in system.
 * - Unconditionally stable and monotone for any dt (dt = 100 s included): since G_c is
 *   increasing, (x1 − x*)(1 + dt·μ·G_c'(ξ)) = x0 − x*, so x1 lies between x0 and x* and never
 *   overshoots or oscillates.
 * - Overload (λ ≥ cμ): G_c → c and the backlog grows at rate → λ − cμ.
 *
 * Edge cases: negative/NaN inputs are treated as 0; dt = 0 returns x0; c < 1 or μ = 0 means no
 * service (x1 = x0 + dt·λ). The result is clamped to {@link UNBOUNDED}. If `out` is given it
 * receives x1 and G_c(x1). Allocation-free.
 *
 * @example
 * let x = 0;
 * for (let i = 0; i < 600; i++) x = implicitEulerBacklogStep(x, 3, 4, 1, 1 / 60);
 * // x rises monotonically towards L_mmc = 3 for M/M/1 with λ = 3, μ = 4
 */
export function implicitEulerBacklogStep(
  x0: number,
  lambda: number,
  mu: number,
  c: number,
  dt: number,
  out?: BacklogStepResult,
): number {
  const X0 = nonNeg(x0) < UNBOUNDED ? nonNeg(x0) : UNBOUNDED;
  const lam = nonNeg(lambda);
  const m = nonNeg(mu);
  const h = nonNeg(dt);
  const n = servers(c);
  let x1: number;
  let g: number;
  const R = X0 + h * lam;
  if (n === 0 || m === 0 || h === 0) {
    x1 = clampOut(R);
    g = n === 0 ? 0 : gcAndDerivative(n, x1).g;
  } else if (!(R > 0)) {
    x1 = 0;
    g = 0;
  } else {
    const kk = h * m;
    if (!(kk < Infinity) || !(R < Infinity)) {
      // Overflowing step sizes: treat as "servers saturated" (or drained) directly.
      g = gcAndDerivative(n, X0).g;
      x1 = clampOut(X0 + h * (lam - m * n));
    } else {
      solveLoad(n, R, kk);
      g = scratch[SOL_A]!;
      const v = R - kk * scratch[SOL_A]!;
      x1 = clampOut(v > scratch[SOL_A]! ? v : scratch[SOL_A]!);
    }
  }
  if (out) {
    out.x = x1;
    out.g = g;
  }
  return x1;
}

// ---------------------------------------------------------------------------------------------
// E_k/M/1 (round-robin dispatch)
// ---------------------------------------------------------------------------------------------

/**
 * Exact mean wait of an E_k/M/1 queue: Erlang-k inter-arrival times with overall rate λ
 * (k phases of rate kλ each), exponential service with mean S (μ = 1/S), ρ = λS.
 *
 * This is one backend behind strict round-robin dispatch over k servers of a Poisson stream of
 * rate kλ: each server sees every k-th arrival, i.e. Erlang-k gaps, which are smoother than
 * Poisson, so it waits less than an M/M/1 at the same ρ.
 *
 * Standard GI/M/1 result: Wq = σ / (μ(1 − σ)) where σ ∈ (0, 1) solves σ = A*(μ(1 − σ)) with
 * A*(s) = (kλ / (kλ + s))^k. Solved in τ = 1 − σ, i.e. τ = 1 − (1 + τ/(kρ))^(−k) evaluated with
 * log1p/expm1, by Newton from τ = 1 (monotone: the residual is concave), to ~1e-15 relative.
 * k = 1 gives M/M/1 (σ = ρ).
 *
 * Fallbacks: k < 1 is treated as 1, k is floored and capped at {@link MAX_ERLANG_ORDER};
 * ρ ≥ 1 → {@link UNBOUNDED}; λS = 0 → 0.
 *
 * @example
 * ekM1Wait(1, 0.9, 1); // 9 (M/M/1: ρS/(1 − ρ))
 * ekM1Wait(2, 0.9, 1); // ≈ 6.5883 (27 % less than M/M/1)
 */
export function ekM1Wait(k: number, lambda: number, S: number): number {
  const order = k >= 1 ? (k < MAX_ERLANG_ORDER ? Math.floor(k) : MAX_ERLANG_ORDER) : 1;
  const lam = nonNeg(lambda);
  const s = nonNeg(S);
  const rho = lam * s;
  if (!(rho > 0)) return 0;
  if (!(rho < 1)) return UNBOUNDED;
  const kr = order * rho;
  // h(τ) = E(τ) − τ,  E(τ) = 1 − (1 + τ/(kρ))^(−k),  E'(τ) = (1 − E)·k/(kρ + τ).
  let tau = 1;
  for (let iter = 0; iter < 500; iter++) {
    const lg = -order * Math.log1p(tau / kr);
    const E = -Math.expm1(lg);
    const h = E - tau;
    const dh = (Math.exp(lg) * order) / (kr + tau) - 1;
    if (h === 0 || !(dh < 0)) break;
    let next = tau - h / dh;
    if (!(next > 0)) next = 0.5 * tau;
    if (next >= tau) break; // monotone decrease has stalled: converged
    const done = tau - next <= 1e-15 * next;
    tau = next;
    if (done) break;
  }
  return clampOut(((1 - tau) * s) / tau);
}
