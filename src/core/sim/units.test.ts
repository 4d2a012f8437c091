/** Small building blocks of the kernel: the seeded generator, the event queue, traffic patterns. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './eventQueue';
import { gammaSurvival, SojournMix } from './fluid';
import { hashString, Rng, streamFor } from './rng';
import { offeredRate, type UsersParams } from './traffic';
import { TopologyBuilder } from './testing';

describe('rng', () => {
  it('is deterministic per seed, uniform-looking, and streams are independent by name', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 10000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 10000 }, () => b.next()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(streamFor(1, 'dns:a').next()).not.toBe(streamFor(1, 'dns:b').next());
    expect(streamFor(1, 'dns:a').next()).not.toBe(streamFor(2, 'dns:a').next());
    expect(hashString('abc')).toBe(hashString('abc'));
    expect(new Rng(7).int(10)).toBeLessThan(10);
  });
});

describe('event queue', () => {
  it('pops in time order, ties in insertion order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const q = new EventQueue();
        times.forEach((t, i) => q.push(t, 0, i));
        const out: [number, number][] = [];
        for (let e = q.pop(); e; e = q.pop()) out.push([e.time, e.a]);
        const expected = times
          .map((t, i) => [t, i] as [number, number])
          .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
        expect(out).toEqual(expected);
      }),
      { seed: 42 },
    );
  });

  it('removes events by predicate and keeps the order of the rest', () => {
    const q = new EventQueue();
    [5, 1, 3, 2, 4].forEach((t) => q.push(t, t % 2));
    q.removeWhere((e) => e.type === 1);
    expect(q.size).toBe(2);
    expect([q.pop()!.time, q.pop()!.time]).toEqual([2, 4]);
    expect(q.peekTime()).toBe(Infinity);
  });
});

describe('traffic patterns', () => {
  const p = (pattern: UsersParams['pattern']): UsersParams => {
    const n = new TopologyBuilder()
      .node('users', 'u', { pattern, rate: 100, peakRate: 300, startSec: 60, durationSec: 120 })
      .build().nodes[0]!;
    if (n.kind !== 'users') throw new Error('users expected');
    return n.params;
  };
  const cases: [UsersParams['pattern'], [number, number][]][] = [
    [
      'constant',
      [
        [0, 100],
        [100, 100],
        [500, 100],
      ],
    ],
    [
      'step',
      [
        [59, 100],
        [60, 300],
        [500, 300],
      ],
    ],
    [
      'ramp',
      [
        [60, 100],
        [120, 200],
        [180, 300],
        [400, 300],
      ],
    ],
    [
      'spike',
      [
        [59, 100],
        [60, 300],
        [179, 300],
        [180, 100],
      ],
    ],
    [
      'diurnal',
      [
        [60, 100],
        [120, 300],
        [180, 100],
        [90, 200],
      ],
    ],
  ];
  it.each(cases)('%s', (pattern, points) => {
    for (const [t, rate] of points) expect(offeredRate(p(pattern), 100, t)).toBeCloseTo(rate, 9);
  });

  it('setRate moves the base; the peak stays', () => {
    expect(offeredRate(p('step'), 50, 10)).toBe(50);
    expect(offeredRate(p('step'), 50, 100)).toBe(300);
  });
});

describe('sojourn distributions', () => {
  it('the M/M/c-shaped mixture gives exact M/M/1 and M/M/2 quantiles', () => {
    const mm1 = new SojournMix();
    mm1.add(1, 0.25, 0.75, 1); // λ = 3, μ = 4: wait 0 w.p. 1/4, else Exp(mean 1)
    expect(mm1.quantile(0.99)).toBeCloseTo(Math.log(100), 9);
    expect(mm1.quantile(0.5)).toBeCloseTo(Math.log(2), 9);
    // M/M/2, λ = 1, μ = 1: C = 1/3, θ = 1, so T = Exp(1) + (Exp(1) w.p. 1/3):
    // P(T > t) = e^{-t}(1 + t/3).
    const mm2 = new SojournMix();
    mm2.add(1, 1, 1 / 3, 1);
    const q = mm2.quantile(0.95);
    expect(Math.exp(-q) * (1 + q / 3)).toBeCloseTo(0.05, 12);
  });

  it('the gamma survival matches the exponential for shape 1', () => {
    expect(gammaSurvival(2, 4, 2 * Math.log(100))).toBeCloseTo(0.01, 3);
    expect(gammaSurvival(2, 4, 0)).toBe(1);
  });
});
