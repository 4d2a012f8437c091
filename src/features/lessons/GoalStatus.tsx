import type { Text } from '../../core/model';
import type { Lesson } from '../../core/scenarios';
import { useT } from '../../i18n';
import { useLessonLive } from '../../state/lessonLive';
import { useLessonStore } from '../../state/lessonStore';
import { useTopology } from '../../state/topologyStore';
import { formatClock } from '../playback/format';
import { measuredLine, percent } from './format';
import { useDesignCheck } from './useDesignCheck';

const TONE = {
  ok: 'border-emerald-600 bg-emerald-50 dark:border-emerald-400 dark:bg-emerald-950/50',
  bad: 'border-danger bg-danger-soft',
  neutral: 'border-border bg-surface-2',
} as const;

function Reasons({ reasons }: { reasons: Text[] }) {
  const t = useT();
  return (
    <ul className="ml-5 list-disc">
      {reasons.map((r) => (
        <li key={r.en}>{t.text(r)}</li>
      ))}
    </ul>
  );
}

/** The live verdict from the running simulation. */
export function LiveVerdict() {
  const t = useT();
  const view = useLessonLive((s) => s.view);
  if (view.kind === 'none') return null;
  const notes = view.mismatch.map((m) => (
    <p key={m} className="text-sm text-warn">
      {t(m === 'traffic' ? 'goal.mismatch.traffic' : 'goal.mismatch.events')}
    </p>
  ));
  if (view.kind === 'idle' || view.kind === 'needsReset')
    return (
      <div className="flex flex-col gap-1" data-phase={view.kind}>
        <p>{t(view.kind === 'idle' ? 'goal.idle' : 'goal.needsReset')}</p>
        {notes}
      </div>
    );
  const { status, origin } = view;
  const tone = status.phase === 'passed' ? 'ok' : status.phase === 'failed' ? 'bad' : 'neutral';
  const at = (s: number) => formatClock(origin + s);
  return (
    <div
      className={`flex flex-col gap-1 rounded-md border-l-4 px-2 py-1.5 ${TONE[tone]}`}
      data-phase={status.phase}
    >
      <p className="font-semibold" role="status">
        {status.phase === 'warmup' && t('goal.warmup', { at: at(status.windowStartSec) })}
        {status.phase === 'judging' && t('goal.judging', { end: at(status.windowEndSec) })}
        {status.phase === 'passed' && t('goal.passed')}
        {status.phase === 'failed' && t('goal.failed')}
      </p>
      {status.phase === 'failed' && <Reasons reasons={status.result.reasons} />}
      {status.phase !== 'warmup' && (
        <p className="text-sm text-muted tabular-nums">{measuredLine(t, status.result.measured)}</p>
      )}
      {origin > 0 && (
        <p className="text-sm text-muted">{t('goal.sinceEdit', { time: formatClock(origin) })}</p>
      )}
      {notes}
    </div>
  );
}

/** The "Check my design" button and its result. */
function DesignCheck() {
  const t = useT();
  const check = useLessonStore((s) => s.check);
  const topology = useTopology();
  const { run, cancel } = useDesignCheck();
  const running = check.status === 'running';
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center gap-2">
        <button
          type="button"
          data-testid="check-design"
          onClick={run}
          disabled={running}
          className="h-9 rounded-md bg-accent px-3 text-sm font-semibold text-accent-fg hover:opacity-90 disabled:opacity-60"
        >
          {running ? t('goal.checking', { pct: percent(t, check.progress) }) : t('goal.check')}
        </button>
        {running && (
          <button
            type="button"
            onClick={cancel}
            className="h-9 rounded-md px-2 text-sm hover:bg-surface-2"
          >
            {t('goal.cancelCheck')}
          </button>
        )}
      </div>
      {running && (
        <progress
          className="h-1.5 w-full accent-accent"
          max={1}
          value={check.progress}
          aria-label={t('goal.check')}
        />
      )}
      {check.status === 'error' && (
        <p className="text-sm text-danger">{t('goal.checkError', { message: check.message })}</p>
      )}
      {check.status === 'done' && (
        <div
          data-testid="check-result"
          data-passed={check.result.passed}
          className={`rounded-md border-l-4 px-2 py-1.5 ${TONE[check.result.passed ? 'ok' : 'bad']}`}
        >
          <p className="font-semibold" role="status">
            {t(check.result.passed ? 'goal.checkPassed' : 'goal.checkFailed')}
          </p>
          {!check.result.passed && <Reasons reasons={check.result.reasons} />}
          <p className="text-sm text-muted tabular-nums">
            {measuredLine(t, check.result.measured)}
          </p>
          {check.topology !== topology && (
            <p className="text-sm text-warn">{t('goal.checkStale')}</p>
          )}
        </div>
      )}
    </div>
  );
}

/** The goal: its summary, the live verdict and the check. */
export function GoalStatus({ lesson }: { lesson: Lesson }) {
  const t = useT();
  const live = useLessonLive((s) => s.view);
  const check = useLessonStore((s) => s.check);
  const phase =
    check.status === 'done' && check.result.passed
      ? 'passed'
      : live.kind === 'live'
        ? live.status.phase
        : live.kind;
  return (
    <section
      aria-labelledby="goal-title"
      className="flex flex-col gap-2"
      data-testid="goal-status"
      data-phase={phase}
    >
      <h3 id="goal-title" className="text-sm font-semibold tracking-wide text-muted uppercase">
        {t('goal.title')}
      </h3>
      <p className="font-medium">{t.text(lesson.goal.summary)}</p>
      <LiveVerdict />
      <DesignCheck />
    </section>
  );
}
