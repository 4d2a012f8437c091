import { useState } from 'react';
import { t as text, type ScenarioEvent } from '../../core/model';
import { useT } from '../../i18n';
import { simControls } from '../../state/simStore';
import { useTopologyStore } from '../../state/topologyStore';
import { buttonClass, dangerButtonClass, simSecond, useTx } from './shared';
import { Refusal } from './ui';

const eventNow = (make: (atSec: number) => ScenarioEvent): ScenarioEvent => make(simSecond());

/**
 * One failure or traffic action: do it now (injected into the running simulation) or add it to the
 * saved timeline at the current simulated time (undoable, saved with the topology).
 */
export function EventButtons({
  label,
  make,
  testId,
  danger = false,
}: {
  label: string;
  make: (atSec: number) => ScenarioEvent;
  testId: string;
  danger?: boolean;
}) {
  const t = useT();
  const tx = useTx();
  const add = useTopologyStore((s) => s.addScenarioEvent);
  const [refusal, setRefusal] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-0.5">
      <div className="flex items-stretch">
        <button
          type="button"
          data-testid={testId}
          className={`${danger ? dangerButtonClass : buttonClass} rounded-r-none`}
          onClick={() => simControls.inject(eventNow(make))}
        >
          {label}
        </button>
        <button
          type="button"
          data-testid={`${testId}-timeline`}
          className={`${buttonClass} rounded-l-none border-l-0 px-1.5`}
          title={tx(text('Add to timeline at the current time', '현재 시각으로 타임라인에 추가'))}
          aria-label={tx(text('{a}: add to timeline', '{a}: 타임라인에 추가'), { a: label })}
          onClick={() => {
            const r = add(eventNow(make));
            setRefusal(r ? t.text(r) : null);
          }}
        >
          +⏱
        </button>
      </div>
      <Refusal text={refusal} />
    </div>
  );
}
