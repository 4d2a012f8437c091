/**
 * Judges a lesson goal from a stream of simulation frames, one sample per simulated second, so
 * the same arithmetic grades a headless run (`checkGoal`) and the live run in the browser.
 * Contract: pure; no DOM, no React, no kernel (frames come from whoever runs the simulation).
 */
import { KINDS } from '../model/kinds';
import type { ScenarioEvent, Topology } from '../model/schema';
import { fill, t, type Text } from '../model/text';
import { F, G, HEALTH, NODE_FIELD_COUNT, type SimFrame } from '../sim/types';
import type { Goal, GoalResult } from './goal';

/** Where a judged run stands: before the window, inside it, or decided. */
export type LivePhase = 'warmup' | 'judging' | 'passed' | 'failed';

export interface LiveStatus {
  phase: LivePhase;
  /** Simulated seconds since the judge's origin, as of the last sample. */
  elapsedSec: number;
  /** When the judged window opens and closes, relative to the origin. */
  windowStartSec: number;
  windowEndSec: number;
  /** The judgement of what has been sampled so far (final once phase is passed or failed). */
  result: GoalResult;
}

export interface GoalJudge {
  /**
   * Feeds a frame. Only frames that reach a new whole second (relative to the origin) are
   * samples; a frame that jumps several seconds (fast playback) stands for each of them.
   */
  push(frame: SimFrame): void;
  /** True once the last second of the window has been sampled. */
  readonly done: boolean;
  result(): GoalResult;
  status(): LiveStatus;
}

const EPS = 1e-9;
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

/** Nodes that the goal's failure events name but the topology no longer has. */
export function missingEventNodes(topology: Topology, goal: Goal): string[] {
  return (goal.events ?? []).flatMap((e) =>
    'node' in e && !topology.nodes.some((n) => n.id === e.node) ? [e.node] : [],
  );
}

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
 * The goal's checks that need no simulation (machine counts, tier splits, kept nodes), in the
 * order `checkGoal` reports them: `before` precede the measured reasons, `after` follow them.
 * @example structuralReasons(lesson.start, lesson.goal).after.length > 0 // still all-in-one
 */
