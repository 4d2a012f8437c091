import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './base64url';

const bytes = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));

describe('base64url', () => {
  it.each([
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg'],
    ['fooba', 'Zm9vYmE'],
    ['foobar', 'Zm9vYmFy'],
  ])('encodes the RFC 4648 vector %j as %j (unpadded)', (plain, encoded) => {
    expect(toBase64Url(bytes(plain))).toBe(encoded);
    expect(fromBase64Url(encoded)).toEqual({ ok: true, bytes: bytes(plain) });
  });

  it('uses - and _ where base64 uses + and /', () => {
    expect(toBase64Url(new Uint8Array([251, 255, 191]))).toBe('-_-_');
  });

  it('agrees with Node for any bytes, both ways', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        const text = toBase64Url(data);
        expect(text).toBe(Buffer.from(data).toString('base64url'));
        expect(fromBase64Url(text)).toEqual({ ok: true, bytes: data });
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('names the first character outside the alphabet and its position', () => {
    expect(fromBase64Url('Zm9v=')).toEqual({ ok: false, reason: 'character', at: 4, char: '=' });
    expect(fromBase64Url('Zm+v')).toEqual({ ok: false, reason: 'character', at: 2, char: '+' });
    expect(fromBase64Url('Zm v')).toEqual({ ok: false, reason: 'character', at: 2, char: ' ' });
    expect(fromBase64Url('ab😀')).toEqual({ ok: false, reason: 'character', at: 2, char: '😀' });
    expect(fromBase64Url('é')).toEqual({ ok: false, reason: 'character', at: 0, char: 'é' });
  });

  it('refuses a length that no bytes encode to', () => {
    for (const s of ['A', 'AAAAA', 'Zm9vY'])
      expect(fromBase64Url(s)).toEqual({ ok: false, reason: 'length' });
  });
});
