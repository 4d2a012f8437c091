import { Suspense, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { LESSON_IDS } from '../../core/scenarios/lessonIds';
import { useT, type MessageKey } from '../../i18n';
import { useCurrentLesson, useLessonStore } from '../../state/lessonStore';
import { useProgressStore, type ProgressProblem } from '../../state/lessonProgress';
import { lazyPanel } from '../../ui/lazyPanel';
import { Loading } from '../../ui/Loading';

// The lesson texts' views load when the panel first opens.
const LessonDetail = lazyPanel(() => import('./LessonDetail'), 'LessonDetail');
const LessonList = lazyPanel(() => import('./LessonList'), 'LessonList');

const PROBLEM: Record<Exclude<ProgressProblem, null>, MessageKey> = {
  unavailable: 'lesson.storage.unavailable',
  unreadable: 'lesson.storage.unreadable',
  newer: 'lesson.storage.newer',
  writeFailed: 'lesson.storage.writeFailed',
};

/** Whether a media query matches now, following changes. */
function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const m = window.matchMedia(query);
      m.addEventListener('change', onChange);
      return () => m.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}

const iconButton =
  'inline-flex h-8 min-w-8 items-center justify-center rounded-md px-1.5 hover:bg-surface-2';

/**
 * The lesson panel: a full-height column on the right of wide screens, a drawer over the canvas
 * on narrow ones (where it can fold to its title bar to show the design). It lists the lessons,
 * then shows the open lesson with its live goal.
 */
export function LessonPanel() {
  const t = useT();
  const open = useLessonStore((s) => s.panelOpen);
  const setOpen = useLessonStore((s) => s.setPanelOpen);
  const lesson = useCurrentLesson();
  const done = useProgressStore((s) => LESSON_IDS.filter((id) => s.passed[id]).length);
  const problem = useProgressStore((s) => s.problem);
  const [minimized, setMinimized] = useState(false);
  const wide = useMediaQuery('(min-width: 1024px)');
  const scroller = useRef<HTMLDivElement>(null);
  // A new lesson starts reading from its top, not where the last one was left.
  const lessonId = lesson?.id;
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [lessonId]);
  if (!open) return null;
  return (
    <aside
      id="lesson-panel"
      data-testid="lesson-panel"
      aria-label={t('lesson.panel')}
      className={`flex shrink-0 flex-col border-border bg-surface text-[15px] leading-relaxed lg:w-[20rem] lg:border-l 2xl:w-[24rem] max-lg:fixed max-lg:right-0 max-lg:bottom-0 max-lg:z-40 max-lg:w-[min(24rem,92vw)] max-lg:border max-lg:shadow-pop ${minimized ? '' : 'max-lg:top-0'}`}
    >
      <div className="flex h-11 shrink-0 items-center gap-2 border-b border-border px-3">
        <h2 className="font-semibold">{t('lesson.panel')}</h2>
        <span className="text-sm text-muted tabular-nums">
          {t('lesson.progress', { done: t.num(done), total: t.num(LESSON_IDS.length) })}
        </span>
        <span className="flex-1" />
        <button
          type="button"
          className={`${iconButton} lg:hidden`}
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
      {(!minimized || wide) && (
        <div
          ref={scroller}
          className="flex min-h-0 flex-1 flex-col gap-4 overflow-y-auto overscroll-contain p-3"
        >
          {problem && (
            <p className="rounded-md bg-warn-soft px-2 py-1 text-sm text-warn">
              {t(PROBLEM[problem])}
            </p>
          )}
          <Suspense fallback={<Loading />}>
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
          </Suspense>
        </div>
      )}
    </aside>
  );
}