export function structuralReasons(
  topology: Topology,
  goal: Goal,
): { before: Text[]; after: Text[] } {
  const before: Text[] = [];
  const after: Text[] = [];
  const missing = missingEventNodes(topology, goal);
  if (missing.length > 0)
    before.push(
      fill(
        t(
          'This lesson tests a failure of {ids}: keep that node.',
          '이 과제는 {ids}의 장애를 시험합니다. 그 노드를 지우지 마세요.',
        ),
        { ids: missing.join(', ') },
      ),
    );
  if (goal.minMachines) {
    const have = countMachines(topology, goal.minMachines);
    if (have < goal.minMachines.count)
      after.push(
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
      after.push(
        fill(
          t(
            '{node} still runs both {a} and {b}: give {b} its own server.',
            '{node}이(가) 아직 {a}와(과) {b}를 함께 돌립니다. {b}에 서버를 따로 주세요.',
          ),
          { node: both.label || both.id, a, b },
        ),
      );
  }
  return { before, after };
}

/**
 * Starts judging `topology` against `goal`, with the window measured from `origin` (simulated
 * seconds): 0 for a run from the start, or the moment of the learner's last edit.
 * @example
 * const judge = createGoalJudge(topology, lesson.goal);
 * for (const frame of frames) judge.push(frame);
 * judge.status().phase // 'passed'
 */
export function createGoalJudge(topology: Topology, goal: Goal, origin = 0): GoalJudge {
  const machines = new Set(topology.nodes.filter((n) => KINDS[n.kind].isInstance).map((n) => n.id));
  const structural = structuralReasons(topology, goal);
  const end = goal.warmupSec + goal.windowSec;
  let maxUtil = 0;
  let maxUtilNode = '';
  let maxP95 = 0;
  let errSum = 0;
  let attemptSum = 0;
  let costSum = 0;
  let costSamples = 0;
  let nextSample = 1;
  let elapsed = 0;

  const label = (id: string) => topology.nodes.find((n) => n.id === id)?.label || id;

  const measuredReasons = (final: boolean): Text[] => {
    const errorRatio = attemptSum > 0 ? errSum / attemptSum : 0;
    const cost = costSamples > 0 ? costSum / costSamples : 0;
    const reasons: Text[] = [];
    if (goal.maxUtilization !== undefined && maxUtil >= goal.maxUtilization)
      reasons.push(
        fill(
          t(
            '{node} reached {u} CPU (goal: under {max}).',
            '{node}의 CPU가 {u}까지 올랐습니다(목표: {max} 미만).',
          ),
          { node: label(maxUtilNode), u: pct(maxUtil), max: pct(goal.maxUtilization) },
        ),
      );
    if (goal.maxP95Ms !== undefined && maxP95 >= goal.maxP95Ms)
      reasons.push(
        fill(
          t(
            'p95 latency reached {v} ms (goal: under {max} ms).',
            'p95 지연이 {v} ms까지 올랐습니다(목표: {max} ms 미만).',
          ),
          { v: maxP95.toFixed(0), max: goal.maxP95Ms },
        ),
      );
    // Averages can still come back under their limit until the window closes.
    if (!final) return reasons;
    if (goal.maxErrorRatio !== undefined && errorRatio > goal.maxErrorRatio)
      reasons.push(
        fill(
          t(
            '{v} of requests failed (goal: at most {max}).',
            '요청의 {v}가 실패했습니다(목표: {max} 이하).',
          ),
          { v: pct(errorRatio), max: pct(goal.maxErrorRatio) },
        ),
      );
    if (goal.maxCostPerHour !== undefined && cost > goal.maxCostPerHour)
      reasons.push(
        fill(
          t(
            'It costs ${v} per hour (goal: at most ${max}).',
            '시간당 ${v}가 듭니다(목표: ${max} 이하).',
          ),
          { v: cost.toFixed(3), max: goal.maxCostPerHour.toFixed(3) },
        ),
      );
    return reasons;
  };

  const judgeSoFar = (final: boolean): GoalResult => {
    const reasons = [...structural.before, ...measuredReasons(final), ...structural.after];
    return {
      passed: reasons.length === 0,
      reasons,
      measured: {
        maxUtilization: maxUtil,
        maxUtilizationNode: maxUtilNode,
        maxP95Ms: maxP95,
        errorRatio: attemptSum > 0 ? errSum / attemptSum : 0,
        costPerHour: costSamples > 0 ? costSum / costSamples : 0,
      },
    };
  };

  const sampleOnce = (frame: SimFrame, rel: number) => {
    costSum += frame.global[G.costPerHour] ?? 0;
    costSamples += 1;
    if (rel < goal.warmupSec) return;
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
  };

  return {
    push(frame) {
      const rel = frame.time - origin;
      if (rel + EPS < nextSample || nextSample > end + EPS) return;
      elapsed = rel;
      // One sample per whole second crossed, but never past the end of the window.
      const last = Math.min(Math.floor(rel + EPS), Math.floor(end + EPS));
      for (let s = nextSample; s <= last; s++) sampleOnce(frame, s === last ? rel : s);
      nextSample = Math.floor(rel + EPS) + 1;
    },
    get done() {
      return nextSample > end + EPS;
    },
    result: () => judgeSoFar(true),
    status() {
      const done = nextSample > end + EPS;
      const result = judgeSoFar(done);
      const phase: LivePhase = done
        ? result.passed
          ? 'passed'
          : 'failed'
        : result.reasons.length > 0
          ? 'failed'
          : elapsed < goal.warmupSec
            ? 'warmup'
            : 'judging';
      return {
        phase,
        elapsedSec: Math.min(elapsed, end),
        windowStartSec: goal.warmupSec,
        windowEndSec: end,
        result,
      };
    },
  };
}

/** Ways the live run differs from the graded one, so the player can say its verdict is only a preview. */
export type LiveMismatch = 'traffic' | 'events';

const TRAFFIC_KEYS = [
  'rate',
  'pattern',
  'peakRate',
  'startSec',
  'durationSec',
  'readRatio',
] as const;

function sameEvent(a: ScenarioEvent, b: ScenarioEvent): boolean {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  return [...keys].every((k) => ra[k] === rb[k]);
}

/**
 * Whether running `topology` as it is reproduces what `checkGoal` grades: the users send the
 * goal's traffic and the scenario holds the goal's failure events.
 * @example liveMismatch(lesson.start, lesson.goal) // [] — lesson starts carry the lesson traffic
 */
export function liveMismatch(topology: Topology, goal: Goal): LiveMismatch[] {
  const out: LiveMismatch[] = [];
  const wanted: Record<(typeof TRAFFIC_KEYS)[number], unknown> = {
    rate: goal.traffic.rate,
    pattern: goal.traffic.pattern ?? 'constant',
    peakRate: goal.traffic.peakRate,
    startSec: goal.traffic.startSec,
    durationSec: goal.traffic.durationSec,
    readRatio: goal.traffic.readRatio,
  };
  const trafficDiffers = topology.nodes.some(
    (n) =>
      n.kind === 'users' &&
      TRAFFIC_KEYS.some((k) => wanted[k] !== undefined && n.params[k] !== wanted[k]),
  );
  if (trafficDiffers) out.push('traffic');
  const have = topology.scenario.events;
  if ((goal.events ?? []).some((e) => !have.some((h) => sameEvent(h, e)))) out.push('events');
  return out;
}

/**
 * A goal whose test depends on the clock (failure events, a traffic step or ramp) can only be
 * judged live over a run from 0:00; other goals can be judged from any moment on.
 */
export const goalIsTimed = (goal: Goal): boolean =>
  (goal.events?.length ?? 0) > 0 || (goal.traffic.pattern ?? 'constant') !== 'constant';
