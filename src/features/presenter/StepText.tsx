import type { Lesson } from '../../core/scenarios';
import { useT } from '../../i18n';
import { STEPS, type Step } from '../../state/lessonStore';
import { LiveVerdict } from '../lessons/GoalStatus';

const STEP_KEY = {
  intro: 'lesson.step.intro',
  task: 'lesson.step.task',
  notice: 'lesson.step.notice',
  goal: 'lesson.step.goal',
} as const satisfies Record<Step, string>;

/** The text of one lesson step, sized for the back of a classroom. */
export function StepText({ lesson, step }: { lesson: Lesson; step: number }) {
  const t = useT();
  const name = STEPS[step] ?? 'intro';
  return (
    <section
      aria-live="polite"
      className="flex flex-col gap-4"
      data-testid="presenter-step"
      data-step={name}
    >
      <h3 className="text-[28px] font-semibold text-accent">{t(STEP_KEY[name])}</h3>
      {name === 'intro' && <p>{t.text(lesson.intro)}</p>}
      {name === 'task' && <p className="font-medium">{t.text(lesson.task)}</p>}
      {name === 'notice' && (
        <ul className="ml-8 flex list-disc flex-col gap-2">
          {lesson.notice.map((n) => (
            <li key={n.en}>{t.text(n)}</li>
          ))}
        </ul>
      )}
      {name === 'goal' && (
        <>
          <p className="font-medium">{t.text(lesson.goal.summary)}</p>
          <div className="text-[22px]">
            <LiveVerdict />
          </div>
        </>
      )}
    </section>
  );
}
