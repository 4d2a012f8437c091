import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Topology } from '../core/model';
import { createSim, type SimFrame } from '../core/sim';
import { lessonById } from '../core/scenarios';
import { startLessonWatch, useLessonLive } from './lessonLive';
import { reloadProgress, useProgressStore } from './lessonProgress';
import { editorPort, resetLessonStore, setLessonEditorPort, useLessonStore } from './lessonStore';
import { resetSimStore, useSimStore } from './simStore';
import { resetTopologyStore, useTopologyStore } from './topologyStore';
import { loadLessons } from './lessonCatalogue';

// The page downloads the lessons on first use; these tests start with them in.
beforeAll(() => loadLessons());

let stop: () => void = () => {};
beforeEach(() => {
  resetLessonStore();
  resetSimStore();
  resetTopologyStore();
  reloadProgress(null);
  // The lesson's topology goes into the editor's store, as in the app, without a simulation.
  setLessonEditorPort({ load: (t) => useTopologyStore.getState().replaceTopology(t) });
  stop = startLessonWatch();
});
afterEach(() => {
  stop();
  setLessonEditorPort(editorPort);
});

/** Runs a topology in the kernel and shows its frames to the store every `every` seconds. */
function play(topology: Topology, from: number, to: number, every = 1) {
  const sim = createSim(topology);
  let next = every;
  while (sim.time < to - 1e-9) {
    sim.step(0.1);
    if (sim.time + 1e-9 < next) continue;
    next += every;
    if (sim.time < from) continue;
    const frame: SimFrame = sim.frame();
    useSimStore.setState({ frame, time: frame.time });
  }
}

const view = () => useLessonLive.getState().view;

describe('startLessonWatch', () => {
  it('idles before the run, then warms up, judges and passes, and counts the pass', () => {
    const lesson = lessonById('one-box')!;
    useLessonStore.getState().startLesson('one-box');
    useTopologyStore.getState().replaceTopology(lesson.solution);
    expect(view().kind).toBe('idle');
    play(lesson.solution, 0, 30);
    expect(view()).toMatchObject({ kind: 'live', status: { phase: 'warmup' } });
    play(lesson.solution, 0, 181, 2);
    expect(view()).toMatchObject({ kind: 'live', status: { phase: 'passed' }, mismatch: [] });
    expect(useProgressStore.getState().passed['one-box']).toBeDefined();
  });

  it('shows a structural failure before the run starts', () => {
    useLessonStore.getState().startLesson('split-app');
    expect(view()).toMatchObject({ kind: 'live', status: { phase: 'failed' } });
  });

  it('judges from the moment of an edit during a run of an untimed lesson', () => {
    const lesson = lessonById('scale-up')!;
    useLessonStore.getState().startLesson('scale-up');
    play(lesson.start, 0, 40);
    useTopologyStore.getState().replaceTopology(lesson.solution);
    play(lesson.solution, 41, 42);
    const v = view();
    expect(v.kind === 'live' && v.origin).toBeCloseTo(40, 6);
  });

  it('asks for a reset after an edit during a timed lesson, and starts over on one', () => {
    const lesson = lessonById('lb-failover')!;
    useLessonStore.getState().startLesson('lb-failover');
    play(lesson.start, 0, 20);
    useTopologyStore.getState().replaceTopology(lesson.solution);
    expect(view().kind).toBe('needsReset');
    // The run is reset: the worker posts a frame at 0:00.
    const atZero = createSim(lesson.solution).frame();
    useSimStore.setState({ frame: atZero, time: 0 });
    expect(view().kind).toBe('idle');
    play(lesson.solution, 0, 5);
    expect(view()).toMatchObject({ kind: 'live', origin: 0, status: { phase: 'warmup' } });
  });

  it('says when the learner changed the lesson traffic', () => {
    const lesson = lessonById('one-box')!;
    useLessonStore.getState().startLesson('one-box');
    const slower = {
      ...lesson.solution,
      nodes: lesson.solution.nodes.map((n) =>
        n.kind === 'users' ? { ...n, params: { ...n.params, rate: 5 } } : n,
      ),
    };
    useTopologyStore.getState().replaceTopology(slower);
    play(slower, 0, 181, 3);
    expect(view()).toMatchObject({
      kind: 'live',
      status: { phase: 'passed' },
      mismatch: ['traffic'],
    });
    expect(useProgressStore.getState().passed['one-box']).toBeUndefined();
  });

  it('shows nothing without a lesson', () => {
    expect(view().kind).toBe('none');
  });
});
