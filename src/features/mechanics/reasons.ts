/**
 * Words for the kernel's target states and reasons, filled with the ports and paths of the load
 * balancer and the target, so a learner reads "targets listen on 80, the LB forwards to 8080".
 * Contract: pure; no DOM, no React.
 */
import { fill, t, type Text, type TopologyNode } from '../../core/model';
import type { TargetReason, TargetState } from '../../core/sim';

export const STATE_TEXT: Record<TargetState, Text> = {
  initial: t('initial', '초기'),
  healthy: t('healthy', '정상'),
  unhealthy: t('unhealthy', '비정상'),
  draining: t('draining', '드레이닝'),
  unused: t('unused', '미사용'),
};

/** Okabe–Ito colours and an icon per state: colour is never the only signal. */
export const STATE_LOOK: Record<TargetState, { color: string; icon: string }> = {
  healthy: { color: '#009E73', icon: '✓' },
  initial: { color: '#56B4E9', icon: '…' },
  unhealthy: { color: '#D55E00', icon: '✕' },
  draining: { color: '#E69F00', icon: '↘' },
  unused: { color: '#999999', icon: '–' },
};

type Lb = TopologyNode & { kind: 'lb' };

/** Why a target is in its state, in words, naming the ports or path at fault. */
export function targetReasonText(
  reason: TargetReason,
  lb: Lb | undefined,
  target: TopologyNode | undefined,
): Text {
  const tp = target && 'listenPort' in target.params ? target.params : undefined;
  switch (reason) {
    case 'ok':
      return t('passing health checks', '상태 검사 통과');
    case 'registering':
      return t(
        'registering: waiting for the first passing checks',
        '등록 중: 첫 상태 검사 통과를 기다립니다',
      );
    case 'failedChecks':
      return t(
        'failed health checks: the target is down or too slow to answer',
        '상태 검사 실패: 대상이 죽었거나 너무 느립니다',
      );
    case 'wrongPort': {
      if (!lb || !tp) return t('wrong port', '잘못된 포트');
      const check = lb.params.hcPort === 0 ? lb.params.targetPort : lb.params.hcPort;
      const port = lb.params.targetPort !== tp.listenPort ? lb.params.targetPort : check;
      return fill(
        t(
          'wrong port: targets listen on {a}, the LB forwards to {b}',
          '잘못된 포트: 대상은 {a}번을 듣는데 LB는 {b}번으로 보냅니다',
        ),
        { a: tp.listenPort, b: port },
      );
    }
    case 'pathNotAnswered':
      return fill(
        t(
          'path not answered: the check asks for {p}, the target answers {list}',
          '경로 응답 없음: 검사는 {p}를 묻는데 대상은 {list}에만 답합니다',
        ),
        { p: lb?.params.hcPath ?? '?', list: tp?.answersPaths || '—' },
      );
    case 'securityGroup':
      return fill(
        t(
          'blocked by security group: it admits port {s} from {src}, the LB needs port {p}',
          '보안 그룹이 막음: 포트 {s}, 출발지 {src}만 허용하는데 LB는 포트 {p}가 필요합니다',
        ),
        { s: tp?.sgPort ?? '?', src: tp?.sgSource ?? '?', p: lb?.params.targetPort ?? '?' },
      );
    case 'linkCut':
      return t('the link to it is cut', '연결이 끊겼습니다');
    case 'deregistering':
      return t(
        'deregistering: finishing requests in flight',
        '등록 해제 중: 진행 중인 요청을 마칩니다',
      );
  }
}
