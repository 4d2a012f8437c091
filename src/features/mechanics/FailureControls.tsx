import { useState } from 'react';
import { AZS, t as text, type Link } from '../../core/model';
import { EventButtons } from './EventButtons';
import { useTx } from './shared';
import { Section } from './ui';
import { inputClass } from '../inspector/fields';

/** Kill, restore or slow down a machine; lose or restore an availability zone. */
export function MachineControls({ nodeId }: { nodeId: string }) {
  const tx = useTx();
  const [factor, setFactor] = useState(4);
  return (
    <Section title={tx(text('Failures', '장애'))} testId="mech-failures">
      <div className="flex flex-wrap gap-1.5">
        <EventButtons
          danger
          testId="mech-kill"
          label={tx(text('Kill', '죽이기'))}
          help={tx(
            text(
              'Stop this machine now: requests to it fail until health checks or caches route around it.',
              '이 머신을 지금 멈춥니다. 상태 검사나 캐시가 우회할 때까지 이 머신으로 가는 요청은 실패합니다.',
            ),
          )}
          make={(atSec) => ({ type: 'kill', atSec, node: nodeId })}
        />
        <EventButtons
          testId="mech-restore"
          label={tx(text('Restore', '복구'))}
          help={tx(
            text(
              'Boot this machine again: it serves once it has booted and passed its health checks.',
              '이 머신을 다시 부팅합니다. 부팅하고 상태 검사를 통과하면 다시 요청을 받습니다.',
            ),
          )}
          make={(atSec) => ({ type: 'restore', atSec, node: nodeId })}
        />
      </div>
      <div className="flex flex-wrap items-end gap-1.5">
        <label className="flex flex-col text-xs text-muted">
          {tx(text('Slow-down factor', '느려지는 배수'))}
          <input
            type="number"
            min={1}
            max={1000}
            step={0.5}
            value={factor}
            data-testid="mech-slow-factor"
            title={tx(
              text(
                'How many times longer each request takes on this machine while it is slowed.',
                '느려진 동안 이 머신에서 요청 하나가 몇 배 오래 걸리는지.',
              ),
            )}
            onChange={(e) => setFactor(Math.min(1000, Math.max(1, Number(e.target.value) || 1)))}
            className={`${inputClass} w-20`}
          />
        </label>
        <EventButtons
          testId="mech-slow"
          label={tx(text('Slow down ×{f}', '×{f} 느리게'), { f: factor })}
          help={tx(
            text(
              'Multiply the work per request on this machine (a noisy neighbour, a bad deploy).',
              '이 머신의 요청당 작업을 배수만큼 늘립니다(시끄러운 이웃, 잘못된 배포).',
            ),
          )}
          make={(atSec) => ({ type: 'slow', atSec, node: nodeId, factor })}
        />
        <EventButtons
          testId="mech-unslow"
          label={tx(text('Normal speed', '정상 속도'))}
          help={tx(
            text('Back to the normal work per request.', '요청당 작업을 정상으로 되돌립니다.'),
          )}
          make={(atSec) => ({ type: 'slow', atSec, node: nodeId, factor: 1 })}
        />
      </div>
      <AzControls />
    </Section>
  );
}

/** Lose or restore a whole availability zone. */
export function AzControls() {
  const tx = useTx();
  return (
    <div className="flex flex-col gap-1 border-t border-border pt-2" data-testid="mech-az">
      <span className="text-xs text-muted">{tx(text('Availability zones', '가용 영역'))}</span>
      <div className="flex flex-wrap gap-1.5">
        {AZS.map((az) => (
          <EventButtons
            danger
            key={`lose-${az}`}
            testId={`mech-lose-az-${az}`}
            label={tx(text('Lose AZ {az}', 'AZ {az} 잃기'), { az })}
            help={tx(
              text(
                'Every machine in availability zone {az} stops at once (a data-centre outage).',
                '가용 영역 {az}의 모든 머신이 한꺼번에 멈춥니다(데이터 센터 장애).',
              ),
              { az },
            )}
            make={(atSec) => ({ type: 'loseAz', atSec, az })}
          />
        ))}
        {AZS.map((az) => (
          <EventButtons
            key={`restore-${az}`}
            testId={`mech-restore-az-${az}`}
            label={tx(text('Restore AZ {az}', 'AZ {az} 복구'), { az })}
            help={tx(
              text('The machines of zone {az} boot again.', '영역 {az}의 머신이 다시 부팅합니다.'),
              { az },
            )}
            make={(atSec) => ({ type: 'restoreAz', atSec, az })}
          />
        ))}
      </div>
    </div>
  );
}

/** Cut or restore a link (a network partition). */
export function LinkControls({ link }: { link: Link }) {
  const tx = useTx();
  return (
    <Section title={tx(text('Failures', '장애'))} testId="mech-link-failures">
      <div className="flex flex-wrap gap-1.5">
        <EventButtons
          danger
          testId="mech-cut"
          label={tx(text('Cut', '끊기'))}
          help={tx(
            text(
              'The link carries nothing now: a network partition between the two nodes.',
              '이 연결이 지금부터 아무것도 나르지 않습니다. 두 노드 사이의 네트워크 단절입니다.',
            ),
          )}
          make={(atSec) => ({ type: 'cutLink', atSec, link: link.id })}
        />
        <EventButtons
          testId="mech-restore-link"
          label={tx(text('Restore', '복구'))}
          help={tx(text('The link carries traffic again.', '연결이 다시 트래픽을 나릅니다.'))}
          make={(atSec) => ({ type: 'restoreLink', atSec, link: link.id })}
        />
      </div>
    </Section>
  );
}
