import { AZS, t as text, type ScenarioEvent, type Text } from '../../core/model';
import { useT } from '../../i18n';
import { useTopologyStore } from '../../state/topologyStore';
import { useTx } from './shared';
import { Section } from './ui';

const WHAT: Record<ScenarioEvent['type'], Text> = {
  kill: text('kill {x}', '{x} 죽이기'),
  restore: text('restore {x}', '{x} 복구'),
  slow: text('slow {x} ×{f}', '{x} ×{f} 느리게'),
  cutLink: text('cut link {x}', '연결 {x} 끊기'),
  restoreLink: text('restore link {x}', '연결 {x} 복구'),
  loseAz: text('lose AZ {x}', 'AZ {x} 잃기'),
  restoreAz: text('restore AZ {x}', 'AZ {x} 복구'),
  setRate: text('{x}: {f} req/s', '{x}: {f} req/s'),
};

/** The scheduled events of the saved scenario, in time order, each with a delete button. */
export function Timeline() {
  const t = useT();
  const tx = useTx();
  const topo = useTopologyStore((s) => s.doc.present);
  const remove = useTopologyStore((s) => s.removeScenarioEvent);
  const label = (id: string) => topo.nodes.find((n) => n.id === id)?.label || id;
  const events = topo.scenario.events;
  return (
    <Section title={tx(text('Timeline', '타임라인'))} testId="mech-timeline">
      {events.length === 0 ? (
        <p className="text-sm text-muted">
          {tx(
            text(
              'Nothing scheduled. The clock button next to an action adds it at the current time.',
              '예약된 것이 없습니다. 동작 옆의 시계 버튼으로 현재 시각에 추가하세요.',
            ),
          )}
        </p>
      ) : (
        <ol className="flex flex-col gap-1 text-sm">
          {events.map((e, i) => {
            const x =
              'node' in e ? label(e.node) : 'link' in e ? e.link : AZS.includes(e.az) ? e.az : '';
            const f = e.type === 'slow' ? e.factor : e.type === 'setRate' ? t.num(e.rate) : '';
            return (
              <li
                key={`${i}-${e.type}-${e.atSec}`}
                data-testid={`mech-event-${i}`}
                className="flex items-center gap-2 rounded bg-surface px-2 py-1"
              >
                <span className="w-14 font-mono text-xs tabular-nums">{e.atSec} s</span>
                <span className="flex-1">{tx(WHAT[e.type], { x, f })}</span>
                <button
                  type="button"
                  data-testid={`mech-event-delete-${i}`}
                  aria-label={tx(text('Delete event at {s} s', '{s}초 이벤트 삭제'), {
                    s: e.atSec,
                  })}
                  title={tx(text('Remove it from the timeline.', '타임라인에서 뺍니다.'))}
                  className="rounded px-1.5 text-muted hover:bg-danger-soft hover:text-danger"
                  onClick={() => remove(i)}
                >
                  ✕
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
