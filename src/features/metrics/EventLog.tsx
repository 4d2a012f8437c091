import { useT } from '../../i18n';
import { useSimStore } from '../../state/simStore';
import { useTopology } from '../../state/topologyStore';
import { formatClock } from '../playback/format';
import { EVENT_LABEL } from './labels';
import { CATEGORY_STYLE, EVENT_STYLE, type EventType } from './markers';

/** Events listed at most (newest first); the chart markers show the rest. */
const SHOWN = 30;

/** What each marker means (only the kinds present), and the recent events as text. */
export function EventLog() {
  const t = useT();
  const events = useSimStore((s) => s.events);
  const topology = useTopology();
  const name = (id: string | undefined) => {
    if (id === undefined) return '';
    const n = topology.nodes.find((x) => x.id === id.split('#')[0]);
    const label = n?.label.trim();
    return label && !id.includes('#') ? label : id;
  };
  const types = [...new Set(events.map((e) => e.type))] as EventType[];
  if (events.length === 0)
    return <p className="px-1 text-xs text-muted">{t('monitor.events.none')}</p>;
  return (
    <div className="flex flex-col gap-1 px-1 text-xs">
      <ul className="flex flex-wrap gap-x-3 gap-y-0.5" aria-label={t('monitor.events.legend')}>
        {types.map((type) => {
          const { glyph, category } = EVENT_STYLE[type];
          return (
            <li key={type} className="flex items-center gap-1">
              <span
                aria-hidden="true"
                className="font-bold"
                style={{ color: CATEGORY_STYLE[category].color }}
              >
                {glyph}
              </span>
              {t(EVENT_LABEL[type])}
            </li>
          );
        })}
      </ul>
      <details>
        <summary className="cursor-pointer text-muted">
          {t('monitor.events.log', { count: events.length })}
        </summary>
        <ol className="mt-1 max-h-32 overflow-auto" data-testid="event-log">
          {events
            .slice(-SHOWN)
            .reverse()
            .map((e, i) => (
              <li key={`${e.time}-${i}`} className="tabular-nums">
                <span className="font-mono">{formatClock(e.time)}</span>{' '}
                <span
                  aria-hidden="true"
                  style={{ color: CATEGORY_STYLE[EVENT_STYLE[e.type].category].color }}
                >
                  {EVENT_STYLE[e.type].glyph}
                </span>{' '}
                {t(EVENT_LABEL[e.type])}
                {e.node !== undefined && `: ${name(e.node)}`}
                {e.detail && <span className="text-muted"> ({e.detail})</span>}
              </li>
            ))}
        </ol>
      </details>
    </div>
  );
}
