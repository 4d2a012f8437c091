import { useCallback, useDeferredValue, useMemo } from 'react';
import { useT } from '../../../i18n';
import { ALERT_THRESHOLD } from '../../../state/alerts';
import { useTimeAbove } from '../../../state/alertsStore';
import { groupKey, nodeGroups } from '../../../state/alertsGroups';
import { getSimHistory, useSimStore } from '../../../state/simStore';
import { useTopology } from '../../../state/topologyStore';
import { formatClock } from '../../playback/format';
import { EventLog } from '../EventLog';
import { ExplainButton } from '../ExplainButton';
import { CHART_TITLE, CHART_UNIT, EVENT_LABEL } from '../labels';
import { markersFor, type Marker } from '../markers';
import { SYSTEM } from '../labels';
import { SubjectPicker } from '../SubjectPicker';
import { groupCharts, nodeCharts, systemCharts, type ChartSpec } from './chartData';
import { TimeChart } from './TimeChart';

/** Shortest time axis, so the first minute does not stretch across the whole width. */
const MIN_DOMAIN_SEC = 60;
const CHART_HEIGHT = 150;

interface Props {
  subject: string;
  onSubject: (subject: string) => void;
}

/** The Charts tab: small multiples over simulated time for the chosen subject. */
export default function ChartsView({ subject, onSubject }: Props) {
  const t = useT();
  const topology = useTopology();
  // Deferred: redrawing the charts is the heaviest work of a running system, so React does it in
  // the background, in slices, between the frames the canvas and the controls need.
  const version = useDeferredValue(useSimStore((s) => s.historyVersion));
  const events = useSimStore((s) => s.events);
  const groups = useMemo(() => nodeGroups(topology), [topology]);
  const node = topology.nodes.find((n) => n.id === subject);
  const group = groups.find((g) => groupKey(g.id) === subject);
  const current = node || group ? subject : SYSTEM;

  const specs = useMemo(() => {
    void version;
    const h = getSimHistory();
    if (node) return nodeCharts(h, node);
    if (group) return groupCharts(h, topology, group);
    return systemCharts(h, topology);
  }, [version, node, group, topology]);

  const end = Math.max(MIN_DOMAIN_SEC, specs[0]?.rows.at(-1)?.t ?? 0);
  const markers = useMemo(() => markersFor(events, 0, end, end / 150), [events, end]);
  const label = (id: string) => topology.nodes.find((n) => n.id === id)?.label.trim() || id;
  const markerTitle = useCallback(
    (m: Marker) =>
      `${formatClock(m.time)} ${t(EVENT_LABEL[m.type])}${m.nodes.length ? `: ${m.nodes.join(', ')}` : ''}${m.count > 1 ? ` (×${m.count})` : ''}`,
    [t],
  );

  const lineName = (spec: ChartSpec) => (key: string) => {
    const line = spec.lines.find((l) => l.key === key);
    if (!line) return key;
    return 'text' in line.name ? line.name.text : t(line.name.key);
  };

  return (
    <div className="flex flex-col gap-2 p-2">
      <div className="flex flex-wrap items-center gap-3">
        <SubjectPicker
          value={current}
          onChange={onSubject}
          nodes={topology.nodes}
          groups={groups}
        />
        <EventLog />
      </div>
      <div className="grid grid-cols-[repeat(auto-fill,minmax(min(100%,320px),1fr))] gap-2">
        {specs.map((spec, i) => (
          <TimeChart
            stagger={i}
            key={`${current}-${spec.id}`}
            spec={spec}
            title={t(spec.titleKey ?? CHART_TITLE[spec.id])}
            unit={spec.id === 'backlog' ? t('monitor.unit.requests') : CHART_UNIT[spec.id]}
            domainEnd={end}
            markers={markers}
            markerTitle={markerTitle}
            lineName={lineName(spec)}
            height={CHART_HEIGHT}
            header={
              spec.threshold && (
                <span className="flex items-center gap-1.5 whitespace-nowrap">
                  <TimeAbove watchKey={spec.threshold.watchKey} />
                  {node && (
                    <ExplainButton
                      nodeId={node.id}
                      focus="utilization"
                      data-testid="chart-explain"
                      // The visible formula starts the name, so speech input can say it (WCAG 2.5.3).
                      aria-label={`ρ = λS/c: ${t('monitor.explain.open', { node: label(node.id) })}`}
                      title={t('monitor.explain.open', { node: label(node.id) })}
                      className="rounded-full border border-border px-1.5 text-[11px] font-semibold text-accent hover:bg-accent-soft"
                    >
                      ρ = λS/c
                    </ExplainButton>
                  )}
                </span>
              )
            }
          />
        ))}
      </div>
    </div>
  );
}

/** The running "time above 90 %" figure of a watched series. */
function TimeAbove({ watchKey }: { watchKey: string }) {
  const t = useT();
  const seconds = useTimeAbove(watchKey);
  return (
    <span
      data-testid="time-above"
      className={`tabular-nums ${seconds > 0 ? 'font-semibold text-[#D55E00]' : 'text-muted'}`}
    >
      {t('monitor.timeAbove', {
        time: formatClock(seconds),
        threshold: Math.round(ALERT_THRESHOLD * 100),
      })}
    </span>
  );
}
