/**
 * A small seeded generator for the reference engine: xoshiro128** seeded through splitmix32, with
 * the variates the engine draws (uniform, exponential, gamma with a given coefficient of variation).
 * Contract: pure; no DOM, no clock, no global state (every stream is an object owned by its caller).
 */

/** splitmix32: spreads a 32-bit seed into well-mixed words for the xoshiro state. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const TWO_POW_53 = 9007199254740992;

/**
 * A deterministic random stream: the same seed gives the same sequence on every engine.
 * @example const r = new Rng(42); r.uniform(); r.exponential(0.004) // a draw of mean 4 ms
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal = 0;
  private hasSpare = false;

  constructor(seed: number) {
    if (!Number.isFinite(seed))
      throw new RangeError(`Rng: seed must be a finite number, got ${seed}`);
    const st = { s: Math.trunc(seed) | 0 };
    // A second word from the high bits keeps seeds above 2^32 distinct.
    const hi = Math.trunc(seed / 4294967296) | 0;
    this.a = splitmix32(st);
    this.b = splitmix32(st) ^ hi;
    this.c = splitmix32(st);
    this.d = splitmix32(st);
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** The next 32 random bits, as an unsigned integer. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9);
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result >>> 0;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextU32() >>> 6; // 26 bits
    const lo = this.nextU32() >>> 5; // 27 bits
    return (hi * 134217728 + lo) / TWO_POW_53;
  }

  /** Uniform in (0, 1]: safe under a logarithm. */
  uniformPos(): number {
    return 1 - this.uniform();
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(this.uniformPos()) * mean;
  }

  /** Standard normal (polar Box–Muller, the second value kept for the next call). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spareNormal;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    this.hasSpare = true;
    return u * f;
  }

  /** Gamma with shape k and scale 1 (Marsaglia–Tsang; k < 1 by the U^(1/k) boost). */
  gammaUnitScale(k: number): number {
    if (k < 1) return this.gammaUnitScale(k + 1) * Math.pow(this.uniformPos(), 1 / k);
    const d = k - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniformPos();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /**
   * A positive variate with the given mean and coefficient of variation: deterministic at cv 0,
   * exponential at cv 1, gamma with shape 1/cv² otherwise.
   */
  withCv(mean: number, cv: number): number {
    if (cv === 0 || mean === 0) return mean;
    if (cv === 1) return this.exponential(mean);
    const k = 1 / (cv * cv);
    return (this.gammaUnitScale(k) * mean) / k;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
