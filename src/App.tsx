import { ReactFlowProvider } from '@xyflow/react';
import { Suspense } from 'react';
import { Canvas } from './features/canvas/Canvas';
import { Inspector } from './features/inspector/Inspector';
import { MetricsPanel } from './features/metrics/MetricsPanel';
import { LessonPanel } from './features/lessons/LessonPanel';
import { LessonsRoot } from './features/lessons/LessonsRoot';
import { LessonsToggle } from './features/lessons/LessonsToggle';
import { StorageBanner } from './features/notices/StorageBanner';
import { Toasts } from './features/notices/Toasts';
import { Palette } from './features/palette/Palette';
import { PlaybackBar } from './features/playback/PlaybackBar';
import { PresenterToggle } from './features/presenter/PresenterToggle';
import { ShareButtons } from './features/share/ShareButtons';
import { ShareRoot } from './features/share/ShareRoot';
import { LanguageSwitch } from './features/toolbar/LanguageSwitch';
import { ThemeSwitch } from './features/toolbar/ThemeSwitch';
import { Toolbar } from './features/toolbar/Toolbar';
import { useT } from './i18n';
import { useLayoutStore } from './state/layoutStore';
import { useLessonStore } from './state/lessonStore';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { lazyPanel } from './ui/lazyPanel';
import { Loading } from './ui/Loading';
import { Icon } from './ui/Icon';
import { IconButton } from './ui/IconButton';
import { SidePanel } from './ui/SidePanel';

// Presenter mode is a classroom's second screen: it loads when first switched on.
const PresenterView = lazyPanel(
  () => import('./features/presenter/PresenterView'),
  'PresenterView',
);

/** Layout only: header, palette | canvas | inspector, notices. Features live in src/features. */
export default function App() {
  const t = useT();
  const drawer = useLayoutStore((s) => s.drawer);
  const toggle = useLayoutStore((s) => s.toggle);
  const close = useLayoutStore((s) => s.close);
  const presenting = useLessonStore((s) => s.presenting);
  // LessonsRoot keeps its place (second child) in both layouts, so switching does not remount it.
  if (presenting)
    return (
      <ReactFlowProvider>
        <ErrorBoundary panel="presenter.toggle">
          <Suspense fallback={<Loading />}>
            <PresenterView />
          </Suspense>
        </ErrorBoundary>
        <ErrorBoundary panel="lesson.panel">
          <LessonsRoot />
        </ErrorBoundary>
      </ReactFlowProvider>
    );
  return (
    <ReactFlowProvider>
      <div data-testid="app" className="flex h-full flex-col bg-bg text-fg">
        {/* Very wide (2xl): title, toolbar, playback, settings in one row. Otherwise playback
            gets a row of its own. Phone: title and the drawer buttons, then toolbar and
            settings, then playback. */}
        <header className="flex flex-wrap items-center gap-x-3 gap-y-1.5 border-b border-border bg-surface px-3 py-2">
          <div className="flex items-center gap-1.5">
            <IconButton
              icon="panelLeft"
              label={t('layout.showPalette')}
              className="lg:hidden"
              data-testid="toggle-palette"
              aria-expanded={drawer === 'palette'}
              onClick={() => toggle('palette')}
            />
            <h1 className="flex items-center gap-2 text-lg font-bold tracking-tight whitespace-nowrap">
              <Icon name="logo" size={22} className="text-accent" strokeWidth={2} />
              {t('app.name')}
            </h1>
          </div>
          <IconButton
            icon="panelRight"
            label={t('layout.showInspector')}
            className="ml-auto lg:hidden"
            data-testid="toggle-inspector"
            aria-expanded={drawer === 'inspector'}
            onClick={() => toggle('inspector')}
          />
          <ErrorBoundary panel="toolbar.label">
            <Toolbar />
          </ErrorBoundary>
          <div className="order-last w-full min-w-0 2xl:order-none 2xl:w-auto 2xl:flex-1">
            <ErrorBoundary panel="playback.label">
              <PlaybackBar />
            </ErrorBoundary>
          </div>
          <ErrorBoundary panel="share.button">
            <ShareButtons />
          </ErrorBoundary>
          <div className="ml-auto flex items-center gap-2">
            <LessonsToggle />
            <PresenterToggle />
            <ThemeSwitch />
            <LanguageSwitch />
          </div>
        </header>
        <StorageBanner />
        <ErrorBoundary panel="share.button">
          <ShareRoot />
        </ErrorBoundary>
        {/* The lesson panel is a full-height column beside the editor and its monitoring. */}
        <div className="flex min-h-0 flex-1">
          <div className="flex min-w-0 flex-1 flex-col">
            <div className="relative flex min-h-0 flex-1">
              <SidePanel
                side="left"
                title={t('layout.palette')}
                open={drawer === 'palette'}
                onClose={close}
                widthClass="lg:w-60"
                testId="palette-panel"
              >
                <ErrorBoundary panel="layout.palette">
                  <Palette onAdded={close} />
                </ErrorBoundary>
              </SidePanel>
              <main className="relative min-w-0 flex-1">
                <ErrorBoundary panel="layout.canvas">
                  <Canvas />
                </ErrorBoundary>
              </main>
              <SidePanel
                side="right"
                title={t('layout.inspector')}
                open={drawer === 'inspector'}
                onClose={close}
                widthClass="lg:w-[22rem]"
                testId="inspector-panel"
              >
                <ErrorBoundary panel="layout.inspector">
                  <Inspector />
                </ErrorBoundary>
              </SidePanel>
            </div>
            <ErrorBoundary panel="monitor.panel">
              <MetricsPanel />
            </ErrorBoundary>
          </div>
          <ErrorBoundary panel="lesson.panel">
            <LessonPanel />
          </ErrorBoundary>
        </div>
        <Toasts />
      </div>
      <ErrorBoundary panel="lesson.panel">
        <LessonsRoot />
      </ErrorBoundary>
    </ReactFlowProvider>
  );
}
