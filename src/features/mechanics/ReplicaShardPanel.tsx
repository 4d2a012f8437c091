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
          title={tx(
            text(
              'Adds a replica beside the primary, linked for replication; the servers read from it.',
              '프라이머리 옆에 복제 연결된 복제본을 추가합니다. 서버는 여기서 읽습니다.',
            ),
          )}
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
            title={tx(
              text('How many primaries the data is split over.', '데이터를 나눌 프라이머리 수.'),
            )}
            onChange={(e) => setN(Number(e.target.value))}
            className={`${inputClass} w-20`}
          />
        </label>
        <label className="flex flex-col text-xs text-muted">
          {tx(text('Shard by', '샤드 기준'))}
          <select
            value={strategy}
            data-testid="mech-shard-strategy"
            title={tx(
              text(
                'How a user is assigned to a shard: by a hash of the id, or by ranges of ids.',
                '사용자를 샤드에 배정하는 방법: ID의 해시 또는 ID 범위.',
              ),
            )}
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
          title={tx(
            text(
              'Splits this primary into shards, each with a slice of the users; the servers call them all.',
              '이 프라이머리를 샤드로 나눕니다. 샤드마다 사용자 일부를 맡고, 서버는 모두를 호출합니다.',
            ),
          )}
          onClick={() => done(apply(shardPrimary(topo, node.id, n, strategy)))}
        >
          {tx(text('Split into shards', '샤드로 나누기'))}
        </button>
      </div>
      <Refusal text={refusal} />
    </Section>
  );
}
