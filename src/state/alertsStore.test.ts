import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseTopology, type Topology } from '../core/model';
import { F, GLOBAL_FIELD_COUNT, NODE_FIELD_COUNT, type SimFrame } from '../core/sim';
import {
  announce,
  dismissAlert,
  observeAlertFrame,
  resetAlertsStore,
  startAlertWatch,
  useAlertsStore,
} from './alertsStore';
import { ingestSimFrame, resetSimStore } from './simStore';
import { resetTopologyStore, useTopologyStore } from './topologyStore';

function topology(): Topology {
  const r = parseTopology({
    format: 'scale-out-lab/topology',
    version: 1,
    nodes: [
      { id: 'users-1', kind: 'users', label: 'Users', x: 0, y: 0, params: {} },
      { id: 'server-1', kind: 'server', label: 'the box', x: 0, y: 0, params: {} },
    ],
  });
  if (!r.ok) throw new Error('bad topology');
  return r.value;
}

function frame(time: number, util: number): SimFrame {
  const ids = ['users-1', 'server-1'];
  const nodes = new Float64Array(ids.length * NODE_FIELD_COUNT);
  nodes[NODE_FIELD_COUNT + F.utilization] = util;
  nodes[NODE_FIELD_COUNT + F.cores] = 2;
  return {
    time,
    nodeIds: ids,
    nodes,
    linkIds: [],
    linkRates: new Float64Array(0),
    global: new Float64Array(GLOBAL_FIELD_COUNT),
    events: [],
    diagnostics: [],
    targets: [],
    cohorts: [],
    instances: [],
  };
}

beforeEach(() => {
  resetAlertsStore();
  resetSimStore();
  resetTopologyStore();
});
afterEach(() => resetAlertsStore());

describe('the alerts store', () => {
  it('raises an alert naming the node after a minute above 90 %, in both languages', () => {
    const topo = topology();
    for (let t = 0; t <= 59; t++) observeAlertFrame(frame(t, 0.95), topo);
    expect(useAlertsStore.getState().active).toEqual([]);
    observeAlertFrame(frame(60, 0.97), topo);
    const s = useAlertsStore.getState();
    expect(s.active).toEqual([
      { node: 'server-1', since: 0, raisedAt: 60, value: 0.97, dismissed: false },
    ]);
    expect(s.announcement?.text.en).toBe(
      'Alert: the box has been above 90 % CPU for 1 min (now 97 %).',
    );
    expect(s.announcement?.text.ko).toContain('the box');
    expect(s.watch.entries.get('server-1')?.timeAbove).toBe(60);
  });

  it('clears the alert and says so when the node falls below the line', () => {
    const topo = topology();
    for (let t = 0; t <= 60; t++) observeAlertFrame(frame(t, 0.95), topo);
    const raised = useAlertsStore.getState().announcement!.id;
    observeAlertFrame(frame(61, 0.5), topo);
    const s = useAlertsStore.getState();
    expect(s.active).toEqual([]);
    expect(s.announcement!.id).toBeGreaterThan(raised);
    expect(s.announcement!.text.en).toBe('the box is back below 90 % CPU.');
  });

  it('hides a dismissed alert from the banner but keeps it standing', () => {
    const topo = topology();
    for (let t = 0; t <= 60; t++) observeAlertFrame(frame(t, 0.95), topo);
    dismissAlert('server-1');
    expect(useAlertsStore.getState().active[0]?.dismissed).toBe(true);
  });

  it('watches the frames the sim store receives once started', () => {
    useTopologyStore.getState().replaceTopology(topology(), { resetHistory: true });
    const stop = startAlertWatch();
    ingestSimFrame(frame(0, 0.95));
    ingestSimFrame(frame(30, 0.95));
    stop();
    ingestSimFrame(frame(90, 0.95));
    expect(useAlertsStore.getState().watch.entries.get('server-1')?.timeAbove).toBe(30);
  });

  it('speaks other urgent messages through the same region', () => {
    announce({ en: 'hello', ko: '안녕' });
    expect(useAlertsStore.getState().announcement?.text).toEqual({ en: 'hello', ko: '안녕' });
  });
});
