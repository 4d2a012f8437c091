import { createElement, lazy, type ComponentType } from 'react';

/** A download of part of the app failed (offline, a flaky network, a site updated meanwhile). */
export class ChunkLoadError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'ChunkLoadError';
  }
}

/**
 * `React.lazy` for a named export, with retries: React.lazy keeps a failed import for good, so the
 * error boundary's "Try again" would fail forever. Here a failure throws a `ChunkLoadError` and
 * arms a fresh loader, so the next mount downloads the chunk again.
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
          current = arm();
          throw new ChunkLoadError(e);
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
