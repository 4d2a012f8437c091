import { t as text, KINDS } from '../../core/model';
import { rolesOf } from '../../core/model/mechanics';
import { useT } from '../../i18n';
import { useNodeDiagnostics } from '../../state/simStore';
import { useTopologyStore } from '../../state/topologyStore';
import { buttonClass, useTx } from './shared';
import { Section } from './ui';

/**
 * When the kernel says a machine cannot reach the next tier (no app, no database), offers one
 * button per machine that could take the work: the same link a drag on the canvas would make.
 */
export function MissingLinks({ nodeId }: { nodeId: string }) {
  const t = useT();
  const tx = useTx();
  const diag = useNodeDiagnostics(nodeId);
  const topo = useTopologyStore((s) => s.doc.present);
  const connect = useTopologyStore((s) => s.connect);
  if (diag.count === 0 || diag.severity !== 'error') return null;
  const linked = new Set(topo.links.filter((l) => l.from === nodeId).map((l) => l.to));
  const wantsDb = /database/i.test(diag.en);
  const candidates = topo.nodes.filter((n) => {
    if (n.id === nodeId || linked.has(n.id)) return false;
    if (wantsDb) return n.kind === 'dbPrimary';
    return (
      /application/i.test(diag.en) &&
      (n.kind === 'server' || n.kind === 'asg') &&
      rolesOf(n).includes('app')
    );
  });
  return (
    <Section
      title={tx(text('Why requests fail here', '여기서 요청이 실패하는 이유'))}
      testId="mech-missing"
    >
      <p className="text-sm text-danger" data-testid="mech-missing-reason">
        {t.lang === 'ko' ? diag.ko : diag.en}
      </p>
      {candidates.length > 0 && (
        <>
          <div className="flex flex-wrap gap-1.5">
            {candidates.map((c) => (
              <button
                key={c.id}
                type="button"
                data-testid={`mech-link-to-${c.id}`}
                className={buttonClass}
                title={tx(
                  text(
                    'Adds the missing link from this node, so the requests that failed here reach it.',
                    '이 노드에서 빠진 연결을 추가해, 여기서 실패하던 요청이 닿게 합니다.',
                  ),
                )}
                onClick={() => connect(nodeId, c.id)}
              >
                {tx(text('Link to {x} ({k})', '{x}({k})에 연결'), {
                  x: c.label || c.id,
                  k: t.text(KINDS[c.kind].label),
                })}
              </button>
            ))}
          </div>
          <p className="text-xs text-muted">
            {tx(
              text(
                'Or drag from this node’s right handle to the machine on the canvas.',
                '또는 캔버스에서 이 노드의 오른쪽 핸들을 끌어 머신에 놓으세요.',
              ),
            )}
          </p>
        </>
      )}
    </Section>
  );
}
