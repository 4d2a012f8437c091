/**
 * Small seeded pseudo-random numbers for the kernel (mulberry32), plus a string hash so each
 * subsystem (a DNS name, a load balancer, a health check) draws from its own stream: adding a node
 * never shifts the draws of another.
 * Contract: pure; no Math.random, no clock, no DOM.
 */

/** 32-bit FNV-1a hash of a string, mixed with a seed. */
export function hashString(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A mulberry32 generator: 32 bits of state, period 2^32, good enough for jitter and phases.
 * @example const r = new Rng(42); r.next(); // a number in [0, 1)
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

/**
 * A generator for one named purpose under a run seed.
 * @example streamFor(1, 'dns:dns-1').next()
 */
export const streamFor = (seed: number, name: string): Rng => new Rng(hashString(name, seed));
