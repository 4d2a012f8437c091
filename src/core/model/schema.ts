/**
 * The topology document: nodes (typed parameters per kind), links, layout and a scenario, with a
 * schema version. Built from the kind registry, so every parameter is validated against its spec.
 * Validation errors name the path of the bad field (`nodes[3].params.bootSec`).
 * Contract: pure; no DOM, no React. Never cast parsed input: go through `parseTopology`.
 */
// zod/mini: the same validator with a functional API that bundles only what is used, so the
// page's first download stays small.
import { z } from 'zod/mini';
import { AZS } from './kinds/instance';
import { KIND_IDS, KINDS, canLink, type KindId, type ParamsOf } from './kinds';
import { paramsSchema } from './params';
import { fill, t, type Text } from './text';

/** The current version of the topology format. Older versions are migrated by the codec. */
export const TOPOLOGY_VERSION = 1;
export const TOPOLOGY_FORMAT = 'scale-out-lab/topology';

/** Size caps: part of the format, checked before anything else is trusted. */
export const LIMITS = {
  nodes: 20000,
  links: 100000,
  events: 1000,
  images: 100,
  label: 60,
  name: 80,
  id: 40,
  coordinate: 1e6,
} as const;

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const idSchema = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(LIMITS.id),
    z.regex(ID_RE, 'use letters, digits, "-", "_" or "." (starting with a letter or digit)'),
  );
const num = (min: number, max: number) => z.number().check(z.gte(min), z.lte(max));
const coord = num(-LIMITS.coordinate, LIMITS.coordinate);

function nodeSchema<K extends KindId>(kind: K) {
  return z.strictObject({
    id: idSchema,
    kind: z.literal(kind),
    label: z.string().check(z.maxLength(LIMITS.label)),
    x: coord,
    y: coord,
    params: z.prefault(paramsSchema(KINDS[kind].params), {}),
  });
}

const nodeSchemas = KIND_IDS.map((k) => nodeSchema(k)) as unknown as [
  ReturnType<typeof nodeSchema>,
  ...ReturnType<typeof nodeSchema>[],
];

export const linkSchema = z.strictObject({
  id: idSchema,
  from: idSchema,
  to: idSchema,
  /** Round-trip network latency in ms; null takes the AZ default (0.25 same AZ, 1 across). */
  latencyMs: z._default(z.nullable(num(0, 10000)), null),
  /** Share for weighted LB/DNS policies. */
  weight: z._default(num(0, 1000), 1),
  /** A cut link carries nothing (a network partition). */
  cut: z._default(z.boolean(), false),
});

const at = num(0, 864000);
export const EVENT_TYPES = [
  'kill',
  'restore',
  'slow',
  'cutLink',
  'restoreLink',
  'loseAz',
  'restoreAz',
  'setRate',
] as const;
export const eventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('kill'), atSec: at, node: idSchema }),
  z.strictObject({ type: z.literal('restore'), atSec: at, node: idSchema }),
  z.strictObject({
    type: z.literal('slow'),
    atSec: at,
    node: idSchema,
    /** Work per request is multiplied by this (1 = back to normal). */
    factor: num(1, 1000),
  }),
  z.strictObject({ type: z.literal('cutLink'), atSec: at, link: idSchema }),
  z.strictObject({ type: z.literal('restoreLink'), atSec: at, link: idSchema }),
  z.strictObject({ type: z.literal('loseAz'), atSec: at, az: z.enum(AZS) }),
  z.strictObject({ type: z.literal('restoreAz'), atSec: at, az: z.enum(AZS) }),
  z.strictObject({
    type: z.literal('setRate'),
    atSec: at,
    node: idSchema,
    rate: num(0, 1000000),
  }),
]);

export const scenarioSchema = z.strictObject({
  /** Seed of every random choice (DNS cohorts, random LB picks, the reference engine). */
  seed: z._default(z.int().check(z.gte(0), z.lte(4294967295)), 1),
  events: z._default(z.array(eventSchema).check(z.maxLength(LIMITS.events)), []),
});

/**
 * A machine image ("create image" of a server): what it runs and how it is set up, without its
 * identity. `source` and `callees` may name nodes deleted since: a launch then links the clone to
 * the callees that still exist.
 */
export const imageSchema = z.strictObject({
  /** Unique among the document's images, e.g. `ami-001 (web)`. */
  name: z.string().check(z.minLength(1), z.maxLength(LIMITS.name)),
  /** The node it was taken from. */
  source: idSchema,
  kind: z.literal('server'),
  label: z.string().check(z.maxLength(LIMITS.label)),
  params: z.prefault(paramsSchema(KINDS.server.params), {}),
  /** The source's callees when the image was taken. */
  callees: z._default(z.array(idSchema).check(z.maxLength(LIMITS.nodes)), []),
});

