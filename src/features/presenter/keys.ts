/**
 * Presenter mode's keyboard, as a pure function from a key press to a command, so the whole
 * table is unit-tested. P enters (and leaves); in presenter mode ← → walk the lesson steps
 * (PageUp/PageDown too, which is what presentation clickers send), Space plays or pauses,
 * F toggles full screen, Q shows the QR code, Esc closes the QR code or leaves.
 */

export type PresenterCommand =
  | { type: 'enter' }
  | { type: 'exit' }
  | { type: 'step'; delta: 1 | -1 }
  | { type: 'playPause' }
  | { type: 'fullscreen' }
  | { type: 'qr'; open: boolean };

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  repeat?: boolean;
  /** The focus is in a text field, a select or an editable element: keys are typing. */
  inField?: boolean;
}

export interface PresenterContext {
  presenting: boolean;
  qrOpen: boolean;
}

/**
 * The command for a key press, or null when the key is not the presenter's.
 * @example presenterKey({ key: 'ArrowRight' }, { presenting: true, qrOpen: false }) // step +1
 */
export function presenterKey(press: KeyPress, ctx: PresenterContext): PresenterCommand | null {
  if (press.ctrlKey || press.metaKey || press.altKey || press.inField) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (!ctx.presenting) return key === 'p' && !press.repeat ? { type: 'enter' } : null;
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
      return { type: 'step', delta: 1 };
    case 'ArrowLeft':
    case 'PageUp':
      return { type: 'step', delta: -1 };
    default:
  }
  // Held keys repeat: stepping through slides is fine, toggling things on and off is not.
  if (press.repeat) return null;
  switch (key) {
    case ' ':
    case 'Spacebar':
      return { type: 'playPause' };
    case 'f':
      return { type: 'fullscreen' };
    case 'q':
      return { type: 'qr', open: !ctx.qrOpen };
    case 'Escape':
      return ctx.qrOpen ? { type: 'qr', open: false } : { type: 'exit' };
    case 'p':
      return { type: 'exit' };
    default:
      return null;
  }
}
