/**
 * Share-link format v1: the compact, positional form of a share document that is JSON-encoded,
 * deflated and base64url-encoded into `#v1.<payload>`. Layout (trailing defaults are dropped):
 *
 *   doc   = [name, nodes, links, seed, events, view, lesson, images]
 *                                              defaults "", [], [], 1, [], 0, 0, []
 *   node  = [kind, x/10, y/10, id, params, label]                  defaults -, -, -, 0, 0, <id>
 *   link  = [from, to, id, latencyMs, weight, cut]                 defaults -, -, 0, null, 1, 0
 *   event = [type, atSec, target, value]                           value: slow factor / setRate rate
 *   view  = [x, y, zoom]            lesson = [id, step]
 *   image = [source, params, callees, label, name]   defaults -, 0, [], <source>, ami-NNN (<label>)
 *
 * `images` came after the first v1 links: a link without them has at most 7 fields and decodes to
 * a document without an `images` field, exactly as before. An image's params use the server's
 * frozen parameter table; its source and callees are node positions or, for nodes deleted since
 * the image was taken, the literal id.
 *
 * kind, type, enum values and AZs are positions in the frozen tables (./tables.ts); params is a
 * flat list [index, value, index, value, ...] of the parameters that differ from their v1 default;
 * roles are the digits of their positions (web+app = 12); booleans are 1/0. `from`, `to` and event
 * targets are node (or link) positions in their lists. An id is 0 for "the next in sequence", N for
 * "<prefix>-N", or the literal text: the sequence continues the last `<prefix>-N` id of the same
 * kind (nodes) or of any link, starting from the kind's prefix (or `link`) and 0.
 *
 * Unpacking builds every object from known keys only and reports damaged values with the path of
 * the field they become; the full document is then validated by the topology schema.
 * Contract: pure; no DOM, no React.
 */
import { LIMITS, defaultImageName, fill, t, type InputIssue } from '../../model';
import type { ShareDoc } from '../types';
import {
  V1_AZS,
  V1_DEFAULT_SEED,
  V1_EVENT_TYPES,
  V1_FORMAT_NAME,
  V1_GRID,
  V1_KINDS,
  V1_LINK_PREFIX,
  V1_ROLES,
  type KindEntry,
  type ParamEntry,
} from './tables';

export const V1 = 1;

/** The raw (not yet validated) share document a v1 payload unpacks to. */
export interface RawShareDoc {
  topology: Record<string, unknown>;
  view?: Record<string, unknown>;
  lesson?: Record<string, unknown>;
}

export type UnpackResult = { ok: true; value: RawShareDoc } | { ok: false; issues: InputIssue[] };

// ---------------------------------------------------------------------------------------------
// ids: `<prefix>-N` sequences

const SEQ_RE = /^(.+)-([1-9]\d{0,8})$/;
const MAX_SEQ = 999_999_999;

interface Seq {
  prefix: string;
  n: number;
}

/** Continues a sequence from an id (both packer and unpacker call it with the same ids). */
function advance(seq: Seq, id: unknown): void {
  if (typeof id !== 'string') return;
  const m = SEQ_RE.exec(id);
  if (m) {
    seq.prefix = m[1]!;
    seq.n = Number(m[2]);
  }
}

function packId(seq: Seq, id: string): string | number {
  const m = SEQ_RE.exec(id);
  let out: string | number = id;
  if (m && m[1] === seq.prefix) out = Number(m[2]) === seq.n + 1 ? 0 : Number(m[2]);
  advance(seq, id);
  return out;
}

/** The id a packed id stands for, or undefined when the value is damaged. */
function unpackId(seq: Seq, v: unknown): string | undefined {
  let id: string | undefined;
  if (v === 0 || v === undefined) id = `${seq.prefix}-${seq.n + 1}`;
  else if (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_SEQ)
    id = `${seq.prefix}-${v as number}`;
  else if (typeof v === 'string') id = v;
  advance(seq, id);
  return id;
}

// ---------------------------------------------------------------------------------------------
// packing

