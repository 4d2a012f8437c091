/** DNS: a name resolving to several addresses, cached by client cohorts. Contract: pure data. */
import { t } from '../text';
import { defineKind } from './defineKind';

export const dns = defineKind({
  kind: 'dns',
  label: t('DNS', 'DNS'),
  description: t(
    'Turns the site name into an address. With several records it hands out different addresses to different users (DNS round robin); clients cache the answer until its TTL expires.',
    '사이트 이름을 주소로 바꿉니다. 레코드가 여럿이면 사용자마다 다른 주소를 줍니다(DNS 라운드 로빈). 클라이언트는 TTL이 끝날 때까지 답을 캐시합니다.',
  ),
  category: 'network',
  icon: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9s1.3-6.3 3.8-9z',
  idPrefix: 'dns',
  isInstance: false,
  linksTo: ['lb', 'server', 'asg'],
  params: {
    ttlSec: {
      type: 'number',
      default: 60,
      min: 0,
      max: 86400,
      integer: true,
      unit: 's',
      label: t('TTL', 'TTL'),
      help: t(
        'How long clients may cache an answer. An ELB name uses 60 s.',
        '클라이언트가 답을 캐시할 수 있는 시간. ELB 이름은 60초입니다.',
      ),
    },
    policy: {
      type: 'enum',
      options: ['round_robin', 'weighted'] as const,
      default: 'round_robin',
      optionLabels: {
        round_robin: t('Round robin', '라운드 로빈'),
        weighted: t('Weighted (by link weight)', '가중치(연결 가중치 기준)'),
      },
      label: t('Policy', '정책'),
      help: t('How answers are spread over the records.', '레코드 사이에 답을 나누는 방법.'),
    },
    jitterPct: {
      type: 'number',
      default: 10,
      min: 0,
      max: 100,
      unit: '%',
      label: t('Cache jitter', '캐시 지터'),
      help: t(
        'Clients do not all expire at once: each cache lives TTL plus up to this share of it.',
        '모든 캐시가 한꺼번에 만료되지 않도록 TTL에 최대 이만큼을 더합니다.',
      ),
    },
  },
});
