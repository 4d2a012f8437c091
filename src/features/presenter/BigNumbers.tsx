import { G } from '../../core/sim/types';
import { useT } from '../../i18n';
import { useGlobalMetric, useSimStore } from '../../state/simStore';
import { formatClock } from '../playback/format';

function Figure({
  label,
  value,
  testId,
  hot,
}: {
  label: string;
  value: string;
  testId: string;
  hot?: boolean;
}) {
  return (
    <div className="flex flex-col">
      <dt className="text-[18px] text-muted">{label}</dt>
      <dd
        data-testid={testId}
        className={`text-[32px] leading-tight font-bold tabular-nums ${hot ? 'text-danger' : ''}`}
      >
        {value}
      </dd>
    </div>
  );
}

/** The run's headline numbers in large type: clock, throughput, p95, errors, cost. */
export function BigNumbers() {
  const t = useT();
  const time = useSimStore((s) => s.time);
  const throughput = useGlobalMetric(G.throughput);
  const p95 = useGlobalMetric(G.latencyP95);
  const errors = useGlobalMetric(G.errorRatio);
  const cost = useGlobalMetric(G.costPerHour);
  const num = (v: number, digits = 0) =>
    Number.isFinite(v) ? t.num(v, { maximumFractionDigits: digits }) : '–';
  return (
    <dl className="grid grid-cols-[repeat(auto-fit,minmax(9rem,1fr))] gap-x-6 gap-y-2">
      <Figure label={t('playback.time')} value={formatClock(time)} testId="presenter-time" />
      <Figure
        label={t('presenter.throughput')}
        value={t('metrics.rate', { value: num(throughput) })}
        testId="presenter-throughput"
      />
      <Figure label="p95" value={`${num(p95)} ms`} testId="presenter-p95" />
      <Figure
        label={t('presenter.errors')}
        value={
          Number.isFinite(errors)
            ? t.num(errors, { style: 'percent', maximumFractionDigits: 1 })
            : '–'
        }
        testId="presenter-errors"
        hot={errors > 0.01}
      />
      <Figure
        label={t('presenter.cost')}
        value={Number.isFinite(cost) ? `${t.usd(cost)}/h` : '–'}
        testId="presenter-cost"
      />
    </dl>
  );
}
