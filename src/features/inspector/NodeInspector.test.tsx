// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useLangStore } from '../../i18n';
import { resetTopologyStore, useTopologyStore } from '../../state/topologyStore';
import { NodeInspector } from './NodeInspector';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
const store = () => useTopologyStore.getState();
const params = () => store().doc.present.nodes[0]?.params as Record<string, unknown>;
const byTestId = <T extends HTMLElement>(id: string) => {
  const el = container.querySelector<T>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no ${id}`);
  return el;
};
const alerts = () => [...container.querySelectorAll('[role="alert"]')].map((e) => e.textContent);

/** Types into a React-controlled input the way a browser does (value, then an input event). */
function type(input: HTMLInputElement, value: string) {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setValue?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

beforeEach(() => {
  useLangStore.setState({ lang: 'en' });
  resetTopologyStore();
  store().addNode('server', 0, 0);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root.render(<NodeInspector nodeId="server-1" />));
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('NodeInspector', () => {
  it('shows every parameter of the kind, grouped, with the instance details', () => {
    expect(byTestId<HTMLInputElement>('param-bootSec').value).toBe('45');
    expect(byTestId('param-instanceType-detail').textContent).toBe(
      '2 vCPU · speed ×1.00 · $0.096/h',
    );
    const legends = [...container.querySelectorAll('legend')].map((l) => l.textContent);
    expect(legends).toEqual(['General', 'Roles', 'Machine', 'Network', 'Work per request']);
  });

  it('an invalid number shows an inline error and never reaches the model', () => {
    const boot = byTestId<HTMLInputElement>('param-bootSec');
    const doc = store().doc;
    type(boot, '0');
    expect(alerts()).toEqual(['Must be at least 5']);
    expect(boot.getAttribute('aria-invalid')).toBe('true');
    expect(boot.getAttribute('aria-describedby')).toContain('-error');
    expect(boot.value).toBe('0');
    expect(store().doc).toBe(doc);
    type(boot, '');
    expect(alerts()).toEqual(['Enter a number']);
    expect(params()['bootSec']).toBe(45);
  });

  it('valid keystrokes reach the model as one undo step per focus', () => {
    const boot = byTestId<HTMLInputElement>('param-bootSec');
    const steps = store().doc.past.length;
    act(() => boot.focus());
    type(boot, '9');
    type(boot, '90');
    expect(alerts()).toEqual([]);
    expect(params()['bootSec']).toBe(90);
    expect(store().doc.past).toHaveLength(steps + 1);
  });

  it('roles: unticking the last one shows an error and the model keeps the last valid choice', () => {
    act(() => byTestId<HTMLInputElement>('param-roles-web').click());
    act(() => byTestId<HTMLInputElement>('param-roles-app').click());
    expect(params()['roles']).toEqual(['db']);
    act(() => byTestId<HTMLInputElement>('param-roles-db').click());
    expect(alerts()).toEqual(['Pick at least one role']);
    expect(byTestId<HTMLInputElement>('param-roles-db').checked).toBe(false);
    expect(params()['roles']).toEqual(['db']);
    act(() => byTestId<HTMLInputElement>('param-roles-web').click());
    expect(alerts()).toEqual([]);
    expect(params()['roles']).toEqual(['web']);
  });

  it('enums change the model at once and follow undo', () => {
    const select = byTestId<HTMLSelectElement>('param-instanceType');
    act(() => {
      select.value = 'c5.xlarge';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(params()['instanceType']).toBe('c5.xlarge');
    expect(byTestId('param-instanceType-detail').textContent).toBe(
      '4 vCPU · speed ×1.15 · $0.17/h',
    );
    act(() => store().undo());
    expect(select.value).toBe('m5.large');
  });

  it('speaks Korean', () => {
    act(() => useLangStore.setState({ lang: 'ko' }));
    expect(container.textContent).toContain('부팅 시간');
    type(byTestId<HTMLInputElement>('param-bootSec'), '1');
    expect(alerts()).toEqual(['5 이상이어야 합니다']);
  });
});
