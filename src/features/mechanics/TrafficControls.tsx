import { useState } from 'react';
import { t as text, type TopologyNode } from '../../core/model';
import { useT } from '../../i18n';
import { simControls, useNodeMetric } from '../../state/simStore';
import { useTopologyStore } from '../../state/topologyStore';
import { inputClass } from '../inspector/fields';
import { EventButtons } from './EventButtons';
import { buttonClass, simSecond, useTx } from './shared';
import { Refusal, Section } from './ui';

const SLIDER_MAX = (rate: number) => Math.max(1000, Math.ceil((rate * 4) / 100) * 100);

/**
 * On a users node: change the offered load live (a slider that injects `setRate` as it moves),
 * save it to the timeline, and schedule a spike or a day-night pattern (parameters of the node,
 * so they are undoable and saved).
 */
export function TrafficControls({ node }: { node: TopologyNode & { kind: 'users' } }) {
  const t = useT();
  const tx = useTx();
  const setParam = useTopologyStore((s) => s.setParam);
  const offered = useNodeMetric(node.id, 'arrivalRate');
  // The slider starts at the load offered now (a live change made before this panel was last
  // open is not in the params), on the slider's 10 req/s grid; before the first frame, the param.
  const [rate, setRate] = useState(() =>
    Number.isFinite(offered) ? Math.round(offered / 10) * 10 : node.params.rate,
  );
  const [peak, setPeak] = useState(Math.max(node.params.peakRate, node.params.rate * 2));
  const [delay, setDelay] = useState(30);
  const [length, setLength] = useState(120);
  const [refusal, setRefusal] = useState<string | null>(null);
  const schedule = (pattern: 'spike' | 'diurnal', startSec: number, durationSec: number) => {
    const key = `mech-pattern-${node.id}-${pattern}-${startSec}`;
    for (const [k, v] of [
      ['peakRate', peak],
      ['startSec', startSec],
      ['durationSec', durationSec],
      ['pattern', pattern],
    ] as const) {
      const r = setParam(node.id, k, v, key);
      if (r) return setRefusal(t.text(r));
    }
    setRefusal(null);
  };
  return (
    <Section title={tx(text('Traffic', '트래픽'))} testId="mech-traffic">
      <label className="flex flex-col gap-1 text-sm">
        <span>
          {tx(text('Offered load now: {r} req/s', '지금 요청량: {r} req/s'), { r: t.num(rate) })}
          {Number.isFinite(offered) && ' '}
          {Number.isFinite(offered) && (
            <span className="text-xs text-muted" data-testid="mech-rate-measured">
              (
              {tx(text('measured {m}', '측정 {m}'), {
                m: t.num(offered, { maximumFractionDigits: 0 }),
              })}
              )
            </span>
          )}
        </span>
        <input
          type="range"
          min={0}
          max={SLIDER_MAX(node.params.rate)}
          step={10}
          value={rate}
          data-testid="mech-rate"
          title={tx(
            text(
              'Drag to change the offered load now; the clock button below puts it on the timeline.',
              '끌어서 지금 요청량을 바꿉니다. 아래 시계 버튼으로 타임라인에 넣을 수 있습니다.',
            ),
          )}
          onChange={(e) => {
            const r = Number(e.target.value);
            setRate(r);
            simControls.inject({ type: 'setRate', atSec: simSecond(), node: node.id, rate: r });
          }}
          className="accent-[var(--accent)]"
        />
      </label>
      <EventButtons
        testId="mech-set-rate"
        label={tx(text('Set {r} req/s', '{r} req/s로 설정'), { r: t.num(rate) })}
        help={tx(
          text(
            'Apply this rate now, or with the clock button at this time on the timeline.',
            '이 요청량을 지금 적용하거나, 시계 버튼으로 이 시각에 타임라인에 넣습니다.',
          ),
        )}
        make={(atSec) => ({ type: 'setRate', atSec, node: node.id, rate })}
      />
      <div className="flex flex-wrap items-end gap-1.5 border-t border-border pt-2">
        <NumberBox
          label={tx(text('Peak req/s', '최대 req/s'))}
          help={tx(
            text(
              'The load at the top of a spike or of the day.',
              '급증이나 하루 중 가장 높은 요청량.',
            ),
          )}
          value={peak}
          onChange={setPeak}
          testId="mech-peak"
        />
        <NumberBox
          label={tx(text('In (s)', '몇 초 후'))}
          help={tx(text('Seconds from now until the spike starts.', '급증이 시작될 때까지의 초.'))}
          value={delay}
          onChange={setDelay}
          testId="mech-spike-in"
        />
        <NumberBox
          label={tx(text('For / period (s)', '지속 / 주기(초)'))}
          help={tx(
            text(
              'How long a spike lasts, or the length of one day-night cycle.',
              '급증이 이어지는 시간, 또는 하루 주기 한 번의 길이.',
            ),
          )}
          value={length}
          onChange={setLength}
          testId="mech-spike-len"
        />
      </div>
      <div className="flex flex-wrap gap-1.5">
        <button
          type="button"
          data-testid="mech-spike"
          className={buttonClass}
          title={tx(
            text(
              'Saves a spike on this users node: the peak load, "In" seconds from now, for "For" seconds.',
              '이 사용자 노드에 급증을 저장합니다: "몇 초 후"부터 "지속" 동안 최대 요청량.',
            ),
          )}
          onClick={() => schedule('spike', simSecond() + delay, Math.max(1, length))}
        >
          {tx(text('Schedule a spike', '급증 예약'))}
        </button>
        <button
          type="button"
          data-testid="mech-diurnal"
          className={buttonClass}
          title={tx(
            text(
              'Saves a day-night pattern: the load swings from the base to the peak and back once per period.',
              '하루 주기 패턴을 저장합니다: 요청량이 주기마다 기본값에서 최대까지 올랐다 내려옵니다.',
            ),
          )}
          onClick={() => schedule('diurnal', simSecond(), Math.max(1, length))}
        >
          {tx(text('Day-night pattern', '하루 주기 패턴'))}
        </button>
        {node.params.pattern !== 'constant' && (
          <button
            type="button"
            className={buttonClass}
            data-testid="mech-constant"
            title={tx(
              text('A constant load at the base rate again.', '다시 기본 요청량으로 일정하게.'),
            )}
            onClick={() => setParam(node.id, 'pattern', 'constant')}
          >
            {tx(text('Back to constant', '일정하게 되돌리기'))}
          </button>
        )}
      </div>
      <Refusal text={refusal} />
    </Section>
  );
}

function NumberBox({
  label,
  help,
  value,
  onChange,
  testId,
}: {
  label: string;
  help: string;
  value: number;
  onChange: (v: number) => void;
  testId: string;
}) {
  return (
    <label className="flex flex-col text-xs text-muted">
      {label}
      <input
        type="number"
        min={0}
        value={value}
        data-testid={testId}
        title={help}
        onChange={(e) => onChange(Math.max(0, Number(e.target.value) || 0))}
        className={`${inputClass} w-24`}
      />
    </label>
  );
}
