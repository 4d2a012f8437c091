/** Database primary: takes writes (and reads no replica serves); one shard of the key space. Contract: pure data. */
import { t } from '../text';
import { defineKind } from './defineKind';
import { instanceParams, queueParams, readDemandParam } from './instance';

const shard = t('Sharding', '샤딩');

export const dbPrimary = defineKind({
  kind: 'dbPrimary',
  label: t('DB primary', 'DB 프라이머리'),
  description: t(
    'The master database: every write goes here and is copied to its read replicas. Several primaries side by side are shards, each owning part of the users.',
    '마스터 데이터베이스: 모든 쓰기가 여기로 오고 읽기 복제본으로 복사됩니다. 여러 프라이머리를 나란히 두면 샤드가 되어 사용자를 나눠 맡습니다.',
  ),
  category: 'data',
  icon: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zM4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  idPrefix: 'db',
  isInstance: true,
  linksTo: ['dbReplica'],
  params: {
    ...instanceParams('r5.large'),
    readDemandMs: readDemandParam,
    writeDemandMs: {
      type: 'number',
      default: 8,
      min: 0,
      max: 10000,
      step: 0.1,
      unit: 'ms',
      label: t('Write work', '쓰기 작업'),
      help: t(
        'CPU time per write query, including sending it to the replicas.',
        '쓰기 쿼리당 CPU 시간(복제본으로 보내는 일 포함).',
      ),
    },
    ...queueParams,
    shardStrategy: {
      type: 'enum',
      options: ['hash', 'range'] as const,
      default: 'hash',
      optionLabels: {
        hash: t('Hash of user id', '사용자 ID 해시'),
        range: t('Range of user ids', '사용자 ID 범위'),
      },
      label: t('Shard by', '샤드 기준'),
      help: t(
        'How users are assigned when several primaries share the data.',
        '여러 프라이머리가 데이터를 나눌 때 사용자를 배정하는 방법.',
      ),
      group: shard,
    },
    shardFromPct: {
      type: 'number',
      default: 0,
      min: 0,
      max: 100,
      unit: '%',
      label: t('Key range from', '키 범위 시작'),
      help: t(
        'With range sharding: the start of the user-id range this shard owns, as a percentage of all ids.',
        '범위 샤딩에서 이 샤드가 맡는 사용자 ID 범위의 시작(전체 대비 %).',
      ),
      group: shard,
    },
    shardToPct: {
      type: 'number',
      default: 100,
      min: 0,
      max: 100,
      unit: '%',
      label: t('Key range to', '키 범위 끝'),
      help: t(
        'With range sharding: the end of the range (exclusive).',
        '범위 샤딩에서 범위의 끝(미포함).',
      ),
      group: shard,
    },
  },
});
