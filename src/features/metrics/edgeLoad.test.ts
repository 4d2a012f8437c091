import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_BAND_WIDTH,
  MAX_CANVAS_DOTS,
  MAX_DOTS,
  bandWidth,
  dotCount,
  linkRate,
} from './edgeLoad';

describe('link load drawing', () => {
  it('draws nothing for an idle link', () => {
    expect(bandWidth(0)).toBe(0);
    expect(bandWidth(NaN)).toBe(0);
    expect(dotCount(0)).toBe(0);
  });

  it('grows with the rate, logarithmically for the band, capped for both', () => {
    expect(bandWidth(99)).toBeCloseTo(6.4);
    expect(dotCount(1)).toBe(1);
    expect(dotCount(120)).toBe(4);
    expect(dotCount(1e6)).toBe(MAX_DOTS);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          expect(bandWidth(lo)).toBeLessThanOrEqual(bandWidth(hi));
          expect(dotCount(lo)).toBeLessThanOrEqual(dotCount(hi));
          expect(bandWidth(hi)).toBeLessThanOrEqual(MAX_BAND_WIDTH);
        },
      ),
      { seed: 42 },
    );
  });

  it('shares a canvas-wide dot budget among the links', () => {
    expect(dotCount(120, 1)).toBe(4);
    expect(dotCount(120, 100)).toBe(2);
    expect(dotCount(120, 200)).toBe(1);
    expect(dotCount(120, 300)).toBe(0);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.integer({ min: 1, max: 5000 }),
        (rate, links) => {
          expect(dotCount(rate, links) * links).toBeLessThanOrEqual(MAX_CANVAS_DOTS);
          expect(dotCount(rate, links)).toBeLessThanOrEqual(dotCount(rate));
        },
      ),
      { seed: 42 },
    );
  });

  it('finds a link by id in a frame', () => {
    const frame = { linkIds: ['a', 'b'], linkRates: new Float64Array([3, 7]) };
    expect(linkRate(frame, 'b')).toBe(7);
    expect(linkRate(frame, 'c')).toBeNaN();
    expect(linkRate(null, 'a')).toBeNaN();
  });
});
