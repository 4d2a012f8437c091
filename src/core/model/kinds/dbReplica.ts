/** Read replica: serves reads and applies the primary's writes; lag grows with its apply backlog. Contract: pure data. */
import { t } from '../text';
import { defineKind } from './defineKind';
import { instanceParams, queueParams, readDemandParam } from './instance';

export const dbReplica = defineKind({
  kind: 'dbReplica',
  label: t('Read replica', '읽기 복제본'),
  description: t(
    'A copy of the primary (a slave). It answers reads and replays every write the primary sends, a little behind: that delay is replication lag.',
    '프라이머리의 복사본(슬레이브). 읽기에 답하고, 프라이머리가 보내는 모든 쓰기를 조금 늦게 재생합니다. 그 지연이 복제 지연입니다.',
  ),
  category: 'data',
  icon: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zM4 6v12c0 1.7 3.6 3 8 3M20 6v5M15 18h6M18 15v6',
  idPrefix: 'replica',
  isInstance: true,
  linksTo: [],
  params: {
    ...instanceParams('r5.large'),
    readDemandMs: readDemandParam,
    applyDemandMs: {
      type: 'number',
      default: 2,
      min: 0,
      max: 10000,
      step: 0.1,
      unit: 'ms',
      label: t('Apply work per write', '쓰기 재생 작업'),
      help: t(
        'CPU time to replay one write from the primary. Replay runs on one thread.',
        '프라이머리의 쓰기 하나를 재생하는 CPU 시간. 재생은 스레드 하나로 합니다.',
      ),
    },
    ...queueParams,
  },
});
