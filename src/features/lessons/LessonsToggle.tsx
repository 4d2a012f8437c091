import { useT } from '../../i18n';
import { useLessonStore } from '../../state/lessonStore';
import { useProgressStore } from '../../state/lessonProgress';
import { LESSON_IDS } from '../../core/scenarios/lessonIds';

/** The header button that opens and closes the lesson panel, with the share of lessons passed. */
export function LessonsToggle() {
  const t = useT();
  const open = useLessonStore((s) => s.panelOpen);
  const setOpen = useLessonStore((s) => s.setPanelOpen);
  const done = useProgressStore((s) => LESSON_IDS.filter((id) => s.passed[id]).length);
  return (
    <button
      type="button"
      data-testid="lessons-toggle"
      aria-pressed={open}
      // The panel is not in the document while closed: point at it only when it exists.
      aria-controls={open ? 'lesson-panel' : undefined}
      title={t('lesson.progress', { done: t.num(done), total: t.num(LESSON_IDS.length) })}
      onClick={() => setOpen(!open)}
      className="inline-flex h-9 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-fg transition-colors hover:bg-surface-2 aria-pressed:bg-accent-soft aria-pressed:text-accent"
    >
      <svg
        viewBox="0 0 24 24"
        width={18}
        height={18}
        aria-hidden="true"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.75}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M4 5.5A2.5 2.5 0 0 1 6.5 3H20v15H6.5A2.5 2.5 0 0 0 4 20.5zM4 20.5A2.5 2.5 0 0 0 6.5 23H20v-5" />
      </svg>
      <span>{t('lesson.toggle')}</span>
      <span className="text-xs text-muted tabular-nums">
        {t.num(done)}/{t.num(LESSON_IDS.length)}
      </span>
    </button>
  );
}