/**
 * The name "create image" gives the image at position `index` (0-based): a three-digit sequence
 * and what it was taken of.
 * @example defaultImageName(0, 'web', 'server-1') // 'ami-001 (web)'
 */
export const defaultImageName = (index: number, label: string, source: string): string =>
  `ami-${String(index + 1).padStart(3, '0')} (${label || source})`.slice(0, LIMITS.name);

const topologyObject = z.strictObject({
  format: z.literal(TOPOLOGY_FORMAT),
  version: z.literal(TOPOLOGY_VERSION),
  name: z._default(z.string().check(z.maxLength(LIMITS.name)), ''),
  nodes: z.array(z.discriminatedUnion('kind', nodeSchemas)).check(z.maxLength(LIMITS.nodes)),
  links: z._default(z.array(linkSchema).check(z.maxLength(LIMITS.links)), []),
  scenario: z._default(scenarioSchema, { seed: 1, events: [] }),
  // Optional, no default: a document without images stays byte-identical through a round trip.
  images: z.optional(z.array(imageSchema).check(z.maxLength(LIMITS.images))),
});

const noNode = (id: string) => fill(t('no node "{id}"', '노드 "{id}"가 없습니다'), { id });

/**
 * Why a link between two kinds is refused, for the canvas and for validation errors.
 * @example linkRefusal('dbPrimary', 'lb').en // 'A DB primary can only call: Read replica'
 */
export function linkRefusal(from: KindId, to: KindId): Text {
  const allowed = KINDS[from].linksTo;
  const f = KINDS[from].label;
  const tt = KINDS[to].label;
  if (allowed.length === 0)
    return fill(
      t(
        'A {from} calls nothing: it only answers requests.',
        '{fromKo}에서는 다른 노드로 연결할 수 없습니다. 요청에 답하기만 합니다.',
      ),
      {
        from: f.en,
        fromKo: f.ko,
      },
    );
  return fill(
    t(
      '{from} → {to} is not allowed. {from} can call: {list}.',
      '{fromKo}에서 {toKo}(으)로는 연결할 수 없습니다. 가능한 대상: {listKo}.',
    ),
    {
      from: f.en,
      to: tt.en,
      fromKo: f.ko,
      toKo: tt.ko,
      list: allowed.map((k) => KINDS[k].label.en).join(', '),
      listKo: allowed.map((k) => KINDS[k].label.ko).join(', '),
    },
  );
}

/** Cross-references: unique ids, links between existing nodes of compatible kinds. */
export const topologySchema = topologyObject.check(
  z.superRefine((topo, ctx) => {
    const add = (path: PropertyKey[], text: Text) =>
      ctx.addIssue({ code: 'custom', path, message: text.en, params: { text } });
    const kindOf = new Map<string, KindId>();
    topo.nodes.forEach((n, i) => {
      if (kindOf.has(n.id))
        add(
          ['nodes', i, 'id'],
          fill(t('duplicate node id "{id}"', '노드 ID "{id}"가 중복됩니다'), { id: n.id }),
        );
      kindOf.set(n.id, n.kind);
    });
    const linkIds = new Set<string>();
    const pairs = new Set<string>();
    topo.links.forEach((l, i) => {
      if (linkIds.has(l.id))
        add(
          ['links', i, 'id'],
          fill(t('duplicate link id "{id}"', '연결 ID "{id}"가 중복됩니다'), { id: l.id }),
        );
      linkIds.add(l.id);
      const from = kindOf.get(l.from);
      const to = kindOf.get(l.to);
      if (!from) add(['links', i, 'from'], noNode(l.from));
      if (!to) add(['links', i, 'to'], noNode(l.to));
      if (l.from === l.to)
        add(
          ['links', i, 'to'],
          t('a node cannot call itself', '노드가 자기 자신을 호출할 수 없습니다'),
        );
      else if (from && to && !canLink(from, to)) add(['links', i, 'to'], linkRefusal(from, to));
      const pair = `${l.from}\u0000${l.to}`;
      if (pairs.has(pair))
        add(
          ['links', i],
          fill(t('duplicate link {a} -> {b}', '중복된 연결 {a} -> {b}'), { a: l.from, b: l.to }),
        );
      pairs.add(pair);
    });
    const imageNames = new Set<string>();
    topo.images?.forEach((im, i) => {
      if (imageNames.has(im.name))
        add(
          ['images', i, 'name'],
          fill(t('duplicate image name "{n}"', '이미지 이름 "{n}"이(가) 중복됩니다'), {
            n: im.name,
          }),
        );
      imageNames.add(im.name);
    });
    topo.scenario.events.forEach((e, i) => {
      if ('node' in e && !kindOf.has(e.node))
        add(['scenario', 'events', i, 'node'], noNode(e.node));
      if ('link' in e && !linkIds.has(e.link))
        add(
          ['scenario', 'events', i, 'link'],
          fill(t('no link "{id}"', '연결 "{id}"가 없습니다'), { id: e.link }),
        );
    });
  }),
);

