/**
 * The sharing UI's state: the last link opened (loaded, or why it was refused), the restore offer,
 * which sharing dialog is open, and the editor port that loads a document and restarts the run.
 */
import { create } from 'zustand';
import type { DecodeError, ShareDoc, ShareView } from '../core/codec';
import type { Text, Topology } from '../core/model';
import { browserStorage } from './autosave';
import { msg } from '../i18n';
import { loadLessons } from './lessonCatalogue';
import { LINK_BACKUP_KEY, readLinkBackup } from './linkBackup';
import { useNoticeStore } from './noticeStore';
import { openLessonLink } from './shareLesson';
import type { BackupOutcome, LinkPort } from './shareLink';
import { getSimSession } from './simSession';
import { simControls } from './simStore';
import { useTopologyStore } from './topologyStore';

export type ShareDialog = 'share' | 'templates' | null;

export interface ShareState {
  dialog: ShareDialog;
  /** Why the link in the address was refused; the workspace was left as it was. */
  linkError: DecodeError | null;
  /** `linkError` in words, both languages (described when it happened, with the codec at hand). */
  linkErrorText: Text | null;
  /** The previous workspace can be brought back (shown as a notice after a link opened). */
  restoreOffer: boolean;
  /** The backup could not be written (storage full or blocked). */
  backupFailed: boolean;
  /**
   * What the canvas should show once its cards are measured: the link's viewport, or (null) the
   * whole topology. `id` makes repeated requests distinct.
   */
  viewRequest: { view: ShareView | null; id: number } | null;
  setDialog: (dialog: ShareDialog) => void;
  dismissLinkError: () => void;
  dismissRestore: () => void;
}

export const useShareStore = create<ShareState>()((set) => ({
  dialog: null,
  linkError: null,
  linkErrorText: null,
  restoreOffer: false,
  backupFailed: false,
  viewRequest: null,
  setDialog: (dialog) => set({ dialog }),
  dismissLinkError: () => set({ linkError: null, linkErrorText: null }),
  dismissRestore: () => set({ restoreOffer: false, backupFailed: false }),
}));

/**
 * Puts a topology in the editor as one undoable step and restarts the run at t = 0 on it. The
 * session is told at once (not after its edit throttle) so the reset starts from the new topology.
 */
export function loadIntoEditor(topology: Topology): void {
  useTopologyStore.getState().replaceTopology(topology);
  getSimSession()?.client.setTopology(topology);
  simControls.reset();
}

/** Loads a link's document; a link naming a known lesson step also opens that step. */
export const editorLinkPort = (storage: Storage | null): LinkPort => ({
  storage,
  load(doc: ShareDoc) {
    if (openLessonLink(doc)) return;
    loadIntoEditor(doc.topology);
  },
});

let nextViewId = 1;

/** Asks the canvas to show the whole topology once its cards are measured. */
export function requestFit(): void {
  useShareStore.setState({ viewRequest: { view: null, id: nextViewId++ } });
}

/**
 * Opens the link in the address, if any: on start-up (after the saved workspace was restored,
 * so the link lands on top of it and Undo brings it back) and on every `hashchange`. The link
 * codec is downloaded with the first link, not with the page; if that download fails, the
 * workspace is left alone, the link stays in the address and a notice says why.
 */
export async function openAddressLink(
  hash = window.location.hash,
  storage = browserStorage(),
): Promise<void> {
  if (!hash.replace(/^#/, '').trim()) return;
  let codec: typeof import('./shareLink');
  try {
    // The lessons too, in case the link names one; without them it still opens as a design.
    [codec] = await Promise.all([import('./shareLink'), loadLessons().catch(() => null)]);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    useNoticeStore.getState().push(msg('share.codecUnavailable', { reason }), 'error', null);
    return;
  }
  const state = codec.openLink(hash, editorLinkPort(storage));
  if (state.status === 'idle') return;
  if (state.status === 'error') {
    const { error } = state;
    const { describeError } = codec;
    useShareStore.setState({
      linkError: error,
      linkErrorText: { en: describeError(error, 'en'), ko: describeError(error, 'ko') },
    });
    return;
  }
  useShareStore.setState({
    linkError: null,
    linkErrorText: null,
    restoreOffer: state.canRestore,
    backupFailed: state.backup === ('failed' satisfies BackupOutcome),
    viewRequest: { view: state.view, id: nextViewId++ },
  });
}

/**
 * Opens the link in the address now and every link that arrives later (`hashchange`), in every
 * layout, presenter mode included. Call once at start-up, after the saved workspace is restored.
 */
export function watchAddressLinks(): () => void {
  // One link at a time, in the order they arrived; one that failed does not stop the next.
  let opening = openAddressLink();
  const onHash = () => {
    opening = opening.catch(() => undefined).then(() => openAddressLink());
  };
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}

/** Drops the link from the address without a reload, so a reload shows the workspace itself. */
function clearAddressLink(): void {
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', pathname + search);
}

/**
 * Brings back the workspace saved before the last link was opened (undoable) and takes the link
 * out of the address, so a reload does not open it again over the restored work.
 */
export function restorePreviousWorkspace(storage = browserStorage()): boolean {
  const previous = readLinkBackup(storage);
  if (!previous) return false;
  loadIntoEditor(previous);
  requestFit();
  clearAddressLink();
  try {
    storage?.removeItem(LINK_BACKUP_KEY);
  } catch {
    // Keeping a stale backup is harmless: it is only read when offered.
  }
  useShareStore.setState({ restoreOffer: false, backupFailed: false });
  return true;
}
