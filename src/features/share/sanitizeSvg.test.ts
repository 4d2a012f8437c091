// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { sanitizeSvg } from './sanitizeSvg';

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const XHTML = 'xmlns="http://www.w3.org/1999/xhtml"';

/** What a browser would find runnable in the result. */
function activeParts(svg: string): string[] {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const found: string[] = [];
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    if (/^(script|iframe|object|embed)$/i.test(el.localName)) found.push(el.localName);
    for (const a of Array.from(el.attributes)) {
      if (/^on/i.test(a.localName)) found.push(a.name);
      if (/href$/i.test(a.name) && /javascript:/i.test(a.value.replace(/\s/g, '')))
        found.push(a.name);
    }
  }
  return found;
}

describe('sanitizeSvg', () => {
  it('removes scripts, event attributes and script URLs', () => {
    const dirty =
      `<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">` +
      `<script>alert(2)</script>` +
      `<g onclick="alert(3)" ONMOUSEOVER="alert(4)"><rect width="10" height="10" fill="red"/></g>` +
      `<a href="javascript:alert(5)"><text>t</text></a>` +
      `<a xlink:href=" java&#9;script:alert(6)"><text>u</text></a>` +
      `<foreignObject width="100" height="100"><div ${XHTML} onclick="alert(7)">` +
      `<script>alert(8)</script><embed src="x"/><img src="data:," onerror="alert(9)"/>` +
      `<p>Users</p></div></foreignObject></svg>`;
    const { svg, removed } = sanitizeSvg(dirty);
    expect(activeParts(dirty).length).toBeGreaterThan(5);
    expect(activeParts(svg)).toEqual([]);
    expect(removed).toBe(10);
    expect(svg).not.toMatch(/alert/);
  });

  it('keeps the picture itself', () => {
    const clean =
      `<svg ${NS} viewBox="0 0 10 10"><rect width="10" height="10" fill="red"/>` +
      `<foreignObject width="10" height="10"><div ${XHTML} style="color: blue">web-1 &amp; db</div>` +
      `</foreignObject></svg>`;
    const { svg, removed } = sanitizeSvg(clean);
    expect(removed).toBe(0);
    expect(svg).toContain('fill="red"');
    expect(svg).toContain('style="color: blue"');
    expect(svg).toContain('web-1 &amp; db');
  });

  it('leaves safe links and attributes named like events alone', () => {
    const { svg } = sanitizeSvg(
      `<svg ${NS}><a href="https://example.org/"><text>x</text></a></svg>`,
    );
    expect(svg).toContain('href="https://example.org/"');
  });

  it('refuses what is not an SVG document', () => {
    expect(() => sanitizeSvg('<svg')).toThrow(/well-formed/);
    expect(() => sanitizeSvg(`<html ${XHTML}/>`)).toThrow(/well-formed/);
  });
});
