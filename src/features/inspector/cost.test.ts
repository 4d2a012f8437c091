import { describe, expect, it } from 'vitest';
import { addNode, emptyTopology, setParam } from '../../core/model';
import { configuredCostPerHour } from './cost';

describe('configuredCostPerHour', () => {
  it('sums machine prices, counting an auto scaling group at its desired size', () => {
    let t = addNode(emptyTopology(), 'users', 0, 0).topology; // not a machine
    t = addNode(t, 'server', 0, 0).topology; // m5.large 0.096
    t = addNode(t, 'dbPrimary', 0, 0).topology; // r5.large 0.126
    t = addNode(t, 'asg', 0, 0).topology; // 2 × m5.large
    expect(configuredCostPerHour(t)).toBeCloseTo(0.096 + 0.126 + 2 * 0.096, 10);
    const r = setParam(t, 'server-1', 'instanceType', 'm5.4xlarge');
    if (!r.ok) throw new Error('setParam failed');
    expect(configuredCostPerHour(r.topology)).toBeCloseTo(0.768 + 0.126 + 2 * 0.096, 10);
  });
});