const sameRoles = (a: unknown, b: readonly string[]) =>
  Array.isArray(a) && a.length === b.length && a.every((r, i) => r === b[i]);

function packValue(entry: ParamEntry, v: unknown, path: string): unknown {
  switch (entry[1]) {
    case 'boolean':
      return v ? 1 : 0;
    case 'enum': {
      const i = entry[3].indexOf(v as string);
      if (i < 0) throw new TypeError(`${path}: ${JSON.stringify(v)} is not a v1 option`);
      return i;
    }
    case 'roles': {
      const roles = Array.isArray(v) ? (v as unknown[]) : [];
      const digits = roles.map((r) => (V1_ROLES as readonly unknown[]).indexOf(r) + 1);
      if (roles.length === 0 || roles.length > 9 || digits.includes(0))
        throw new TypeError(`${path}: ${JSON.stringify(v)} are not v1 roles`);
      return Number(digits.join(''));
    }
    default:
      return v;
  }
}

function isDefault(entry: ParamEntry, v: unknown): boolean {
  return entry[1] === 'roles' ? sameRoles(v, entry[2]) : v === entry[2];
}

function packParams(kind: KindEntry, params: Record<string, unknown>, path: string): unknown[] {
  const out: unknown[] = [];
  kind.params.forEach((entry, i) => {
    const key = entry[0];
    if (!Object.hasOwn(params, key)) return;
    const v = params[key];
    if (isDefault(entry, v)) return;
    out.push(i, packValue(entry, v, `${path}.${key}`));
  });
  return out;
}

/** Drops trailing values equal to their defaults (`[]` stands for "an empty list"). */
function trim(values: unknown[], defaults: readonly unknown[]): unknown[] {
  let n = values.length;
  while (n > 0) {
    const v = values[n - 1];
    const d = defaults[n - 1];
    const isDef = Array.isArray(d) ? Array.isArray(v) && v.length === 0 : v === d;
    if (!isDef) break;
    n--;
  }
  return values.slice(0, n);
}

const NODE_DEFAULTS = [undefined, undefined, undefined, 0, 0, undefined];
const LINK_DEFAULTS = [undefined, undefined, 0, null, 1, 0];
const IMAGE_DEFAULTS = [undefined, 0, [], undefined, undefined];
const DOC_DEFAULTS = ['', [], [], V1_DEFAULT_SEED, [], 0, 0, []];
const SERVER = V1_KINDS.find((k) => k.kind === 'server')!;
const grid = (v: number) => Math.round(v / V1_GRID);

/**
 * The v1 compact form of a share document. Expects a valid document (from `parseTopology` or the
 * edit operations); positions are rounded to the 10 px grid, and a value v1 has no code for (an
 * unknown kind, option or role) throws a TypeError naming its path.
 * @example packV1({ topology }) // ['', [[3, 10, 8]]] for one default server at (100, 80)
 */
