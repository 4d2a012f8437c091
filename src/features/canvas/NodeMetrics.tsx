import { memo } from 'react';
import { HEALTH } from '../../core/sim/types';
import { useT, type MessageKey } from '../../i18n';
import { useShallow } from 'zustand/react/shallow';
import { readNodeField, useNodeDiagnostics, useSimStore } from '../../state/simStore';
import { formatNumber, formatPercent } from '../playback/format';

/** The fields a card reads. */
type CardField =
  | 'utilization'
  | 'throughput'
  | 'latencyP95'
  | 'errorRate'
  | 'dropRate'
  | 'timeoutRate'
  | 'health'
  | 'up'
  | 'cores';

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

/** What a card shows, as primitives: equal frames (to the digit shown) re-render nothing. */
interface CardView {
  present: boolean;
  band: Band;
  hasCpu: boolean;
  pct: string;
  /** Bar fill, % of the width, in half-percent steps (finer is under a pixel). */
  fill: number;
  meter: number;
  rate: string;
  p95: string | null;
  failures: string | null;
  health: number;
  down: boolean;
}

function cardView(s: Parameters<typeof readNodeField>[0], id: string): CardView {
  const m = (f: CardField) => readNodeField(s, id, f);
  const up = m('up');
  const health = m('health');
  const utilization = m('utilization');
  const down = up === 0 || health === HEALTH.down;
  const failures = m('errorRate') + m('dropRate') + m('timeoutRate');
  const p95 = m('latencyP95');
  const clamped = Math.min(1, Math.max(0, utilization));
  return {
    present: !Number.isNaN(up),
    band: down ? 'down' : utilization >= HOT_UTILIZATION ? 'hot' : 'ok',
    // Users, DNS and load balancers have no cores of their own; a dead machine shows an empty bar.
    hasCpu: m('cores') > 0 || (down && utilization === 0),
    pct: formatPercent(utilization),
    fill: Math.round(clamped * 200) / 2,
    meter: Math.round(clamped * 100),
    rate: formatNumber(m('throughput')),
    p95: p95 > 0 ? formatNumber(p95) : null,
    failures: failures >= MIN_FAILURES ? formatNumber(failures) : null,
    health,
    down,
  };
}

/**
 * The live numbers inside a node card: utilization bar, throughput, p95, errors, health and
 * diagnostics. Reads its own numbers from the sim store (≤ 10 Hz), never through the canvas
 * nodes, and only as shown (formatted), so a frame re-renders only the cards whose picture
 * changed.
 */
export const NodeMetrics = memo(function NodeMetrics({ id }: { id: string }) {
  const t = useT();
  const v = useSimStore(useShallow((s) => cardView(s, id)));
  const diag = useNodeDiagnostics(id);
  if (!v.present) return null;
  const { band } = v;
  const badge = BADGES[v.health] ?? (v.down ? BADGES[HEALTH.down] : undefined);
  const pct = v.pct;
  const cpu = t('metrics.cpu', { value: pct });
  return (
    <div
      data-testid={`metrics-${id}`}
      data-band={band}
      className="mt-2 flex flex-col gap-0.5 text-xs leading-tight"
    >
      {v.hasCpu && (
        <div className="flex items-center gap-1" title={cpu}>
          <div
            className="h-2 flex-1 overflow-hidden rounded-sm bg-surface-2 ring-1 ring-border ring-inset"
            role="meter"
            aria-label={cpu}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={v.meter}
          >
            <div className={`h-full ${BAND_CLASS[band]}`} style={{ width: `${v.fill}%` }} />
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
        <span data-testid={`rate-${id}`}>{t('metrics.rate', { value: v.rate })}</span>
        {v.p95 !== null && (
          <span data-testid={`p95-${id}`}>{t('metrics.p95', { value: v.p95 })}</span>
        )}
        {v.failures !== null && (
          <span className="font-semibold text-danger" title={t('metrics.errorsHint')}>
            {t('metrics.errors', { value: v.failures })}
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
