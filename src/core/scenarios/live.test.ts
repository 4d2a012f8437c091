import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSim,
  F,
  G,
  GLOBAL_FIELD_COUNT,
  HEALTH,
  NODE_FIELD_COUNT,
  type SimFrame,
} from '../sim';
import { topo } from './build';
import { checkGoal, gradedTopology, type Goal } from './goal';
import { LESSONS, lessonById } from './lessons';
import { createGoalJudge, goalIsTimed, liveMismatch, structuralReasons } from './live';

const box = topo(
  'box',
  [
    ['users-1', 'users', 'Users', 0, 0, { rate: 50 }],
    ['lb-1', 'lb', 'ALB', 100, 0, {}],
    ['server-1', 'server', 'web-1', 200, 0, { roles: ['web', 'app', 'db'] }],
    ['server-2', 'server', 'web-2', 200, 100, { roles: ['web', 'app', 'db'] }],
  ],
  [
    ['users-1', 'lb-1'],
    ['lb-1', 'server-1'],
    ['lb-1', 'server-2'],
  ],
);

const goal: Goal = {
  summary: { en: 'g', ko: 'g' },
  traffic: { rate: 50 },
  warmupSec: 10,
  windowSec: 20,
  maxUtilization: 0.9,
  maxP95Ms: 300,
  maxErrorRatio: 0.01,
  maxCostPerHour: 1,
};

interface NodeValues {
  utilization?: number;
  health?: number;
}

/** A frame of the `box` topology with chosen values. */
function frame(
  time: number,
  values: Record<string, NodeValues> = {},
  global: { p95?: number; errors?: number; attempts?: number; cost?: number } = {},
): SimFrame {
  const nodeIds = box.nodes.map((n) => n.id);
  const nodes = new Float64Array(nodeIds.length * NODE_FIELD_COUNT);
  nodeIds.forEach((id, i) => {
    nodes[i * NODE_FIELD_COUNT + F.utilization] = values[id]?.utilization ?? 0.5;
    nodes[i * NODE_FIELD_COUNT + F.health] = values[id]?.health ?? HEALTH.ok;
  });
  const g = new Float64Array(GLOBAL_FIELD_COUNT);
  g[G.latencyP95] = global.p95 ?? 50;
  g[G.errorRate] = global.errors ?? 0;
  g[G.attempts] = global.attempts ?? 50;
  g[G.costPerHour] = global.cost ?? 0.2;
  return {
    time,
    nodeIds,
    nodes,
    linkIds: [],
    linkRates: new Float64Array(0),
    global: g,
    events: [],
    diagnostics: [],
    targets: [],
    cohorts: [],
    instances: [],
  };
}

describe('createGoalJudge', () => {
  it('warms up, judges, then passes once the last second of the window is sampled', () => {
    const judge = createGoalJudge(box, goal);
    judge.push(frame(5));
    expect(judge.status().phase).toBe('warmup');
    judge.push(frame(15));
    expect(judge.status().phase).toBe('judging');
    expect(judge.done).toBe(false);
    judge.push(frame(30));
    expect(judge.done).toBe(true);
    expect(judge.status()).toMatchObject({ phase: 'passed', elapsedSec: 30, windowEndSec: 30 });
  });

  it('ignores CPU during the warm-up, of dead machines and of nodes that are not machines', () => {
    const judge = createGoalJudge(box, goal);
    judge.push(frame(5, { 'server-1': { utilization: 1 } }));
    judge.push(frame(12, { 'server-2': { utilization: 1, health: HEALTH.down } }));
    judge.push(frame(20, { 'lb-1': { utilization: 1 }, 'users-1': { utilization: 1 } }));
    judge.push(frame(30));
    expect(judge.result().passed).toBe(true);
    expect(judge.result().measured.maxUtilization).toBe(0.5);
  });

  it('fails at once, naming the machine, when a CPU crosses the limit inside the window', () => {
    const judge = createGoalJudge(box, goal);
    judge.push(frame(12, { 'server-2': { utilization: 0.95 } }));
    const s = judge.status();
    expect(s.phase).toBe('failed');
    expect(s.result.reasons.map((r) => r.en)).toEqual([
      'web-2 reached 95.0 % CPU (goal: under 90.0 %).',
    ]);
    expect(s.result.reasons[0]?.ko).toContain('web-2의 CPU');
  });

  it('decides averages (errors, cost) only when the window closes', () => {
    const judge = createGoalJudge(box, goal);
    for (let s = 1; s <= 10; s++) judge.push(frame(s, {}, { errors: s === 10 ? 5 : 0 }));
    expect(judge.status().phase).toBe('judging');
    for (let s = 11; s <= 30; s++) judge.push(frame(s, {}, { errors: 0 }));
    // 5 failed of 21 window samples × 50 attempts: 0.48 % < 1 %.
    expect(judge.status().phase).toBe('passed');
    expect(judge.result().measured.errorRatio).toBeCloseTo(5 / (21 * 50), 12);
    const failing = createGoalJudge(box, goal);
    for (let s = 1; s <= 30; s++) failing.push(frame(s, {}, { errors: s === 10 ? 11 : 0 }));
    expect(failing.result().reasons.map((r) => r.en)).toEqual([
      '1.0 % of requests failed (goal: at most 1.0 %).',
    ]);
  });

  it('averages cost over the whole run, warm-up included', () => {
    const judge = createGoalJudge(box, goal);
    for (let s = 1; s <= 30; s++) judge.push(frame(s, {}, { cost: s <= 10 ? 4 : 0.5 }));
    expect(judge.result().measured.costPerHour).toBeCloseTo((10 * 4 + 20 * 0.5) / 30, 12);
    expect(judge.result().reasons.map((r) => r.en)).toEqual([
      'It costs $1.667 per hour (goal: at most $1.000).',
    ]);
  });

  it('counts a frame that jumps several seconds once per second it stands for', () => {
    const a = createGoalJudge(box, goal);
    const b = createGoalJudge(box, goal);
    a.push(frame(30, {}, { errors: 1, cost: 0.3 }));
    for (let s = 1; s <= 30; s++) b.push(frame(s, {}, { errors: 1, cost: 0.3 }));
    expect(a.result()).toEqual(b.result());
  });

  it('measures from its origin and ignores frames past the end of the window', () => {
    const judge = createGoalJudge(box, goal, 100);
    judge.push(frame(105, { 'server-1': { utilization: 0.99 } }));
    expect(judge.status().phase).toBe('warmup');
    judge.push(frame(130));
    judge.push(frame(140, { 'server-1': { utilization: 0.99 } }));
    expect(judge.status()).toMatchObject({ phase: 'passed', elapsedSec: 30 });
  });

  it('any step sizes give the per-second result for a steady run (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 7, noNaN: true }), { minLength: 1 }),
        (steps) => {
          const steady = (time: number) => frame(time, {}, { errors: 0.2, p95: 80, cost: 0.4 });
          const reference = createGoalJudge(box, goal);
          for (let s = 1; s <= 30; s++) reference.push(steady(s));
          const judge = createGoalJudge(box, goal);
          let time = 0;
          for (let i = 0; !judge.done; i++) {
            time += steps[i % steps.length]!;
            judge.push(steady(time));
          }
          const r = judge.result();
          const want = reference.result();
          expect(r.passed).toBe(want.passed);
          expect(r.measured.errorRatio).toBeCloseTo(want.measured.errorRatio, 12);
          expect(r.measured.costPerHour).toBeCloseTo(want.measured.costPerHour, 12);
          expect(r.measured.maxP95Ms).toBe(want.measured.maxP95Ms);
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });
});

