import { useId, useMemo, useState } from 'react';
import {
  INSTANCE_TYPE_NAMES,
  INSTANCE_TYPES,
  t as text,
  type InstanceTypeName,
  type TopologyNode,
} from '../../core/model';
import { offeredWork, predictScaleUp } from '../../core/model/mechanics';
import { useT } from '../../i18n';
import { useNodeFields } from '../../state/simStore';
import { useTopologyStore } from '../../state/topologyStore';
import { primaryButtonClass, useTx } from './shared';
import { Refusal, Section } from './ui';

const HOT = 0.9;
const RATES = ['readRate', 'writeRate', 'utilization', 'instances'] as const;

const signed = (v: string, x: number) => (x > 0 ? `+${v}` : x < 0 ? v : `±${v}`);

/**
 * Scale up: a table of instance types with vCPU, speed and $/h, and for the one picked the cost and
 * capacity change and the utilization the current load would give on it (ρ = λS/c).
 */
/** The node kinds that run on an instance type. */
export type MachineNode = Extract<
  TopologyNode,
  { kind: 'server' | 'dbPrimary' | 'dbReplica' | 'cache' | 'asg' }
>;

export function ScaleUpPanel({ node }: { node: MachineNode }) {
  const t = useT();
  const tx = useTx();
  const current = node.params.instanceType;
  const [pick, setPick] = useState<InstanceTypeName>(current);
  const [refusal, setRefusal] = useState<string | null>(null);
  const helpId = useId();
  const setParam = useTopologyStore((s) => s.setParam);
  const m = useNodeFields(node.id, RATES);
  // An ASG's rates are for the whole group: the type applies to each of its instances.
  const share = node.kind === 'asg' ? 1 / Math.max(1, m.instances) : 1;
  const work = Number.isNaN(m.utilization)
    ? NaN
    : offeredWork(node, m.readRate * share, m.writeRate * share);
  const rows = useMemo(
    () => INSTANCE_TYPE_NAMES.map((name) => ({ name, p: predictScaleUp(current, name, work) })),
    [current, work],
  );
  const chosen = rows.find((r) => r.name === pick)?.p;
  const pct = (x: number) =>
    Number.isFinite(x) ? `${t.num(x * 100, { maximumFractionDigits: 0 })} %` : '—';
  return (
    <Section
      title={tx(text('Scale up: instance type', '스케일 업: 인스턴스 유형'))}
      testId="mech-scaleup"
    >
      <div className="max-h-56 overflow-auto rounded border border-border">
        <table className="w-full text-xs tabular-nums">
          <thead className="sticky top-0 bg-surface text-xs text-muted">
            <tr>
              <th className="px-1 py-1 text-left">{tx(text('Type', '유형'))}</th>
              <th className="px-1 py-1 text-right">vCPU</th>
              <th className="px-1 py-1 text-right">{tx(text('Speed', '속도'))}</th>
              <th className="px-1 py-1 text-right">$/h</th>
              <th className="px-1 py-1 text-right">{tx(text('CPU after', '예상 CPU'))}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ name, p }) => {
              const spec = INSTANCE_TYPES[name];
              const selected = name === pick;
              return (
                <tr
                  key={name}
                  data-testid={`mech-type-${name}`}
                  aria-selected={selected}
                  onClick={() => setPick(name)}
                  className={`cursor-pointer border-t border-border has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent ${selected ? 'bg-accent-soft' : 'hover:bg-surface-2'}`}
                >
                  <td className="px-1 py-1">
                    <label className="flex items-center gap-1">
                      <input
                        type="radio"
                        name={`type-${node.id}`}
                        checked={selected}
                        aria-describedby={helpId}
                        onChange={() => setPick(name)}
                        className="sr-only"
                      />
                      <span className={`font-mono ${name === current ? 'font-bold' : ''}`}>
                        {name}
                      </span>
                      {name === current && (
                        <span className="text-accent" title={tx(text('current type', '현재 유형'))}>
                          <span aria-hidden>●</span>
                          <span className="sr-only"> {tx(text('(now)', '(현재)'))}</span>
                        </span>
                      )}
                    </label>
                  </td>
                  <td className="px-1 py-1 text-right">{spec.vcpu}</td>
                  <td className="px-1 py-1 text-right">{t.num(spec.speed)}×</td>
                  <td className="px-1 py-1 text-right">{spec.pricePerHour.toFixed(4)}</td>
                  <td
                    className={`px-1.5 py-1 text-right ${p.utilization >= HOT ? 'font-semibold text-danger' : ''}`}
                  >
                    {pct(p.utilization)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {chosen && (
        <p className="text-sm" data-testid="mech-scaleup-delta">
          {tx(
            text(
              '{type}: cost {c} $/h, capacity {k} cores (vCPU × speed); CPU now {u0} → {u1}.',
              '{type}: 비용 {c} $/h, 용량 {k} 코어(vCPU × 속도), CPU 지금 {u0} → {u1}.',
            ),
            {
              type: pick,
              c: signed(chosen.costDelta.toFixed(4), chosen.costDelta),
              k: signed(
                t.num(chosen.capacityDelta, { maximumFractionDigits: 2 }),
                chosen.capacityDelta,
              ),
              u0: pct(m.utilization),
              u1: pct(chosen.utilization),
            },
          )}
        </p>
      )}
      <p className="text-xs text-muted" id={helpId}>
        {tx(
          text(
            'Predicted with ρ = λS / c: the work arriving now (λS) over the cores of the new type.',
            'ρ = λS / c로 예측: 지금 들어오는 작업(λS)을 새 유형의 코어로 나눈 값입니다.',
          ),
        )}
      </p>
      <button
        type="button"
        data-testid="mech-scaleup-apply"
        className={primaryButtonClass}
        title={tx(
          text(
            'Change the instance type (undoable); the machine keeps its roles and links.',
            '인스턴스 유형을 바꿉니다(되돌리기 가능). 머신의 역할과 연결은 그대로입니다.',
          ),
        )}
        disabled={pick === current}
        onClick={() => {
          const r = setParam(node.id, 'instanceType', pick);
          setRefusal(r ? t.text(r) : null);
        }}
      >
        {tx(text('Change to {type}', '{type}(으)로 변경'), { type: pick })}
      </button>
      <Refusal text={refusal} />
    </Section>
  );
}
