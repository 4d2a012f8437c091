/**
 * Lesson goals, checked by running the kernel headless: the same kernel the browser runs, so a
 * teacher's grade and a student's screen agree.
 * Contract: pure; no DOM, no React.
 */
import { KINDS } from '../model/kinds';
import type { ScenarioEvent, Topology, TopologyNode } from '../model/schema';
import { fill, t, type Text } from '../model/text';
import { createSim, F, G, HEALTH, NODE_FIELD_COUNT } from '../sim';

/** The traffic a lesson imposes on every users node while grading (the learner cannot dodge it). */
export interface GoalTraffic {
  rate: number;
  pattern?: 'constant' | 'ramp' | 'step' | 'spike' | 'diurnal';
  peakRate?: number;
  startSec?: number;
  durationSec?: number;
  readRatio?: number;
}

export interface Goal {
  /** Bilingual one-line statement shown in the lesson player. */
  summary: Text;
  traffic: GoalTraffic;
  /** Failure events injected while grading (they name nodes of the lesson's start topology). */
  events?: ScenarioEvent[];
  /** Simulated seconds before the judged window opens. */
  warmupSec: number;
  /** Length of the judged window, in simulated seconds. */
  windowSec: number;
  /** Every machine's CPU stays below this in every sampled second of the window (0..1). */
  maxUtilization?: number;
  /** End-to-end p95 stays below this (ms) in every sampled second of the window. */
  maxP95Ms?: number;
  /** Failed share of requests, averaged over the window. */
  maxErrorRatio?: number;
  /** Running cost averaged over the whole run, $/hour. */
  maxCostPerHour?: number;
  /** At least this many machines of a kind must exist (e.g. two web servers). */
  minMachines?: { count: number; role?: 'web' | 'app' | 'db'; kind?: TopologyNode['kind'] };
  /** No single machine may run both of these roles (a tier split). */
  separate?: readonly ['web' | 'app' | 'db', 'web' | 'app' | 'db'];
}

export interface GoalResult {
  passed: boolean;
  /** Why it failed (empty when passed), in both languages. */
  reasons: Text[];
  measured: {
    maxUtilization: number;
    maxUtilizationNode: string;
    maxP95Ms: number;
    errorRatio: number;
    costPerHour: number;
  };
}

/** The learner's topology with the lesson's traffic and failure events imposed. */
export function gradedTopology(topology: Topology, goal: Goal): Topology {
  return {
    ...topology,
    nodes: topology.nodes.map((n) =>
      n.kind === 'users'
        ? {
            ...n,
            params: {
              ...n.params,
              rate: goal.traffic.rate,
              pattern: goal.traffic.pattern ?? 'constant',
              peakRate: goal.traffic.peakRate ?? n.params.peakRate,
              startSec: goal.traffic.startSec ?? n.params.startSec,
              durationSec: goal.traffic.durationSec ?? n.params.durationSec,
              readRatio: goal.traffic.readRatio ?? n.params.readRatio,
            },
          }
        : n,
    ),
    scenario: {
      ...topology.scenario,
      events: [...topology.scenario.events, ...(goal.events ?? [])],
    },
  };
}

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

function countMachines(topology: Topology, want: NonNullable<Goal['minMachines']>): number {
  let n = 0;
  for (const node of topology.nodes) {
    if (want.kind && node.kind !== want.kind) continue;
    if (!KINDS[node.kind].isInstance) continue;
    if (want.role) {
      const roles = 'roles' in node.params ? node.params.roles : [];
      const impliedDb = node.kind === 'dbPrimary' && want.role === 'db';
      if (!roles.includes(want.role) && !impliedDb) continue;
      if (node.kind === 'asg') {
        n += node.params.minSize;
        continue;
      }
    }
    n += 1;
  }
  return n;
}

/**
 * Runs the topology under the goal's traffic and judges it.
 * @example checkGoal(solution, lesson.goal).passed === true
 */
