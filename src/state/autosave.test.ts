import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyTopology } from '../core/model';
import {
  ENVELOPE_VERSION,
  WORKSPACE_KEY,
  initWorkspace,
  readEnvelope,
  restoreWorkspace,
  startAutosave,
  type Autosave,
} from './autosave';
import { useNoticeStore } from './noticeStore';
import { resetTopologyStore, useTopologyStore } from './topologyStore';

/** An in-memory Storage whose writes and reads can be made to throw like a real browser's. */
class FakeStorage implements Storage {
  data = new Map<string, string>();
  failWrites: DOMException | null = null;
  failReads: DOMException | null = null;
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(key: string) {
    if (this.failReads) throw this.failReads;
    return this.data.get(key) ?? null;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw this.failWrites;
    this.data.set(key, value);
  }
}

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const denied = () => new DOMException('The operation is insecure.', 'SecurityError');
const store = () => useTopologyStore.getState();
const notices = () => useNoticeStore.getState();
const envelope = (topology: unknown, v = ENVELOPE_VERSION) =>
  JSON.stringify({ v, savedAt: '2026-01-01T00:00:00.000Z', topology });

let autosave: Autosave | null = null;

beforeEach(() => {
  vi.useFakeTimers();
  resetTopologyStore();
  useNoticeStore.setState({ toasts: [], storageProblem: null });
});

afterEach(() => {
  autosave?.stop();
  autosave = null;
  vi.useRealTimers();
});

describe('readEnvelope', () => {
  it('accepts a saved topology and fills defaults', () => {
    const topo = { format: 'scale-out-lab/topology', version: 1, nodes: [] };
    const r = readEnvelope(envelope(topo));
    expect(r).toEqual({ ok: true, topology: emptyTopology() });
  });

  it('names what is wrong: bad JSON, not an envelope, newer versions, bad fields', () => {
    const problem = (raw: string) => {
      const r = readEnvelope(raw);
      return r.ok ? null : r.problem.en;
    };
    expect(problem('{oops')).toBe('it is not valid JSON');
    expect(problem('[1,2]')).toBe('it is not a Scale-Out Lab save');
    expect(problem(envelope(emptyTopology(), 2))).toContain('newer version');
    expect(problem(envelope({ ...emptyTopology(), version: 7 }))).toContain('save format 7');
    const bad = {
      ...emptyTopology(),
      nodes: [{ id: 'web-1', kind: 'server', label: 'w', x: 0, y: 0, params: { bootSec: 0 } }],
    };
    expect(problem(envelope(bad))).toBe('nodes[0].params.bootSec: must be ≥ 5');
  });
});

describe('restoreWorkspace', () => {
  it('is empty without a save or without storage', () => {
    expect(restoreWorkspace(new FakeStorage(), 1)).toEqual({ status: 'empty' });
    expect(restoreWorkspace(null, 1)).toEqual({ status: 'empty' });
    const s = new FakeStorage();
    s.data.set(WORKSPACE_KEY, envelope(emptyTopology()));
    s.failReads = denied();
    expect(restoreWorkspace(s, 1)).toEqual({ status: 'empty' });
  });

  it('copies an unreadable save to a backup key before anything else', () => {
    const s = new FakeStorage();
    s.data.set(WORKSPACE_KEY, '{oops');
    const r = restoreWorkspace(s, 1234);
    expect(r).toMatchObject({ status: 'rejected', backupKey: `${WORKSPACE_KEY}/corrupt-1234` });
    expect(s.data.get(`${WORKSPACE_KEY}/corrupt-1234`)).toBe('{oops');
  });
});

