/**
 * The copy of the saved workspace kept when a link replaces it, apart from the link codec so the
 * page can offer "restore my workspace" without downloading the codec.
 */
import type { Topology } from '../core/model';
import { readEnvelope } from './autosave';

/** Where the workspace saved before the last link was opened is kept. */
export const LINK_BACKUP_KEY = 'scale-out-lab/workspace-before-link';

/** The backed-up workspace, if there is a readable one. */
export function readLinkBackup(storage: Storage | null): Topology | null {
  try {
    const raw = storage?.getItem(LINK_BACKUP_KEY) ?? null;
    if (raw === null) return null;
    const r = readEnvelope(raw);
    return r.ok ? r.topology : null;
  } catch {
    return null;
  }
}
