/**
 * Lesson goals, checked by running the kernel headless: the same kernel the browser runs, so a
 * teacher's grade and a student's screen agree.
 * Contract: pure; no DOM, no React.
 */
import type { ScenarioEvent, Topology, TopologyNode } from '../model/schema';
import type { Text } from '../model/text';
import { createSim } from '../sim';
import { createGoalJudge, missingEventNodes } from './live';

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

/** A grading run that can be advanced in slices, so a caller can keep its thread responsive. */
export interface GoalRun {
  /** Simulated seconds the run lasts (warm-up + window). */
  readonly endSec: number;
  /** Simulated seconds run so far. */
  readonly time: number;
  /** Advances by at most `maxSteps` kernel steps; returns true when the run is complete. */
  advance(maxSteps: number): boolean;
  /** The judgement (final once `advance` has returned true). */
  result(): GoalResult;
}

/**
 * Starts grading a topology: the goal's traffic and failure events imposed, sampled once per
 * simulated second by the same judge the live lesson player uses.
 * @example const run = startGoalRun(topology, goal); while (!run.advance(500)) await tick();
 */
export function startGoalRun(topology: Topology, goal: Goal, dt = 0.1): GoalRun {
  const missing = missingEventNodes(topology, goal);
  const graded = gradedTopology(topology, {
    ...goal,
    events: (goal.events ?? []).filter((e) => !('node' in e) || !missing.includes(e.node)),
  });
  const sim = createSim(graded);
  const judge = createGoalJudge(graded, goal);
  const end = goal.warmupSec + goal.windowSec;
  let nextSample = 1;
  return {
    endSec: end,
    get time() {
      return sim.time;
    },
    advance(maxSteps) {
      for (let i = 0; i < maxSteps && sim.time < end - 1e-9; i++) {
        sim.step(Math.min(dt, end - sim.time));
        // frame() allocates: only build one when the judge will take it as a sample.
        if (sim.time + 1e-9 < nextSample) continue;
        nextSample = Math.floor(sim.time + 1e-9) + 1;
        judge.push(sim.frame());
      }
      return sim.time >= end - 1e-9;
    },
    result: () => judge.result(),
  };
}

/**
 * Runs the topology under the goal's traffic and judges it.
 * @example checkGoal(solution, lesson.goal).passed === true
 */
export function checkGoal(topology: Topology, goal: Goal, dt = 0.1): GoalResult {
  const run = startGoalRun(topology, goal, dt);
  run.advance(Infinity);
  return run.result();
}
