/**
 * The link to a lesson step and its QR code. The `qrcode` package is loaded on first use only,
 * so it stays out of the initial bundle; the SVG it writes is shown through an <img> data URL,
 * never inserted as markup.
 */
import { encodeShare } from '../../core/codec';
import type { Topology } from '../../core/model';

/**
 * This page's address with the design and the lesson step in the fragment.
 * @example stepLink('https://host/lab/?x#old', topology, { id: 'scale-up', step: 1 })
 */
export function stepLink(
  pageUrl: string,
  topology: Topology,
  lesson: { id: string; step: number },
): string {
  const hash = pageUrl.indexOf('#');
  const base = hash >= 0 ? pageUrl.slice(0, hash) : pageUrl;
  return `${base}#${encodeShare({ topology, lesson })}`;
}

/** An SVG QR code of `text` as a data URL for an <img>. Lower error correction if it is long. */
export async function qrDataUrl(text: string): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  let svg: string;
  try {
    svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  } catch {
    // Medium correction holds ~2.3 kB; low holds ~2.9 kB. Past that the error says so.
    svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'L', margin: 2 });
  }
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
