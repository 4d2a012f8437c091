import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { INSTANCE_TYPES, KINDS, type Role, type TopologyNode } from '../../core/model';
import { useT, type Translate } from '../../i18n';
import { Icon } from '../../ui/Icon';
import { AsgInstanceChips } from './AsgInstanceChips';
import { CARD_WIDTH, type CardNode } from './flowMapping';
import { KIND_HANDLES } from './handles';
import { NodeMetrics } from './NodeMetrics';

/**
 * One card for every kind: icon, label, kind, machine size and price, roles, then the live
 * numbers. Handles appear only where the registry allows links (outgoing right, incoming left).
 */
export const NodeCard = memo(function NodeCard({ id, data, selected }: NodeProps<CardNode>) {
  const t = useT();
  const { node } = data;
  const def = KINDS[node.kind];
  const handles = KIND_HANDLES[node.kind];
  const label = node.label.trim() || node.id;
  const style = { width: CARD_WIDTH, '--cat': `var(--cat-${def.category})` } as CSSProperties;
  return (
    <div
      data-testid={`node-${id}`}
      data-kind={node.kind}
      style={style}
      className={`rounded-xl border bg-surface px-3 py-2.5 text-fg shadow-card transition-shadow ${
        selected ? 'border-accent ring-2 ring-accent' : 'border-border-strong'
      }`}
    >
      {handles.target && (
        <Handle
          type="target"
          position={Position.Left}
          data-testid={`handle-in-${id}`}
          title={t('rf.handleIn')}
        />
      )}
      <div className="flex items-center gap-2.5">
        <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-[color-mix(in_srgb,var(--cat)_14%,transparent)] text-[var(--cat)]">
          <Icon path={def.icon} size={24} strokeWidth={1.9} />
        </span>
        <div className="min-w-0">
          <div className="truncate text-base leading-tight font-semibold" title={label}>
            {label}
          </div>
          <div className="truncate text-[13px] leading-tight text-muted">{t.text(def.label)}</div>
        </div>
      </div>
      <MachineLine node={node} t={t} />
      <RoleChips node={node} t={t} />
      <NodeMetrics id={id} />
      {node.kind === 'asg' && <AsgInstanceChips asgId={id} />}
      {handles.source && (
        <Handle
          type="source"
          position={Position.Right}
          data-testid={`handle-out-${id}`}
          title={t('rf.handleOut')}
        />
      )}
    </div>
  );
});

function MachineLine({ node, t }: { node: TopologyNode; t: Translate }) {
  if (!('instanceType' in node.params)) return null;
  const name = node.params.instanceType;
  const type = INSTANCE_TYPES[name];
  return (
    <div className="mt-2 flex flex-wrap items-baseline gap-x-2 text-[13px] tabular-nums">
      <span className="font-medium">{name}</span>
      <span className="text-muted">{t('card.vcpu', { n: t.num(type.vcpu) })}</span>
      <span className="text-muted">{t('card.perHour', { price: t.usd(type.pricePerHour) })}</span>
      {node.kind === 'asg' && (
        <span className="w-full text-muted">
          {t('card.asgSize', {
            desired: t.num(node.params.desired),
            min: t.num(node.params.minSize),
            max: t.num(node.params.maxSize),
          })}
        </span>
      )}
    </div>
  );
}

const ROLE_KEYS = { web: 'role.web', app: 'role.app', db: 'role.db' } as const;

function RoleChips({ node, t }: { node: TopologyNode; t: Translate }) {
  if (node.kind !== 'server' && node.kind !== 'asg') return null;
  const roles: readonly Role[] = node.params.roles;
  return (
    <ul className="mt-1.5 flex gap-1" aria-label={t('card.roles')}>
      {roles.map((r) => (
        <li
          key={r}
          data-testid={`role-${node.id}-${r}`}
          className="rounded-full border border-border bg-surface-2 px-2 py-px text-xs font-medium"
        >
          {t(ROLE_KEYS[r])}
        </li>
      ))}
    </ul>
  );
}
