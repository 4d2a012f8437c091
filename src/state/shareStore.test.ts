import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeShare } from '../core/codec';
import type { Topology } from '../core/model';
import { LESSONS } from '../core/scenarios';
import { ENVELOPE_VERSION, WORKSPACE_KEY } from './autosave';
import { resetLessonStore, useLessonStore } from './lessonStore';
import { LINK_BACKUP_KEY, sameAsLink } from './shareLink';
import { openAddressLink, restorePreviousWorkspace, useShareStore } from './shareStore';
import { resetTopologyStore, useTopologyStore } from './topologyStore';

class MemoryStorage implements Storage {
  data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
}

const mine = LESSONS[2]!.start;
const shared = LESSONS[4]!.start;
const present = () => useTopologyStore.getState().doc.present;
const envelope = (topology: Topology) =>
  JSON.stringify({ v: ENVELOPE_VERSION, savedAt: '2026-01-01T00:00:00.000Z', topology });

let storage: MemoryStorage;

beforeEach(() => {
  resetTopologyStore();
  resetLessonStore();
  useShareStore.setState({ linkError: null, restoreOffer: false, backupFailed: false });
  storage = new MemoryStorage();
  // The restored workspace, as autosave left it.
  useTopologyStore.getState().replaceTopology(mine, { resetHistory: true });
  storage.setItem(WORKSPACE_KEY, envelope(mine));
});

afterEach(() => vi.unstubAllGlobals());

describe('openAddressLink', () => {
  it('opens a valid link as one undoable step, with a backup and the restore offer', async () => {
    await openAddressLink(
      `#${encodeShare({ topology: shared, view: { x: 5, y: 6, zoom: 2 } })}`,
      storage,
    );
    expect(sameAsLink(present(), shared)).toBe(true);
    expect(useShareStore.getState()).toMatchObject({
      linkError: null,
      restoreOffer: true,
      viewRequest: { view: { x: 5, y: 6, zoom: 2 } },
    });
    expect(storage.getItem(LINK_BACKUP_KEY)).toBe(envelope(mine));
    useTopologyStore.getState().undo();
    expect(present()).toBe(mine);
  });

  it('opens the lesson step a link names, with the link’s own topology', async () => {
    const lesson = LESSONS[0]!;
    await openAddressLink(
      `#${encodeShare({ topology: shared, lesson: { id: lesson.id, step: 2 } })}`,
      storage,
    );
    expect(useLessonStore.getState()).toMatchObject({ lessonId: lesson.id, step: 2 });
    expect(sameAsLink(present(), shared)).toBe(true);
    // One load only, whoever saw the address first.
    expect(useTopologyStore.getState().doc.past).toHaveLength(1);
  });

  it('loads the topology of a link naming a lesson this app does not have', async () => {
    await openAddressLink(
      `#${encodeShare({ topology: shared, lesson: { id: 'gone', step: 1 } })}`,
      storage,
    );
    expect(useLessonStore.getState().lessonId).toBeNull();
    expect(sameAsLink(present(), shared)).toBe(true);
  });

  it('reports a broken link and changes neither the workspace nor storage', async () => {
    const before = new Map(storage.data);
    await openAddressLink('#v1.garbage', storage);
    expect(useShareStore.getState().linkError?.code).toBe('badCompression');
    // Described in both languages when it happened, for the banner.
    const text = useShareStore.getState().linkErrorText;
    expect(text?.en).toMatch(/damaged or cut off/);
    expect(text?.ko.length).toBeGreaterThan(0);
    expect(present()).toBe(mine);
    expect(useTopologyStore.getState().doc.past).toHaveLength(0);
    expect(storage.data).toEqual(before);
  });

  it('ignores an address without a link', async () => {
    await openAddressLink('', storage);
    expect(present()).toBe(mine);
    expect(useShareStore.getState().linkError).toBeNull();
  });
});

describe('restorePreviousWorkspace', () => {
  it('brings the backed-up workspace back and takes the link out of the address', async () => {
    const replaceState = vi.fn();
    vi.stubGlobal('window', {
      location: { pathname: '/lab/', search: '?x=1' },
      history: { state: null, replaceState },
    });
    await openAddressLink(`#${encodeShare({ topology: shared })}`, storage);
    expect(restorePreviousWorkspace(storage)).toBe(true);
    expect(sameAsLink(present(), mine)).toBe(true);
    expect(replaceState).toHaveBeenCalledWith(null, '', '/lab/?x=1');
    expect(storage.getItem(LINK_BACKUP_KEY)).toBeNull();
    expect(useShareStore.getState().restoreOffer).toBe(false);
    // Nothing left to restore.
    expect(restorePreviousWorkspace(storage)).toBe(false);
  });
});
