/** Auto scaling group: instances launched from one image, sized by target tracking. Contract: pure data. */
import { t } from '../text';
import { defineKind } from './defineKind';
import { instanceParams, queueParams, roleDemandParams } from './instance';

const size = t('Capacity', '용량');
const policy = t('Scaling policy', '조정 정책');

export const asg = defineKind({
  kind: 'asg',
  label: t('Auto scaling group', '오토 스케일링 그룹'),
  description: t(
    'Launches copies of one server image and adds or removes them to keep a metric (like average CPU) near its target.',
    '서버 이미지 하나로 복사본을 띄우고, 지표(평균 CPU 등)가 목표 근처에 머물도록 늘리거나 줄입니다.',
  ),
  category: 'compute',
  icon: 'M3 7h7v5H3zM14 7h7v5h-7zM3 16h7v5H3zM14 16h7v5h-7zM12 2v3M10.5 3.5 12 2l1.5 1.5',
  idPrefix: 'asg',
  isInstance: true,
  linksTo: ['server', 'lb', 'dbPrimary', 'dbReplica', 'cache', 'asg'],
  params: {
    roles: {
      type: 'roles',
      default: ['web', 'app'],
      label: t('Roles (image)', '역할(이미지)'),
      help: t(
        'What each launched instance runs; it is a copy of this image.',
        '띄운 인스턴스마다 도는 것. 모두 이 이미지의 복사본입니다.',
      ),
    },
    minSize: {
      type: 'number',
      default: 1,
      min: 0,
      max: 500,
      integer: true,
      unit: 'count',
      label: t('Minimum', '최소'),
      help: t('Never fewer instances than this.', '인스턴스를 이보다 적게 두지 않습니다.'),
      group: size,
    },
    desired: {
      type: 'number',
      default: 2,
      min: 0,
      max: 500,
      integer: true,
      unit: 'count',
      label: t('Desired', '희망'),
      help: t(
        'Instances at the start; the policy changes it within minimum and maximum.',
        '처음 인스턴스 수. 정책이 최소와 최대 사이에서 바꿉니다.',
      ),
      group: size,
    },
    maxSize: {
      type: 'number',
      default: 6,
      min: 0,
      max: 500,
      integer: true,
      unit: 'count',
      label: t('Maximum', '최대'),
      help: t('Never more instances than this.', '인스턴스를 이보다 많이 두지 않습니다.'),
      group: size,
    },
    metric: {
      type: 'enum',
      options: ['cpu', 'requests'] as const,
      default: 'cpu',
      optionLabels: {
        cpu: t('Average CPU (%)', '평균 CPU(%)'),
        requests: t('Requests per instance (req/s)', '인스턴스당 요청(req/s)'),
      },
      label: t('Metric', '지표'),
      help: t(
        'What target tracking keeps near the target.',
        '목표 추적이 목표 근처로 유지하는 지표.',
      ),
      group: policy,
    },
    targetValue: {
      type: 'number',
      default: 50,
      min: 1,
      max: 100000,
      unit: 'none',
      label: t('Target value', '목표값'),
      help: t(
        "The metric's target. Scale out after 3 one-minute periods above it, scale in after 15 below.",
        '지표의 목표. 1분 구간 3번 연속 넘으면 늘리고, 15번 연속 밑돌면 줄입니다.',
      ),
      group: policy,
    },
    cooldownSec: {
      type: 'number',
      default: 300,
      min: 0,
      max: 3600,
      integer: true,
      unit: 's',
      label: t('Cooldown', '쿨다운'),
      help: t(
        'Wait after a scaling action before the next one (AWS default 300 s).',
        '조정 후 다음 조정까지 기다리는 시간(AWS 기본 300초).',
      ),
      group: policy,
    },
    warmupSec: {
      type: 'number',
      default: 60,
      min: 0,
      max: 3600,
      integer: true,
      unit: 's',
      label: t('Warm-up', '워밍업'),
      help: t(
        'After it passes health checks, a new instance ramps up for this long before its metrics count.',
        '헬스 체크 통과 후, 새 인스턴스의 지표가 반영되기 전까지 준비하는 시간.',
      ),
      group: policy,
    },
    ...instanceParams('m5.large'),
    ...roleDemandParams,
    ...queueParams,
  },
});
