import { useState } from 'react';
import { LESSONS } from '../../core/scenarios';
import { useT, type MessageKey } from '../../i18n';
import { useCurrentLesson, useLessonStore } from '../../state/lessonStore';
import { useProgressStore, type ProgressProblem } from '../../state/lessonProgress';
import { LessonDetail } from './LessonDetail';
import { LessonList } from './LessonList';

const PROBLEM: Record<Exclude<ProgressProblem, null>, MessageKey> = {
  unavailable: 'lesson.storage.unavailable',
  unreadable: 'lesson.storage.unreadable',
  newer: 'lesson.storage.newer',
  writeFailed: 'lesson.storage.writeFailed',
};

const iconButton =
  'inline-flex h-8 min-w-8 items-center justify-center rounded-md px-1.5 hover:bg-surface-2';

/**
 * The lesson panel, floating over the right of the canvas so the design keeps the width it needs:
 * the lesson list, then the open lesson with its live goal. Minimizes to its title bar.
 */
export function LessonPanel() {
  const t = useT();
  const open = useLessonStore((s) => s.panelOpen);
  const setOpen = useLessonStore((s) => s.setPanelOpen);
  const lesson = useCurrentLesson();
  const done = useProgressStore((s) => LESSONS.filter((l) => s.passed[l.id]).length);
  const problem = useProgressStore((s) => s.problem);
  const [minimized, setMinimized] = useState(false);
  if (!open) return null;
  return (
    <aside
      id="lesson-panel"
      data-testid="lesson-panel"
      aria-label={t('lesson.panel')}
      className={`absolute top-2 right-2 z-20 flex w-[min(24rem,calc(100%-1rem))] flex-col rounded-lg border border-border bg-surface text-[15px] leading-relaxed shadow-pop ${minimized ? '' : 'bottom-2'}`}
    >
      <div className="flex h-11 shrink-0 items-center gap-2 border-b border-border px-3">
        <h2 className="font-semibold">{t('lesson.panel')}</h2>
        <span className="text-sm text-muted tabular-nums">
          {t('lesson.progress', { done: t.num(done), total: t.num(LESSONS.length) })}
        </span>
        <span className="flex-1" />
        <button
          type="button"
          className={iconButton}
          aria-expanded={!minimized}
          aria-label={t(minimized ? 'lesson.expand' : 'lesson.minimize')}
          title={t(minimized ? 'lesson.expand' : 'lesson.minimize')}
          onClick={() => setMinimized(!minimized)}
        >
          {minimized ? '▾' : '▴'}
        </button>
        <button
          type="button"
          className={iconButton}
          aria-label={t('lesson.close')}
          title={t('lesson.close')}
          onClick={() => setOpen(false)}
        >
          ✕
        </button>
      </div>
      {!minimized && (
        <div className="flex min-h-0 flex-1 flex-col gap-4 overflow-y-auto overscroll-contain p-3">
          {problem && (
            <p className="rounded-md bg-warn-soft px-2 py-1 text-sm text-warn">
              {t(PROBLEM[problem])}
            </p>
          )}
          {lesson ? (
            <>
              <LessonDetail lesson={lesson} />
              <details className="border-t border-border pt-2">
                <summary className="cursor-pointer font-semibold">{t('lesson.list')}</summary>
                <LessonList />
              </details>
            </>
          ) : (
            <>
              <p>{t('lesson.choose')}</p>
              <LessonList />
            </>
          )}
        </div>
      )}
    </aside>
  );
}
