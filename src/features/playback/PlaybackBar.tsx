import { useEffect } from 'react';
import { useT } from '../../i18n';
import { Icon } from '../../ui/Icon';
import { acquireSimSession } from '../../state/simSession';
import { simControls, useSimStore } from '../../state/simStore';
import { SPEEDS } from '../../worker/protocol';
import { formatClock } from './format';
import { GlobalNumbers } from './GlobalNumbers';
import { SimNoticeBanner } from './SimNoticeBanner';
import { usePlaybackShortcut } from './usePlaybackShortcut';

/** Simulated seconds a single step advances. */
export const STEP_SECONDS = 1;

const button =
  'inline-flex h-9 min-w-9 items-center justify-center gap-1.5 rounded-md px-2 text-sm font-medium text-fg transition-colors hover:bg-surface-2 disabled:cursor-default disabled:opacity-35 disabled:hover:bg-transparent';

// Stroke paths in the 24×24 grid of the app's icons.
const PATHS = {
  play: 'M7 4.5v15l12.5-7.5z',
  pause: 'M8.5 5v14M15.5 5v14',
  step: 'M5 5.5v13l9.5-6.5zM18.5 5v14',
  reset: 'M4.5 12a7.5 7.5 0 1 0 2.2-5.3M4.5 4v4.5H9',
};

/**
 * Play / pause / step / reset, the speed, the simulated clock and the end-to-end numbers.
 * Mounting it starts the app's simulation session (paused at 0:00 with the current topology).
 */
export function PlaybackBar() {
  const t = useT();
  const playing = useSimStore((s) => s.playing);
  const speed = useSimStore((s) => s.speed);
  const time = useSimStore((s) => s.time);
  const failed = useSimStore((s) => s.status === 'failed');
  const achieved = useSimStore((s) => s.achievedSpeed);
  // Below 80 % of the chosen speed for a whole heartbeat: say so rather than pretend.
  const behind = playing && achieved > 0 && achieved < 0.8 * speed;
  useEffect(() => acquireSimSession(), []);
  usePlaybackShortcut();
  return (
    <div className="relative flex flex-col">
      <div
        className="flex flex-wrap items-center gap-2"
        role="group"
        aria-label={t('playback.label')}
      >
        {playing ? (
          <button
            type="button"
            className={button}
            data-testid="pause"
            title={t('playback.playHint')}
            aria-keyshortcuts="Space"
            onClick={simControls.pause}
          >
            <Icon path={PATHS.pause} />
            <span className="hidden sm:inline">{t('playback.pause')}</span>
          </button>
        ) : (
          <button
            type="button"
            className={button}
            data-testid="play"
            title={t('playback.playHint')}
            aria-keyshortcuts="Space"
            disabled={failed}
            onClick={simControls.play}
          >
            <Icon path={PATHS.play} />
            <span className="hidden sm:inline">{t('playback.play')}</span>
          </button>
        )}
        <button
          type="button"
          className={button}
          data-testid="step"
          aria-label={t('playback.step')}
          title={t('playback.stepHint', { seconds: STEP_SECONDS })}
          disabled={failed}
          onClick={() => simControls.step(STEP_SECONDS)}
        >
          <Icon path={PATHS.step} />
          <span className="hidden 2xl:inline">{t('playback.step')}</span>
        </button>
        <button
          type="button"
          className={button}
          data-testid="reset"
          aria-label={t('playback.reset')}
          title={t('playback.resetHint')}
          onClick={simControls.reset}
        >
          <Icon path={PATHS.reset} />
          <span className="hidden 2xl:inline">{t('playback.reset')}</span>
        </button>
        <select
          data-testid="speed"
          aria-label={t('playback.speed')}
          title={t('playback.speed')}
          className="h-9 rounded-md border border-border bg-surface px-1.5 text-sm text-fg tabular-nums"
          value={speed}
          onChange={(e) => simControls.setSpeed(Number(e.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {t('playback.speedOption', { speed: s })}
            </option>
          ))}
        </select>
        <time
          data-testid="sim-time"
          title={t('playback.time')}
          aria-label={t('playback.time')}
          className="min-w-12 font-mono text-sm tabular-nums"
        >
          {formatClock(time)}
        </time>
        {behind && (
          <span className="text-xs text-warn" data-testid="behind">
            {t('playback.behind', {
              speed: achieved < 10 ? achieved.toFixed(1) : achieved.toFixed(0),
            })}
          </span>
        )}
        <GlobalNumbers />
      </div>
      <SimNoticeBanner />
    </div>
  );
}