export function checkGoal(topology: Topology, goal: Goal, dt = 0.1): GoalResult {
  const missing = (goal.events ?? []).flatMap((e) =>
    'node' in e && !topology.nodes.some((n) => n.id === e.node) ? [e.node] : [],
  );
  const reasons: Text[] = [];
  if (missing.length > 0)
    reasons.push(
      fill(
        t(
          'This lesson tests a failure of {ids}: keep that node.',
          '이 과제는 {ids}의 장애를 시험합니다. 그 노드를 지우지 마세요.',
        ),
        { ids: missing.join(', ') },
      ),
    );
  const graded = gradedTopology(topology, {
    ...goal,
    events: (goal.events ?? []).filter((e) => !('node' in e) || !missing.includes(e.node)),
  });
  const sim = createSim(graded);
  const machines = new Set(graded.nodes.filter((n) => KINDS[n.kind].isInstance).map((n) => n.id));
  const end = goal.warmupSec + goal.windowSec;
  let maxUtil = 0;
  let maxUtilNode = '';
  let maxP95 = 0;
  let errSum = 0;
  let attemptSum = 0;
  let costSum = 0;
  let costSamples = 0;
  let nextSample = 1;
  while (sim.time < end - 1e-9) {
    sim.step(Math.min(dt, end - sim.time));
    if (sim.time + 1e-9 < nextSample) continue;
    nextSample = Math.floor(sim.time + 1e-9) + 1;
    const frame = sim.frame();
    costSum += frame.global[G.costPerHour] ?? 0;
    costSamples += 1;
    if (sim.time < goal.warmupSec) continue;
    frame.nodeIds.forEach((id, i) => {
      if (!machines.has(id)) return;
      const base = i * NODE_FIELD_COUNT;
      if (frame.nodes[base + F.health] === HEALTH.down) return;
      const u = frame.nodes[base + F.utilization] ?? 0;
      if (u > maxUtil) {
        maxUtil = u;
        maxUtilNode = id;
      }
    });
    maxP95 = Math.max(maxP95, frame.global[G.latencyP95] ?? 0);
    errSum += frame.global[G.errorRate] ?? 0;
    attemptSum += frame.global[G.attempts] ?? 0;
  }
  const errorRatio = attemptSum > 0 ? errSum / attemptSum : 0;
  const cost = costSamples > 0 ? costSum / costSamples : 0;
  const label = (id: string) => graded.nodes.find((n) => n.id === id)?.label || id;

  if (goal.maxUtilization !== undefined && maxUtil >= goal.maxUtilization)
    reasons.push(
      fill(
        t(
          '{node} reached {u} CPU (goal: under {max}).',
          '{node}의 CPU가 {u}까지 올랐습니다(목표: {max} 미만).',
        ),
        {
          node: label(maxUtilNode),
          u: pct(maxUtil),
          max: pct(goal.maxUtilization),
        },
      ),
    );
  if (goal.maxP95Ms !== undefined && maxP95 >= goal.maxP95Ms)
    reasons.push(
      fill(
        t(
          'p95 latency reached {v} ms (goal: under {max} ms).',
          'p95 지연이 {v} ms까지 올랐습니다(목표: {max} ms 미만).',
        ),
        {
          v: maxP95.toFixed(0),
          max: goal.maxP95Ms,
        },
      ),
    );
  if (goal.maxErrorRatio !== undefined && errorRatio > goal.maxErrorRatio)
    reasons.push(
      fill(
        t(
          '{v} of requests failed (goal: at most {max}).',
          '요청의 {v}가 실패했습니다(목표: {max} 이하).',
        ),
        {
          v: pct(errorRatio),
          max: pct(goal.maxErrorRatio),
        },
      ),
    );
  if (goal.maxCostPerHour !== undefined && cost > goal.maxCostPerHour)
    reasons.push(
      fill(
        t(
          'It costs ${v} per hour (goal: at most ${max}).',
          '시간당 ${v}가 듭니다(목표: ${max} 이하).',
        ),
        {
          v: cost.toFixed(3),
          max: goal.maxCostPerHour.toFixed(3),
        },
      ),
    );
  if (goal.minMachines) {
    const have = countMachines(topology, goal.minMachines);
    if (have < goal.minMachines.count)
      reasons.push(
        fill(
          t(
            'Needs at least {n} machines running {what}; there are {have}.',
            '{what}을(를) 돌리는 머신이 {n}대 이상 필요합니다. 지금은 {have}대입니다.',
          ),
          {
            n: goal.minMachines.count,
            have,
            what: goal.minMachines.role ?? goal.minMachines.kind ?? 'it',
          },
        ),
      );
  }
  if (goal.separate) {
    const [a, b] = goal.separate;
    const both = topology.nodes.find(
      (n) => 'roles' in n.params && n.params.roles.includes(a) && n.params.roles.includes(b),
    );
    if (both)
      reasons.push(
        fill(
          t(
            '{node} still runs both {a} and {b}: give {b} its own server.',
            '{node}이(가) 아직 {a}와(과) {b}를 함께 돌립니다. {b}에 서버를 따로 주세요.',
          ),
          { node: both.label || both.id, a, b },
        ),
      );
  }
  return {
    passed: reasons.length === 0,
    reasons,
    measured: {
      maxUtilization: maxUtil,
      maxUtilizationNode: maxUtilNode,
      maxP95Ms: maxP95,
      errorRatio,
      costPerHour: cost,
    },
  };
}
