import { useEffect } from 'react';
import { simControls, useSimStore } from '../../state/simStore';

/** Elements where Space means typing or pressing that control, not play/pause. */
const INTERACTIVE =
  'input, textarea, select, button, a[href], summary, [contenteditable="true"], [role="button"], [role="slider"], [role="textbox"], [role="menuitem"]';

function isInteractive(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest(INTERACTIVE) !== null;
}

/** Space toggles play / pause anywhere except in form fields and on other controls. */
export function usePlaybackShortcut(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.code !== 'Space' && e.key !== ' ') return;
      if (e.defaultPrevented || e.repeat || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey)
        return;
      if (isInteractive(e.target)) return;
      e.preventDefault();
      if (useSimStore.getState().playing) simControls.pause();
      else simControls.play();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
