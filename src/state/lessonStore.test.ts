import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Topology } from '../core/model';
import { LESSONS, lessonById } from '../core/scenarios';
import {
  LAST_STEP,
  STEPS,
  editorPort,
  moveStep,
  resetLessonStore,
  setLessonEditorPort,
  useLessonStore,
} from './lessonStore';
import { loadLessons } from './lessonCatalogue';

// The page downloads the lessons on first use; these tests start with them in.
beforeAll(() => loadLessons());

let loaded: Topology[] = [];
beforeEach(() => {
  loaded = [];
  resetLessonStore();
  setLessonEditorPort({ load: (t) => void loaded.push(t) });
});
afterEach(() => {
  setLessonEditorPort(editorPort);
});

const store = () => useLessonStore.getState();

describe('moveStep', () => {
  it('walks intro → task → notice → goal, then into the next lesson', () => {
    expect(STEPS).toEqual(['intro', 'task', 'notice', 'goal']);
    expect(moveStep({ lesson: 0, step: 0 }, 1, 3)).toEqual({ lesson: 0, step: 1 });
    expect(moveStep({ lesson: 0, step: LAST_STEP }, 1, 3)).toEqual({ lesson: 1, step: 0 });
    expect(moveStep({ lesson: 1, step: 0 }, -1, 3)).toEqual({ lesson: 0, step: LAST_STEP });
  });

  it('stays put at either end', () => {
    expect(moveStep({ lesson: 0, step: 0 }, -1, 3)).toEqual({ lesson: 0, step: 0 });
    expect(moveStep({ lesson: 2, step: LAST_STEP }, 1, 3)).toEqual({ lesson: 2, step: LAST_STEP });
  });
});

describe('lesson session', () => {
  it('starting a lesson loads its start as given and resets hints and the check', () => {
    store().startLesson('scale-up');
    store().revealHint();
    store().setCheck({ status: 'error', lessonId: 'scale-up', message: 'x' });
    store().startLesson('split-db', 2);
    expect(loaded).toEqual([lessonById('scale-up')!.start, lessonById('split-db')!.start]);
    expect(store()).toMatchObject({ lessonId: 'split-db', step: 2, hints: 0, loads: 2 });
    expect(store().check).toEqual({ status: 'idle' });
  });

  it('ignores an unknown lesson id', () => {
    store().startLesson('nope');
    expect(loaded).toEqual([]);
    expect(store().lessonId).toBeNull();
  });

  it('reveals hints one at a time, never past the last', () => {
    store().startLesson('lb-config');
    const n = lessonById('lb-config')!.hints.length;
    for (let i = 0; i < n + 2; i++) store().revealHint();
    expect(store().hints).toBe(n);
  });

  it('reset loads the start again; show solution loads the solution; both keep the step', () => {
    store().startLesson('one-box', 1);
    store().showSolution();
    store().resetLesson();
    const l = lessonById('one-box')!;
    expect(loaded).toEqual([l.start, l.solution, l.start]);
    expect(store().step).toBe(1);
  });

  it('next and previous move between lessons and stop at the ends', () => {
    store().startLesson(LESSONS[0]!.id);
    store().previousLesson();
    expect(store().lessonId).toBe(LESSONS[0]!.id);
    store().nextLesson();
    expect(store().lessonId).toBe(LESSONS[1]!.id);
    expect(loaded).toHaveLength(2);
  });

  it('stepping past a lesson goal opens the next lesson at its intro', () => {
    store().moveStep(1);
    expect(store()).toMatchObject({ lessonId: LESSONS[0]!.id, step: 0 });
    for (let i = 0; i < LAST_STEP; i++) store().moveStep(1);
    expect(loaded).toHaveLength(1);
    store().moveStep(1);
    expect(store()).toMatchObject({ lessonId: LESSONS[1]!.id, step: 0 });
    store().moveStep(-1);
    expect(store()).toMatchObject({ lessonId: LESSONS[0]!.id, step: LAST_STEP });
    expect(loaded).toHaveLength(3);
  });

  it('clamps steps into range', () => {
    store().startLesson('one-box', 99);
    expect(store().step).toBe(LAST_STEP);
    store().setStep(-4);
    expect(store().step).toBe(0);
  });
});

describe('openLinkDoc', () => {
  const lesson = lessonById('split-db')!;
  const edited = { ...lesson.start, name: 'A student design' };

  it('opens the linked lesson step with the link’s own design and opens the panel', () => {
    expect(store().openLinkDoc({ topology: edited, lesson: { id: 'split-db', step: 2 } })).toBe(
      'opened',
    );
    expect(store()).toMatchObject({ lessonId: 'split-db', step: 2, panelOpen: true });
    expect(loaded[0]!.name).toBe('A student design');
    expect(loaded[0]!.nodes).toEqual(edited.nodes);
  });

  it('leaves links without a lesson to others', () => {
    expect(store().openLinkDoc({ topology: edited })).toBe('ignored');
    expect(loaded).toEqual([]);
  });

  it('explains a lesson this version lacks, in both languages', () => {
    const unknown = store().openLinkDoc({
      topology: edited,
      lesson: { id: 'time-travel', step: 0 },
    });
    expect(unknown).toEqual({
      problem: {
        en: 'The link names a lesson this version does not have: "time-travel".',
        ko: '이 버전에 없는 레슨을 가리키는 링크입니다: "time-travel".',
      },
    });
    expect(loaded).toEqual([]);
  });

  it('with onlyNew, ignores a link to the step already open', () => {
    const doc = { topology: edited, lesson: { id: 'split-db', step: 1 } };
    store().openLinkDoc(doc);
    expect(store().openLinkDoc(doc, { onlyNew: true })).toBe('ignored');
    expect(loaded).toHaveLength(1);
  });
});
