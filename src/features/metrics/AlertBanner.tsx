import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { ALERT_SUSTAIN_SEC, ALERT_THRESHOLD } from '../../state/alerts';
import { dismissAlert, useAlertsStore } from '../../state/alertsStore';
import { readNodeField, useSimStore } from '../../state/simStore';
import { useTopology } from '../../state/topologyStore';
import { formatClock, formatPercent } from '../playback/format';

/** The standing 90 % alerts, each naming its node, with the utilization now; dismissable. */
export function AlertBanner() {
  const t = useT();
  const active = useAlertsStore((s) => s.active);
  const topology = useTopology();
  const now = useSimStore(
    useShallow((s) => active.map((a) => readNodeField(s, a.node, 'utilization'))),
  );
  const shown = active.filter((a) => !a.dismissed);
  if (shown.length === 0) return null;
  return (
    <ul
      className="flex min-w-0 flex-wrap gap-1"
      data-testid="alert-banner"
      aria-label={t('monitor.alert.region')}
    >
      {shown.map((a) => {
        const name = topology.nodes.find((n) => n.id === a.node)?.label.trim() || a.node;
        const value = now[active.indexOf(a)] ?? a.value;
        return (
          <li
            key={a.node}
            data-testid={`alert-${a.node}`}
            className="flex items-center gap-1.5 rounded-md border border-[#D55E00] bg-danger-soft px-2 py-0.5 text-xs text-fg"
          >
            <span aria-hidden="true" className="font-bold text-[#D55E00]">
              ▲
            </span>
            <span>
              {t('monitor.alert.banner', {
                node: name,
                threshold: Math.round(ALERT_THRESHOLD * 100),
                minutes: ALERT_SUSTAIN_SEC / 60,
                since: formatClock(a.since),
                value: formatPercent(value),
              })}
            </span>
            <button
              type="button"
              onClick={() => dismissAlert(a.node)}
              aria-label={t('monitor.alert.dismiss', { node: name })}
              className="rounded px-1 text-muted hover:bg-surface-2"
            >
              ✕
            </button>
          </li>
        );
      })}
    </ul>
  );
}
