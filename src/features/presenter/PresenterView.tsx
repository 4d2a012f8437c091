import { Suspense } from 'react';
import { LESSONS } from '../../core/scenarios/lessons';
import { useT } from '../../i18n';
import { STEPS, useCurrentLesson, useLessonStore } from '../../state/lessonStore';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { Canvas } from '../canvas/Canvas';
import { BigNumbers } from './BigNumbers';
import { QrDialog } from './QrDialog';
import { StepText } from './StepText';
import { leavePresenter, toggleFullscreen } from './usePresenterKeys';
import { lazyPanel } from '../../ui/lazyPanel';

// recharts loads with the chart, as in the monitoring panel.
const PresenterChart = lazyPanel(() => import('./PresenterChart'), 'default');

const bar =
  'inline-flex h-12 min-w-12 items-center justify-center rounded-lg border-2 border-border px-3 text-[20px] font-semibold hover:bg-surface-2';

/**
 * Presenter mode: the canvas, the CPU chart and one lesson step at a time in large, high-contrast
 * type, driven from the keyboard (see keys.ts). Replaces the editor's layout while it is on.
 */
export function PresenterView() {
  const t = useT();
  const lesson = useCurrentLesson();
  const step = useLessonStore((s) => s.step);
  const qrOpen = useLessonStore((s) => s.qrOpen);
  const setQrOpen = useLessonStore((s) => s.setQrOpen);
  const index = lesson ? LESSONS.indexOf(lesson) : -1;
  return (
    <div
      data-testid="presenter"
      role="region"
      aria-label={t('presenter.label')}
      className="relative flex h-full flex-col bg-bg text-[24px] leading-snug text-fg [&_.react-flow__minimap]:hidden"
    >
      <header className="flex items-center gap-4 border-b-2 border-border bg-surface px-5 py-2">
        <h2 className="min-w-0 flex-1 truncate text-[30px] font-bold" data-testid="presenter-title">
          {lesson ? (
            <>
              <span className="text-muted tabular-nums">{t.num(index + 1)}. </span>
              {t.text(lesson.title)}
            </>
          ) : (
            t('app.name')
          )}
        </h2>
        {lesson && (
          <span className="text-[20px] text-muted tabular-nums" data-testid="presenter-step-count">
            {t('presenter.step', { n: t.num(step + 1), total: t.num(STEPS.length) })}
          </span>
        )}
        {lesson && (
          <button
            type="button"
            className={bar}
            data-testid="presenter-qr-button"
            title={t('presenter.qr')}
            onClick={() => setQrOpen(true)}
          >
            QR
          </button>
        )}
        <button
          type="button"
          className={bar}
          title={t('presenter.fullscreen')}
          aria-label={t('presenter.fullscreen')}
          onClick={toggleFullscreen}
        >
          <svg
            viewBox="0 0 24 24"
            width={24}
            height={24}
            aria-hidden="true"
            fill="none"
            stroke="currentColor"
            strokeWidth={2}
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />
          </svg>
        </button>
        <button
          type="button"
          className={bar}
          data-testid="presenter-exit"
          title={t('presenter.exit')}
          aria-label={t('presenter.exit')}
          onClick={leavePresenter}
        >
          ✕
        </button>
      </header>
      <div className="grid min-h-0 flex-1 grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex min-h-0 flex-col border-r-2 border-border">
          <main className="relative min-h-0 flex-1">
            <ErrorBoundary panel="layout.canvas">
              <Canvas />
            </ErrorBoundary>
          </main>
          <div className="h-[34%] min-h-40 border-t-2 border-border bg-surface px-2 text-[16px]">
            <ErrorBoundary panel="monitor.tab.charts">
              <Suspense fallback={null}>
                <PresenterChart height={170} />
              </Suspense>
            </ErrorBoundary>
          </div>
        </div>
        <aside className="flex min-h-0 flex-col gap-6 overflow-y-auto bg-surface p-6">
          {lesson ? <StepText lesson={lesson} step={step} /> : <p>{t('presenter.noLesson')}</p>}
          <div className="mt-auto border-t-2 border-border pt-4">
            <BigNumbers />
          </div>
        </aside>
      </div>
      <footer className="border-t-2 border-border bg-surface px-5 py-1.5 text-[18px] text-muted">
        {t('presenter.keys')}
      </footer>
      {qrOpen && <QrDialog />}
    </div>
  );
}
