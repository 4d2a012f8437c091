/** Cache: a read-through cache in front of the database. Contract: pure data. */
import { t } from '../text';
import { defineKind } from './defineKind';
import { instanceParams, queueParams } from './instance';

export const cache = defineKind({
  kind: 'cache',
  label: t('Cache', '캐시'),
  description: t(
    'Keeps recent answers in memory (like Redis or Memcached). A hit is answered at once; a miss goes on to the database.',
    '최근 답을 메모리에 둡니다(Redis, Memcached 등). 적중하면 바로 답하고, 못 맞히면 데이터베이스로 넘깁니다.',
  ),
  category: 'data',
  icon: 'M13 2L4 14h7l-1 8 9-12h-7z',
  idPrefix: 'cache',
  isInstance: true,
  linksTo: ['dbPrimary', 'dbReplica', 'server', 'lb'],
  params: {
    hitRatio: {
      type: 'number',
      default: 0.8,
      min: 0,
      max: 1,
      step: 0.01,
      unit: 'ratio',
      label: t('Hit ratio', '적중률'),
      help: t(
        'Share of reads answered from the cache. Writes always go through.',
        '캐시에서 답하는 읽기 비율. 쓰기는 항상 통과합니다.',
      ),
    },
    hitDemandMs: {
      type: 'number',
      default: 0.2,
      min: 0,
      max: 10000,
      step: 0.1,
      unit: 'ms',
      label: t('Work per lookup', '조회당 작업'),
      help: t('CPU time per cache lookup.', '캐시 조회 하나의 CPU 시간.'),
    },
    ...instanceParams('r5.large'),
    ...queueParams,
  },
});
