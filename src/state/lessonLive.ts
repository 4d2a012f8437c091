/**
 * The open lesson's goal judged live from the running simulation's frames, with the same judge
 * `checkGoal` uses. One watcher for the app; components read `useLessonLive`.
 *
 * When the judged window starts: at 0:00 after a reset or a lesson load; after an edit during a
 * run, from the moment of the edit (the kernel carries the state over, and the warm-up absorbs the
 * transient) — except for goals whose test is timed (a failure at 1:00, a traffic step), which
 * only make sense from 0:00 and then ask for a reset.
 */
import { create } from 'zustand';
import type { Topology } from '../core/model';
import {
  createGoalJudge,
  goalIsTimed,
  liveMismatch,
  type GoalJudge,
  type LiveMismatch,
  type LiveStatus,
} from '../core/scenarios/live';
import type { SimFrame } from '../core/sim';
import { lessonByIdNow as lessonById } from './lessonCatalogue';
import { useLessonStore } from './lessonStore';
import { useProgressStore } from './lessonProgress';
import { simRelevantChange } from './simSession';
import { useSimStore } from './simStore';
import { useTopologyStore } from './topologyStore';

export type LiveView =
  /** No lesson open. */
  | { kind: 'none' }
  /** Waiting for the run to start (paused at its origin). */
  | { kind: 'idle'; mismatch: LiveMismatch[] }
  /** The design changed during a timed lesson's run: only a run from 0:00 can be judged. */
  | { kind: 'needsReset'; mismatch: LiveMismatch[] }
  | { kind: 'live'; status: LiveStatus; origin: number; mismatch: LiveMismatch[] };

export const useLessonLive = create<{ view: LiveView }>()(() => ({ view: { kind: 'none' } }));

interface Watch {
  lessonId: string;
  loads: number;
  topology: Topology;
  judge: GoalJudge | null;
  origin: number;
  lastTime: number;
  stale: boolean;
}

/**
 * Starts judging; returns the function that stops it.
 * @example useEffect(() => startLessonWatch(), [])
 */
export function startLessonWatch(): () => void {
  let watch: Watch | null = null;

  const publish = () => {
    if (!watch) return useLessonLive.setState({ view: { kind: 'none' } });
    const lesson = lessonById(watch.lessonId);
    if (!lesson) return;
    const mismatch = liveMismatch(watch.topology, lesson.goal);
    let view: LiveView;
    if (watch.stale) view = { kind: 'needsReset', mismatch };
    else if (!watch.judge) view = { kind: 'idle', mismatch };
    else {
      const status = watch.judge.status();
      // A structural failure (a tier not split yet) shows before the run starts.
      const started = watch.lastTime > watch.origin || status.phase === 'failed';
      view = started
        ? { kind: 'live', status, origin: watch.origin, mismatch }
        : { kind: 'idle', mismatch };
    }
    useLessonLive.setState({ view });
    // A pass counts only when the live run is the graded one (the lesson's traffic and failures).
    if (view.kind === 'live' && view.status.phase === 'passed' && mismatch.length === 0)
      useProgressStore.getState().markPassed(watch.lessonId);
  };

  const restart = (origin: number) => {
    if (!watch) return;
    const lesson = lessonById(watch.lessonId);
    watch.origin = origin;
    watch.lastTime = origin;
    watch.stale = false;
    watch.judge = lesson ? createGoalJudge(watch.topology, lesson.goal, origin) : null;
  };

  const sync = () => {
    const { lessonId, loads } = useLessonStore.getState();
    const topology = useTopologyStore.getState().doc.present;
    const time = useSimStore.getState().time;
    if (!lessonId) {
      watch = null;
      return publish();
    }
    if (!watch || watch.lessonId !== lessonId || watch.loads !== loads) {
      watch = { lessonId, loads, topology, judge: null, origin: 0, lastTime: 0, stale: false };
      restart(0);
      return publish();
    }
    if (simRelevantChange(watch.topology, topology)) {
      watch.topology = topology;
      const lesson = lessonById(lessonId);
      if (time > 0 && lesson && goalIsTimed(lesson.goal)) watch.stale = true;
      else restart(time);
      publish();
    }
  };

  const onFrame = (frame: SimFrame) => {
    if (!watch) return;
    if (frame.time < watch.lastTime - 1e-9 || (watch.stale && frame.time === 0)) {
      // A reset: the run starts over from 0:00 with the design as it is now.
      watch.topology = useTopologyStore.getState().doc.present;
      restart(0);
    }
    watch.lastTime = frame.time;
    if (watch.judge && !watch.stale) watch.judge.push(frame);
    publish();
  };

  sync();
  const unsubs = [
    useLessonStore.subscribe((s, prev) => {
      if (s.lessonId !== prev.lessonId || s.loads !== prev.loads) sync();
    }),
    useTopologyStore.subscribe((s, prev) => {
      if (s.doc.present !== prev.doc.present) sync();
    }),
    useSimStore.subscribe((s, prev) => {
      if (s.frame && s.frame !== prev.frame) onFrame(s.frame);
    }),
  ];
  return () => {
    for (const u of unsubs) u();
    useLessonLive.setState({ view: { kind: 'none' } });
  };
}
