/**
 * Raw DEFLATE (RFC 1951, no zlib/gzip header) at the strongest setting, and an inflater with an
 * output cap that stops a decompression bomb early instead of unpacking it whole.
 * Contract: pure; no DOM, no Node.
 */
import { Inflate, deflateSync } from 'fflate';

/**
 * Compressed bytes fed to the inflater per step. DEFLATE expands at most ~1032:1, so one step can
 * produce at most ~1 MB before the cap is checked again.
 */
export const INFLATE_STEP_BYTES = 1024;

/**
 * Compresses with raw DEFLATE, level 9 (fflate sizes its hash tables to the input; the largest memory setting only costs time on inputs this small).
 * @example deflateRaw(new TextEncoder().encode('[[3,1,2]]')).length // a few bytes
 */
export const deflateRaw = (data: Uint8Array): Uint8Array => deflateSync(data, { level: 9 });

export type InflateResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'tooLarge'; produced: number; consumed: number }
  | { ok: false; reason: 'corrupt'; detail: string };

/**
 * Inflates raw DEFLATE, refusing as soon as the output would exceed `maxBytes`. `produced` and
 * `consumed` tell how far it got (a bomb is stopped after reading a small part of its input).
 * @example inflateRawCapped(deflateRaw(bytes), 1 << 20) // { ok: true, bytes }
 */
export function inflateRawCapped(data: Uint8Array, maxBytes: number): InflateResult {
  const chunks: Uint8Array[] = [];
  let produced = 0;
  let over = false;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    produced += chunk.length;
    if (produced > maxBytes) over = true;
    else chunks.push(chunk);
    if (final) ended = true;
  });
  if (data.length === 0) return { ok: false, reason: 'corrupt', detail: 'no data' };
  let consumed = 0;
  try {
    while (consumed < data.length && !over) {
      const next = Math.min(data.length, consumed + INFLATE_STEP_BYTES);
      inflater.push(data.subarray(consumed, next), next === data.length);
      consumed = next;
    }
  } catch (e) {
    return { ok: false, reason: 'corrupt', detail: e instanceof Error ? e.message : String(e) };
  }
  if (over) return { ok: false, reason: 'tooLarge', produced, consumed };
  if (!ended) return { ok: false, reason: 'corrupt', detail: 'unexpected end of data' };
  const out = new Uint8Array(produced);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return { ok: true, bytes: out };
}
