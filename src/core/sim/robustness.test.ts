/**
 * The kernel never throws on a valid topology, whatever its shape: random graphs of every kind
 * with any allowed links, random parameters and random failure events give finite frames and
 * diagnostics. The shipped examples simulate cleanly.
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canLink, KIND_IDS, type KindId } from '../model/kinds';
import { parseTopology } from '../model/schema';
import { createSim } from './kernel';
import { nodeField, run, TopologyBuilder } from './testing';
import { F, G, type SimFrame } from './types';

const finite = (f: SimFrame) =>
  [f.nodes, f.classes!, f.global, f.linkRates].every((a) => a.every((v) => Number.isFinite(v))) &&
  f.targets.every((t) => Number.isFinite(t.share)) &&
  f.cohorts.every((c) => Number.isFinite(c.expiresAt)) &&
  f.instances.every((i) => Number.isFinite(i.utilization) && Number.isFinite(i.since));

const arbGraph = fc.record({
  kinds: fc.array(fc.constantFrom(...KIND_IDS), { minLength: 1, maxLength: 9 }),
  edges: fc.array(fc.tuple(fc.nat(8), fc.nat(8), fc.boolean()), { maxLength: 24 }),
  rate: fc.double({ min: 0, max: 2000, noNaN: true }),
  retries: fc.integer({ min: 0, max: 4 }),
  queueLimit: fc.integer({ min: 1, max: 50 }),
  ttl: fc.constantFrom(0, 5, 60),
  events: fc.array(
    fc.tuple(
      fc.constantFrom('kill', 'restore', 'slow', 'loseAz', 'restoreAz', 'setRate', 'cutLink'),
      fc.nat(8),
      fc.double({ min: 0, max: 20, noNaN: true }),
    ),
    { maxLength: 5 },
  ),
  dt: fc.constantFrom(1 / 60, 1, 30),
});

describe('robustness', () => {
  it('random valid topologies never throw and always give finite frames', () => {
    fc.assert(
      fc.property(arbGraph, (g) => {
        const b = new TopologyBuilder();
        const ids = g.kinds.map((k, i) => `${k}${i}`);
        g.kinds.forEach((k, i) => {
          switch (k as KindId) {
            case 'users':
              b.node('users', ids[i]!, {
                rate: g.rate,
                retries: g.retries,
                timeoutMs: 500,
                cohorts: 3,
              });
              break;
            case 'dns':
              b.node('dns', ids[i]!, { ttlSec: g.ttl });
              break;
            case 'asg':
              b.node('asg', ids[i]!, {
                minSize: 0,
                desired: 1,
                maxSize: 2,
                queueLimit: g.queueLimit,
                bootSec: 5,
              });
              break;
            case 'lb':
              b.node('lb', ids[i]!, { algorithm: i % 2 ? 'least_outstanding' : 'p2c' });
              break;
            default:
              b.node(k, ids[i]!, {
                queueLimit: g.queueLimit,
                az: (['a', 'b', 'c'] as const)[i % 3],
              });
          }
        });
        const seen = new Set<string>();
        const linkIds: string[] = [];
        for (const [x, y, cut] of g.edges) {
          const from = x % ids.length;
          const to = y % ids.length;
          if (from === to || !canLink(g.kinds[from]!, g.kinds[to]!) || seen.has(`${from}>${to}`))
            continue;
          seen.add(`${from}>${to}`);
          const id = `l${linkIds.length}`;
          linkIds.push(id);
          b.link(ids[from]!, ids[to]!, { id, cut });
        }
        for (const [type, n, at] of g.events) {
          const node = ids[n % ids.length]!;
          if (type === 'loseAz' || type === 'restoreAz') b.event({ type, atSec: at, az: 'a' });
          else if (type === 'slow') b.event({ type, atSec: at, node, factor: 3 });
          else if (type === 'setRate') b.event({ type, atSec: at, node, rate: 50 });
          else if (type === 'cutLink') {
            if (linkIds.length > 0)
              b.event({ type, atSec: at, link: linkIds[n % linkIds.length]! });
          } else b.event({ type, atSec: at, node });
        }
        const sim = createSim(b.build());
        for (let k = 0; k < 12; k++) {
          sim.step(g.dt);
          const f = sim.frame();
          expect(finite(f)).toBe(true);
          for (const d of f.diagnostics)
            expect(d.message.en.length > 0 && d.message.ko.length > 0).toBe(true);
        }
        // Changing the topology under a running simulation is fine too.
        sim.setTopology(new TopologyBuilder().node('users', 'u').build());
        sim.step(g.dt);
        expect(finite(sim.frame())).toBe(true);
      }),
      { seed: 42, numRuns: 150 },
    );
  }, 300_000);

  it('bad step sizes are ignored', () => {
    const sim = createSim(new TopologyBuilder().node('users', 'u').build());
    for (const dt of [0, -1, NaN, Infinity]) sim.step(dt);
    expect(sim.time).toBe(0);
  });
});

describe('shipped examples', () => {
  const dir = fileURLToPath(new URL('../../../docs/examples/', import.meta.url));
  const load = (name: string) => {
    const r = parseTopology(JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')));
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.issues)}`);
    return r.value;
  };
  const present = (name: string) => existsSync(`${dir}${name}.json`);

  it.skipIf(!present('all-in-one'))('all-in-one: the single box runs hot (over 90 % CPU)', () => {
    const sim = createSim(load('all-in-one'));
    run(sim, 60, 1 / 60);
    const f = sim.frame();
    expect(f.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(nodeField(f, 'server-1', F.utilization)).toBeGreaterThan(0.9);
    expect(finite(f)).toBe(true);
  });

  it.skipIf(!present('three-tier') || !present('lb-replicas'))(
    'three-tier and lb-replicas simulate without errors',
    () => {
      for (const name of ['three-tier', 'lb-replicas']) {
        const sim = createSim(load(name));
        run(sim, 60, 1 / 60);
        const f = sim.frame();
        expect(f.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(f.global[G.errorRatio]).toBeLessThan(1e-6);
        expect(f.global[G.goodput]).toBeGreaterThan(0);
        expect(finite(f)).toBe(true);
      }
    },
  );
});
