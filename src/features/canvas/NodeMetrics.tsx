import { memo } from 'react';
import { HEALTH } from '../../core/sim';
import { useNodeDiagnostics, useNodeFields } from '../../state/simStore';
import { formatNumber, formatPercent } from '../playback/format';

const FIELDS = [
  'utilization',
  'throughput',
  'latencyP95',
  'errorRate',
  'dropRate',
  'timeoutRate',
  'health',
  'up',
  'cores',
] as const;

/** Utilization from which a machine counts as hot (the seed's 90 % trigger). */
const HOT = 0.9;

type Band = 'ok' | 'hot' | 'down';
// Okabe–Ito colours (colour-blind safe); the bar's fill level and the text carry the same value.
const BAND_CLASS: Record<Band, string> = {
  ok: 'bg-[#0072B2]',
  hot: 'bg-[#D55E00]',
  down: 'bg-neutral-400',
};

const BADGES: Partial<Record<number, { label: string; className: string }>> = {
  [HEALTH.down]: { label: 'down', className: 'bg-neutral-700 text-white' },
  [HEALTH.unhealthy]: { label: 'unhealthy', className: 'bg-[#D55E00] text-white' },
  [HEALTH.starting]: { label: 'starting', className: 'bg-[#56B4E9] text-black' },
};

/**
 * The live numbers inside a node card: utilization bar, throughput, p95, errors, health and
 * diagnostics. Reads its own numbers from the sim store (≤ 10 Hz), never through the canvas nodes.
 */
export const NodeMetrics = memo(function NodeMetrics({ id }: { id: string }) {
  const m = useNodeFields(id, FIELDS);
  const diag = useNodeDiagnostics(id);
  if (Number.isNaN(m.up)) return null;
  const down = m.up === 0 || m.health === HEALTH.down;
  const band: Band = down ? 'down' : m.utilization >= HOT ? 'hot' : 'ok';
  const failures = m.errorRate + m.dropRate + m.timeoutRate;
  const hasCpu = m.cores > 0 || down;
  const badge = BADGES[m.health];
  const pct = formatPercent(m.utilization);
  return (
    <div
      data-testid={`metrics-${id}`}
      className="mt-1 flex flex-col gap-0.5 text-[11px] leading-tight"
    >
      {hasCpu && (
        <div className="flex items-center gap-1" title={`CPU ${pct} %`}>
          <div
            className="h-2 flex-1 overflow-hidden rounded-sm bg-neutral-200 dark:bg-neutral-700"
            role="meter"
            aria-label="CPU"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(Math.min(1, m.utilization) * 100)}
          >
            <div
              className={`h-full ${BAND_CLASS[band]}`}
              style={{ width: `${Math.min(100, Math.max(0, m.utilization * 100))}%` }}
            />
          </div>
          <span data-testid={`util-${id}`} className="w-9 text-right tabular-nums" data-band={band}>
            {pct} %
          </span>
        </div>
      )}
      <div className="flex flex-wrap gap-x-2 tabular-nums text-neutral-600 dark:text-neutral-300">
        <span>{formatNumber(m.throughput)} req/s</span>
        {m.latencyP95 > 0 && (
          <span data-testid={`p95-${id}`}>p95 {formatNumber(m.latencyP95)} ms</span>
        )}
        {failures > 0 && (
          <span className="font-semibold text-[#D55E00]">{formatNumber(failures)} err/s</span>
        )}
      </div>
      {(badge || diag.count > 0) && (
        <div className="flex gap-1">
          {badge && (
            <span className={`rounded px-1 text-[10px] font-semibold ${badge.className}`}>
              {badge.label}
            </span>
          )}
          {diag.count > 0 && (
            <span
              className="rounded border border-[#E69F00] px-1 text-[10px]"
              title={diag.en}
              data-testid={`diag-${id}`}
            >
              ⚠ {diag.count}
            </span>
          )}
        </div>
      )}
    </div>
  );
});
