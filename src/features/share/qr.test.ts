import fc from 'fast-check';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { encodeShare } from '../../core/codec';
import { LESSONS } from '../../core/scenarios';
import {
  CHAT_LINK_CHARS,
  QR_CAPACITY,
  QR_QUIET_ZONE,
  linkFit,
  qrSvg,
  svgDataUrl,
  type QrCreate,
} from './qr';

const BASE = 'https://example.org/lab/#';
const linkOf = (chars: number) => BASE + 'v1.' + 'A'.repeat(chars - BASE.length - 3);

/** Reads the dark modules back out of the SVG path, as "row,col" keys. */
function drawnModules(svg: string): Set<string> {
  const d = /<path fill="#000" d="([^"]*)"/.exec(svg)?.[1] ?? '';
  const out = new Set<string>();
  for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, run] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let i = 0; i < run; i++) out.add(`${y - QR_QUIET_ZONE},${x + i - QR_QUIET_ZONE}`);
  }
  return out;
}

describe('linkFit', () => {
  it('uses level M up to its capacity, then L with a warning, then no code', () => {
    expect(linkFit(linkOf(QR_CAPACITY.M))).toMatchObject({ level: 'M', warnings: ['chatTooLong'] });
    expect(linkFit(linkOf(QR_CAPACITY.M + 1))).toEqual({
      level: 'L',
      bytes: QR_CAPACITY.M + 1,
      warnings: ['qrDense', 'chatTooLong'],
    });
    expect(linkFit(linkOf(QR_CAPACITY.L))).toMatchObject({ level: 'L' });
    expect(linkFit(linkOf(QR_CAPACITY.L + 1))).toEqual({
      level: null,
      bytes: QR_CAPACITY.L + 1,
      warnings: ['qrTooLong', 'chatTooLong'],
    });
  });

  it('warns about chat messages past their length only', () => {
    expect(linkFit(linkOf(CHAT_LINK_CHARS)).warnings).toEqual([]);
    expect(linkFit(linkOf(CHAT_LINK_CHARS + 1)).warnings).toEqual(['chatTooLong']);
  });

  it('counts bytes, not characters', () => {
    expect(linkFit('é').bytes).toBe(2);
  });

  it('agrees with the encoder: the level it picks always fits, the next byte does not', () => {
    for (const level of ['M', 'L'] as const) {
      const cap = QR_CAPACITY[level];
      expect(() => QRCode.create('a'.repeat(cap), { errorCorrectionLevel: level })).not.toThrow();
      expect(() => QRCode.create('a'.repeat(cap + 1), { errorCorrectionLevel: level })).toThrow();
    }
  });
});

describe('qrSvg', () => {
  it('encodes exactly the link it is given and draws every dark module of it', () => {
    const link = BASE + encodeShare({ topology: LESSONS[2]!.start });
    const seen: string[] = [];
    const create: QrCreate = (text, options) => {
      seen.push(text);
      return QRCode.create(text, options);
    };
    const svg = qrSvg(link, 'M', create);
    expect(seen).toEqual([link]);
    const qr = QRCode.create(link, { errorCorrectionLevel: 'M' });
    // The payload inside the code is the link, byte for byte.
    const payload = qr.segments
      .map((s) => (typeof s.data === 'string' ? s.data : new TextDecoder().decode(s.data)))
      .join('');
    expect(payload).toBe(link);
    const expected = new Set<string>();
    const n = qr.modules.size;
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) expected.add(`${r},${c}`);
    expect(drawnModules(svg)).toEqual(expected);
    expect(svg).toContain(`viewBox="0 0 ${n + 2 * QR_QUIET_ZONE} ${n + 2 * QR_QUIET_ZONE}"`);
  });

  it('draws any text faithfully', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (text) => {
        const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
        const drawn = drawnModules(qrSvg(text, 'M', QRCode.create));
        let dark = 0;
        for (let i = 0; i < qr.modules.data.length; i++) dark += qr.modules.data[i] ? 1 : 0;
        expect(drawn.size).toBe(dark);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('makes a data URL an <img> can show', () => {
    const url = svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.split(',')[1]!)).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
    );
  });
});