export function packV1(doc: ShareDoc): unknown[] {
  const topo = doc.topology;
  const nodeAt = new Map<string, number>();
  topo.nodes.forEach((n, i) => {
    if (!nodeAt.has(n.id)) nodeAt.set(n.id, i);
  });
  const linkAt = new Map<string, number>();
  topo.links.forEach((l, i) => {
    if (!linkAt.has(l.id)) linkAt.set(l.id, i);
  });
  const seqs = V1_KINDS.map((k): Seq => ({ prefix: k.prefix, n: 0 }));

  const nodes = topo.nodes.map((n, i) => {
    const code = V1_KINDS.findIndex((k) => k.kind === n.kind);
    if (code < 0) throw new TypeError(`nodes[${i}].kind: "${String(n.kind)}" is not a v1 kind`);
    const kind = V1_KINDS[code]!;
    const id = packId(seqs[code]!, n.id);
    const params = packParams(kind, n.params as Record<string, unknown>, `nodes[${i}].params`);
    const label = n.label === n.id ? undefined : n.label;
    return trim([code, grid(n.x), grid(n.y), id, params.length ? params : 0, label], NODE_DEFAULTS);
  });

  const linkSeq: Seq = { prefix: V1_LINK_PREFIX, n: 0 };
  const nodeRef = (id: string) => nodeAt.get(id) ?? id;
  const links = topo.links.map((l) =>
    trim(
      [nodeRef(l.from), nodeRef(l.to), packId(linkSeq, l.id), l.latencyMs, l.weight, l.cut ? 1 : 0],
      LINK_DEFAULTS,
    ),
  );

  const events = topo.scenario.events.map((e) => {
    const type = V1_EVENT_TYPES.indexOf(e.type);
    switch (e.type) {
      case 'kill':
      case 'restore':
        return [type, e.atSec, nodeRef(e.node)];
      case 'slow':
        return [type, e.atSec, nodeRef(e.node), e.factor];
      case 'setRate':
        return [type, e.atSec, nodeRef(e.node), e.rate];
      case 'cutLink':
      case 'restoreLink':
        return [type, e.atSec, linkAt.get(e.link) ?? e.link];
      case 'loseAz':
      case 'restoreAz':
        return [type, e.atSec, V1_AZS.indexOf(e.az)];
    }
  });

  const images = (topo.images ?? []).map((im, i) => {
    const params = packParams(SERVER, im.params, `images[${i}].params`);
    const label = im.label === im.source ? undefined : im.label;
    const name = im.name === defaultImageName(i, im.label, im.source) ? undefined : im.name;
    return trim(
      [nodeRef(im.source), params.length ? params : 0, im.callees.map(nodeRef), label, name],
      IMAGE_DEFAULTS,
    );
  });

  const view = doc.view ? [doc.view.x, doc.view.y, doc.view.zoom] : 0;
  const lesson = doc.lesson ? [doc.lesson.id, doc.lesson.step] : 0;
  return trim(
    [topo.name, nodes, links, topo.scenario.seed, events, view, lesson, images],
    DOC_DEFAULTS,
  );
}

// ---------------------------------------------------------------------------------------------
// unpacking

const short = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
};
const damaged = (v: unknown) =>
  fill(t('the link is damaged here (found {v})', '링크의 이 부분이 손상되었습니다({v})'), {
    v: short(v),
  });
const tooMany = (max: number) =>
  fill(t('has more than {m} items', '항목이 {m}개를 넘습니다'), { m: max });

class Issues {
  list: InputIssue[] = [];
  add(path: string, v: unknown) {
    this.list.push({ path, message: damaged(v) });
  }
}

const isIndex = (v: unknown, length: number): v is number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) < length;

/** A list field: 0 or missing means empty; anything else must be an array. */
function listAt(v: unknown, path: string, issues: Issues, max: number): unknown[] | null {
  if (v === undefined || v === 0) return [];
  if (!Array.isArray(v)) {
    issues.add(path, v);
    return null;
  }
  if (v.length > max) {
    issues.list.push({ path, message: tooMany(max) });
    return null;
  }
  return v;
}

function unpackValue(entry: ParamEntry, v: unknown, path: string, issues: Issues): unknown {
  switch (entry[1]) {
    case 'boolean':
      if (v === 0 || v === 1) return v === 1;
      break;
    case 'enum':
      if (isIndex(v, entry[3].length)) return entry[3][v];
      break;
    case 'roles':
      if (Number.isInteger(v) && (v as number) > 0 && /^[1-3]{1,9}$/.test(String(v)))
        return [...String(v)].map((d) => V1_ROLES[Number(d) - 1]);
      break;
    default:
      // Numbers and strings go through as they are: the schema checks their type and bounds.
      return v;
  }
  issues.add(path, v);
  return entry[2];
}

function unpackParams(kind: KindEntry, v: unknown, path: string, issues: Issues) {
  const params: Record<string, unknown> = {};
  for (const entry of kind.params)
    params[entry[0]] = entry[1] === 'roles' ? [...entry[2]] : entry[2];
  if (v === undefined || v === 0) return params;
  if (!Array.isArray(v) || v.length % 2 !== 0) {
    issues.add(path, v);
    return params;
  }
  const seen = new Set<number>();
  for (let j = 0; j < v.length; j += 2) {
    const idx: unknown = v[j];
    if (!isIndex(idx, kind.params.length) || seen.has(idx)) {
      issues.add(path, idx);
      continue;
    }
    seen.add(idx);
    const entry = kind.params[idx]!;
    params[entry[0]] = unpackValue(entry, v[j + 1], `${path}.${entry[0]}`, issues);
  }
  return params;
}

