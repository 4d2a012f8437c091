/** Keyboard shortcuts of the editor (undo/redo, copy/paste, duplicate, select all, delete). */
import { useEffect } from 'react';
import { useTopologyStore } from '../../state/topologyStore';

export type EditorCommand =
  'undo' | 'redo' | 'copy' | 'paste' | 'duplicate' | 'selectAll' | 'delete' | 'deselect';

type KeyInput = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/**
 * The command a key press means, or null.
 * @example shortcutFor({ key: 'z', ctrlKey: true, shiftKey: true, metaKey: false, altKey: false }) === 'redo'
 */
export function shortcutFor(e: KeyInput): EditorCommand | null {
  if (e.altKey) return null;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod) {
    if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (key === 'y' && !e.shiftKey) return 'redo';
    if (e.shiftKey) return null;
    if (key === 'c') return 'copy';
    if (key === 'v') return 'paste';
    if (key === 'd') return 'duplicate';
    if (key === 'a') return 'selectAll';
    return null;
  }
  if (e.shiftKey) return null;
  if (key === 'delete' || key === 'backspace') return 'delete';
  if (key === 'escape') return 'deselect';
  return null;
}

/** Typing in a field keeps the browser's own meaning of these keys. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}
const NON_TEXT_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
]);

/** Whether the user has text selected on the page (then Ctrl+C copies that text). */
const hasTextSelection = () => {
  const sel = globalThis.getSelection?.();
  return !!sel && !sel.isCollapsed && sel.toString().length > 0;
};

export function runCommand(command: EditorCommand): boolean {
  const s = useTopologyStore.getState();
  switch (command) {
    case 'undo':
      s.undo();
      return true;
    case 'redo':
      s.redo();
      return true;
    case 'copy':
      return !hasTextSelection() && s.copy();
    case 'paste':
      return s.paste().length > 0;
    case 'duplicate':
      // Claimed even with nothing selected: Ctrl+D would otherwise bookmark the page.
      s.duplicate();
      return true;
    case 'selectAll': {
      const { nodes, links } = s.doc.present;
      s.setSelection({ nodes: nodes.map((n) => n.id), links: links.map((l) => l.id) });
      return true;
    }
    case 'delete': {
      const { nodes, links } = s.selection;
      if (nodes.length === 0 && links.length === 0) return false;
      s.deleteSelection();
      return true;
    }
    case 'deselect':
      s.setSelection({ nodes: [], links: [] });
      return false;
  }
}

/** Listens for the editor's shortcuts on the window while mounted. */
export function useEditorShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || isTextEntry(e.target)) return;
      const command = shortcutFor(e);
      if (command && runCommand(command)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
