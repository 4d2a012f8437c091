import { useShallow } from 'zustand/react/shallow';
import { t as text, type TopologyNode } from '../../core/model';
import type { TargetStatus } from '../../core/sim';
import { useT } from '../../i18n';
import { useSimStore } from '../../state/simStore';
import { useTopologyStore } from '../../state/topologyStore';
import { STATE_LOOK, STATE_TEXT, targetReasonText } from './reasons';
import { useTx } from './shared';
import { Section } from './ui';

const EMPTY: TargetStatus[] = [];

/** The live target list of a load balancer: state, reason in words, and share of its traffic. */
export function LbTargetsPanel({ node }: { node: TopologyNode & { kind: 'lb' } }) {
  const t = useT();
  const tx = useTx();
  const nodes = useTopologyStore((s) => s.doc.present.nodes);
  const targets = useSimStore(
    useShallow((s) => s.frame?.targets.filter((x) => x.lb === node.id) ?? EMPTY),
  );
  const find = (id: string) => nodes.find((n) => n.id === (id.split('#')[0] ?? id));
  return (
    <Section title={tx(text('Targets (live)', '대상 (실시간)'))} testId="mech-targets">
      <p className="text-xs text-muted">
        {tx(
          text(
            'Listener {l} → targets on port {p}; health check {proto} {path} every {i} s.',
            '리스너 {l} → 대상 포트 {p}; 상태 검사 {proto} {path}, {i}초마다.',
          ),
          {
            l: node.params.listenerPort,
            p: node.params.targetPort,
            proto: node.params.hcProtocol,
            path: node.params.hcProtocol === 'HTTP' ? node.params.hcPath : '',
            i: node.params.hcIntervalSec,
          },
        )}
      </p>
      {targets.length === 0 ? (
        <p className="text-sm text-muted">
          {tx(
            text(
              'No targets yet: press play, and link this LB to servers.',
              '대상이 아직 없습니다: 재생하고 이 LB를 서버에 연결하세요.',
            ),
          )}
        </p>
      ) : (
        <ul className="flex flex-col gap-1.5">
          {targets.map((x) => {
            const look = STATE_LOOK[x.state];
            const target = find(x.target);
            return (
              <li
                key={x.target}
                data-testid={`mech-target-${x.target}`}
                data-state={x.state}
                data-reason={x.reason}
                className="flex items-start gap-2 rounded-md border-l-4 bg-surface px-2 py-1.5 text-sm"
                style={{ borderColor: look.color }}
              >
                <span
                  aria-hidden
                  className="w-4 text-center font-bold"
                  style={{ color: look.color }}
                >
                  {look.icon}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="font-medium">{target?.label || x.target}</span>{' '}
                  <span className="font-mono text-xs text-muted">{x.target}</span>
                  <span className="block font-semibold" style={{ color: look.color }}>
                    {t.text(STATE_TEXT[x.state])}
                  </span>
                  <span className="block text-xs">
                    {t.text(targetReasonText(x.reason, node, target))}
                  </span>
                </span>
                <span
                  className="tabular-nums text-xs text-muted"
                  data-testid={`mech-target-share-${x.target}`}
                  title={tx(text('Share of the LB traffic it gets', 'LB 트래픽 중 받는 몫'))}
                >
                  {t.num(x.share * 100, { maximumFractionDigits: 0 })} %
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
