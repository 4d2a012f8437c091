/**
 * Pure edit operations on a topology. Each returns a new topology (inputs are never mutated) or a
 * refusal with a bilingual reason; the editor's undo history stores the results.
 * Contract: pure; no DOM, no React.
 */
import { KINDS, canLink, type KindId } from './kinds';
import { checkParam, defaultParams } from './params';
import { LIMITS, linkRefusal, type Link, type Topology, type TopologyNode } from './schema';
import { fill, t, type Text } from './text';

export type EditResult<T = Topology> = { ok: true; topology: T } | { ok: false; reason: Text };

/** The next free id `prefix-N` (smallest N ≥ 1 not in use). Deterministic, short in links. */
export function nextId(used: ReadonlySet<string>, prefix: string): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!used.has(id)) return id;
  }
}

/** Params hold primitives and role arrays only: a one-level copy with fresh arrays is a deep copy. */
const cloneParams = <P extends object>(params: P): P =>
  Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]),
  ) as P;

const usedIds = (topo: Topology) => new Set(topo.nodes.map((n) => n.id));

/**
 * Adds a node of `kind` with default parameters at (x, y).
 * @example addNode(topo, 'server', 100, 80) // { topology, id: 'server-1' }
 */
export function addNode(
  topo: Topology,
  kind: KindId,
  x: number,
  y: number,
): { topology: Topology; id: string } {
  const def = KINDS[kind];
  const id = nextId(usedIds(topo), def.idPrefix);
  const node = {
    id,
    kind,
    label: id,
    x: Math.round(x),
    y: Math.round(y),
    params: defaultParams(def.params),
  } as TopologyNode; // kind and params come from the same registry entry
  return { topology: { ...topo, nodes: [...topo.nodes, node] }, id };
}

/**
 * Why a link from `from` to `to` would be refused, or null when it is allowed.
 * @example connectRefusal(topo, 'db-1', 'lb-1')?.en
 */
export function connectRefusal(topo: Topology, from: string, to: string): Text | null {
  const a = topo.nodes.find((n) => n.id === from);
  const b = topo.nodes.find((n) => n.id === to);
  if (!a || !b)
    return t('Both ends must be existing nodes.', '양쪽 끝이 모두 있는 노드여야 합니다.');
  if (from === to) return t('A node cannot call itself.', '노드가 자기 자신을 호출할 수 없습니다.');
  if (!canLink(a.kind, b.kind)) return linkRefusal(a.kind, b.kind);
  if (topo.links.some((l) => l.from === from && l.to === to))
    return t('These two are already connected.', '이미 연결되어 있습니다.');
  if (topo.links.length >= LIMITS.links)
    return fill(t('At most {n} links.', '연결은 최대 {n}개입니다.'), { n: LIMITS.links });
  return null;
}

/** Connects `from` (the caller) to `to` (the callee), or says why not. */
export function connect(
  topo: Topology,
  from: string,
  to: string,
): EditResult<{ topology: Topology; id: string }> {
  const reason = connectRefusal(topo, from, to);
  if (reason) return { ok: false, reason };
  const id = nextId(new Set(topo.links.map((l) => l.id)), 'link');
  const link: Link = { id, from, to, latencyMs: null, weight: 1, cut: false };
  return { ok: true, topology: { topology: { ...topo, links: [...topo.links, link] }, id } };
}

/** Removes links by id. */
export function disconnect(topo: Topology, linkIds: readonly string[]): Topology {
  const drop = new Set(linkIds);
  return {
    ...topo,
    links: topo.links.filter((l) => !drop.has(l.id)),
    scenario: {
      ...topo.scenario,
      events: topo.scenario.events.filter((e) => !('link' in e && drop.has(e.link))),
    },
  };
}

/** Moves nodes to new positions (rounded to whole pixels). Unknown ids are ignored. */
export function moveNodes(
  topo: Topology,
  positions: ReadonlyMap<string, { x: number; y: number }>,
): Topology {
  const clamp = (v: number) =>
    Math.max(-LIMITS.coordinate, Math.min(LIMITS.coordinate, Math.round(v)));
  return {
    ...topo,
    nodes: topo.nodes.map((n) => {
      const p = positions.get(n.id);
      return p ? { ...n, x: clamp(p.x), y: clamp(p.y) } : n;
    }),
  };
}

/** Sets one parameter after checking it against the kind's spec. */
export function setParam(topo: Topology, nodeId: string, key: string, value: unknown): EditResult {
  const node = topo.nodes.find((n) => n.id === nodeId);
  if (!node)
    return {
      ok: false,
      reason: fill(t('No node "{id}".', '노드 "{id}"가 없습니다.'), { id: nodeId }),
    };
  const spec = Object.hasOwn(KINDS[node.kind].params, key)
    ? (KINDS[node.kind].params as Record<string, import('./params').ParamSpec>)[key]
    : undefined;
  if (!spec)
    return {
      ok: false,
      reason: fill(t('No parameter "{k}".', '매개변수 "{k}"가 없습니다.'), { k: key }),
    };
  const check = checkParam(spec, value);
  if (!check.ok) return { ok: false, reason: check.message };
  return {
    ok: true,
    topology: {
      ...topo,
      nodes: topo.nodes.map((n) =>
        n.id === nodeId
          ? ({ ...n, params: { ...n.params, [key]: check.value } } as TopologyNode)
          : n,
      ),
    },
  };
}

