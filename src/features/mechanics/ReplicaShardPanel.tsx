import { useState } from 'react';
import { t as text, type TopologyNode } from '../../core/model';
import {
  MAX_SHARDS,
  addReplica,
  shardPrimary,
  type ShardStrategy,
} from '../../core/model/mechanics';
import { useT } from '../../i18n';
import { useTopologyStore } from '../../state/topologyStore';
import { KeyMap } from './KeyMap';
import { buttonClass, primaryButtonClass, useTx } from './shared';
import { Refusal, Section } from './ui';
import { inputClass } from '../inspector/fields';

/** On a DB primary: add a read replica, split into shards (n, hash/range) with the key map. */
export function ReplicaShardPanel({ node }: { node: TopologyNode & { kind: 'dbPrimary' } }) {
  const t = useT();
  const tx = useTx();
  const topo = useTopologyStore((s) => s.doc.present);
  const apply = useTopologyStore((s) => s.applyMechanic);
  const [n, setN] = useState(2);
  const [strategy, setStrategy] = useState<ShardStrategy>('hash');
  const [refusal, setRefusal] = useState<string | null>(null);
  const replicas = topo.links.filter(
    (l) => l.from === node.id && topo.nodes.find((x) => x.id === l.to)?.kind === 'dbReplica',
  ).length;
  const done = (r: ReturnType<typeof apply>) => setRefusal(r ? t.text(r) : null);
  return (
    <Section title={tx(text('Replicas and shards', '복제본과 샤드'))} testId="mech-data">
      <div className="flex items-center justify-between gap-2">
        <span className="text-sm">
          {tx(text('Read replicas: {n}', '읽기 복제본: {n}개'), { n: replicas })}
        </span>
        <button
          type="button"
          data-testid="mech-add-replica"
          className={buttonClass}
          onClick={() => done(apply(addReplica(topo, node.id)))}
        >
          {tx(text('Add read replica', '읽기 복제본 추가'))}
        </button>
      </div>
      <p className="text-xs text-muted">
        {tx(
          text(
            'Reads spread over the replicas; every write still goes to the primary and is copied to each replica.',
            '읽기는 복제본들로 나뉘고, 쓰기는 모두 프라이머리로 가서 각 복제본에 복사됩니다.',
          ),
        )}
      </p>
      <KeyMap primary={node} />
      <div className="flex flex-wrap items-end gap-2 border-t border-border pt-2">
        <label className="flex flex-col text-xs text-muted">
          {tx(text('Shards', '샤드 수'))}
          <input
            type="number"
            min={2}
            max={MAX_SHARDS}
            value={n}
            data-testid="mech-shard-n"
            onChange={(e) => setN(Number(e.target.value))}
            className={`${inputClass} w-20`}
          />
        </label>
        <label className="flex flex-col text-xs text-muted">
          {tx(text('Shard by', '샤드 기준'))}
          <select
            value={strategy}
            data-testid="mech-shard-strategy"
            onChange={(e) => setStrategy(e.target.value as ShardStrategy)}
            className={inputClass}
          >
            <option value="hash">{tx(text('Hash of user id', '사용자 ID 해시'))}</option>
            <option value="range">{tx(text('Range of user ids', '사용자 ID 범위'))}</option>
          </select>
        </label>
        <button
          type="button"
          data-testid="mech-shard"
          className={primaryButtonClass}
          onClick={() => done(apply(shardPrimary(topo, node.id, n, strategy)))}
        >
          {tx(text('Split into shards', '샤드로 나누기'))}
        </button>
      </div>
      <Refusal text={refusal} />
    </Section>
  );
}
