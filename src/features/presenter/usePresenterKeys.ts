import { useEffect } from 'react';
import { useLessonStore } from '../../state/lessonStore';
import { simControls, useSimStore } from '../../state/simStore';
import { presenterKey, type PresenterCommand } from './keys';

/** Where keys are typing, not commands. */
const FIELDS = 'input, textarea, select, [contenteditable="true"], [role="textbox"]';

/** Toggles full screen; browsers without it (iOS Safari on iPhone) or refusing it do nothing. */
export function toggleFullscreen(): void {
  const doc = document;
  if (doc.fullscreenElement) {
    void doc.exitFullscreen?.().catch(() => {});
    return;
  }
  const el = doc.documentElement;
  if (typeof el.requestFullscreen === 'function') void el.requestFullscreen().catch(() => {});
}

export function leavePresenter(): void {
  if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => {});
  useLessonStore.getState().setPresenting(false);
}

function run(command: PresenterCommand): void {
  const lessons = useLessonStore.getState();
  switch (command.type) {
    case 'enter':
      return lessons.setPresenting(true);
    case 'exit':
      return leavePresenter();
    case 'step':
      return lessons.moveStep(command.delta);
    case 'playPause':
      return useSimStore.getState().playing ? simControls.pause() : simControls.play();
    case 'fullscreen':
      return toggleFullscreen();
    case 'qr':
      return lessons.setQrOpen(command.open);
  }
}

/**
 * The presenter's keys, listened to on the window in the capture phase so that in presenter mode
 * they win over the canvas's own arrow keys and the playback bar's Space.
 */
export function usePresenterKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const { presenting, qrOpen } = useLessonStore.getState();
      const target = e.target instanceof Element ? e.target : null;
      const command = presenterKey(
        {
          key: e.key,
          ctrlKey: e.ctrlKey,
          metaKey: e.metaKey,
          altKey: e.altKey,
          repeat: e.repeat,
          inField: target?.closest(FIELDS) != null,
        },
        { presenting, qrOpen },
      );
      if (!command) return;
      e.preventDefault();
      e.stopPropagation();
      run(command);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
