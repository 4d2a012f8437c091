import { describe, expect, it } from 'vitest';
import { checkGoal, lessonById, startGoalRun } from '../../core/scenarios';
import type { CheckMessage } from './checkRunner';
import { runCheck, runInSlices } from './runCheck';

/** Deferred calls run when the test says, with a clock that advances 1 ms per reading. */
function manualDeps() {
  const queue: Array<() => void> = [];
  let clock = 0;
  return {
    deps: { now: () => clock++, defer: (fn: () => void) => void queue.push(fn) },
    queue,
    drain() {
      let turns = 0;
      while (queue.length > 0) {
        queue.shift()!();
        turns++;
      }
      return turns;
    },
  };
}

describe('runInSlices', () => {
  it('yields between slices, reports rising progress and ends with checkGoal’s result', () => {
    const lesson = lessonById('dns-round-robin')!;
    const m = manualDeps();
    const messages: CheckMessage[] = [];
    runInSlices(startGoalRun(lesson.solution, lesson.goal), (x) => messages.push(x), m.deps, 4);
    expect(messages).toEqual([]); // nothing runs synchronously
    const turns = m.drain();
    expect(turns).toBeGreaterThan(10);
    const progress = messages.flatMap((x) => (x.type === 'progress' ? [x.progress] : []));
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.every((p) => p > 0 && p < 1)).toBe(true);
    expect(messages.at(-1)).toEqual({
      type: 'done',
      result: checkGoal(lesson.solution, lesson.goal),
    });
  });

  it('stops when cancelled', () => {
    const lesson = lessonById('auto-scaling')!;
    const m = manualDeps();
    const messages: CheckMessage[] = [];
    const cancel = runInSlices(
      startGoalRun(lesson.start, lesson.goal),
      (x) => messages.push(x),
      m.deps,
      4,
    );
    m.queue.shift()!();
    m.queue.shift()!();
    cancel();
    m.drain();
    expect(messages.some((x) => x.type === 'done')).toBe(false);
  });
});

describe('runCheck', () => {
  it('reports a failure to start as an error message', () => {
    const m = manualDeps();
    const messages: CheckMessage[] = [];
    const lesson = lessonById('one-box')!;
    runCheck(
      { goal: lesson.goal, topology: { ...lesson.start, nodes: null as never } },
      (x) => messages.push(x),
      m.deps,
    );
    m.drain();
    expect(messages).toHaveLength(1);
    expect(messages[0]!.type).toBe('error');
  });
});
