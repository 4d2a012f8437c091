import { beforeEach, describe, expect, it } from 'vitest';
import {
  PROGRESS_BACKUP_KEY,
  PROGRESS_KEY,
  loadProgress,
  parseProgress,
  reloadProgress,
  saveProgress,
  useProgressStore,
} from './lessonProgress';

/** An in-memory Storage that can be told to fail. */
class FakeStorage implements Storage {
  data = new Map<string, string>();
  failGet = false;
  failSet = false;
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  getItem(k: string) {
    if (this.failGet) throw new DOMException('denied', 'SecurityError');
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.failSet) throw new DOMException('full', 'QuotaExceededError');
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

let storage: FakeStorage;
beforeEach(() => {
  storage = new FakeStorage();
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
  reloadProgress(storage);
});

describe('parseProgress', () => {
  it('reads a version 1 envelope and drops malformed entries', () => {
    const r = parseProgress(
      JSON.stringify({ v: 1, passed: { 'one-box': '2026-01-02T03:04:05.000Z', bad: 3 } }),
    );
    expect(r).toEqual({ ok: true, passed: { 'one-box': '2026-01-02T03:04:05.000Z' } });
  });

  it('refuses garbage, other shapes and newer versions', () => {
    expect(parseProgress('{not json')).toEqual({ ok: false, newer: false });
    expect(parseProgress('[1,2]')).toEqual({ ok: false, newer: false });
    expect(parseProgress('{"v":1,"passed":[]}')).toEqual({ ok: false, newer: false });
    expect(parseProgress('{"v":2,"passed":{}}')).toEqual({ ok: false, newer: true });
  });
});

describe('loadProgress and saveProgress', () => {
  it('round-trips through storage under the versioned key', () => {
    expect(saveProgress({ 'scale-up': '2026-01-01T00:00:00.000Z' }, storage)).toBe(true);
    expect(JSON.parse(storage.data.get(PROGRESS_KEY)!)).toEqual({
      v: 1,
      passed: { 'scale-up': '2026-01-01T00:00:00.000Z' },
    });
    expect(loadProgress(storage)).toEqual({
      passed: { 'scale-up': '2026-01-01T00:00:00.000Z' },
      problem: null,
      canWrite: true,
    });
  });

  it('sets a corrupt save aside before starting afresh', () => {
    storage.data.set(PROGRESS_KEY, '{"v":1,"passed":');
    expect(loadProgress(storage)).toEqual({ passed: {}, problem: 'unreadable', canWrite: true });
    expect(storage.data.get(PROGRESS_BACKUP_KEY)).toBe('{"v":1,"passed":');
  });

  it('never overwrites a corrupt save it could not back up, nor a newer one', () => {
    storage.data.set(PROGRESS_KEY, 'garbage');
    storage.failSet = true;
    expect(loadProgress(storage)).toMatchObject({ problem: 'unreadable', canWrite: false });
    storage.failSet = false;
    storage.data.set(PROGRESS_KEY, '{"v":9,"passed":{}}');
    expect(loadProgress(storage)).toMatchObject({ problem: 'newer', canWrite: false });
  });

  it('reports blocked or missing storage instead of throwing', () => {
    storage.failGet = true;
    expect(loadProgress(storage)).toEqual({ passed: {}, problem: 'unavailable', canWrite: false });
    expect(loadProgress(null)).toEqual({ passed: {}, problem: 'unavailable', canWrite: false });
    storage.failSet = true;
    expect(saveProgress({}, storage)).toBe(false);
    expect(saveProgress({}, null)).toBe(false);
  });
});

describe('useProgressStore', () => {
  it('records the first pass of a lesson and saves it', () => {
    const first = new Date('2026-03-01T10:00:00Z');
    useProgressStore.getState().markPassed('one-box', first);
    useProgressStore.getState().markPassed('one-box', new Date('2026-03-02T10:00:00Z'));
    expect(useProgressStore.getState().passed).toEqual({ 'one-box': first.toISOString() });
    expect(loadProgress(storage).passed).toEqual({ 'one-box': first.toISOString() });
  });

  it('keeps progress in memory and says so when saving fails', () => {
    storage.failSet = true;
    useProgressStore.getState().markPassed('scale-up');
    expect(useProgressStore.getState().passed['scale-up']).toBeDefined();
    expect(useProgressStore.getState().problem).toBe('writeFailed');
    storage.failSet = false;
    useProgressStore.getState().markPassed('split-db');
    expect(useProgressStore.getState().problem).toBeNull();
    expect(Object.keys(loadProgress(storage).passed)).toEqual(['scale-up', 'split-db']);
  });

  it('leaves a newer save untouched while still counting passes for this tab', () => {
    storage.data.set(PROGRESS_KEY, '{"v":9,"passed":{"x":"y"}}');
    reloadProgress(storage);
    useProgressStore.getState().markPassed('one-box');
    expect(useProgressStore.getState().passed['one-box']).toBeDefined();
    expect(storage.data.get(PROGRESS_KEY)).toBe('{"v":9,"passed":{"x":"y"}}');
  });

  it('clear forgets every pass', () => {
    useProgressStore.getState().markPassed('one-box');
    useProgressStore.getState().clear();
    expect(useProgressStore.getState().passed).toEqual({});
    expect(loadProgress(storage).passed).toEqual({});
  });
});