function unpackNodes(packed: unknown[], issues: Issues): Record<string, unknown>[] {
  const seqs = V1_KINDS.map((k): Seq => ({ prefix: k.prefix, n: 0 }));
  return packed.map((p, i) => {
    const path = `nodes[${i}]`;
    const a = Array.isArray(p) ? p : [];
    if (!Array.isArray(p) || a.length < 3 || a.length > 6) issues.add(path, p);
    const code: unknown = a[0];
    if (!isIndex(code, V1_KINDS.length)) {
      issues.add(`${path}.kind`, code);
      return {};
    }
    const kind = V1_KINDS[code]!;
    const id = unpackId(seqs[code]!, a[3]);
    if (id === undefined) issues.add(`${path}.id`, a[3]);
    const pos = (v: unknown) => (typeof v === 'number' ? v * V1_GRID : v);
    const label: unknown = a[5] === undefined ? id : a[5];
    return {
      id,
      kind: kind.kind,
      label,
      x: pos(a[1]),
      y: pos(a[2]),
      params: unpackParams(kind, a[4], `${path}.params`, issues),
    };
  });
}

function unpackLinks(packed: unknown[], ids: unknown[], issues: Issues) {
  const seq: Seq = { prefix: V1_LINK_PREFIX, n: 0 };
  const end = (v: unknown, path: string) => {
    if (isIndex(v, ids.length)) return ids[v];
    if (typeof v === 'string') return v;
    issues.add(path, v);
    return undefined;
  };
  return packed.map((p, i) => {
    const path = `links[${i}]`;
    const a = Array.isArray(p) ? p : [];
    if (!Array.isArray(p) || a.length < 2 || a.length > 6) issues.add(path, p);
    const id = unpackId(seq, a[2]);
    if (id === undefined) issues.add(`${path}.id`, a[2]);
    const cut: unknown = a[5];
    if (cut !== undefined && cut !== 0 && cut !== 1) issues.add(`${path}.cut`, cut);
    return {
      id,
      from: end(a[0], `${path}.from`),
      to: end(a[1], `${path}.to`),
      latencyMs: a[3] === undefined ? null : a[3],
      weight: a[4] === undefined ? 1 : a[4],
      cut: cut === 1,
    };
  });
}

function unpackEvents(packed: unknown[], nodeIds: unknown[], linkIds: unknown[], issues: Issues) {
  return packed.map((p, i) => {
    const path = `scenario.events[${i}]`;
    const a = Array.isArray(p) ? p : [];
    const code: unknown = a[0];
    if (!isIndex(code, V1_EVENT_TYPES.length)) {
      issues.add(`${path}.type`, Array.isArray(p) ? code : p);
      return {};
    }
    const type = V1_EVENT_TYPES[code]!;
    const withValue = type === 'slow' || type === 'setRate';
    if (a.length !== (withValue ? 4 : 3)) issues.add(path, p);
    const ref = (ids: unknown[], field: string) => {
      const v: unknown = a[2];
      if (isIndex(v, ids.length)) return ids[v];
      if (typeof v === 'string') return v;
      issues.add(`${path}.${field}`, v);
      return undefined;
    };
    const atSec: unknown = a[1];
    switch (type) {
      case 'kill':
      case 'restore':
        return { type, atSec, node: ref(nodeIds, 'node') };
      case 'slow':
        return { type, atSec, node: ref(nodeIds, 'node'), factor: a[3] };
      case 'setRate':
        return { type, atSec, node: ref(nodeIds, 'node'), rate: a[3] };
      case 'cutLink':
      case 'restoreLink':
        return { type, atSec, link: ref(linkIds, 'link') };
      case 'loseAz':
      case 'restoreAz': {
        const az: unknown = a[2];
        if (!isIndex(az, V1_AZS.length)) issues.add(`${path}.az`, az);
        return { type, atSec, az: isIndex(az, V1_AZS.length) ? V1_AZS[az] : undefined };
      }
    }
  });
}

