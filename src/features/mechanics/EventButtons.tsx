import { useState } from 'react';
import { t as text, type ScenarioEvent } from '../../core/model';
import { useT } from '../../i18n';
import { simControls } from '../../state/simStore';
import { useTopologyStore } from '../../state/topologyStore';
import { buttonClass, dangerButtonClass, simSecond, useTx } from './shared';
import { Icon } from '../../ui/Icon';
import { Refusal } from './ui';

/** A clock with a plus: "add to the timeline". */
const TIMELINE_ICON = 'M12 7v5l3 2M21 12a9 9 0 1 1-9-9M19 2v6M16 5h6';

const eventNow = (make: (atSec: number) => ScenarioEvent): ScenarioEvent => make(simSecond());

/**
 * One failure or traffic action: do it now (injected into the running simulation) or add it to the
 * saved timeline at the current simulated time (undoable, saved with the topology).
 */
export function EventButtons({
  label,
  help,
  make,
  testId,
  danger = false,
}: {
  label: string;
  /** What the action does (the button's tooltip and accessible description). */
  help: string;
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
          title={help}
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
          <Icon path={TIMELINE_ICON} size={16} />
        </button>
      </div>
      <Refusal text={refusal} />
    </div>
  );
}
