import { memo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatClock } from '../../playback/format';
import { axisTick, type Row } from './chartData';

const tick = { fill: 'currentColor', fontSize: 10 };

interface Props {
  testId: string;
  title: string;
  unit: string;
  color: string;
  current: Row[];
  pinned: Row[];
  currentName: string;
  pinnedName: string;
  domainEnd: number;
  /** Smallest top of the y axis, so a series of near-zeros (no errors) draws as a flat 0. */
  yFloor?: number;
}

/** One quantity of two runs on one time axis: this run solid, the pinned run dashed. */
export const CompareChart = memo(function CompareChart(p: Props) {
  return (
    <figure
      className="flex min-w-0 flex-col rounded-md border border-border bg-surface p-1.5"
      data-testid={p.testId}
    >
      <figcaption className="px-1 text-xs font-semibold">
        {p.title}
        {p.unit && <span className="font-normal text-muted"> ({p.unit})</span>}
      </figcaption>
      <div className="h-[150px] text-muted">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
            <XAxis
              dataKey="t"
              type="number"
              domain={[0, p.domainEnd]}
              allowDataOverflow
              tickFormatter={formatClock}
              tick={tick}
              stroke="currentColor"
              minTickGap={24}
            />
            <YAxis
              width={40}
              tick={tick}
              stroke="currentColor"
              tickFormatter={axisTick}
              domain={p.yFloor ? [0, (max: number) => Math.max(max, p.yFloor ?? 0)] : [0, 'auto']}
            />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(v) => formatClock(Number(v))}
              formatter={(v) => axisTick(Number(v))}
              contentStyle={{
                background: 'var(--surface)',
                borderColor: 'var(--border)',
                fontSize: 12,
              }}
            />
            <Legend wrapperStyle={{ fontSize: 11 }} iconSize={10} />
            <Line
              data={p.pinned}
              dataKey="v"
              name={p.pinnedName}
              stroke={p.color}
              strokeDasharray="6 4"
              strokeOpacity={0.75}
              dot={false}
              isAnimationActive={false}
              className="pinned-line"
            />
            <Line
              data={p.current}
              dataKey="v"
              name={p.currentName}
              stroke={p.color}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
              className="current-line"
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});