describe('initWorkspace', () => {
  it('restores a saved workspace with a fresh history', () => {
    const s = new FakeStorage();
    const saved = { ...emptyTopology('Saved'), nodes: [] };
    s.data.set(WORKSPACE_KEY, envelope(saved));
    autosave = initWorkspace(s, 1);
    expect(store().doc.present.name).toBe('Saved');
    expect(store().doc.past).toHaveLength(0);
    expect(notices().toasts).toEqual([]);
  });

  it('starts empty after a corrupt save, says so, and keeps the old text', () => {
    const s = new FakeStorage();
    s.data.set(WORKSPACE_KEY, '{"v":1,"topology":{"format":"nope"}}');
    autosave = initWorkspace(s, 99);
    expect(store().doc.present).toEqual(emptyTopology());
    const toast = notices().toasts[0];
    expect(toast?.tone).toBe('error');
    expect(toast?.ttlMs).toBeNull();
    expect(toast?.text.en).toContain('could not be opened: format:');
    expect(toast?.text.en).toContain(`${WORKSPACE_KEY}/corrupt-99`);
    expect(s.data.get(`${WORKSPACE_KEY}/corrupt-99`)).toBe('{"v":1,"topology":{"format":"nope"}}');
  });

  it('when the backup cannot be written, never overwrites the save until it can', () => {
    const s = new FakeStorage();
    s.data.set(WORKSPACE_KEY, '{oops');
    s.failWrites = quota();
    autosave = initWorkspace(s, 5);
    expect(notices().toasts[0]?.text.en).toContain('autosave is paused');
    store().addNode('server', 0, 0);
    vi.advanceTimersByTime(600);
    expect(s.data.get(WORKSPACE_KEY)).toBe('{oops');
    expect(notices().storageProblem?.en).toContain('could not be backed up');
    s.failWrites = null;
    store().addNode('users', 0, 0);
    vi.advanceTimersByTime(600);
    expect(s.data.get(`${WORKSPACE_KEY}/corrupt-5`)).toBe('{oops');
    expect(JSON.parse(s.data.get(WORKSPACE_KEY) ?? '').topology.nodes).toHaveLength(2);
    expect(notices().storageProblem).toBeNull();
  });
});

describe('startAutosave', () => {
  it('writes a versioned envelope once per burst of changes, after the delay', () => {
    const s = new FakeStorage();
    const setItem = vi.spyOn(s, 'setItem');
    autosave = startAutosave({ storage: s, clock: () => Date.UTC(2026, 0, 2) });
    store().addNode('users', 0, 0);
    vi.advanceTimersByTime(300);
    store().addNode('server', 200, 0);
    vi.advanceTimersByTime(300);
    expect(setItem).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(setItem).toHaveBeenCalledTimes(1);
    const saved = JSON.parse(s.data.get(WORKSPACE_KEY) ?? '');
    expect(saved.v).toBe(1);
    expect(saved.savedAt).toBe('2026-01-02T00:00:00.000Z');
    expect(saved.topology).toEqual(store().doc.present);
    expect(readEnvelope(s.data.get(WORKSPACE_KEY) ?? '')).toEqual({
      ok: true,
      topology: store().doc.present,
    });
  });

  it('selection changes alone do not write', () => {
    const s = new FakeStorage();
    const id = store().addNode('users', 0, 0);
    autosave = startAutosave({ storage: s });
    store().setSelection({ nodes: [id], links: [] });
    vi.advanceTimersByTime(1000);
    expect(s.data.size).toBe(0);
  });

  it('a full storage shows the banner, keeps the document, and retries on the next change', () => {
    const s = new FakeStorage();
    s.failWrites = quota();
    autosave = startAutosave({ storage: s });
    store().addNode('users', 0, 0);
    vi.advanceTimersByTime(600);
    expect(notices().storageProblem?.en).toBe(
      'Changes are not being saved in this browser: the storage is full. Nothing is lost while this tab stays open; saving is retried on the next change.',
    );
    expect(store().doc.present.nodes).toHaveLength(1);
    s.failWrites = null;
    store().addNode('server', 0, 0);
    vi.advanceTimersByTime(600);
    expect(notices().storageProblem).toBeNull();
    expect(JSON.parse(s.data.get(WORKSPACE_KEY) ?? '').topology.nodes).toHaveLength(2);
  });

  it('blocked storage (private mode) names the reason in both languages', () => {
    const s = new FakeStorage();
    s.failWrites = denied();
    autosave = startAutosave({ storage: s });
    store().addNode('users', 0, 0);
    expect(autosave.flush()).toBe(false);
    expect(notices().storageProblem?.en).toContain('storage is blocked');
    expect(notices().storageProblem?.ko).toContain('저장소 사용이 막혀 있습니다');
  });

  it('no storage at all is reported, not thrown', () => {
    autosave = startAutosave({ storage: null });
    store().addNode('users', 0, 0);
    expect(autosave.flush()).toBe(false);
    expect(notices().storageProblem?.en).toContain('storage is not available');
  });

  it('flush writes a pending change at once and does nothing when clean', () => {
    const s = new FakeStorage();
    const setItem = vi.spyOn(s, 'setItem');
    autosave = startAutosave({ storage: s });
    expect(autosave.flush()).toBe(true);
    expect(setItem).not.toHaveBeenCalled();
    store().addNode('users', 0, 0);
    expect(autosave.flush()).toBe(true);
    expect(setItem).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(setItem).toHaveBeenCalledTimes(1);
  });
});
