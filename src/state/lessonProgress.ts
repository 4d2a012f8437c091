/**
 * Which lessons the learner has passed, remembered in localStorage in a versioned envelope.
 * Storage may be missing, blocked, full or hold someone else's garbage: every access is guarded,
 * a bad save is set aside (never overwritten unread) and progress then lives in memory only.
 */
import { create } from 'zustand';

export const PROGRESS_KEY = 'scale-out-lab/progress';
export const PROGRESS_VERSION = 1;
/** Where an unreadable save is copied before progress starts afresh. */
export const PROGRESS_BACKUP_KEY = `${PROGRESS_KEY}.unreadable`;

/** Lesson id → when it was first passed (ISO 8601). */
export type Passed = Readonly<Record<string, string>>;

interface Envelope {
  v: typeof PROGRESS_VERSION;
  passed: Record<string, string>;
}

/** What went wrong with storage, for the panel to say (null: all is well). */
export type ProgressProblem = 'unavailable' | 'unreadable' | 'newer' | 'writeFailed' | null;

export interface ProgressLoad {
  passed: Passed;
  problem: ProgressProblem;
  /** False while writing would destroy a save nobody has read (a newer app's, or an unbacked one). */
  canWrite: boolean;
}

/** The page's storage, or null when even touching `localStorage` throws (blocked cookies). */
export function progressStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses a saved envelope; entries that are not `id → date string` are dropped, the rest kept
 * (ids of lessons this version does not know are kept too, for a newer version of the app).
 * @example parseProgress('{"v":1,"passed":{"one-box":"2026-01-01T00:00:00.000Z"}}')
 */
export function parseProgress(
  raw: string,
): { ok: true; passed: Passed } | { ok: false; newer: boolean } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, newer: false };
  }
  if (!isRecord(data) || typeof data['v'] !== 'number' || !isRecord(data['passed']))
    return { ok: false, newer: false };
  if (data['v'] > PROGRESS_VERSION) return { ok: false, newer: true };
  const passed: Record<string, string> = {};
  for (const [id, when] of Object.entries(data['passed']))
    if (typeof when === 'string' && id.length <= 60) passed[id] = when;
  return { ok: true, passed };
}

/** Reads progress; never throws. */
export function loadProgress(storage: Storage | null = progressStorage()): ProgressLoad {
  if (!storage) return { passed: {}, problem: 'unavailable', canWrite: false };
  let raw: string | null;
  try {
    raw = storage.getItem(PROGRESS_KEY);
  } catch {
    return { passed: {}, problem: 'unavailable', canWrite: false };
  }
  if (raw === null) return { passed: {}, problem: null, canWrite: true };
  const parsed = parseProgress(raw);
  if (parsed.ok) return { passed: parsed.passed, problem: null, canWrite: true };
  if (parsed.newer) return { passed: {}, problem: 'newer', canWrite: false };
  let backedUp = true;
  try {
    storage.setItem(PROGRESS_BACKUP_KEY, raw);
  } catch {
    backedUp = false; // then the original stays untouched and progress lives in memory only
  }
  return { passed: {}, problem: 'unreadable', canWrite: backedUp };
}

/** Writes progress; returns false if storage refused (full, blocked, missing). */
export function saveProgress(passed: Passed, storage: Storage | null = progressStorage()): boolean {
  if (!storage) return false;
  const envelope: Envelope = { v: PROGRESS_VERSION, passed: { ...passed } };
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(envelope));
    return true;
  } catch {
    return false;
  }
}

interface ProgressState extends ProgressLoad {
  /** Records a pass (the first date is kept). */
  markPassed: (lessonId: string, when?: Date) => void;
  /** Forgets every pass. */
  clear: () => void;
}

export const useProgressStore = create<ProgressState>()((set, get) => {
  const persist = (passed: Passed) => {
    if (!get().canWrite) return set({ passed });
    set({ passed, problem: saveProgress(passed) ? null : 'writeFailed' });
  };
  return {
    ...loadProgress(),
    markPassed: (lessonId, when = new Date()) => {
      if (get().passed[lessonId]) return;
      persist({ ...get().passed, [lessonId]: when.toISOString() });
    },
    clear: () => persist({}),
  };
});

/** Re-reads storage into the store (tests; another tab's changes on focus). */
export function reloadProgress(storage: Storage | null = progressStorage()): void {
  useProgressStore.setState(loadProgress(storage));
}
