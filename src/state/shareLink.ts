/**
 * Opening a share link, as a small state machine with its effects behind a port: a valid link
 * replaces the workspace (after copying the saved workspace to a backup key), a broken one changes
 * nothing and reports what is wrong. No React, no DOM beyond the `Storage` interface.
 */
import {
  decodeShare,
  describeError,
  encodeShare,
  type DecodeError,
  type ShareDoc,
  type ShareView,
} from '../core/codec';
import type { Topology } from '../core/model';
import { WORKSPACE_KEY, readEnvelope } from './autosave';
import { LINK_BACKUP_KEY, readLinkBackup } from './linkBackup';

export { LINK_BACKUP_KEY, readLinkBackup };
export { describeError };

export type LinkPlan =
  /** No fragment (or only '#'): not a link at all. */
  { type: 'none' } | { type: 'load'; doc: ShareDoc } | { type: 'error'; error: DecodeError };

/**
 * What the fragment asks for, decided without touching anything.
 * @example planLink('#v1.i44FAA') // { type: 'load', doc: { topology: … } }
 * @example planLink('#v1.$') // { type: 'error', error: { code: 'badEncoding', … } }
 */
export function planLink(hash: string): LinkPlan {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!fragment.trim()) return { type: 'none' };
  const r = decodeShare(fragment);
  return r.ok ? { type: 'load', doc: r.value } : { type: 'error', error: r.error };
}

/**
 * Whether two topologies make the same link (positions compared on the link's 10 px grid), i.e.
 * whether opening one over the other would change anything a link can carry.
 */
export function sameAsLink(a: Topology, b: Topology): boolean {
  if (a === b) return true;
  try {
    return encodeShare({ topology: a }) === encodeShare({ topology: b });
  } catch {
    return false; // A value the link format cannot write: not the same as anything a link holds.
  }
}

export type BackupOutcome =
  /** The saved workspace was copied to LINK_BACKUP_KEY. */
  | 'saved'
  /** Nothing worth keeping was saved (no save, or an empty canvas). */
  | 'nothing'
  /** The saved workspace already is this link's topology (a reload of the same link). */
  | 'same'
  /** Storage refused the copy; the caller must not load the link over the save. */
  | 'failed';

/**
 * Copies the saved workspace to the backup key before a link replaces it. A reload of the same
 * link keeps the earlier backup instead of overwriting it with the link's own topology; an empty
 * canvas never overwrites a backup either. An unreadable save is copied as it is.
 */
export function backupBeforeLink(storage: Storage | null, incoming: Topology): BackupOutcome {
  if (!storage) return 'nothing';
  let raw: string | null;
  try {
    raw = storage.getItem(WORKSPACE_KEY);
  } catch {
    return 'nothing';
  }
  if (raw === null) return 'nothing';
  const saved = readEnvelope(raw);
  if (saved.ok) {
    if (saved.topology.nodes.length === 0) return 'nothing';
    if (sameAsLink(saved.topology, incoming)) return 'same';
  }
  try {
    storage.setItem(LINK_BACKUP_KEY, raw);
    return 'saved';
  } catch {
    return 'failed';
  }
}

/** The effects of opening a link. */
export interface LinkPort {
  storage: Storage | null;
  /** Puts the link's document in the editor and restarts the run at t = 0 on it. */
  load(doc: ShareDoc): void;
}

export type LinkState =
  | { status: 'idle' }
  | {
      status: 'loaded';
      /** The viewport the link asks for, if any. */
      view: ShareView | null;
      /** Whether "Restore my previous workspace" can be offered. */
      canRestore: boolean;
      backup: BackupOutcome;
    }
  | { status: 'error'; error: DecodeError };

/**
 * Opens the fragment: a valid link is loaded through the port (after the backup); a broken one
 * leaves the workspace and the saved workspace untouched and returns the error. A link whose
 * backup fails is still opened (the saved workspace stays on disk until autosave rewrites it, and
 * the editor's Undo brings it back); the outcome says so.
 */
export function openLink(hash: string, port: LinkPort): LinkState {
  const plan = planLink(hash);
  if (plan.type === 'none') return { status: 'idle' };
  if (plan.type === 'error') return { status: 'error', error: plan.error };
  const backup = backupBeforeLink(port.storage, plan.doc.topology);
  port.load(plan.doc);
  const previous = readLinkBackup(port.storage);
  return {
    status: 'loaded',
    view: plan.doc.view ?? null,
    canRestore: previous !== null && !sameAsLink(previous, plan.doc.topology),
    backup,
  };
}

/**
 * A viewport as a link carries it: whole pixels and three decimals of zoom (finer is invisible and
 * only lengthens the link), within the link format's bounds.
 */
export function linkView(view: ShareView): ShareView {
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const offset = (v: number) => (Number.isFinite(v) ? clamp(Math.round(v), -1e8, 1e8) : 0);
  const zoom = Number.isFinite(view.zoom)
    ? clamp(Math.round(view.zoom * 1000) / 1000, 0.01, 100)
    : 1;
  return { x: offset(view.x), y: offset(view.y), zoom };
}

/**
 * The share link of a document on this page: the page address without its fragment, then
 * `#` and the encoded document.
 * @example shareUrl('https://example.org/lab/?x=1#v1.old', { topology })
 * // 'https://example.org/lab/?x=1#v1.…'
 */
export function shareUrl(pageHref: string, doc: ShareDoc): string {
  const hash = pageHref.indexOf('#');
  const page = hash < 0 ? pageHref : pageHref.slice(0, hash);
  return `${page}#${encodeShare(doc.view ? { ...doc, view: linkView(doc.view) } : doc)}`;
}
