import { useT } from '../../i18n';
import { selectBaseline, unpinRun, useCompareStore } from '../../state/compareStore';
import { formatClock } from '../playback/format';

/** The pinned runs: pick the one to compare with, or unpin it. */
export function PinnedRuns() {
  const t = useT();
  const pinned = useCompareStore((s) => s.pinned);
  const baseline = useCompareStore((s) => s.baseline);
  if (pinned.length === 0) return null;
  return (
    <fieldset className="flex flex-wrap items-center gap-2 text-xs">
      <legend className="sr-only">{t('monitor.compare.baseline')}</legend>
      <span className="text-muted">{t('monitor.compare.baseline')}</span>
      {pinned.map((run) => (
        <span
          key={run.id}
          className={`flex items-center gap-1 rounded-full border px-2 py-0.5 ${run.id === baseline ? 'border-accent bg-accent-soft' : 'border-border'}`}
        >
          <label className="flex cursor-pointer items-center gap-1">
            <input
              type="radio"
              name="baseline"
              checked={run.id === baseline}
              onChange={() => selectBaseline(run.id)}
            />
            {t('monitor.compare.pinnedName', {
              name: run.name || t('monitor.compare.untitled'),
              time: formatClock(run.end),
            })}
          </label>
          <button
            type="button"
            onClick={() => unpinRun(run.id)}
            aria-label={t('monitor.compare.unpin', {
              name: run.name || t('monitor.compare.untitled'),
            })}
            className="rounded px-1 text-muted hover:bg-surface-2"
          >
            ✕
          </button>
        </span>
      ))}
    </fieldset>
  );
}
