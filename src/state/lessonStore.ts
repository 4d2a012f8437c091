/**
 * The lesson session: which lesson is open and at which step, the hints shown, the lesson panel,
 * presenter mode and the result of the last "Check my design". Loading a lesson's topology goes
 * through a small port (the editor's store and the simulation), so tests can watch it.
 */
import { create } from 'zustand';
import type { ShareDoc } from '../core/codec';
import type { Text, Topology } from '../core/model';
import type { GoalResult } from '../core/scenarios/goal';
import type { Lesson } from '../core/scenarios/lessons';
import { msg } from '../i18n';
import { lessonByIdNow, lessonsNow, loadLessons, useLessonCatalogue } from './lessonCatalogue';
import { getSimSession } from './simSession';
import { simControls } from './simStore';
import { useTopologyStore } from './topologyStore';

/** The steps of a lesson, in the order a presenter walks through them. */
export const STEPS = ['intro', 'task', 'notice', 'goal'] as const;
export type Step = (typeof STEPS)[number];
export const LAST_STEP = STEPS.length - 1;

export interface Position {
  lesson: number;
  step: number;
}

/**
 * One step forward or back through every lesson's steps: past the goal of one lesson comes the
 * intro of the next; the ends stay put.
 * @example moveStep({ lesson: 0, step: 3 }, 1, 12) // { lesson: 1, step: 0 }
 */
export function moveStep(at: Position, delta: 1 | -1, lessonCount: number): Position {
  const flat = at.lesson * STEPS.length + at.step + delta;
  const max = lessonCount * STEPS.length - 1;
  const clamped = Math.min(max, Math.max(0, flat));
  return { lesson: Math.floor(clamped / STEPS.length), step: clamped % STEPS.length };
}

/** What loading a lesson topology does outside this store. */
export interface LessonEditorPort {
  load(topology: Topology): void;
}

/**
 * Puts a topology in the editor (undoable, so the learner's own work is one Undo away) and
 * restarts the run on it. The session is told at once, not after its edit throttle, so the reset
 * starts from the new topology rather than the old one.
 */
export const editorPort: LessonEditorPort = {
  load(topology) {
    useTopologyStore.getState().replaceTopology(topology);
    getSimSession()?.client.setTopology(topology);
    simControls.reset();
  },
};
let port: LessonEditorPort = editorPort;

/** Replaces the port (tests); returns the previous one. */
export function setLessonEditorPort(next: LessonEditorPort): LessonEditorPort {
  const prev = port;
  port = next;
  return prev;
}

export type CheckState =
  | { status: 'idle' }
  | { status: 'running'; lessonId: string; progress: number }
  | { status: 'done'; lessonId: string; topology: Topology; result: GoalResult }
  | { status: 'error'; lessonId: string; message: string };

/** What opening a link did: a lesson step opened, nothing (no lesson in it), or why not. */
export type LinkOutcome = 'opened' | 'ignored' | { problem: Text };

export interface LessonState {
  panelOpen: boolean;
  lessonId: string | null;
  step: number;
  /** How many of the current lesson's hints are shown. */
  hints: number;
  presenting: boolean;
  qrOpen: boolean;
  /** Increments whenever a lesson topology is loaded, so the live judge starts over. */
  loads: number;
  /** Increments when the canvas should fit the view to a freshly loaded topology. */
  fitRequests: number;
  check: CheckState;

  setPanelOpen: (open: boolean) => void;
  /** Opens a lesson at a step and loads its start. */
  startLesson: (id: string, step?: number) => void;
  /** Loads the current lesson's start again, keeping the step. */
  resetLesson: () => void;
  showSolution: () => void;
  nextLesson: () => void;
  previousLesson: () => void;
  setStep: (step: number) => void;
  /** Walks steps across lessons (presenter arrows); loads the new lesson when it changes. */
  moveStep: (delta: 1 | -1) => void;
  revealHint: () => void;
  setPresenting: (presenting: boolean) => void;
  setQrOpen: (open: boolean) => void;
  setCheck: (check: CheckState) => void;
  /**
   * Opens the lesson step a decoded share link names, with the link's topology (not the lesson's start:
   * a teacher's link shows the class the exact same design). With `onlyNew`, a link naming the
   * step already open is ignored (the address may be kept in step with the document). Only
   * downloaded lessons are known: the address-link opener downloads them first.
   */
  openLinkDoc: (doc: ShareDoc, options?: { onlyNew?: boolean }) => LinkOutcome;
}

