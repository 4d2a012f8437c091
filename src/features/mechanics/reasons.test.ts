import { describe, expect, it } from 'vitest';
import { parseTopology, type TopologyNode } from '../../core/model';
import { addReplica } from '../../core/model/mechanics';
import { resetTopologyStore, useTopologyStore } from '../../state/topologyStore';
import { STATE_LOOK, STATE_TEXT, targetReasonText } from './reasons';

const topo = () => {
  const r = parseTopology({
    format: 'scale-out-lab/topology',
    version: 1,
    nodes: [
      { id: 'lb-1', kind: 'lb', label: 'LB', x: 0, y: 0, params: { targetPort: 8080 } },
      { id: 'server-1', kind: 'server', label: 'a', x: 0, y: 0, params: { sgPort: 22 } },
      { id: 'db-1', kind: 'dbPrimary', label: 'db', x: 0, y: 0, params: {} },
    ],
    links: [
      { id: 'link-1', from: 'lb-1', to: 'server-1' },
      { id: 'link-2', from: 'server-1', to: 'db-1' },
    ],
  });
  if (!r.ok) throw new Error('bad fixture');
  return r.value;
};

describe('target reasons in words', () => {
  const t = topo();
  const lb = t.nodes[0] as TopologyNode & { kind: 'lb' };
  const server = t.nodes[1];

  it('names both ports when the target port is wrong', () => {
    const text = targetReasonText('wrongPort', lb, server);
    expect(text.en).toBe('wrong port: targets listen on 80, the LB forwards to 8080');
    expect(text.ko).toContain('8080');
  });

  it('names the security group rule and the check path', () => {
    expect(targetReasonText('securityGroup', lb, server).en).toContain('port 22');
    expect(targetReasonText('pathNotAnswered', lb, server).en).toContain('/ /index.html');
  });

  it('every state has words, a colour and an icon', () => {
    for (const s of Object.keys(STATE_TEXT) as (keyof typeof STATE_TEXT)[]) {
      expect(STATE_TEXT[s].ko.length).toBeGreaterThan(0);
      expect(STATE_LOOK[s].icon.length).toBeGreaterThan(0);
    }
  });
});

describe('store actions for mechanics', () => {
  it('records a mechanic as one undo step and selects what it created', () => {
    resetTopologyStore();
    const s = useTopologyStore.getState();
    s.replaceTopology(topo(), { resetHistory: true });
    expect(s.applyMechanic(addReplica(topo(), 'db-1'))).toBeNull();
    const after = useTopologyStore.getState();
    expect(after.selection.nodes).toEqual(['replica-1']);
    expect(after.doc.present.nodes).toHaveLength(4);
    after.undo();
    expect(useTopologyStore.getState().doc.present.nodes).toHaveLength(3);
    expect(s.applyMechanic(addReplica(topo(), 'lb-1'))?.en).toMatch(/DB primary/);
  });

  it('keeps scheduled events in time order and deletes them by position', () => {
    resetTopologyStore();
    const s = useTopologyStore.getState();
    s.replaceTopology(topo(), { resetHistory: true });
    s.addScenarioEvent({ type: 'kill', atSec: 90, node: 'server-1' });
    s.addScenarioEvent({ type: 'cutLink', atSec: 30, link: 'link-2' });
    const events = () => useTopologyStore.getState().doc.present.scenario.events;
    expect(events().map((e) => e.atSec)).toEqual([30, 90]);
    s.removeScenarioEvent(0);
    expect(events()).toEqual([{ type: 'kill', atSec: 90, node: 'server-1' }]);
    s.undo();
    expect(events()).toHaveLength(2);
  });
});
