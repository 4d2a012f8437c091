import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DECODE_ERROR_CODES, encodeShare, type DecodeErrorCode } from '../core/codec';
import { toBase64Url } from '../core/codec/base64url';
import { deflateRaw } from '../core/codec/deflate';
import { emptyTopology, type Topology } from '../core/model';
import { LESSONS } from '../core/scenarios';
import { ENVELOPE_VERSION, WORKSPACE_KEY } from './autosave';
import {
  LINK_BACKUP_KEY,
  backupBeforeLink,
  openLink,
  planLink,
  readLinkBackup,
  sameAsLink,
  shareUrl,
  type LinkPort,
} from './shareLink';

class FakeStorage implements Storage {
  data = new Map<string, string>();
  failWrites = false;
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
    if (this.failWrites) throw new DOMException('full', 'QuotaExceededError');
    this.data.set(key, value);
  }
}

const mine = LESSONS[0]!.start;
const theirs = LESSONS[1]!.start;
const envelope = (topology: Topology) =>
  JSON.stringify({ v: ENVELOPE_VERSION, savedAt: '2026-01-01T00:00:00.000Z', topology });
const link = (topology: Topology, extra: object = {}) => `#${encodeShare({ topology, ...extra })}`;
/** A syntactically perfect link around any payload text. */
const rawLink = (payload: string) => `#v1.${toBase64Url(deflateRaw(strToU8(payload)))}`;

function harness(saved: Topology | string | null) {
  const storage = new FakeStorage();
  if (saved !== null)
    storage.setItem(WORKSPACE_KEY, typeof saved === 'string' ? saved : envelope(saved));
  const loaded: Topology[] = [];
  const port: LinkPort = { storage, load: (doc) => loaded.push(doc.topology) };
  return { storage, loaded, port, before: new Map(storage.data) };
}

/** One broken link per error code the codec can return for a fragment. */
const BROKEN: Record<Exclude<DecodeErrorCode, 'empty'>, string> = {
  tooLong: `#v1.${'A'.repeat(100_001)}`,
  badPrefix: '#garbage',
  tooNew: '#v9.AAAA',
  badEncoding: '#v1.AB$C',
  badCompression: `#${encodeShare({ topology: mine }).slice(0, 3 + 24)}`,
  tooLarge: `#v1.${toBase64Url(deflateRaw(new Uint8Array(3 * 1024 * 1024)))}`,
  badJson: rawLink('{"nodes": ['),
  invalid: rawLink('["x",[[99,0,0]]]'),
};

describe('planLink', () => {
  it('treats no fragment as no link', () => {
    expect(planLink('')).toEqual({ type: 'none' });
    expect(planLink('#')).toEqual({ type: 'none' });
    expect(planLink('#  ')).toEqual({ type: 'none' });
  });

  it('decodes a valid link with its view and lesson step', () => {
    const view = { x: 40, y: -20, zoom: 1.25 };
    const plan = planLink(link(theirs, { view, lesson: { id: 'one-box', step: 2 } }));
    expect(plan.type).toBe('load');
    if (plan.type !== 'load') return;
    expect(plan.doc.view).toEqual(view);
    expect(plan.doc.lesson).toEqual({ id: 'one-box', step: 2 });
    expect(sameAsLink(plan.doc.topology, theirs)).toBe(true);
  });

  it.each(Object.entries(BROKEN))('reports %s', (code, hash) => {
    const plan = planLink(hash);
    expect(plan.type).toBe('error');
    if (plan.type === 'error') expect(plan.error.code).toBe(code);
  });

  it('covers every error code a fragment can produce', () => {
    const covered = new Set(['empty', ...Object.keys(BROKEN)]);
    expect(DECODE_ERROR_CODES.filter((c) => !covered.has(c))).toEqual([]);
  });
});

