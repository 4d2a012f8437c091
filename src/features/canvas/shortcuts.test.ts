import { beforeEach, describe, expect, it } from 'vitest';
import { resetTopologyStore, useTopologyStore } from '../../state/topologyStore';
import { runCommand, shortcutFor } from './shortcuts';

const key = (
  k: string,
  mods: Partial<Record<'ctrl' | 'meta' | 'shift' | 'alt', boolean>> = {},
) => ({
  key: k,
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
  shiftKey: !!mods.shift,
  altKey: !!mods.alt,
});

describe('shortcutFor', () => {
  it('maps the usual editor keys on every platform', () => {
    expect(shortcutFor(key('z', { ctrl: true }))).toBe('undo');
    expect(shortcutFor(key('z', { meta: true }))).toBe('undo');
    expect(shortcutFor(key('Z', { ctrl: true, shift: true }))).toBe('redo');
    expect(shortcutFor(key('z', { meta: true, shift: true }))).toBe('redo');
    expect(shortcutFor(key('y', { ctrl: true }))).toBe('redo');
    expect(shortcutFor(key('c', { ctrl: true }))).toBe('copy');
    expect(shortcutFor(key('v', { meta: true }))).toBe('paste');
    expect(shortcutFor(key('d', { ctrl: true }))).toBe('duplicate');
    expect(shortcutFor(key('a', { meta: true }))).toBe('selectAll');
    expect(shortcutFor(key('Delete'))).toBe('delete');
    expect(shortcutFor(key('Backspace'))).toBe('delete');
    expect(shortcutFor(key('Escape'))).toBe('deselect');
  });

  it('ignores plain letters and Alt combinations', () => {
    expect(shortcutFor(key('z'))).toBeNull();
    expect(shortcutFor(key('d'))).toBeNull();
    expect(shortcutFor(key('z', { ctrl: true, alt: true }))).toBeNull();
    expect(shortcutFor(key('c', { ctrl: true, shift: true }))).toBeNull();
  });
});

describe('runCommand', () => {
  beforeEach(() => resetTopologyStore());

  it('drives the store and says whether it handled the key', () => {
    const s = () => useTopologyStore.getState();
    expect(runCommand('delete')).toBe(false);
    s().addNode('server', 0, 0);
    expect(runCommand('duplicate')).toBe(true);
    expect(s().doc.present.nodes).toHaveLength(2);
    expect(runCommand('delete')).toBe(true);
    expect(s().doc.present.nodes).toHaveLength(1);
    runCommand('undo');
    expect(s().doc.present.nodes).toHaveLength(2);
    runCommand('redo');
    expect(s().doc.present.nodes).toHaveLength(1);
    s().setSelection({ nodes: ['server-1'], links: [] });
    expect(runCommand('copy')).toBe(true);
    expect(runCommand('paste')).toBe(true);
    expect(s().doc.present.nodes.map((n) => n.id)).toEqual(['server-1', 'server-2']);
    runCommand('deselect');
    expect(s().selection.nodes).toEqual([]);
    runCommand('selectAll');
    expect(s().selection.nodes).toEqual(['server-1', 'server-2']);
  });
});
