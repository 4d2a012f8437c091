import { t as text, type TopologyNode } from '../../core/model';
import { useTopologyStore } from '../../state/topologyStore';
import { useTx } from './shared';

const COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'];

/**
 * The key map of the shards a primary's callers see: one bar per strategy, one slice per shard
 * (range: its [from, to) slice; hash: an equal share, user id mod n), and the hot user's weight
 * from the users node, linked to its knob.
 */
export function KeyMap({ primary }: { primary: TopologyNode & { kind: 'dbPrimary' } }) {
  const tx = useTx();
  const topo = useTopologyStore((s) => s.doc.present);
  const select = useTopologyStore((s) => s.setSelection);
  const callers = new Set(topo.links.filter((l) => l.to === primary.id).map((l) => l.from));
  const shards = topo.nodes.filter(
    (n): n is TopologyNode & { kind: 'dbPrimary' } =>
      n.kind === 'dbPrimary' && topo.links.some((l) => l.to === n.id && callers.has(l.from)),
  );
  const list = shards.length > 0 ? shards : [primary];
  const users = topo.nodes.filter((n) => n.kind === 'users');
  return (
    <div className="flex flex-col gap-1" data-testid="mech-keymap">
      <span className="text-xs text-muted">
        {tx(text('Key map (user ids 0–100 %)', '키 맵 (사용자 ID 0–100 %)'))}
      </span>
      <div
        className="relative h-6 w-full overflow-hidden rounded bg-surface-2"
        role="img"
        aria-label={list
          .map(
            (s) =>
              `${s.label}: ${s.params.shardStrategy} ${s.params.shardFromPct}–${s.params.shardToPct} %`,
          )
          .join('; ')}
      >
        {list.map((s, i) => {
          const hash = s.params.shardStrategy === 'hash';
          const from = hash ? (100 * i) / list.length : s.params.shardFromPct;
          const to = hash ? (100 * (i + 1)) / list.length : s.params.shardToPct;
          return (
            <div
              key={s.id}
              data-testid={`mech-keymap-${s.id}`}
              className="absolute inset-y-0 flex items-center justify-center overflow-hidden border-r border-surface text-[11px] font-semibold text-white"
              style={{
                left: `${from}%`,
                width: `${Math.max(0, to - from)}%`,
                background: COLORS[i % COLORS.length],
              }}
              title={`${s.label} ${hash ? 'hash' : `${s.params.shardFromPct}–${s.params.shardToPct} %`}`}
            >
              {s.label}
            </div>
          );
        })}
      </div>
      {list.some((s) => s.params.shardStrategy === 'hash') && list.length > 1 && (
        <span className="text-xs text-muted">
          {tx(
            text(
              'Hash: user id mod {n} picks the shard, so slices are interleaved, not contiguous.',
              '해시: 사용자 ID mod {n}이 샤드를 정하므로 조각은 이어지지 않고 섞여 있습니다.',
            ),
            { n: list.length },
          )}
        </span>
      )}
      {users.map((u) => (
        <button
          key={u.id}
          type="button"
          data-testid={`mech-hotuser-${u.id}`}
          title={tx(
            text(
              'Opens the users node, where the hot user share is set.',
              '핫 사용자 비율을 정하는 사용자 노드를 엽니다.',
            ),
          )}
          className="self-start text-xs text-accent underline"
          onClick={() => select({ nodes: [u.id], links: [] })}
        >
          {tx(
            text(
              '{u}: the hot user sends {p} % of the traffic — change it',
              '{u}: 핫 사용자가 트래픽의 {p} %를 보냅니다 — 바꾸기',
            ),
            {
              u: u.label || u.id,
              p: u.kind === 'users' ? Math.round(u.params.hotUserShare * 100) : 0,
            },
          )}
        </button>
      ))}
    </div>
  );
}
