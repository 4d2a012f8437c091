import { describe, expect, it } from 'vitest';
import { KIND_IDS, LIMITS, parseTopology } from '../src/core/model';
import { DESIGN_LINKS_PER_NODE, layeredTopology, tierCounts } from './topologies';

describe('layeredTopology', () => {
  it.each([20, 100, 1000, 10000])(
    'builds a valid topology of exactly %i nodes',
    (n) => {
      const topology = layeredTopology(n);
      expect(topology.nodes).toHaveLength(n);
      // Valid as a file: it survives a JSON round trip through the schema.
      const reparsed = parseTopology(JSON.parse(JSON.stringify(topology)));
      expect(reparsed.ok).toBe(true);
      const c = tierCounts(n);
      expect(c.users + c.dns + c.lbs + c.asgs + c.web + c.app + c.caches + c.shards * 3).toBe(n);
      const kinds = new Set(topology.nodes.map((x) => x.kind));
      for (const k of KIND_IDS) expect(kinds.has(k), k).toBe(true);
      // Validating 10,000 nodes and 100,000 links takes seconds on a busy machine.
    },
    60_000,
  );

  it('has about 17 links per node at 1,000 nodes (the design point) and stays within the link cap', () => {
    expect(layeredTopology(1000).links.length).toBeCloseTo(DESIGN_LINKS_PER_NODE * 1000, -2);
    expect(layeredTopology(100).links.length).toBeCloseTo(DESIGN_LINKS_PER_NODE * 100, -1);
    expect(layeredTopology(10000).links.length).toBeLessThanOrEqual(LIMITS.links);
    expect(layeredTopology(10000).links.length).toBeGreaterThan(0.95 * LIMITS.links);
  }, 60_000);

  it('follows the requested density', () => {
    expect(layeredTopology(500, { linksPerNode: 5 }).links.length).toBeCloseTo(2500, -2);
  });

  it('is deterministic', () => {
    expect(layeredTopology(300)).toEqual(layeredTopology(300));
  });

  it('layers the system: users reach DNS, DNS the load balancers, load balancers the web tier', () => {
    const t = layeredTopology(1000);
    const kind = new Map(t.nodes.map((x) => [x.id, x.kind]));
    const pairs = new Set(t.links.map((l) => `${kind.get(l.from)}>${kind.get(l.to)}`));
    for (const p of ['users>dns', 'dns>lb', 'lb>server', 'lb>asg', 'server>server', 'server>cache'])
      expect(pairs.has(p), p).toBe(true);
    for (const p of [
      'server>dbPrimary',
      'server>dbReplica',
      'dbPrimary>dbReplica',
      'cache>dbPrimary',
    ])
      expect(pairs.has(p), p).toBe(true);
    expect([...pairs].some((p) => p.startsWith('users>') && p !== 'users>dns')).toBe(false);
  });

  it('refuses sizes it cannot build', () => {
    expect(() => layeredTopology(5)).toThrow(RangeError);
    expect(() => layeredTopology(LIMITS.nodes + 1)).toThrow(RangeError);
    expect(() => layeredTopology(100.5)).toThrow(RangeError);
  });
});
