/**
 * Share links: a share document in the URL fragment as `v<version>.<base64url(deflate-raw(JSON
 * of the compact form))>`. Decoding checks sizes before unpacking, caps the unpacked size, runs
 * the named migrations from the link's version, then validates with the topology schema; every
 * failure is a typed, bilingual error, never an exception.
 * Contract: pure; no DOM, no React.
 */
import { strFromU8, strToU8 } from 'fflate';
import {
  TOPOLOGY_VERSION,
  parseTopology,
  toInputIssues,
  type ParseResult,
  type Topology,
} from '../model';
import { fromBase64Url, toBase64Url } from './base64url';
import { deflateRaw, inflateRawCapped } from './deflate';
import { MESSAGES, fail, type DecodeResult } from './errors';
import { MIGRATIONS, runMigrations, type Migration } from './migrations';
import { shareExtrasSchema, type ShareDoc, type ShareLesson, type ShareView } from './types';
import { V1, packV1, unpackV1, type UnpackResult } from './v1/format';

/** Size caps of a share link, checked before anything in it is trusted. */
export const LINK_LIMITS = {
  /** Characters of the fragment (after '#'). */
  chars: 100_000,
  /** Extra characters allowed in front of the fragment when a whole URL is given. */
  urlChars: 8_192,
  /** Bytes the payload may unpack to; far above any topology the schema accepts in a link. */
  inflatedBytes: 2 * 1024 * 1024,
} as const;

/** One version of the link format: how a document is packed, and unpacked to that version's raw form. */
export interface LinkFormat {
  version: number;
  pack(doc: ShareDoc): unknown;
  unpack(payload: unknown): UnpackResult;
}

/** Everything the decoder depends on, so tests can run it as a later app version would. */
export interface CodecSpec {
  /** The version this app writes and validates. */
  current: number;
  /** Every version it can unpack, including the current one. */
  formats: readonly LinkFormat[];
  migrations: readonly Migration[];
  /** Validates a current-version topology (the schema). */
  validate(raw: unknown): ParseResult<Topology>;
}

export const V1_FORMAT: LinkFormat = { version: V1, pack: packV1, unpack: unpackV1 };

export const SHARE_CODEC: CodecSpec = {
  current: TOPOLOGY_VERSION,
  formats: [V1_FORMAT],
  migrations: MIGRATIONS,
  validate: parseTopology,
};

/** The current link version: links are written in this version only. */
export const SHARE_VERSION = SHARE_CODEC.current;

/**
 * Packs a share document with one format. Exposed for tests that build links of other versions.
 * @example packLink({ topology: emptyTopology() }, V1_FORMAT) // 'v1.i44FAA'
 */
export function packLink(doc: ShareDoc, format: LinkFormat): string {
  const json = JSON.stringify(format.pack(doc));
  return `v${format.version}.${toBase64Url(deflateRaw(strToU8(json)))}`;
}

/**
 * Encodes a share document as a link fragment (without '#'). Expects a valid document (from
 * `parseTopology`, the edit operations or `decodeShare`). Node positions are rounded to the 10 px
 * grid; everything else round-trips exactly through `decodeShare`.
 * @example location.hash = encodeShare({ topology, view: { x: 0, y: 0, zoom: 1 } }) // 'v1.…'
 */
export function encodeShare(doc: ShareDoc): string {
  const format = SHARE_CODEC.formats.find((f) => f.version === SHARE_CODEC.current)!;
  return packLink(doc, format);
}

/** The part after '#' of a link, a URL or a bare fragment; null when a URL has no fragment. */
function fragmentOf(input: string): string | null {
  const s = input.trim();
  const hash = s.indexOf('#');
  if (hash >= 0) return s.slice(hash + 1).trim();
  // A URL without '#' carries no document (base64url has no ':' so a fragment never matches).
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(s)) return null;
  return s;
}

/**
 * Decodes a link with a given codec spec. `decodeShare` is this with the app's own spec.
 * @example decodeShareWith('#v1.…', SHARE_CODEC)
 */
export function decodeShareWith(input: unknown, spec: CodecSpec): DecodeResult<ShareDoc> {
  if (typeof input !== 'string') return fail('empty', MESSAGES.emptyLink);
  if (input.length > LINK_LIMITS.chars + LINK_LIMITS.urlChars)
    return fail('tooLong', MESSAGES.tooLongLink(input.length, LINK_LIMITS.chars));
  const fragment = fragmentOf(input);
  if (!fragment) return fail('empty', MESSAGES.emptyLink);
  if (fragment.length > LINK_LIMITS.chars)
    return fail('tooLong', MESSAGES.tooLongLink(fragment.length, LINK_LIMITS.chars));

  const m = /^v([1-9]\d{0,8})\./.exec(fragment);
  if (!m) return fail('badPrefix', MESSAGES.badPrefix(spec.current));
  const version = Number(m[1]);
  if (version > spec.current) return fail('tooNew', MESSAGES.tooNewLink(version, spec.current));
  const format = spec.formats.find((f) => f.version === version);
  if (!format) return fail('badPrefix', MESSAGES.badPrefix(spec.current));

  const decoded = fromBase64Url(fragment.slice(m[0].length));
  if (!decoded.ok)
    return fail(
      'badEncoding',
      decoded.reason === 'length'
        ? MESSAGES.badLength
        : MESSAGES.badCharacter(decoded.char, m[0].length + decoded.at),
    );
  const inflated = inflateRawCapped(decoded.bytes, LINK_LIMITS.inflatedBytes);
  if (!inflated.ok)
    return inflated.reason === 'tooLarge'
      ? fail('tooLarge', MESSAGES.tooLargeLink(LINK_LIMITS.inflatedBytes))
      : fail('badCompression', MESSAGES.badCompression);

  let payload: unknown;
  try {
    payload = JSON.parse(strFromU8(inflated.bytes));
  } catch (e) {
    return fail('badJson', MESSAGES.badJsonLink(e instanceof Error ? e.message : String(e)));
  }

  const unpacked = format.unpack(payload);
  if (!unpacked.ok)
    return fail('invalid', MESSAGES.invalid('link', unpacked.issues.length), unpacked.issues);
  const { topology: rawTopology, ...extras } = unpacked.value;
  const migrated = runMigrations(rawTopology, version, spec.current, spec.migrations);
  if (!migrated.ok) return migrated;

  const topology = spec.validate(migrated.value);
  const rest = shareExtrasSchema.safeParse(extras);
  const issues = [
    ...(topology.ok ? [] : topology.issues),
    ...(rest.success ? [] : toInputIssues(rest.error)),
  ];
  if (!topology.ok || !rest.success)
    return fail('invalid', MESSAGES.invalid('link', issues.length), issues);

  const doc: ShareDoc = { topology: topology.value };
  const view: ShareView | undefined = rest.data.view;
  const lesson: ShareLesson | undefined = rest.data.lesson;
  if (view) doc.view = view;
  if (lesson) doc.lesson = lesson;
  return { ok: true, value: doc };
}

/**
 * Decodes a share link: a fragment with or without '#', or a whole URL (the part after '#').
 * Never throws; refusals carry a code, a message in English and Korean, and for `invalid` the
 * path-named issues.
 * @example
 * const r = decodeShare(location.hash);
 * if (r.ok) load(r.value.topology); else toast(r.error.message[lang]);
 */
export const decodeShare = (input: string): DecodeResult<ShareDoc> =>
  decodeShareWith(input, SHARE_CODEC);
