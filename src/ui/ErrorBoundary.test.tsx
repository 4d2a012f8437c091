// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLangStore } from '../i18n';
import { ErrorBoundary } from './ErrorBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
let broken = true;

function Fragile() {
  if (broken) throw new Error('boom');
  return <p>panel content</p>;
}

beforeEach(() => {
  useLangStore.setState({ lang: 'en' });
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  // React and the boundary both report the crash on the console; that is expected here.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
});

describe('ErrorBoundary', () => {
  it('shows a readable message instead of a crashed panel, and "Try again" remounts it', () => {
    broken = true;
    act(() =>
      root.render(
        <ErrorBoundary panel="layout.inspector">
          <Fragile />
        </ErrorBoundary>,
      ),
    );
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('The Inspector panel stopped working.');
    expect(alert?.textContent).toContain('boom');
    broken = false;
    const retry = [...container.querySelectorAll('button')].find(
      (b) => b.textContent === 'Try again',
    );
    expect(retry).toBeDefined();
    act(() => retry?.click());
    expect(container.textContent).toBe('panel content');
  });

  it('speaks the language of the app', () => {
    broken = true;
    useLangStore.setState({ lang: 'ko' });
    act(() =>
      root.render(
        <ErrorBoundary panel="layout.palette">
          <Fragile />
        </ErrorBoundary>,
      ),
    );
    expect(container.textContent).toContain("'구성 요소' 영역에 문제가 생겼습니다.");
    expect(container.textContent).toContain('다시 시도');
  });
});
