import { useMemo } from 'react';
import { useT } from '../../i18n';
import { getSimHistory, useSimStore } from '../../state/simStore';
import { useTopology } from '../../state/topologyStore';
import { systemCharts } from '../metrics/charts/chartData';
import { TimeChart } from '../metrics/charts/TimeChart';
import { CHART_TITLE, CHART_UNIT, EVENT_LABEL } from '../metrics/labels';
import { markersFor } from '../metrics/markers';
import { formatClock } from '../playback/format';

const MIN_DOMAIN_SEC = 60;

/**
 * The monitoring panel's CPU chart (busiest machines, the 90 % line, event markers), alone and
 * tall, for presenter mode. Loaded lazily with recharts.
 */
export default function PresenterChart({ height }: { height: number }) {
  const t = useT();
  const topology = useTopology();
  const version = useSimStore((s) => s.historyVersion);
  const events = useSimStore((s) => s.events);
  const spec = useMemo(() => {
    void version;
    return systemCharts(getSimHistory(), topology).find((c) => c.id === 'utilization');
  }, [version, topology]);
  const end = Math.max(MIN_DOMAIN_SEC, spec?.rows.at(-1)?.t ?? 0);
  const markers = useMemo(() => markersFor(events, 0, end, end / 150), [events, end]);
  if (!spec) return null;
  return (
    <TimeChart
      spec={spec}
      title={t(spec.titleKey ?? CHART_TITLE[spec.id])}
      unit={CHART_UNIT[spec.id]}
      domainEnd={end}
      markers={markers}
      markerTitle={(m) => `${formatClock(m.time)} ${t(EVENT_LABEL[m.type])}`}
      lineName={(key) => {
        const line = spec.lines.find((l) => l.key === key);
        if (!line) return key;
        return 'text' in line.name ? line.name.text : t(line.name.key);
      }}
      height={height}
    />
  );
}
