import { describe, expect, it } from 'vitest';
import { presenterKey, type PresenterContext } from './keys';

const off: PresenterContext = { presenting: false, qrOpen: false };
const on: PresenterContext = { presenting: true, qrOpen: false };
const withQr: PresenterContext = { presenting: true, qrOpen: true };

describe('presenterKey', () => {
  it('P enters presenter mode; nothing else does', () => {
    expect(presenterKey({ key: 'p' }, off)).toEqual({ type: 'enter' });
    expect(presenterKey({ key: 'P' }, off)).toEqual({ type: 'enter' });
    for (const key of ['ArrowRight', ' ', 'f', 'Escape', 'q'])
      expect(presenterKey({ key }, off)).toBeNull();
  });

  it('arrows and clicker keys step, and may repeat', () => {
    expect(presenterKey({ key: 'ArrowRight' }, on)).toEqual({ type: 'step', delta: 1 });
    expect(presenterKey({ key: 'PageDown', repeat: true }, on)).toEqual({ type: 'step', delta: 1 });
    expect(presenterKey({ key: 'ArrowLeft' }, on)).toEqual({ type: 'step', delta: -1 });
    expect(presenterKey({ key: 'PageUp' }, on)).toEqual({ type: 'step', delta: -1 });
  });

  it('Space plays or pauses, F toggles full screen, Q toggles the QR code', () => {
    expect(presenterKey({ key: ' ' }, on)).toEqual({ type: 'playPause' });
    expect(presenterKey({ key: 'F' }, on)).toEqual({ type: 'fullscreen' });
    expect(presenterKey({ key: 'q' }, on)).toEqual({ type: 'qr', open: true });
    expect(presenterKey({ key: 'q' }, withQr)).toEqual({ type: 'qr', open: false });
  });

  it('Esc closes the QR code first, then leaves; P leaves too', () => {
    expect(presenterKey({ key: 'Escape' }, withQr)).toEqual({ type: 'qr', open: false });
    expect(presenterKey({ key: 'Escape' }, on)).toEqual({ type: 'exit' });
    expect(presenterKey({ key: 'p' }, on)).toEqual({ type: 'exit' });
  });

  it('held keys do not toggle things on and off', () => {
    for (const key of [' ', 'f', 'q', 'Escape', 'p'])
      expect(presenterKey({ key, repeat: true }, on), key).toBeNull();
    expect(presenterKey({ key: 'p', repeat: true }, off)).toBeNull();
  });

  it('keys with a modifier or typed into a field are not commands', () => {
    expect(presenterKey({ key: 'p', ctrlKey: true }, off)).toBeNull();
    expect(presenterKey({ key: 'p', metaKey: true }, off)).toBeNull();
    expect(presenterKey({ key: 'ArrowRight', altKey: true }, on)).toBeNull();
    expect(presenterKey({ key: 'p', inField: true }, off)).toBeNull();
    expect(presenterKey({ key: ' ', inField: true }, on)).toBeNull();
  });
});