/** Renames a node's label (display only; ids never change). */
export function setLabel(topo: Topology, nodeId: string, label: string): EditResult {
  if (label.length > LIMITS.label)
    return {
      ok: false,
      reason: fill(t('At most {n} characters.', '{n}자 이하여야 합니다.'), { n: LIMITS.label }),
    };
  return {
    ok: true,
    topology: { ...topo, nodes: topo.nodes.map((n) => (n.id === nodeId ? { ...n, label } : n)) },
  };
}

/** Sets a link's latency (null = AZ default), weight or cut flag. */
export function setLinkField(
  topo: Topology,
  linkId: string,
  field: 'latencyMs' | 'weight' | 'cut',
  value: number | boolean | null,
): EditResult {
  const bad = (en: string, ko: string): EditResult => ({ ok: false, reason: t(en, ko) });
  if (field === 'cut' && typeof value !== 'boolean')
    return bad('Must be on or off.', '켜기/끄기 중 하나여야 합니다.');
  if (
    field === 'weight' &&
    (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1000)
  )
    return bad('Weight must be between 0 and 1000.', '가중치는 0에서 1000 사이여야 합니다.');
  if (
    field === 'latencyMs' &&
    value !== null &&
    (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 10000)
  )
    return bad('Latency must be between 0 and 10000 ms.', '지연은 0에서 10000 ms 사이여야 합니다.');
  return {
    ok: true,
    topology: {
      ...topo,
      links: topo.links.map((l) => (l.id === linkId ? { ...l, [field]: value } : l)),
    },
  };
}

/** Deletes nodes (with every link touching them and every event naming them) and links. */
export function deleteItems(
  topo: Topology,
  nodeIds: readonly string[],
  linkIds: readonly string[] = [],
): Topology {
  const nodes = new Set(nodeIds);
  const links = new Set(linkIds);
  for (const l of topo.links) if (nodes.has(l.from) || nodes.has(l.to)) links.add(l.id);
  return {
    ...topo,
    nodes: topo.nodes.filter((n) => !nodes.has(n.id)),
    links: topo.links.filter((l) => !links.has(l.id)),
    scenario: {
      ...topo.scenario,
      events: topo.scenario.events.filter(
        (e) => !('node' in e && nodes.has(e.node)) && !('link' in e && links.has(e.link)),
      ),
    },
  };
}

/** A set of nodes and the links among them, as copied to the clipboard. */
export interface Fragment {
  nodes: TopologyNode[];
  links: Link[];
}

/** The selected nodes and the links whose both ends are selected. */
export function extractFragment(topo: Topology, nodeIds: readonly string[]): Fragment {
  const ids = new Set(nodeIds);
  return {
    nodes: topo.nodes.filter((n) => ids.has(n.id)),
    links: topo.links.filter((l) => ids.has(l.from) && ids.has(l.to)),
  };
}

/**
 * Pastes a fragment with fresh ids, shifted by (dx, dy); links among the pasted nodes are kept.
 * Returns the new ids so the editor can select them.
 */
export function pasteFragment(
  topo: Topology,
  fragment: Fragment,
  dx: number,
  dy: number,
): { topology: Topology; nodeIds: string[] } {
  const used = usedIds(topo);
  const idMap = new Map<string, string>();
  const nodes: TopologyNode[] = [];
  for (const n of fragment.nodes) {
    if (topo.nodes.length + nodes.length >= LIMITS.nodes) break;
    const id = nextId(used, KINDS[n.kind].idPrefix);
    used.add(id);
    idMap.set(n.id, id);
    const label = n.label === n.id ? id : n.label;
    nodes.push({
      ...n,
      id,
      label,
      x: Math.round(n.x + dx),
      y: Math.round(n.y + dy),
      params: cloneParams(n.params),
    } as TopologyNode);
  }
  const linkIds = new Set(topo.links.map((l) => l.id));
  const links: Link[] = [];
  for (const l of fragment.links) {
    const from = idMap.get(l.from);
    const to = idMap.get(l.to);
    if (!from || !to) continue;
    const id = nextId(linkIds, 'link');
    linkIds.add(id);
    links.push({ ...l, id, from, to });
  }
  return {
    topology: { ...topo, nodes: [...topo.nodes, ...nodes], links: [...topo.links, ...links] },
    nodeIds: nodes.map((n) => n.id),
  };
}

/** Duplicates nodes (and the links among them) next to the originals. */
export function duplicate(topo: Topology, nodeIds: readonly string[], offset = 40) {
  return pasteFragment(topo, extractFragment(topo, nodeIds), offset, offset);
}
