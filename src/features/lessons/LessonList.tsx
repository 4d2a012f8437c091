import { LESSONS } from '../../core/scenarios/lessons';
import { useT } from '../../i18n';
import { useLessonStore } from '../../state/lessonStore';
import { useProgressStore } from '../../state/lessonProgress';

/** Every lesson in the tutorial's order with its teaching points; choosing one starts it. */
export function LessonList() {
  const t = useT();
  const current = useLessonStore((s) => s.lessonId);
  const start = useLessonStore((s) => s.startLesson);
  const passed = useProgressStore((s) => s.passed);
  return (
    <ol className="flex flex-col gap-1" data-testid="lesson-list">
      {LESSONS.map((l, i) => (
        <li key={l.id}>
          <button
            type="button"
            data-testid={`lesson-item-${l.id}`}
            aria-current={l.id === current ? 'step' : undefined}
            onClick={() => start(l.id)}
            className="flex w-full items-start gap-2 rounded-md px-2 py-1.5 text-left hover:bg-surface-2 aria-[current=step]:bg-accent-soft"
          >
            <span className="w-6 shrink-0 text-right font-semibold text-muted tabular-nums">
              {t.num(i + 1)}
            </span>
            <span className="flex min-w-0 flex-1 flex-col">
              <span className="font-medium">{t.text(l.title)}</span>
              <span className="text-xs text-muted" title={t('lesson.pointsHint')}>
                {t('lesson.points', { points: l.points.map((p) => t.num(p)).join(', ') })}
              </span>
            </span>
            {passed[l.id] && (
              <span
                className="shrink-0 rounded-full bg-emerald-600 px-2 py-0.5 text-xs font-semibold text-white dark:bg-emerald-400 dark:text-black"
                data-testid={`lesson-passed-${l.id}`}
              >
                {t('lesson.passed')}
              </span>
            )}
          </button>
        </li>
      ))}
    </ol>
  );
}
