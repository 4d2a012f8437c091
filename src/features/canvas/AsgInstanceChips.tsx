import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { InstanceLifecycle } from '../../core/sim';
import { useT, type MessageKey } from '../../i18n';
import { useSimStore } from '../../state/simStore';
import { useTopologyStore } from '../../state/topologyStore';

/** Lifecycle order (launch to termination), its words, and an icon so colour is never alone. */
const LIFECYCLE: Record<InstanceLifecycle, { key: MessageKey; icon: string; color: string }> = {
  pending: { key: 'lifecycle.pending', icon: '…', color: '#999999' },
  booting: { key: 'lifecycle.booting', icon: '↻', color: '#56B4E9' },
  registering: { key: 'lifecycle.registering', icon: '⇢', color: '#0072B2' },
  warming: { key: 'lifecycle.warming', icon: '◔', color: '#E69F00' },
  inService: { key: 'lifecycle.inService', icon: '✓', color: '#009E73' },
  terminating: { key: 'lifecycle.terminating', icon: '✕', color: '#D55E00' },
};
const ORDER = Object.keys(LIFECYCLE) as InstanceLifecycle[];

const EMPTY: string[] = [];
const SEP = '\u0000';

/**
 * The instances of an auto scaling group on its card, as they launch and terminate: one chip per
 * instance (its number and a lifecycle icon; the full state, zone and id in its name), and a line
 * counting them by state. A chip opens the group in the inspector, where they are listed in full.
 * Reads the sim store itself, keyed on id, state and zone only, so CPU changes do not re-render it.
 */
export const AsgInstanceChips = memo(function AsgInstanceChips({ asgId }: { asgId: string }) {
  const t = useT();
  const select = useTopologyStore((s) => s.setSelection);
  const rows = useSimStore(
    useShallow(
      (s) =>
        s.frame?.instances
          .filter((i) => i.asg === asgId)
          .map((i) => [i.id, i.state, i.az].join(SEP)) ?? EMPTY,
    ),
  );
  if (rows.length === 0) return null;
  const list = rows.map((r) => {
    const [id = '', state = 'pending', az = ''] = r.split(SEP);
    return { id, state: state as InstanceLifecycle, az };
  });
  const counts = ORDER.map((state) => ({ state, n: list.filter((i) => i.state === state).length }))
    .filter((c) => c.n > 0)
    .map((c) => t('card.lifecycleCount', { n: t.num(c.n), state: t(LIFECYCLE[c.state].key) }));
  return (
    <div className="mt-1.5" data-testid={`asg-chips-${asgId}`} data-count={list.length}>
      <ul
        className="flex flex-wrap gap-1"
        aria-label={t('card.instances', { n: t.num(list.length) })}
      >
        {list.map((i) => {
          const look = LIFECYCLE[i.state];
          const name = t('card.instance', { id: i.id, state: t(look.key), az: i.az });
          return (
            <li key={i.id}>
              <button
                type="button"
                data-testid={`asg-chip-${i.id}`}
                data-state={i.state}
                aria-label={name}
                title={name}
                onClick={() => select({ nodes: [asgId], links: [] })}
                className="nodrag inline-flex items-center gap-0.5 rounded border border-l-4 border-border bg-surface-2 px-1 text-[11px] leading-4 tabular-nums focus-visible:ring-2 focus-visible:ring-accent"
                style={{ borderLeftColor: look.color }}
              >
                <span aria-hidden style={{ color: look.color }} className="font-bold">
                  {look.icon}
                </span>
                <span aria-hidden>{i.id.slice(i.id.lastIndexOf('#') + 1)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <p
        className="mt-0.5 text-[11px] leading-tight text-muted"
        data-testid={`asg-counts-${asgId}`}
      >
        {counts.join(' · ')}
      </p>
    </div>
  );
});
