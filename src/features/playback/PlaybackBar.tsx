import { useEffect } from 'react';
import { useT } from '../../i18n';
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
  'rounded border border-neutral-300 px-2 py-1 text-sm hover:bg-neutral-100 disabled:opacity-50 dark:border-neutral-600 dark:hover:bg-neutral-800';

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
    <div className="flex flex-col">
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
            ⏸ {t('playback.pause')}
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
            ▶ {t('playback.play')}
          </button>
        )}
        <button
          type="button"
          className={button}
          data-testid="step"
          title={t('playback.stepHint', { seconds: STEP_SECONDS })}
          disabled={failed}
          onClick={() => simControls.step(STEP_SECONDS)}
        >
          {t('playback.step')}
        </button>
        <button
          type="button"
          className={button}
          data-testid="reset"
          title={t('playback.resetHint')}
          disabled={failed}
          onClick={simControls.reset}
        >
          {t('playback.reset')}
        </button>
        <select
          data-testid="speed"
          aria-label={t('playback.speed')}
          title={t('playback.speed')}
          className={button}
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
          className="min-w-12 font-mono tabular-nums"
        >
          {formatClock(time)}
        </time>
        {behind && (
          <span className="text-xs text-[#D55E00]" data-testid="behind">
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
