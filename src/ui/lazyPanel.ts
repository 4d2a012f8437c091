import { createElement, lazy, type ComponentType } from 'react';

/** A download of part of the app failed (offline, a flaky network, a site updated meanwhile). */
export class ChunkLoadError extends Error {
  /** Arms a fresh download for the next render (the error boundary's "Try again"). */
  readonly rearm: () => void;
  constructor(cause: unknown, rearm: () => void) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'ChunkLoadError';
    this.rearm = rearm;
  }
}

/**
 * `React.lazy` for a named export, with retries: React.lazy keeps a failed import for good, so the
 * error boundary's "Try again" would fail forever. Here a failure throws a `ChunkLoadError` whose
 * `rearm()` swaps in a fresh loader, so the next render downloads the chunk again. Not re-armed
 * by itself: React re-renders a failed tree once before it gives up, and a fresh loader there
 * would download, fail and suspend forever instead of reaching the boundary.
 * @example const SharePanel = lazyPanel(() => import('./SharePanel'), 'SharePanel');
 */
export function lazyPanel<P extends object, K extends string>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): ComponentType<P> {
  const arm = (): ComponentType<P> =>
    lazy(() =>
      load().then(
        (m) => ({ default: m[name] as ComponentType<P> }),
        (e: unknown) => {
          throw new ChunkLoadError(e, () => {
            current = arm();
          });
        },
      ),
    );
  let current: ComponentType<P> = arm();
  function LazyPanel(props: P) {
    return createElement(current, props);
  }
  LazyPanel.displayName = `Lazy(${name})`;
  return LazyPanel;
}
