/**
 * Autosave: the topology is written to localStorage (debounced) in a versioned envelope and read
 * back on load through `parseTopology`. Nothing is ever lost silently:
 * - an unreadable or newer save is copied to a backup key before the workspace starts empty, and a
 *   notice names what was wrong (if even the backup fails, the save is left alone and autosave
 *   waits until the backup succeeds);
 * - a failing storage (quota, private mode) shows a banner; the document stays in memory and the
 *   next change retries.
 */
import {
  TOPOLOGY_VERSION,
  describeIssue,
  parseTopology,
  type Text,
  type Topology,
} from '../core/model';
import { msg } from '../i18n';
import { useNoticeStore } from './noticeStore';
import { useTopologyStore } from './topologyStore';

export const WORKSPACE_KEY = 'scale-out-lab/workspace';
export const ENVELOPE_VERSION = 1;
export const AUTOSAVE_DELAY_MS = 500;

export interface Envelope {
  v: typeof ENVELOPE_VERSION;
  savedAt: string;
  topology: Topology;
}

/** The storage the app uses, or null when the browser refuses access to it altogether. */
export function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // Reading `localStorage` itself throws SecurityError when storage is blocked.
  }
}

/** Why a storage call failed, in words a learner understands. */
export function storageFailureReason(error: unknown): Text {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED')
    return msg('storage.quota');
  if (name === 'SecurityError') return msg('storage.denied');
  return msg('storage.unavailable');
}

export type RestoreResult =
  | { status: 'empty' }
  | { status: 'restored'; topology: Topology }
  | {
      status: 'rejected';
      /** What was wrong, for the notice. */
      problem: Text;
      /** The key the unreadable save was copied to, or null if it could not be copied. */
      backupKey: string | null;
      /** The raw text, kept for a later backup attempt when `backupKey` is null. */
      raw: string;
    };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a saved text; returns the topology or what is wrong with it. */
export function readEnvelope(
  raw: string,
): { ok: true; topology: Topology } | { ok: false; problem: Text } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, problem: msg('restore.badJson') };
  }
  if (!isRecord(data) || typeof data['v'] !== 'number' || !('topology' in data))
    return { ok: false, problem: msg('restore.notEnvelope') };
  if (data['v'] > ENVELOPE_VERSION)
    return {
      ok: false,
      problem: msg('restore.newer', { v: data['v'], current: ENVELOPE_VERSION }),
    };
  const topo = data['topology'];
  if (isRecord(topo) && typeof topo['version'] === 'number' && topo['version'] > TOPOLOGY_VERSION)
    return {
      ok: false,
      problem: msg('restore.newer', { v: topo['version'], current: TOPOLOGY_VERSION }),
    };
  const parsed = parseTopology(topo);
  if (!parsed.ok) {
    // The first few issues name the paths; more would not fit in a notice.
    const shown = parsed.issues.slice(0, 3);
    const more =
      parsed.issues.length > shown.length ? ` (+${parsed.issues.length - shown.length})` : '';
    return {
      ok: false,
      problem: {
        en: shown.map((i) => describeIssue(i, 'en')).join('; ') + more,
        ko: shown.map((i) => describeIssue(i, 'ko')).join('; ') + more,
      },
    };
  }
  return { ok: true, topology: parsed.value };
}

/**
 * Reads the saved workspace. An unreadable save is copied to `…/corrupt-<time>` first.
 * @example restoreWorkspace(localStorage, Date.now()) // { status: 'restored', topology }
 */
export function restoreWorkspace(storage: Storage | null, now: number): RestoreResult {
  if (!storage) return { status: 'empty' };
  let raw: string | null;
  try {
    raw = storage.getItem(WORKSPACE_KEY);
  } catch {
    return { status: 'empty' };
  }
  if (raw === null) return { status: 'empty' };
  const r = readEnvelope(raw);
  if (r.ok) return { status: 'restored', topology: r.topology };
  const backupKey = `${WORKSPACE_KEY}/corrupt-${now}`;
  try {
    storage.setItem(backupKey, raw);
    return { status: 'rejected', problem: r.problem, backupKey, raw };
  } catch {
    return { status: 'rejected', problem: r.problem, backupKey: null, raw };
  }
}

export interface Autosave {
  /** Writes now (pending debounce or not); returns whether the save succeeded. */
  flush: () => boolean;
  stop: () => void;
}

export interface AutosaveOptions {
  storage: Storage | null;
  delayMs?: number;
  clock?: () => number;
  /** A save that could not be backed up yet: copied before anything overwrites it. */
  pendingBackup?: { raw: string; key: string } | null;
}

/**
 * Saves the topology store's document after each change (debounced) and reports failures through
 * the notice store's storage banner.
 */
export function startAutosave({
  storage,
  delayMs = AUTOSAVE_DELAY_MS,
  clock = Date.now,
  pendingBackup = null,
}: AutosaveOptions): Autosave {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let backup = pendingBackup;
  let saved: Topology | null = useTopologyStore.getState().doc.present;
  const notices = useNoticeStore.getState();

  const write = (): boolean => {
    timer = null;
    const topology = useTopologyStore.getState().doc.present;
    if (!storage) {
      notices.setStorageProblem(msg('storage.failed', { reason: msg('storage.unavailable') }));
      return false;
    }
    try {
      if (backup) {
        storage.setItem(backup.key, backup.raw);
        backup = null;
      }
    } catch (e) {
      notices.setStorageProblem(
        msg('storage.failed', {
          reason: {
            en: `${storageFailureReason(e).en}; ${msg('storage.backupPending').en}`,
            ko: `${storageFailureReason(e).ko}; ${msg('storage.backupPending').ko}`,
          },
        }),
      );
      return false;
    }
    const envelope: Envelope = {
      v: ENVELOPE_VERSION,
      savedAt: new Date(clock()).toISOString(),
      topology,
    };
    try {
      storage.setItem(WORKSPACE_KEY, JSON.stringify(envelope));
    } catch (e) {
      notices.setStorageProblem(msg('storage.failed', { reason: storageFailureReason(e) }));
      return false;
    }
    saved = topology;
    notices.setStorageProblem(null);
    return true;
  };

  const unsubscribe = useTopologyStore.subscribe((s) => {
    if (s.doc.present === saved) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  });

  return {
    flush: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (useTopologyStore.getState().doc.present === saved && !backup) return true;
      return write();
    },
    stop: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      unsubscribe();
    },
  };
}

/**
 * Restores the saved workspace into the topology store, says what happened, and starts saving.
 * Call once at start-up.
 */
export function initWorkspace(storage = browserStorage(), now = Date.now()): Autosave {
  const restored = restoreWorkspace(storage, now);
  let pendingBackup: AutosaveOptions['pendingBackup'] = null;
  if (restored.status === 'restored') {
    useTopologyStore.getState().replaceTopology(restored.topology, { resetHistory: true });
  } else if (restored.status === 'rejected') {
    const { push } = useNoticeStore.getState();
    if (restored.backupKey) {
      push(
        msg('restore.failed', { problem: restored.problem, key: restored.backupKey }),
        'error',
        null,
      );
    } else {
      pendingBackup = { raw: restored.raw, key: `${WORKSPACE_KEY}/corrupt-${now}` };
      push(msg('restore.failedNoBackup', { problem: restored.problem }), 'error', null);
    }
  }
  const autosave = startAutosave({ storage, pendingBackup });
  // Saving on the way out catches an edit made within the debounce delay.
  globalThis.addEventListener?.('pagehide', () => autosave.flush());
  return autosave;
}
