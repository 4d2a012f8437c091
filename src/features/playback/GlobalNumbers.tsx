import { G } from '../../core/sim/types';
import { useT } from '../../i18n';
import { useGlobalMetric } from '../../state/simStore';
import { formatDollars, formatNumber } from './format';

/** The end-to-end numbers beside the playback controls: throughput, error %, p95, cost. */
export function GlobalNumbers() {
  const t = useT();
  const throughput = useGlobalMetric(G.throughput);
  const errorRatio = useGlobalMetric(G.errorRatio);
  const p95 = useGlobalMetric(G.latencyP95);
  const cost = useGlobalMetric(G.costPerHour);
  const errorPct = Number.isFinite(errorRatio) ? (errorRatio * 100).toFixed(1) : '–';
  return (
    <div className="flex flex-wrap items-center gap-x-3 text-sm text-muted tabular-nums">
      <span title={t('playback.throughput')} data-testid="global-throughput">
        {t('metrics.rate', { value: formatNumber(throughput) })}
      </span>
      <span
        title={t('playback.errorsHint')}
        data-testid="global-errors"
        className={errorRatio > 0.01 ? 'font-semibold text-danger' : undefined}
      >
        {t('playback.errors', { value: errorPct })}
      </span>
      <span title={t('playback.p95Hint')} data-testid="global-p95">
        {t('playback.p95', { value: formatNumber(p95) })}
      </span>
      <span title={t('playback.costHint')} data-testid="global-cost">
        {t('playback.cost', { value: `$${formatDollars(cost)}` })}
      </span>
    </div>
  );
}
