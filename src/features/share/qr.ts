/**
 * QR codes for share links: which error-correction level a link fits at, what to warn about, and
 * the code itself as an SVG data URL. Pure functions (the encoder is passed in, so the `qrcode`
 * package can be imported lazily by the caller); no DOM, no React.
 */
import type { QRCode, QRCodeErrorCorrectionLevel, QRCodeOptions } from 'qrcode';

/**
 * Bytes a version-40 QR code holds in byte mode (ISO/IEC 18004 table 7). Links are ASCII, so one
 * character is one byte.
 */
export const QR_CAPACITY = { M: 2331, L: 2953 } as const;
export type QrLevel = keyof typeof QR_CAPACITY;

/** Chat apps and e-mail clients start cutting or refusing links around this length. */
export const CHAT_LINK_CHARS = 2000;

export type LinkWarning =
  /** Fits only at level L: a dense code that needs a steady phone and a sharp projector. */
  | 'qrDense'
  /** Too long for any QR code: share the link or a file instead. */
  | 'qrTooLong'
  /** Long enough that chat messages may cut it. */
  | 'chatTooLong';

export interface LinkFit {
  /** The level the code is drawn at; null when the link does not fit in a QR code at all. */
  level: QrLevel | null;
  bytes: number;
  warnings: LinkWarning[];
}

/**
 * Level M (15 % of the code may be damaged: a projector's glare, a phone at an angle) when the
 * link fits; level L, with a warning, when only L holds it; no code beyond that.
 * @example linkFit('https://example.org/#v1.abc') // { level: 'M', bytes: 27, warnings: [] }
 */
export function linkFit(link: string): LinkFit {
  const bytes = new TextEncoder().encode(link).length;
  const warnings: LinkWarning[] = [];
  let level: QrLevel | null = null;
  if (bytes <= QR_CAPACITY.M) level = 'M';
  else if (bytes <= QR_CAPACITY.L) {
    level = 'L';
    warnings.push('qrDense');
  } else warnings.push('qrTooLong');
  if (link.length > CHAT_LINK_CHARS) warnings.push('chatTooLong');
  return { level, bytes, warnings };
}

export type QrCreate = (text: string, options?: QRCodeOptions) => QRCode;

/** Modules of white border around the code; the standard asks for 4. */
export const QR_QUIET_ZONE = 4;

/**
 * The QR code of `text` as an SVG document: one path of dark modules on a white square, so it
 * stays crisp at any size and scans on a dark theme too.
 * @example qrSvg('hello', 'M', QRCode.create) // '<svg xmlns="http://www.w3.org/2000/svg" …'
 */
export function qrSvg(text: string, level: QRCodeErrorCorrectionLevel, create: QrCreate): string {
  const { modules } = create(text, { errorCorrectionLevel: level });
  const n = modules.size;
  const size = n + 2 * QR_QUIET_ZONE;
  let d = '';
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      // Runs of dark modules in a row become one rectangle: a third of the path of single squares.
      if (!modules.get(y, x)) continue;
      let run = 1;
      while (x + run < n && modules.get(y, x + run)) run++;
      d += `M${x + QR_QUIET_ZONE} ${y + QR_QUIET_ZONE}h${run}v1h-${run}z`;
      x += run - 1;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  );
}

/** An SVG document as a `data:` URL for an `<img>` (allowed by the page's img-src policy). */
export const svgDataUrl = (svg: string): string =>
  `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
