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
          make={(atSec) => ({ type: 'kill', atSec, node: nodeId })}
        />
        <EventButtons
          testId="mech-restore"
          label={tx(text('Restore', '복구'))}
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
            onChange={(e) => setFactor(Math.min(1000, Math.max(1, Number(e.target.value) || 1)))}
            className={`${inputClass} w-20`}
          />
        </label>
        <EventButtons
          testId="mech-slow"
          label={tx(text('Slow down ×{f}', '×{f} 느리게'), { f: factor })}
          make={(atSec) => ({ type: 'slow', atSec, node: nodeId, factor })}
        />
        <EventButtons
          testId="mech-unslow"
          label={tx(text('Normal speed', '정상 속도'))}
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
            make={(atSec) => ({ type: 'loseAz', atSec, az })}
          />
        ))}
        {AZS.map((az) => (
          <EventButtons
            key={`restore-${az}`}
            testId={`mech-restore-az-${az}`}
            label={tx(text('Restore AZ {az}', 'AZ {az} 복구'), { az })}
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
          make={(atSec) => ({ type: 'cutLink', atSec, link: link.id })}
        />
        <EventButtons
          testId="mech-restore-link"
          label={tx(text('Restore', '복구'))}
          make={(atSec) => ({ type: 'restoreLink', atSec, link: link.id })}
        />
      </div>
    </Section>
  );
}
