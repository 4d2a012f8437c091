import { useShallow } from 'zustand/react/shallow';
import { t as text, type Text } from '../../core/model';
import type { AsgInstanceStatus, InstanceLifecycle } from '../../core/sim';
import { useT } from '../../i18n';
import { useSimStore } from '../../state/simStore';
import { useTx } from './shared';
import { Section } from './ui';

const EMPTY: AsgInstanceStatus[] = [];

const LIFECYCLE: Record<InstanceLifecycle, { text: Text; color: string }> = {
  pending: { text: text('pending', '대기'), color: '#999999' },
  booting: { text: text('booting', '부팅 중'), color: '#56B4E9' },
  registering: { text: text('registering', '등록 중'), color: '#0072B2' },
  warming: { text: text('warming', '예열 중'), color: '#E69F00' },
  inService: { text: text('in service', '서비스 중'), color: '#009E73' },
  terminating: { text: text('terminating', '종료 중'), color: '#D55E00' },
};

/** The instances of an auto scaling group now, each with its lifecycle state, zone and CPU. */
export function AsgInstances({ asgId }: { asgId: string }) {
  const t = useT();
  const tx = useTx();
  const list = useSimStore(
    useShallow((s) => s.frame?.instances.filter((i) => i.asg === asgId) ?? EMPTY),
  );
  return (
    <Section title={tx(text('Instances (live)', '인스턴스 (실시간)'))} testId="mech-asg">
      {list.length === 0 ? (
        <p className="text-sm text-muted">
          {tx(text('No instances yet: press play.', '인스턴스가 아직 없습니다: 재생하세요.'))}
        </p>
      ) : (
        <ul className="flex flex-col gap-1 text-sm">
          {list.map((i) => {
            const look = LIFECYCLE[i.state];
            return (
              <li
                key={i.id}
                data-testid={`mech-instance-${i.id}`}
                data-state={i.state}
                className="flex items-center gap-2 rounded border-l-4 bg-surface px-2 py-1"
                style={{ borderColor: look.color }}
              >
                <span className="font-mono text-xs">{i.id}</span>
                <span className="font-semibold" style={{ color: look.color }}>
                  {t.text(look.text)}
                </span>
                <span className="ml-auto text-xs text-muted tabular-nums">
                  AZ {i.az} · CPU {t.num(i.utilization * 100, { maximumFractionDigits: 0 })} %
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
