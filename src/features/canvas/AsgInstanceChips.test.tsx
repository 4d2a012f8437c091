// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AsgInstanceStatus, SimFrame } from '../../core/sim';
import { useLangStore } from '../../i18n';
import { useSimStore } from '../../state/simStore';
import { resetTopologyStore, useTopologyStore } from '../../state/topologyStore';
import { AsgInstanceChips } from './AsgInstanceChips';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

const instance = (
  n: number,
  state: AsgInstanceStatus['state'],
  az = 'a',
  asg = 'asg-1',
): AsgInstanceStatus => ({ asg, id: `${asg}#${n}`, state, az, utilization: 0.4, since: 0 });

/** Puts a frame with these instances in the sim store (the chips read nothing else of it). */
const showFrame = (instances: AsgInstanceStatus[]) =>
  act(() => useSimStore.setState({ frame: { instances } as unknown as SimFrame }));

const chips = () => [
  ...container.querySelectorAll<HTMLButtonElement>('[data-testid^="asg-chip-"]'),
];
const counts = () => container.querySelector('[data-testid="asg-counts-asg-1"]')?.textContent;

beforeEach(() => {
  useLangStore.setState({ lang: 'en' });
  resetTopologyStore();
  useTopologyStore.getState().addNode('users', 0, 0);
  useTopologyStore.getState().addNode('asg', 300, 0);
  useSimStore.setState({ frame: null });
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root.render(<AsgInstanceChips asgId="asg-1" />));
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('AsgInstanceChips', () => {
  it('draws nothing before the first frame', () => {
    expect(container.innerHTML).toBe('');
  });

  it('draws one named chip per instance of its group, with the states counted in words', () => {
    showFrame([
      instance(1, 'inService'),
      instance(2, 'inService', 'b'),
      instance(3, 'booting', 'c'),
      instance(1, 'inService', 'a', 'asg-9'),
    ]);
    expect(chips().map((c) => c.dataset['state'])).toEqual(['inService', 'inService', 'booting']);
    expect(chips()[2]!.getAttribute('aria-label')).toBe(
      'asg-1#3: booting, AZ c. Show the group in the inspector',
    );
    expect(chips().map((c) => c.textContent)).toEqual(['✓1', '✓2', '↻3']);
    expect(counts()).toBe('1 booting · 2 in service');
    expect(container.querySelector('ul')?.getAttribute('aria-label')).toBe('Instances: 3');
  });

  it('drops an instance once it has terminated, and speaks Korean', () => {
    showFrame([instance(1, 'inService'), instance(2, 'terminating', 'b')]);
    expect(counts()).toBe('1 in service · 1 terminating');
    showFrame([instance(1, 'inService')]);
    expect(chips()).toHaveLength(1);
    act(() => useLangStore.setState({ lang: 'ko' }));
    expect(counts()).toBe('서비스 중 1');
    expect(chips()[0]!.getAttribute('aria-label')).toBe(
      'asg-1#1: 서비스 중, AZ a. 인스펙터에서 그룹 보기',
    );
  });

  it('a chip opens its group in the inspector', () => {
    showFrame([instance(1, 'warming')]);
    act(() => chips()[0]!.click());
    expect(useTopologyStore.getState().selection).toEqual({ nodes: ['asg-1'], links: [] });
  });
});
