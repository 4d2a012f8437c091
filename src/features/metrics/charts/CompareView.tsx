import { useMemo } from 'react';
import { G } from '../../../core/sim/types';
import { useT, type MessageKey } from '../../../i18n';
import { compareRuns, snapshotSeries, type RunSeries } from '../../../state/compare';
import { useBaseline } from '../../../state/compareStore';
import { getSimHistory, useSimStore } from '../../../state/simStore';
import { formatClock } from '../../playback/format';
import { PinnedRuns } from '../PinnedRuns';
import { RunDeltas } from '../RunDeltas';
import { CompareChart } from './CompareChart';
import { toRows } from './chartData';

const CHARTS: {
  id: string;
  field: number;
  title: MessageKey;
  unit: string;
  color: string;
  scale?: number;
  yFloor?: number;
}[] = [
  { id: 'p95', field: G.latencyP95, title: 'monitor.compare.p95', unit: 'ms', color: '#D55E00' },
  {
    id: 'errors',
    field: G.errorRatio,
    title: 'monitor.compare.errorRate',
    unit: '%',
    color: '#CC79A7',
    scale: 100,
    yFloor: 1,
  },
  { id: 'cost', field: G.costTotal, title: 'monitor.compare.cost', unit: '$', color: '#E69F00' },
  {
    id: 'throughput',
    field: G.throughput,
    title: 'monitor.compare.throughput',
    unit: 'req/s',
    color: '#0072B2',
  },
];

const rowsOf = (run: RunSeries, field: number, scale = 1) =>
  toRows(run.t, { v: run.global[field] ?? [] }, { v: scale });

/** The Compare tab: pinned runs, the differences in numbers, and both runs overlaid. */
export default function CompareView() {
  const t = useT();
  const baseline = useBaseline();
  const version = useSimStore((s) => s.historyVersion);
  const current = useMemo(() => {
    void version;
    return snapshotSeries(getSimHistory());
  }, [version]);
  const comparison = baseline ? compareRuns(current, baseline) : null;
  const end = Math.max(60, current.t.at(-1) ?? 0, baseline?.end ?? 0);

  return (
    <div className="flex flex-col gap-2 p-2">
      <PinnedRuns />
      {!baseline && <p className="text-sm text-muted">{t('monitor.compare.hint')}</p>}
      {baseline && comparison && <RunDeltas comparison={comparison} />}
      {baseline && (
        <div className="grid grid-cols-[repeat(auto-fill,minmax(min(100%,320px),1fr))] gap-2">
          {CHARTS.map((c) => (
            <CompareChart
              key={c.id}
              testId={`compare-${c.id}`}
              title={t(c.title)}
              unit={c.unit}
              color={c.color}
              current={rowsOf(current, c.field, c.scale)}
              pinned={rowsOf(baseline, c.field, c.scale)}
              currentName={t('monitor.compare.current')}
              pinnedName={t('monitor.compare.pinnedName', {
                name: baseline.name || t('monitor.compare.untitled'),
                time: formatClock(baseline.end),
              })}
              domainEnd={end}
              yFloor={c.yFloor ?? 0}
            />
          ))}
        </div>
      )}
    </div>
  );
}
