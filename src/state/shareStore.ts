/**
 * The sharing UI's state: the last link opened (loaded, or why it was refused), the restore offer,
 * which sharing dialog is open, and the editor port that loads a document and restarts the run.
 */
import { create } from 'zustand';
import type { DecodeError, ShareDoc, ShareView } from '../core/codec';
import type { Topology } from '../core/model';
import { browserStorage } from './autosave';
import { openLessonLink } from './shareLesson';
import {
  LINK_BACKUP_KEY,
  openLink,
  readLinkBackup,
  type BackupOutcome,
  type LinkPort,
} from './shareLink';
import { getSimSession } from './simSession';
import { simControls } from './simStore';
import { useTopologyStore } from './topologyStore';

export type ShareDialog = 'share' | 'templates' | null;

export interface ShareState {
  dialog: ShareDialog;
  /** Why the link in the address was refused; the workspace was left as it was. */
  linkError: DecodeError | null;
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
  restoreOffer: false,
  backupFailed: false,
  viewRequest: null,
  setDialog: (dialog) => set({ dialog }),
  dismissLinkError: () => set({ linkError: null }),
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
export const editorLinkPort = (storage: Storage | null, hash: string): LinkPort => ({
  storage,
  load(doc: ShareDoc) {
    if (openLessonLink(hash, doc)) return;
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
 * so the link lands on top of it and Undo brings it back) and on every `hashchange`.
 */
export function openAddressLink(hash = window.location.hash, storage = browserStorage()): void {
  const state = openLink(hash, editorLinkPort(storage, hash));
  if (state.status === 'idle') return;
  if (state.status === 'error') {
    useShareStore.setState({ linkError: state.error });
    return;
  }
  useShareStore.setState({
    linkError: null,
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
  openAddressLink();
  const onHash = () => openAddressLink();
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
