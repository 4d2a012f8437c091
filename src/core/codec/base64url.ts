/**
 * base64url (RFC 4648 §5) without padding: bytes <-> the URL-safe text of a share link.
 * Written here because the core has neither `btoa` nor `Buffer`; strict on input, so a damaged
 * link is reported with the position of the first bad character.
 * Contract: pure; no DOM, no Node.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/**
 * Encodes bytes as unpadded base64url.
 * @example toBase64Url(new Uint8Array([251, 255])) // '-_8'
 */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out +=
      ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

export type Base64Result =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'character'; at: number; char: string }
  | { ok: false; reason: 'length' };

/**
 * Decodes unpadded base64url. Refuses any character outside the alphabet (including `=`, `+`,
 * `/` and whitespace) and a length that no byte string encodes to (length % 4 === 1).
 * @example fromBase64Url('-_8') // { ok: true, bytes: Uint8Array [251, 255] }
 */
export function fromBase64Url(text: string): Base64Result {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || VALUE[c]! < 0) {
      // Report the whole character, not half a surrogate pair.
      const cp = text.codePointAt(i)!;
      return { ok: false, reason: 'character', at: i, char: String.fromCodePoint(cp) };
    }
  }
  if (text.length % 4 === 1) return { ok: false, reason: 'length' };
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  let i = 0;
  const v = (k: number) => VALUE[text.charCodeAt(k)]!;
  for (; i + 3 < text.length; i += 4) {
    const n = (v(i) << 18) | (v(i + 1) << 12) | (v(i + 2) << 6) | v(i + 3);
    bytes[o++] = n >> 16;
    bytes[o++] = (n >> 8) & 255;
    bytes[o++] = n & 255;
  }
  const rest = text.length - i;
  if (rest === 2) {
    bytes[o++] = (v(i) << 2) | (v(i + 1) >> 4);
  } else if (rest === 3) {
    const n = (v(i) << 12) | (v(i + 1) << 6) | v(i + 2);
    bytes[o++] = n >> 10;
    bytes[o++] = (n >> 2) & 255;
  }
  return { ok: true, bytes };
}
