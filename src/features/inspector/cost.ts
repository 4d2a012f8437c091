/** The configured price of a topology. */
import { INSTANCE_TYPES, type Topology } from '../../core/model';

/**
 * Dollars per hour of the machines as configured (an auto scaling group at its desired size).
 * The simulation reports the live figure; this is the price of the design at rest.
 */
export function configuredCostPerHour(topo: Topology): number {
  let sum = 0;
  for (const n of topo.nodes) {
    if (!('instanceType' in n.params)) continue;
    const count = n.kind === 'asg' ? n.params.desired : 1;
    sum += INSTANCE_TYPES[n.params.instanceType].pricePerHour * count;
  }
  return sum;
}