function unpackImages(packed: unknown[], nodeIds: unknown[], issues: Issues) {
  const ref = (v: unknown, path: string) => {
    if (isIndex(v, nodeIds.length)) return nodeIds[v];
    if (typeof v === 'string') return v;
    issues.add(path, v);
    return undefined;
  };
  return packed.map((p, i) => {
    const path = `images[${i}]`;
    const a = Array.isArray(p) ? p : [];
    if (!Array.isArray(p) || a.length < 1 || a.length > 5) issues.add(path, p);
    const source = ref(a[0], `${path}.source`);
    const callees = (listAt(a[2], `${path}.callees`, issues, LIMITS.nodes) ?? []).map((c, j) =>
      ref(c, `${path}.callees[${j}]`),
    );
    const label: unknown = a[3] === undefined ? source : a[3];
    const name: unknown =
      a[4] === undefined && typeof label === 'string' && typeof source === 'string'
        ? defaultImageName(i, label, source)
        : a[4];
    return {
      name,
      source,
      kind: 'server',
      label,
      params: unpackParams(SERVER, a[1], `${path}.params`, issues),
      callees,
    };
  });
}

function unpackPair<K extends string>(
  v: unknown,
  keys: readonly K[],
  path: string,
  issues: Issues,
): Record<K, unknown> | undefined {
  if (v === undefined || v === 0) return undefined;
  if (!Array.isArray(v) || v.length !== keys.length) {
    issues.add(path, v);
    return undefined;
  }
  const out = {} as Record<K, unknown>;
  keys.forEach((k, i) => (out[k] = v[i]));
  return out;
}

/**
 * Expands a v1 compact payload (already JSON-parsed) into a raw version-1 share document, ready
 * for migrations and the schema. Damaged structure is reported with the path it would have had.
 * @example unpackV1(['', [[3, 10, 8]]]) // { ok: true, value: { topology: { nodes: [server-1] } } }
 */
export function unpackV1(payload: unknown): UnpackResult {
  const issues = new Issues();
  if (!Array.isArray(payload) || payload.length > DOC_DEFAULTS.length) {
    issues.add('', payload);
    return { ok: false, issues: issues.list };
  }
  const p = payload as unknown[];
  const packedNodes = listAt(p[1], 'nodes', issues, LIMITS.nodes);
  const packedLinks = listAt(p[2], 'links', issues, LIMITS.links);
  const packedEvents = listAt(p[4], 'scenario.events', issues, LIMITS.events);
  const packedImages = listAt(p[7], 'images', issues, LIMITS.images);
  if (!packedNodes || !packedLinks || !packedEvents || !packedImages)
    return { ok: false, issues: issues.list };

  const nodes = unpackNodes(packedNodes, issues);
  const nodeIds = nodes.map((n) => n['id']);
  const links = unpackLinks(packedLinks, nodeIds, issues);
  const events = unpackEvents(
    packedEvents,
    nodeIds,
    links.map((l) => l.id),
    issues,
  );
  const images = unpackImages(packedImages, nodeIds, issues);
  const view = unpackPair(p[5], ['x', 'y', 'zoom'], 'view', issues);
  const lesson = unpackPair(p[6], ['id', 'step'], 'lesson', issues);
  if (issues.list.length > 0) return { ok: false, issues: issues.list };

  const topology: Record<string, unknown> = {
    format: V1_FORMAT_NAME,
    version: V1,
    name: p[0] === undefined ? '' : p[0],
    nodes,
    links,
    scenario: { seed: p[3] === undefined ? V1_DEFAULT_SEED : p[3], events },
  };
  if (images.length > 0) topology['images'] = images;
  const doc: RawShareDoc = { topology };
  if (view) doc.view = view;
  if (lesson) doc.lesson = lesson;
  return { ok: true, value: doc };
}
