/**
 * The simulation kernel (first cut): users send their offered rate straight to the servers they
 * link to; each server is one M/M/c queue (c = vCPU) whose per-request demand is the sum of the
 * role demands it runs, divided by the core speed.
 * Contract: pure; no DOM, no React, no clock, no global state.
 */
import { INSTANCE_TYPES } from '../model/instanceTypes';
import type { ScenarioEvent, Topology, TopologyNode } from '../model/schema';
import {
  F,
  G,
  GLOBAL_FIELD_COUNT,
  HEALTH,
  NODE_FIELD_COUNT,
  type Sim,
  type SimFrame,
  type SimOptions,
} from './types';

function erlangC(c: number, a: number): number {
  // Erlang B by its stable recursion, then C from B.
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho + rho * b);
}

function demandMs(n: TopologyNode): number {
  if (n.kind !== 'server' && n.kind !== 'asg') return 0;
  const p = n.params;
  let d = 0;
  if (p.roles.includes('web')) d += p.webDemandMs;
  if (p.roles.includes('app')) d += p.appDemandMs;
  if (p.roles.includes('db')) d += 0.9 * p.dbReadDemandMs + 0.1 * p.dbWriteDemandMs;
  return d / INSTANCE_TYPES[p.instanceType].speed;
}

/**
 * Creates a simulation of a topology.
 * @example const sim = createSim(topology); sim.step(1 / 60); sim.frame().nodes
 */
export function createSim(topology: Topology, opts: SimOptions = {}): Sim {
  let topo = topology;
  let time = 0;
  let cost = 0;
  void opts;
  const evalNodes = () => {
    const ids = topo.nodes.map((n) => n.id);
    const index = new Map(ids.map((id, i) => [id, i]));
    const arrivals = new Float64Array(ids.length);
    const linkRates = new Float64Array(topo.links.length);
    for (const u of topo.nodes) {
      if (u.kind !== 'users') continue;
      const out = topo.links
        .map((l, i) => [l, i] as const)
        .filter(([l]) => l.from === u.id && !l.cut);
      for (const [l, li] of out) {
        const r = u.params.rate / out.length;
        linkRates[li] = r;
        const j = index.get(l.to) ?? 0;
        arrivals[j] = (arrivals[j] ?? 0) + r;
      }
    }
    return { ids, arrivals, linkRates };
  };
  const sim: Sim = {
    get time() {
      return time;
    },
    step(dt: number) {
      if (!(dt > 0) || !Number.isFinite(dt)) return;
      time += dt;
      let perHour = 0;
      for (const n of topo.nodes)
        if ('instanceType' in n.params)
          perHour += INSTANCE_TYPES[n.params.instanceType].pricePerHour;
      cost += (perHour * dt) / 3600;
    },
    setTopology(next: Topology) {
      topo = next;
    },
    inject(event: ScenarioEvent) {
      void event;
    },
    frame(): SimFrame {
      const { ids, arrivals, linkRates } = evalNodes();
      const nodes = new Float64Array(ids.length * NODE_FIELD_COUNT);
      const global = new Float64Array(GLOBAL_FIELD_COUNT);
      let offered = 0;
      let thr = 0;
      let latSum = 0;
      let perHour = 0;
      topo.nodes.forEach((n, i) => {
        const o = i * NODE_FIELD_COUNT;
        const lam = arrivals[i] ?? 0;
        nodes[o + F.up] = 1;
        nodes[o + F.instances] = 1;
        if (n.kind === 'users') offered += n.params.rate;
        if (!('instanceType' in n.params)) return;
        const it = INSTANCE_TYPES[n.params.instanceType];
        perHour += it.pricePerHour;
        nodes[o + F.costPerHour] = it.pricePerHour;
        nodes[o + F.cores] = it.vcpu * it.speed;
        const s = demandMs(n) / 1000;
        const c = it.vcpu;
        const a = lam * s;
        const rho = Math.min(1, a / c);
        nodes[o + F.utilization] = rho;
        nodes[o + F.arrivalRate] = lam;
        const served = Math.min(lam, s > 0 ? c / s : lam);
        nodes[o + F.throughput] = served;
        nodes[o + F.health] = rho >= 0.9 ? HEALTH.hot : HEALTH.ok;
        if (rho < 1 && s > 0) {
          const w = (erlangC(c, a) * s) / (c - a) + s;
          nodes[o + F.latencyMean] = w * 1000;
          nodes[o + F.backlog] = lam * w;
          latSum += served * w * 1000;
        }
        thr += served;
      });
      global[G.offered] = offered;
      global[G.attempts] = offered;
      global[G.throughput] = thr;
      global[G.goodput] = thr;
      global[G.latencyMean] = thr > 0 ? latSum / thr : 0;
      global[G.costPerHour] = perHour;
      global[G.costTotal] = cost;
      return {
        time,
        nodeIds: ids,
        nodes,
        linkIds: topo.links.map((l) => l.id),
        linkRates,
        global,
        events: [],
        diagnostics: [],
        targets: [],
        cohorts: [],
        instances: [],
      };
    },
  };
  return sim;
}
