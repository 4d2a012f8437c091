import { describe, expect, it } from 'vitest';
import { decodeShare } from '../../core/codec';
import { lessonById } from '../../core/scenarios';
import { qrDataUrl, stepLink } from './qr';

describe('stepLink', () => {
  it('keeps the page address, replaces its fragment and carries the design and step', () => {
    const topology = lessonById('scale-up')!.solution;
    const link = stepLink('https://example.org/lab/sub/?x=1#v1.old', topology, {
      id: 'scale-up',
      step: 3,
    });
    expect(link.startsWith('https://example.org/lab/sub/?x=1#v1.')).toBe(true);
    const r = decodeShare(link);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value.lesson).toEqual({ id: 'scale-up', step: 3 });
    expect(r.value.topology.nodes.map((n) => n.params)).toEqual(
      topology.nodes.map((n) => n.params),
    );
  });
});

describe('qrDataUrl', () => {
  it('draws an SVG QR code as an image data URL', async () => {
    const url = await qrDataUrl('https://example.org/lab/#v1.abc');
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    const svg = decodeURIComponent(url.slice(url.indexOf(',') + 1));
    expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 (\d+) \1"/);
    expect(svg).not.toMatch(/<script/i);
  });

  it('refuses text too long for any QR code with an error, not a broken image', async () => {
    await expect(qrDataUrl('x'.repeat(5000))).rejects.toThrow();
  });
});
