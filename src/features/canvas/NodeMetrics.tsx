import { memo } from 'react';
import { HEALTH } from '../../core/sim/types';
import { useT, type MessageKey } from '../../i18n';
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

/** Failures per second below this print as 0.00 and are fluid-model dust: not shown. */
const MIN_FAILURES = 0.005;

/** Utilization from which a machine counts as hot (the seed's 90 % trigger). */
export const HOT_UTILIZATION = 0.9;

type Band = 'ok' | 'hot' | 'down';
// Okabe–Ito colours (colour-blind safe); the fill level and the number carry the same value.
const BAND_CLASS: Record<Band, string> = {
  ok: 'bg-[#0072B2]',
  hot: 'bg-[#D55E00]',
  down: 'bg-muted',
};

const BADGES: Partial<Record<number, { key: MessageKey; className: string }>> = {
  [HEALTH.down]: { key: 'health.down', className: 'bg-fg text-surface' },
  [HEALTH.unhealthy]: { key: 'health.unhealthy', className: 'bg-[#D55E00] text-white' },
  [HEALTH.starting]: { key: 'health.starting', className: 'bg-[#56B4E9] text-black' },
};

/**
 * The live numbers inside a node card: utilization bar, throughput, p95, errors, health and
 * diagnostics. Reads its own numbers from the sim store (≤ 10 Hz), never through the canvas
 * nodes, so a frame re-renders only the cards whose numbers changed.
 */
export const NodeMetrics = memo(function NodeMetrics({ id }: { id: string }) {
  const t = useT();
  const m = useNodeFields(id, FIELDS);
  const diag = useNodeDiagnostics(id);
  if (Number.isNaN(m.up)) return null;
  const down = m.up === 0 || m.health === HEALTH.down;
  const band: Band = down ? 'down' : m.utilization >= HOT_UTILIZATION ? 'hot' : 'ok';
  const failures = m.errorRate + m.dropRate + m.timeoutRate;
  // Users, DNS and load balancers have no cores of their own; a dead machine shows an empty bar.
  const hasCpu = m.cores > 0 || (down && m.utilization === 0);
  const badge = BADGES[m.health] ?? (down ? BADGES[HEALTH.down] : undefined);
  const pct = formatPercent(m.utilization);
  const cpu = t('metrics.cpu', { value: pct });
  return (
    <div
      data-testid={`metrics-${id}`}
      data-band={band}
      className="mt-2 flex flex-col gap-0.5 text-xs leading-tight"
    >
      {hasCpu && (
        <div className="flex items-center gap-1" title={cpu}>
          <div
            className="h-2 flex-1 overflow-hidden rounded-sm bg-surface-2 ring-1 ring-border ring-inset"
            role="meter"
            aria-label={cpu}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(Math.min(1, Math.max(0, m.utilization)) * 100)}
          >
            <div
              className={`h-full ${BAND_CLASS[band]}`}
              style={{ width: `${Math.min(100, Math.max(0, m.utilization * 100))}%` }}
            />
          </div>
          <span
            data-testid={`util-${id}`}
            className={`w-11 text-right whitespace-nowrap tabular-nums ${band === 'hot' ? 'font-bold' : ''}`}
          >
            {pct} %
          </span>
        </div>
      )}
      <div className="flex flex-wrap gap-x-2 text-muted tabular-nums">
        <span data-testid={`rate-${id}`}>
          {t('metrics.rate', { value: formatNumber(m.throughput) })}
        </span>
        {m.latencyP95 > 0 && (
          <span data-testid={`p95-${id}`}>
            {t('metrics.p95', { value: formatNumber(m.latencyP95) })}
          </span>
        )}
        {failures >= MIN_FAILURES && (
          <span className="font-semibold text-danger" title={t('metrics.errorsHint')}>
            {t('metrics.errors', { value: formatNumber(failures) })}
          </span>
        )}
      </div>
      {(badge || diag.count > 0) && (
        <div className="flex gap-1">
          {badge && (
            <span
              data-testid={`health-${id}`}
              className={`rounded px-1 text-[10px] font-semibold ${badge.className}`}
            >
              {t(badge.key)}
            </span>
          )}
          {diag.count > 0 && (
            <span
              className={`rounded border px-1 text-[10px] ${
                diag.severity === 'error' ? 'border-danger text-danger' : 'border-warn text-warn'
              }`}
              title={t('metrics.diagnostics', {
                count: diag.count,
                first: t.text({ en: diag.en, ko: diag.ko }),
              })}
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
