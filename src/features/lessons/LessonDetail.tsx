import { useState, type ReactNode } from 'react';
import { LESSONS, type Lesson } from '../../core/scenarios/lessons';
import { useT } from '../../i18n';
import { useLessonStore } from '../../state/lessonStore';
import { GoalStatus } from './GoalStatus';

const secondary =
  'h-9 rounded-md border border-border px-3 text-sm font-medium hover:bg-surface-2 disabled:opacity-40';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-1">
      <h4 className="text-sm font-semibold tracking-wide text-muted uppercase">{title}</h4>
      {children}
    </section>
  );
}

/** Hints, revealed one at a time. */
function Hints({ lesson }: { lesson: Lesson }) {
  const t = useT();
  const shown = useLessonStore((s) => s.hints);
  const reveal = useLessonStore((s) => s.revealHint);
  if (lesson.hints.length === 0) return null;
  return (
    <Section title={t('lesson.hints')}>
      <ol className="ml-5 list-decimal" data-testid="lesson-hints">
        {lesson.hints.slice(0, shown).map((h) => (
          <li key={h.en}>{t.text(h)}</li>
        ))}
      </ol>
      {shown < lesson.hints.length && (
        <button
          type="button"
          className={`${secondary} self-start`}
          data-testid="hint-next"
          onClick={reveal}
        >
          {t('lesson.hintShow', { n: t.num(shown + 1), total: t.num(lesson.hints.length) })}
        </button>
      )}
    </Section>
  );
}

/** Reset and "Show solution" (after a confirmation, since it replaces the learner's design). */
function LessonActions() {
  const t = useT();
  const reset = useLessonStore((s) => s.resetLesson);
  const solve = useLessonStore((s) => s.showSolution);
  const [confirming, setConfirming] = useState(false);
  if (confirming)
    return (
      <div
        role="alertdialog"
        aria-labelledby="solution-q"
        className="flex flex-col gap-2 rounded-md border border-warn bg-warn-soft p-2"
      >
        <p id="solution-q">{t('lesson.solutionConfirm')}</p>
        <div className="flex gap-2">
          <button
            type="button"
            autoFocus
            data-testid="solution-confirm"
            className="h-9 rounded-md bg-accent px-3 text-sm font-semibold text-accent-fg"
            onClick={() => {
              setConfirming(false);
              solve();
            }}
          >
            {t('lesson.solutionYes')}
          </button>
          <button type="button" className={secondary} onClick={() => setConfirming(false)}>
            {t('lesson.cancel')}
          </button>
        </div>
      </div>
    );
  return (
    <div className="flex flex-wrap gap-2">
      <button
        type="button"
        className={secondary}
        title={t('lesson.resetHint')}
        data-testid="lesson-reset"
        onClick={reset}
      >
        {t('lesson.reset')}
      </button>
      <button
        type="button"
        className={secondary}
        data-testid="lesson-solution"
        onClick={() => setConfirming(true)}
      >
        {t('lesson.solution')}
      </button>
    </div>
  );
}

/** The open lesson: where it sits in the path, its text, hints, goal and actions. */
export function LessonDetail({ lesson }: { lesson: Lesson }) {
  const t = useT();
  const previous = useLessonStore((s) => s.previousLesson);
  const next = useLessonStore((s) => s.nextLesson);
  const index = LESSONS.indexOf(lesson);
  return (
    <article className="flex flex-col gap-3" data-testid={`lesson-${lesson.id}`}>
      <nav className="flex items-center justify-between gap-2" aria-label={t('lesson.list')}>
        <button
          type="button"
          className={secondary}
          data-testid="lesson-prev"
          disabled={index <= 0}
          onClick={previous}
        >
          ← <span className="sr-only">{t('lesson.previous')}</span>
        </button>
        <span className="text-sm text-muted tabular-nums">
          {t('lesson.position', { n: t.num(index + 1), total: t.num(LESSONS.length) })}
        </span>
        <button
          type="button"
          className={secondary}
          data-testid="lesson-next"
          disabled={index >= LESSONS.length - 1}
          onClick={next}
        >
          <span className="sr-only">{t('lesson.next')}</span> →
        </button>
      </nav>
      <header>
        <h3 className="text-lg leading-snug font-bold" data-testid="lesson-title">
          {t.text(lesson.title)}
        </h3>
        <p className="text-xs text-muted" title={t('lesson.pointsHint')}>
          {t('lesson.points', { points: lesson.points.map((p) => t.num(p)).join(', ') })}
        </p>
      </header>
      <Section title={t('lesson.step.intro')}>
        <p>{t.text(lesson.intro)}</p>
      </Section>
      <Section title={t('lesson.step.task')}>
        <p className="font-medium">{t.text(lesson.task)}</p>
      </Section>
      <Section title={t('lesson.step.notice')}>
        <ul className="ml-5 list-disc">
          {lesson.notice.map((n) => (
            <li key={n.en}>{t.text(n)}</li>
          ))}
        </ul>
      </Section>
      <Hints lesson={lesson} />
      <GoalStatus lesson={lesson} />
      <LessonActions />
    </article>
  );
}
