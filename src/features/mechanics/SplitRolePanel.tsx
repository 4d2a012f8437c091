import { useState } from 'react';
import { t as text, type TopologyNode } from '../../core/model';
import { rolesOf, splitRole, splitRoleRefusal, type Role } from '../../core/model/mechanics';
import { useT } from '../../i18n';
import { useTopologyStore } from '../../state/topologyStore';
import { buttonClass, primaryButtonClass, useTx } from './shared';
import { Refusal, Section } from './ui';

const ROLE_LABEL = {
  web: text('web', '웹'),
  app: text('app', '앱'),
  db: text('database', '데이터베이스'),
} as const;

/**
 * "Move <role> to a new server" for each role a multi-role server could hand off; a small dialog
 * asks whether to re-point the callers. Not re-pointing is allowed: the server then fails its
 * requests and its card says why.
 */
export function SplitRolePanel({ node }: { node: TopologyNode & { kind: 'server' } }) {
  const tx = useTx();
  const t = useT();
  const topo = useTopologyStore((s) => s.doc.present);
  const apply = useTopologyStore((s) => s.applyMechanic);
  const [asking, setAsking] = useState<Role | null>(null);
  const [repoint, setRepoint] = useState(true);
  const [refusal, setRefusal] = useState<string | null>(null);
  const roles = rolesOf(node);
  if (roles.length < 2) return null;
  const run = (role: Role) => {
    const r = apply(splitRole(topo, node.id, role, { repoint }));
    setRefusal(r ? t.text(r) : null);
    setAsking(null);
  };
  return (
    <Section title={tx(text('Split a role off', '역할 떼어 내기'))} testId="mech-split">
      <div className="flex flex-wrap gap-1.5">
        {roles.map((role) => {
          const why = splitRoleRefusal(topo, node.id, role);
          return (
            <button
              key={role}
              type="button"
              data-testid={`mech-split-${role}`}
              className={buttonClass}
              disabled={why !== null}
              title={
                why
                  ? t.text(why)
                  : tx(
                      text(
                        'Creates a server beside this one and moves the role there; you choose whether the callers follow.',
                        '옆에 서버를 만들고 역할을 옮깁니다. 호출하는 쪽을 함께 옮길지는 직접 고릅니다.',
                      ),
                    )
              }
              onClick={() => {
                setRepoint(true);
                setAsking(role);
              }}
            >
              {tx(text('Move {r} to a new server', '{r}을(를) 새 서버로 옮기기'), {
                r: t.text(ROLE_LABEL[role]),
              })}
            </button>
          );
        })}
      </div>
      {asking && (
        <div
          role="dialog"
          aria-label={tx(text('Move the {r} role', '{r} 역할 옮기기'), {
            r: t.text(ROLE_LABEL[asking]),
          })}
          data-testid="mech-split-dialog"
          className="flex flex-col gap-2 rounded-md border border-accent bg-surface p-2.5"
        >
          <p className="text-sm">
            {tx(
              text(
                'A new machine takes the {r} role. Should the links follow it, so requests reach it?',
                '새 머신이 {r} 역할을 맡습니다. 요청이 닿도록 연결도 함께 옮길까요?',
              ),
              { r: t.text(ROLE_LABEL[asking]) },
            )}
          </p>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              data-testid="mech-split-repoint"
              title={tx(
                text(
                  'Links that reached the role on this server go to the new machine instead.',
                  '이 서버의 역할로 가던 연결을 새 머신으로 옮깁니다.',
                ),
              )}
              checked={repoint}
              onChange={(e) => setRepoint(e.target.checked)}
              className="size-4 accent-[var(--accent)]"
            />
            {tx(
              text(
                'Re-point the callers to the new machine',
                '호출하는 쪽을 새 머신으로 다시 연결',
              ),
            )}
          </label>
          {!repoint && (
            <p className="text-xs text-muted">
              {tx(
                text(
                  'Without it, requests that need the role fail and the server shows why; link it later by dragging.',
                  '그러지 않으면 그 역할이 필요한 요청이 실패하고 서버에 이유가 표시됩니다. 나중에 끌어서 연결하세요.',
                ),
              )}
            </p>
          )}
          <div className="flex gap-2">
            <button
              type="button"
              data-testid="mech-split-confirm"
              className={primaryButtonClass}
              title={tx(
                text(
                  'Create the server and move the role now.',
                  '지금 서버를 만들고 역할을 옮깁니다.',
                ),
              )}
              onClick={() => run(asking)}
            >
              {tx(text('Move', '옮기기'))}
            </button>
            <button
              type="button"
              className={buttonClass}
              title={tx(text('Leave the server as it is.', '서버를 그대로 둡니다.'))}
              onClick={() => setAsking(null)}
            >
              {tx(text('Cancel', '취소'))}
            </button>
          </div>
        </div>
      )}
      <Refusal text={refusal} />
    </Section>
  );
}