describe('openLink', () => {
  it('loads a valid link after backing up the saved workspace', () => {
    const h = harness(mine);
    const state = openLink(link(theirs, { view: { x: 1, y: 2, zoom: 0.5 } }), h.port);
    expect(h.loaded).toHaveLength(1);
    expect(sameAsLink(h.loaded[0]!, theirs)).toBe(true);
    expect(state).toEqual({
      status: 'loaded',
      view: { x: 1, y: 2, zoom: 0.5 },
      canRestore: true,
      backup: 'saved',
    });
    expect(h.storage.getItem(LINK_BACKUP_KEY)).toBe(envelope(mine));
    expect(readLinkBackup(h.storage)).toEqual(mine);
    // The saved workspace itself is left for autosave to rewrite.
    expect(h.storage.getItem(WORKSPACE_KEY)).toBe(envelope(mine));
  });

  it.each(Object.entries(BROKEN))(
    '%s: loads nothing and leaves storage untouched',
    (code, hash) => {
      const h = harness(mine);
      const state = openLink(hash, h.port);
      expect(state.status).toBe('error');
      if (state.status === 'error') expect(state.error.code).toBe(code);
      expect(h.loaded).toEqual([]);
      expect(h.storage.data).toEqual(h.before);
    },
  );

  it('does nothing without a fragment', () => {
    const h = harness(mine);
    expect(openLink('', h.port)).toEqual({ status: 'idle' });
    expect(h.loaded).toEqual([]);
    expect(h.storage.data).toEqual(h.before);
  });

  it('keeps the first backup when the same link is reloaded', () => {
    const h = harness(mine);
    openLink(link(theirs), h.port);
    // Autosave has since written the link's topology; the page is reloaded with the same link.
    h.storage.setItem(WORKSPACE_KEY, envelope(theirs));
    const state = openLink(link(theirs), h.port);
    expect(state).toMatchObject({ status: 'loaded', backup: 'same', canRestore: true });
    expect(readLinkBackup(h.storage)).toEqual(mine);
  });

  it('offers no restore when nothing was saved or the canvas was empty', () => {
    for (const saved of [null, emptyTopology()]) {
      const h = harness(saved);
      expect(openLink(link(theirs), h.port)).toMatchObject({
        status: 'loaded',
        backup: 'nothing',
        canRestore: false,
      });
      expect(h.storage.getItem(LINK_BACKUP_KEY)).toBeNull();
    }
  });

  it('copies an unreadable save as it is', () => {
    const h = harness('{not json');
    expect(openLink(link(theirs), h.port)).toMatchObject({ backup: 'saved', canRestore: false });
    expect(h.storage.getItem(LINK_BACKUP_KEY)).toBe('{not json');
  });

  it('says when storage refused the backup, and still opens the link', () => {
    const h = harness(mine);
    h.storage.failWrites = true;
    expect(backupBeforeLink(h.storage, theirs)).toBe('failed');
    expect(openLink(link(theirs), h.port)).toMatchObject({ status: 'loaded', backup: 'failed' });
    expect(h.loaded).toHaveLength(1);
  });
});

describe('sameAsLink', () => {
  it('compares on the 10 px grid', () => {
    const moved = { ...mine, nodes: mine.nodes.map((n) => ({ ...n, x: n.x + 2 })) };
    expect(sameAsLink(mine, moved)).toBe(true);
    expect(sameAsLink(mine, theirs)).toBe(false);
  });
});

describe('shareUrl', () => {
  it('replaces the fragment of the page address and round-trips through planLink', () => {
    const url = shareUrl('https://example.org/lab/sub/?testHooks=1#v1.old', {
      topology: theirs,
      view: { x: 12.345, y: -7.8, zoom: 1.23456 },
      lesson: { id: 'one-box', step: 1 },
    });
    expect(url.startsWith('https://example.org/lab/sub/?testHooks=1#v1.')).toBe(true);
    expect(url).not.toContain('#v1.old');
    const plan = planLink(new URL(url).hash);
    expect(plan.type).toBe('load');
    if (plan.type !== 'load') return;
    expect(plan.doc.view).toEqual({ x: 12, y: -8, zoom: 1.235 });
    expect(plan.doc.lesson).toEqual({ id: 'one-box', step: 1 });
    expect(sameAsLink(plan.doc.topology, theirs)).toBe(true);
  });

  it('keeps any viewport inside what a link accepts', () => {
    const url = shareUrl('http://localhost/', {
      topology: mine,
      view: { x: Number.NaN, y: 1e12, zoom: 1000 },
    });
    const plan = planLink(url.slice(url.indexOf('#')));
    expect(plan).toMatchObject({ type: 'load', doc: { view: { x: 0, y: 1e8, zoom: 100 } } });
  });
});
