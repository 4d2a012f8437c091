import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatClock } from '../../playback/format';
import { CATEGORY_STYLE, EVENT_STYLE, type Marker } from '../markers';
import { axisTick, type ChartSpec } from './chartData';

const HOT = '#D55E00';

// Props recharts keeps in its store are module constants (or memoized): a new object or function
// on every render makes it re-run its selectors and re-lay out the chart, ten times a second.
const tick = { fill: 'currentColor', fontSize: 10 };
const MARGIN = { top: 16, right: 12, bottom: 0, left: 0 };
const MARGIN_RIGHT_AXIS = { ...MARGIN, right: 4 };
const PCT_DOMAIN: [number, number] = [0, 100];
const AUTO_DOMAIN: [number, 'auto'] = [0, 'auto'];
const TOOLTIP_STYLE = { background: 'var(--surface)', borderColor: 'var(--border)', fontSize: 12 };
const LEGEND_STYLE = { fontSize: 11 };
const tooltipLabel = (v: unknown) => formatClock(Number(v));
const tooltipValue = (v: unknown) => axisTick(Number(v));

interface Props {
  spec: ChartSpec;
  title: string;
  unit: string;
  /** Right end of the time axis, simulated seconds. */
  domainEnd: number;
  markers: readonly Marker[];
  markerTitle: (m: Marker) => string;
  lineName: (key: string) => string;
  header?: ReactNode;
  height: number;
  /** Position among the charts shown together: each redraws in its own slot after a frame. */
  stagger?: number;
}

/** Gap between two charts' redraws, ms: a third of the ~10 Hz frame interval. */
const STAGGER_MS = 30;

/** Whether the element is on screen (true until the browser says otherwise, and without the API). */
function useInView(ref: RefObject<HTMLElement | null>): boolean {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last) setInView(last.isIntersecting);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return inView;
}

type BodyProps = Pick<
  Props,
  'spec' | 'domainEnd' | 'markers' | 'markerTitle' | 'lineName' | 'height'
>;

/**
 * One chart over simulated time: its lines (animation off: they update ~10 times a second), the
 * 90 % line with the time above it shaded (utilization), and the event markers.
 * Redrawing a chart is the largest cost of a running system on the main thread (recharts re-runs
 * its store for every new data array), so: a chart scrolled out of view keeps its last picture
 * and catches up when it comes back, and the charts on screen redraw one at a time, each in its
 * own task a slot apart, instead of all in one long frame.
 */
export const TimeChart = memo(function TimeChart(p: Props) {
  const ref = useRef<HTMLElement>(null);
  const inView = useInView(ref);
  const live: BodyProps = p;
  const [shown, setShown] = useState<BodyProps>(live);
  const latest = useRef(live);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const delay = (p.stagger ?? 0) * STAGGER_MS;
  useEffect(() => {
    latest.current = live;
  });
  useEffect(() => {
    // A pending redraw is kept (and takes the latest props), so frequent updates cannot starve it.
    if (!inView || shown === live || pending.current !== null) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      setShown(latest.current);
    }, delay);
  });
  useEffect(
    () => () => {
      if (pending.current !== null) clearTimeout(pending.current);
    },
    [],
  );
  return (
    <figure
      ref={ref}
      className="flex min-w-0 flex-col rounded-md border border-border bg-surface p-1.5"
      data-testid={`chart-${p.spec.id}`}
    >
      <figcaption className="flex flex-wrap items-center justify-between gap-x-2 gap-y-0.5 px-1 text-xs">
        <span className="font-semibold">
          {p.title}
          {p.unit && <span className="font-normal text-muted"> ({p.unit})</span>}
        </span>
        {p.header}
      </figcaption>
      <ChartBody
        spec={shown.spec}
        domainEnd={shown.domainEnd}
        markers={shown.markers}
        markerTitle={shown.markerTitle}
        lineName={shown.lineName}
        height={shown.height}
      />
    </figure>
  );
});

const ChartBody = memo(function ChartBody(p: BodyProps) {
  const { spec, domainEnd, markers } = p;
  const right = spec.lines.some((l) => l.axis === 'right');
  const pctAxis = spec.threshold !== undefined;
  const xDomain = useMemo((): [number, number] => [0, domainEnd], [domainEnd]);
  const rightUnit = spec.rightUnit ?? '';
  const rightTick = useCallback((v: number) => `${rightUnit}${axisTick(v)}`, [rightUnit]);
  const thresholdValue = spec.threshold?.value;
  const thresholdLabel = useMemo(
    () => ({
      value: `${thresholdValue} %`,
      position: 'insideTopLeft' as const,
      fill: HOT,
      fontSize: 10,
    }),
    [thresholdValue],
  );
  return (
    <div className="text-muted" style={{ height: p.height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={spec.rows} margin={right ? MARGIN_RIGHT_AXIS : MARGIN}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            domain={xDomain}
            allowDataOverflow
            tickFormatter={formatClock}
            tick={tick}
            stroke="currentColor"
            minTickGap={24}
          />
          <YAxis
            yAxisId="left"
            width={40}
            tick={tick}
            stroke="currentColor"
            tickFormatter={axisTick}
            domain={pctAxis ? PCT_DOMAIN : AUTO_DOMAIN}
            allowDataOverflow={pctAxis}
          />
          {right && (
            <YAxis
              yAxisId="right"
              orientation="right"
              width={44}
              tick={tick}
              stroke="currentColor"
              tickFormatter={rightTick}
            />
          )}
          <Tooltip
            isAnimationActive={false}
            labelFormatter={tooltipLabel}
            formatter={tooltipValue}
            contentStyle={TOOLTIP_STYLE}
          />
          <Legend wrapperStyle={LEGEND_STYLE} iconSize={10} />
          {spec.threshold?.spans.map((s, i) => (
            <ReferenceArea
              key={`span-${i}`}
              yAxisId="left"
              x1={s.x1}
              x2={Math.max(s.x2, s.x1 + domainEnd / 400)}
              fill={HOT}
              fillOpacity={0.16}
              stroke="none"
              ifOverflow="hidden"
              className="breach-span"
            />
          ))}
          {spec.threshold && (
            <ReferenceLine
              yAxisId="left"
              y={spec.threshold.value}
              stroke={HOT}
              strokeDasharray="6 3"
              strokeWidth={1.5}
              className="threshold-line"
              label={thresholdLabel}
            />
          )}
          {markers.map((m) => {
            const style = CATEGORY_STYLE[EVENT_STYLE[m.type].category];
            return (
              <ReferenceLine
                key={`${m.type}-${m.time}`}
                yAxisId="left"
                x={m.time}
                stroke={style.color}
                strokeDasharray={style.dash}
                strokeWidth={1.5}
                className={`event-marker event-marker-${m.type}`}
                label={(props: { viewBox?: { x?: number; y?: number } }) => (
                  <g>
                    <title>{p.markerTitle(m)}</title>
                    <text
                      x={(props.viewBox?.x ?? 0) + 2}
                      y={(props.viewBox?.y ?? 0) - 4}
                      fill={style.color}
                      fontSize={11}
                      fontWeight={700}
                    >
                      {EVENT_STYLE[m.type].glyph}
                      {m.count > 1 ? `×${m.count}` : ''}
                    </text>
                  </g>
                )}
              />
            );
          })}
          {spec.lines.map((l) => (
            <Line
              key={l.key}
              yAxisId={l.axis ?? 'left'}
              dataKey={l.key}
              name={p.lineName(l.key)}
              stroke={l.color}
              strokeWidth={l.width ?? 1.5}
              strokeDasharray={l.dash || undefined}
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
