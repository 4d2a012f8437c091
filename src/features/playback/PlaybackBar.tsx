import { G } from '../../core/sim';
import { SPEEDS } from '../../worker/protocol';
import { simControls, useGlobalMetric, useSimStore } from '../../state/simStore';
import { formatClock, formatDollars, formatNumber } from './format';

/** Simulated seconds a single step advances. */
export const STEP_SECONDS = 1;

const button =
  'rounded border border-neutral-300 px-2 py-1 text-sm hover:bg-neutral-100 disabled:opacity-50 dark:border-neutral-600 dark:hover:bg-neutral-800';

/** Play / pause / step / reset, speed, the simulated clock and the end-to-end numbers. */
export function PlaybackBar() {
  const playing = useSimStore((s) => s.playing);
  const speed = useSimStore((s) => s.speed);
  const time = useSimStore((s) => s.time);
  const throughput = useGlobalMetric(G.throughput);
  const errors = useGlobalMetric(G.errorRatio);
  const p95 = useGlobalMetric(G.latencyP95);
  const cost = useGlobalMetric(G.costPerHour);
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Playback">
      {playing ? (
        <button type="button" className={button} data-testid="pause" onClick={simControls.pause}>
          Pause
        </button>
      ) : (
        <button type="button" className={button} data-testid="play" onClick={simControls.play}>
          Play
        </button>
      )}
      <button
        type="button"
        className={button}
        data-testid="step"
        onClick={() => simControls.step(STEP_SECONDS)}
      >
        Step
      </button>
      <button type="button" className={button} data-testid="reset" onClick={simControls.reset}>
        Reset
      </button>
      <select
        data-testid="speed"
        aria-label="Speed"
        className={button}
        value={speed}
        onChange={(e) => simControls.setSpeed(Number(e.target.value))}
      >
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <span data-testid="sim-time" className="font-mono tabular-nums">
        {formatClock(time)}
      </span>
      <span className="tabular-nums">{formatNumber(throughput)} req/s</span>
      <span className="tabular-nums" data-testid="global-errors">
        {Number.isFinite(errors) ? (errors * 100).toFixed(1) : '–'} % err
      </span>
      <span className="tabular-nums" data-testid="global-p95">
        p95 {formatNumber(p95)} ms
      </span>
      <span className="tabular-nums">${formatDollars(cost)}/h</span>
    </div>
  );
}
