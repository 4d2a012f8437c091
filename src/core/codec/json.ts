/**
 * Topology files: the full topology as pretty JSON (export), and the checked way back (import) with
 * the same typed errors as share links: size cap, JSON syntax, version, migrations, schema.
 * Contract: pure; no DOM, no React.
 */
import { LIMITS, fill, t, type InputIssue, type Topology } from '../model';
import { MESSAGES, fail, type DecodeResult } from './errors';
import { runMigrations } from './migrations';
import { SHARE_CODEC, type CodecSpec } from './share';

/** Characters a topology file may have: a topology at the schema's node cap fits with room. */
export const JSON_LIMITS = { chars: 32 * 1024 * 1024 } as const;

/**
 * The full topology as pretty JSON (two-space indent, trailing newline), the file format.
 * @example download('topology.json', encodeTopologyJson(topology))
 */
export const encodeTopologyJson = (topology: Topology): string =>
  `${JSON.stringify(topology, null, 2)}\n`;

/** The `version` of a parsed document when it is a whole number, to pick migrations. */
function versionOf(doc: unknown): number | null {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return null;
  if (!Object.hasOwn(doc, 'version')) return null;
  const v: unknown = (doc as Record<string, unknown>)['version'];
  return Number.isSafeInteger(v) ? (v as number) : null;
}

/**
 * Lists longer than the schema allows, found before the schema walks them: validating a million
 * nodes one by one would freeze the page and list a million issues.
 */
function oversizedLists(doc: unknown): InputIssue[] {
  if (typeof doc !== 'object' || doc === null) return [];
  const d = doc as Record<string, unknown>;
  const scenario = Object.hasOwn(d, 'scenario') ? d['scenario'] : undefined;
  const lists: [string, unknown, number][] = [
    ['nodes', Object.hasOwn(d, 'nodes') ? d['nodes'] : undefined, LIMITS.nodes],
    ['links', Object.hasOwn(d, 'links') ? d['links'] : undefined, LIMITS.links],
    ['images', Object.hasOwn(d, 'images') ? d['images'] : undefined, LIMITS.images],
    [
      'scenario.events',
      typeof scenario === 'object' && scenario !== null && Object.hasOwn(scenario, 'events')
        ? (scenario as Record<string, unknown>)['events']
        : undefined,
      LIMITS.events,
    ],
  ];
  return lists
    .filter(([, v, max]) => Array.isArray(v) && v.length > max)
    .map(([path, , max]) => ({
      path,
      message: fill(t('has more than {m} items', '항목이 {m}개를 넘습니다'), { m: max }),
    }));
}

/**
 * Decodes a topology file with a given codec spec (tests run it as a later app version would).
 * @example decodeTopologyJsonWith(text, SHARE_CODEC)
 */
export function decodeTopologyJsonWith(text: unknown, spec: CodecSpec): DecodeResult<Topology> {
  if (typeof text !== 'string' || text.trim() === '') return fail('empty', MESSAGES.emptyFile);
  if (text.length > JSON_LIMITS.chars)
    return fail('tooLarge', MESSAGES.tooLongFile(text.length, JSON_LIMITS.chars));
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return fail('badJson', MESSAGES.badJsonFile(e instanceof Error ? e.message : String(e)));
  }
  const oversized = oversizedLists(doc);
  if (oversized.length > 0)
    return fail('invalid', MESSAGES.invalid('file', oversized.length), oversized);
  const version = versionOf(doc);
  if (version !== null && version > spec.current)
    return fail('tooNew', MESSAGES.tooNewFile(version, spec.current));
  if (version !== null && version >= 1 && version < spec.current) {
    const migrated = runMigrations(doc, version, spec.current, spec.migrations);
    if (!migrated.ok) return migrated;
    doc = migrated.value;
  }
  const parsed = spec.validate(doc);
  if (!parsed.ok)
    return fail('invalid', MESSAGES.invalid('file', parsed.issues.length), parsed.issues);
  return { ok: true, value: parsed.value };
}

/**
 * Reads a topology file (the text of a `.json`). Never throws.
 * @example
 * const r = decodeTopologyJson(await file.text());
 * if (!r.ok) alert(describeError(r.error, lang));
 */
export const decodeTopologyJson = (text: string): DecodeResult<Topology> =>
  decodeTopologyJsonWith(text, SHARE_CODEC);
