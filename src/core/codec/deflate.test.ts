import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INFLATE_STEP_BYTES, deflateRaw, inflateRawCapped } from './deflate';

describe('raw deflate with an output cap', () => {
  it('round-trips any bytes within the cap', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (data) => {
        expect(inflateRawCapped(deflateRaw(data), 10_000)).toEqual({ ok: true, bytes: data });
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('accepts output exactly at the cap and refuses one byte more', () => {
    const data = new Uint8Array(4096).map((_, i) => (i * 7) % 251);
    const packed = deflateRaw(data);
    expect(inflateRawCapped(packed, 4096).ok).toBe(true);
    expect(inflateRawCapped(packed, 4095)).toMatchObject({ ok: false, reason: 'tooLarge' });
  });

  it('stops a bomb after reading a small part of it', () => {
    const bomb = deflateRaw(new Uint8Array(16 * 1024 * 1024));
    const cap = 256 * 1024;
    const r = inflateRawCapped(bomb, cap);
    if (r.ok || r.reason !== 'tooLarge') throw new Error('expected tooLarge');
    // DEFLATE expands at most 1032:1, so one step of input can overshoot the cap by that much.
    expect(r.produced).toBeLessThanOrEqual(cap + 1032 * INFLATE_STEP_BYTES + 65536);
    expect(r.consumed).toBeLessThanOrEqual(2 * INFLATE_STEP_BYTES);
    expect(r.consumed).toBeLessThan(bomb.length / 10);
  }, 30_000);

  it('reports damaged or cut-off data as corrupt', () => {
    const packed = deflateRaw(new TextEncoder().encode('["a share link payload", 1, 2, 3]'));
    expect(inflateRawCapped(new Uint8Array(0), 100)).toMatchObject({
      ok: false,
      reason: 'corrupt',
    });
    expect(inflateRawCapped(packed.subarray(0, packed.length - 2), 100)).toMatchObject({
      ok: false,
      reason: 'corrupt',
    });
    expect(inflateRawCapped(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 100)).toMatchObject({
      ok: false,
      reason: 'corrupt',
    });
  });
});