describe('structural checks', () => {
  it('reports a kept failure node first, and machine counts and tier splits last', () => {
    const failover = lessonById('lb-failover')!;
    const without = {
      ...failover.start,
      nodes: failover.start.nodes.filter((n) => n.id !== 'server-1'),
    };
    const r = structuralReasons(without, failover.goal);
    expect(r.before.map((x) => x.en)).toEqual([
      'This lesson tests a failure of server-1: keep that node.',
    ]);
    expect(r.after.map((x) => x.en)).toEqual([
      'Needs at least 2 machines running web; there are 1.',
    ]);
    const split = lessonById('split-app')!;
    expect(structuralReasons(split.start, split.goal).after.map((x) => x.en)).toEqual([
      'web + app still runs both web and app: give app its own server.',
    ]);
    expect(structuralReasons(split.solution, split.goal)).toEqual({ before: [], after: [] });
  });

  it('a structural failure shows before the run starts', () => {
    const split = lessonById('split-app')!;
    expect(createGoalJudge(split.start, split.goal).status().phase).toBe('failed');
  });
});

describe('liveMismatch and goalIsTimed', () => {
  it('every lesson start and solution runs live exactly as it is graded', () => {
    for (const l of LESSONS) {
      expect(liveMismatch(l.start, l.goal), l.id).toEqual([]);
      expect(liveMismatch(l.solution, l.goal), l.id).toEqual([]);
    }
  });

  it('notices changed traffic and a removed failure event', () => {
    const l = lessonById('lb-failover')!;
    const edited = {
      ...l.start,
      nodes: l.start.nodes.map((n) =>
        n.kind === 'users' ? { ...n, params: { ...n.params, rate: 10 } } : n,
      ),
      scenario: { ...l.start.scenario, events: [] },
    };
    expect(liveMismatch(edited, l.goal)).toEqual(['traffic', 'events']);
  });

  it('only goals with failure events or varying traffic are timed', () => {
    expect(goalIsTimed(lessonById('one-box')!.goal)).toBe(false);
    expect(goalIsTimed(lessonById('lb-failover')!.goal)).toBe(true);
    expect(goalIsTimed(lessonById('auto-scaling')!.goal)).toBe(true);
  });
});

describe('the live judge agrees with checkGoal', () => {
  /** Runs the graded topology the way the browser does: frames at a fixed interval. */
  function judgeLive(lessonId: string, which: 'start' | 'solution', frameEvery: number) {
    const l = lessonById(lessonId)!;
    const graded = gradedTopology(l[which], l.goal);
    const sim = createSim(graded);
    const judge = createGoalJudge(graded, l.goal);
    const end = l.goal.warmupSec + l.goal.windowSec;
    let nextFrame = frameEvery;
    while (!judge.done && sim.time < end + 1) {
      sim.step(0.1);
      if (sim.time + 1e-9 < nextFrame) continue;
      nextFrame += frameEvery;
      judge.push(sim.frame());
    }
    return judge.result();
  }

  it.each(LESSONS.map((l) => [l.id]))('%s: same verdict on the solution', (id) => {
    const l = lessonById(id)!;
    const want = checkGoal(l.solution, l.goal);
    expect(judgeLive(id, 'solution', 0.5).passed).toBe(want.passed);
  });

  it('with frames every 0.1 s, the same numbers as checkGoal', () => {
    for (const id of ['one-box', 'scale-up', 'split-db']) {
      const l = lessonById(id)!;
      for (const which of ['start', 'solution'] as const)
        expect(judgeLive(id, which, 0.1), `${id} ${which}`).toEqual(checkGoal(l[which], l.goal));
    }
  });
});
