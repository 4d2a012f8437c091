/**
 * The topology format as JSON Schema (draft 2020-12), generated from the zod schema so the two can
 * never disagree. Published as `public/topology.schema.json` by `npm run schema`.
 * Contract: pure; no DOM, no Node APIs.
 */
import { z } from 'zod/mini';
import { TOPOLOGY_VERSION, topologySchema } from './schema';

/** The JSON Schema of the current topology version, describing input (defaults optional). */
export function topologyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(topologySchema, { io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    title: `Scale-Out Lab topology, version ${TOPOLOGY_VERSION}`,
    description:
      'Nodes (users, DNS, load balancers, servers, databases, caches, auto scaling groups), links and a scenario. Cross-references (link ends, unique ids, allowed link kinds) are checked by the app beyond this schema.',
  };
}