/** A node of kind K with its typed parameters. */
export interface TopologyNodeOf<K extends KindId> {
  id: string;
  kind: K;
  label: string;
  x: number;
  y: number;
  params: ParamsOf<K>;
}
export type TopologyNode = { [K in KindId]: TopologyNodeOf<K> }[KindId];
export type Link = z.output<typeof linkSchema>;
export type ScenarioEvent = z.output<typeof eventSchema>;
export type Scenario = z.output<typeof scenarioSchema>;

/** A saved machine image (see `imageSchema`). */
export interface MachineImage {
  name: string;
  source: string;
  kind: 'server';
  label: string;
  params: ParamsOf<'server'>;
  callees: string[];
}

export interface Topology {
  format: typeof TOPOLOGY_FORMAT;
  version: typeof TOPOLOGY_VERSION;
  name: string;
  nodes: TopologyNode[];
  links: Link[];
  scenario: Scenario;
  /** Machine images taken of servers ("create image"), kept with the document. */
  images?: MachineImage[];
}

/** One problem found in input, with the path of the field and a message in both languages. */
export interface InputIssue {
  /** e.g. `nodes[3].params.bootSec` (empty for the document itself). */
  path: string;
  message: Text;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: InputIssue[] };

/** Formats a zod path as `nodes[3].params.bootSec`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

const isText = (v: unknown): v is Text =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Record<string, unknown>)['en'] === 'string' &&
  typeof (v as Record<string, unknown>)['ko'] === 'string';

function issueText(issue: z.core.$ZodIssue): Text {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number')
        return fill(t('must be ≥ {m}', '{m} 이상이어야 합니다'), { m: String(issue.minimum) });
      if (issue.origin === 'array')
        return fill(t('needs at least {m} items', '항목이 {m}개 이상 필요합니다'), {
          m: String(issue.minimum),
        });
      return fill(t('must be at least {m} long', '길이가 {m} 이상이어야 합니다'), {
        m: String(issue.minimum),
      });
    case 'too_big':
      if (issue.origin === 'number')
        return fill(t('must be ≤ {m}', '{m} 이하여야 합니다'), { m: String(issue.maximum) });
      if (issue.origin === 'array')
        return fill(t('has more than {m} items', '항목이 {m}개를 넘습니다'), {
          m: String(issue.maximum),
        });
      return fill(t('is longer than {m}', '길이가 {m}을 넘습니다'), { m: String(issue.maximum) });
    case 'invalid_type':
      return fill(t('must be {e}', '{e} 값이어야 합니다'), { e: issue.expected });
    case 'invalid_value':
      return fill(t('must be one of: {v}', '다음 중 하나여야 합니다: {v}'), {
        v: issue.values.map((v) => JSON.stringify(v)).join(', '),
      });
    case 'unrecognized_keys':
      return fill(t('unknown field(s): {k}', '알 수 없는 필드: {k}'), { k: issue.keys.join(', ') });
    case 'invalid_union': {
      const options = 'options' in issue && Array.isArray(issue.options) ? issue.options : [];
      if (options.length > 0)
        return fill(t('must be one of: {v}', '다음 중 하나여야 합니다: {v}'), {
          v: options.map((v) => JSON.stringify(v)).join(', '),
        });
      return t('does not match any allowed shape', '허용된 형태와 맞지 않습니다');
    }
    case 'custom': {
      const text: unknown = issue.params?.['text'];
      if (isText(text)) return text;
      return t(issue.message, issue.message);
    }
    default:
      return t(issue.message, issue.message);
  }
}

/** Converts zod issues to path-named, bilingual issues. */
export function toInputIssues(error: z.core.$ZodError): InputIssue[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: issueText(i) }));
}

/** `nodes[3].params.bootSec: must be ≥ 5` */
export const describeIssue = (i: InputIssue, lang: 'en' | 'ko' = 'en'): string =>
  i.path ? `${i.path}: ${i.message[lang]}` : i.message[lang];

/**
 * Validates untrusted data (a parsed JSON file, a decoded link) as a current-version topology and
 * fills defaults.
 * @example parseTopology(JSON.parse(text)) // { ok: true, value } or { ok: false, issues }
 */
export function parseTopology(data: unknown): ParseResult<Topology> {
  const r = topologySchema.safeParse(data);
  if (!r.success) return { ok: false, issues: toInputIssues(r.error) };
  // The schema is generated from the same registry the TopologyNode type is, so the output is a
  // Topology; zod cannot express that mapping statically.
  return { ok: true, value: r.data as unknown as Topology };
}

/** An empty workspace. */
export const emptyTopology = (name = ''): Topology => ({
  format: TOPOLOGY_FORMAT,
  version: TOPOLOGY_VERSION,
  name,
  nodes: [],
  links: [],
  scenario: { seed: 1, events: [] },
});