const initialState = () => ({
  panelOpen: false,
  lessonId: null as string | null,
  step: 0,
  hints: 0,
  presenting: false,
  qrOpen: false,
  loads: 0,
  fitRequests: 0,
  check: { status: 'idle' } as CheckState,
});

const indexOf = (id: string | null) => lessonsNow().findIndex((l) => l.id === id);

/**
 * Runs an action once the lessons are downloaded: at once when they are, else after the download
 * (a failed download is reported by the catalogue and the action is dropped).
 */
const withLessons = (action: () => void) => {
  if (useLessonCatalogue.getState().lessons) action();
  else loadLessons().then(action, () => {});
};
const clampStep = (step: number) => Math.min(LAST_STEP, Math.max(0, Math.trunc(step) || 0));

export const useLessonStore = create<LessonState>()((set, get) => {
  const open = (lesson: Lesson, topology: Topology, step: number) => {
    port.load(topology);
    set((s) => ({
      lessonId: lesson.id,
      step: clampStep(step),
      hints: 0,
      loads: s.loads + 1,
      fitRequests: s.fitRequests + 1,
      check: { status: 'idle' },
    }));
  };
  const current = () => lessonByIdNow(get().lessonId ?? '');
  const go = (delta: 1 | -1) => {
    const next = lessonsNow()[indexOf(get().lessonId) + delta];
    if (next) open(next, next.start, 0);
  };

  return {
    ...initialState(),
    setPanelOpen: (panelOpen) => {
      // The panel shows "Loading…" until the lessons are in; a failure is the catalogue's to say.
      if (panelOpen) loadLessons().catch(() => {});
      set({ panelOpen });
    },
    startLesson: (id, step = 0) =>
      withLessons(() => {
        const lesson = lessonByIdNow(id);
        if (lesson) open(lesson, lesson.start, step);
      }),
    resetLesson: () => {
      const lesson = current();
      if (lesson) open(lesson, lesson.start, get().step);
    },
    showSolution: () => {
      const lesson = current();
      if (lesson) open(lesson, lesson.solution, get().step);
    },
    nextLesson: () => go(1),
    previousLesson: () => go(-1),
    setStep: (step) => set({ step: clampStep(step) }),
    moveStep: (delta) =>
      withLessons(() => {
        const lessons = lessonsNow();
        const at = indexOf(get().lessonId);
        if (at < 0) {
          const first = lessons[0];
          if (first) open(first, first.start, 0);
          return;
        }
        const next = moveStep({ lesson: at, step: get().step }, delta, lessons.length);
        const lesson = lessons[next.lesson];
        if (!lesson) return;
        if (next.lesson !== at) open(lesson, lesson.start, next.step);
        else set({ step: next.step });
      }),
    revealHint: () => {
      const lesson = current();
      if (lesson) set((s) => ({ hints: Math.min(lesson.hints.length, s.hints + 1) }));
    },
    setPresenting: (presenting) => {
      if (presenting) loadLessons().catch(() => {});
      set({ presenting, qrOpen: false });
    },
    setQrOpen: (qrOpen) => set({ qrOpen }),
    setCheck: (check) => set({ check }),
    openLinkDoc: (doc, options = {}) => {
      const ref = doc.lesson;
      if (!ref) return 'ignored';
      const lesson = lessonByIdNow(ref.id);
      if (!lesson) return { problem: msg('lesson.unknown', { id: ref.id }) };
      if (options.onlyNew && get().lessonId === ref.id && get().step === clampStep(ref.step))
        return 'ignored';
      open(lesson, doc.topology, ref.step);
      set({ panelOpen: true });
      return 'opened';
    },
  };
});

/** Back to no lesson, panel closed (tests). */
export const resetLessonStore = () => useLessonStore.setState(initialState());

/** The open lesson, if any. */
export const useCurrentLesson = (): Lesson | undefined =>
  useLessonStore((s) => (s.lessonId ? lessonByIdNow(s.lessonId) : undefined));
