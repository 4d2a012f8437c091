/**
 * Share-link size benchmark: builds realistic tiered web systems (users, DNS, load balancers, web
 * and app servers, an auto scaling group, caches, sharded primaries and replicas; see
 * src/core/codec/benchTopologies.ts), encodes them, and reports the link length against the size
 * targets (20 nodes ≤ 1,000 characters, 50 nodes ≤ 2,500).
 * Run alone: `npx tsx bench/codec.ts` (one JSON object per line); `bench/run.ts` calls `benchCodec`.
 */
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { decodeShare, encodeShare } from '../src/core/codec';
import { CODEC_CASES, benchShareDoc, tieredSystem } from '../src/core/codec/benchTopologies';

export interface CodecBenchRow {
  name: string;
  nodes: number;
  links: number;
  chars: number;
  limit: number;
  ok: boolean;
}

/**
 * Encodes each benchmark topology and reports its link length against its target. A row is ok
 * only when the link also decodes back to the same topology.
 * @example benchCodec().every((r) => r.ok)
 */
export function benchCodec(): CodecBenchRow[] {
  return CODEC_CASES.map(({ spec, limit }) => {
    const topology = tieredSystem(spec);
    const link = encodeShare(benchShareDoc(topology));
    const back = decodeShare(link);
    const same = back.ok && isDeepStrictEqual(back.value.topology, topology);
    const chars = link.length + 1; // with the '#'
    return {
      name: `share link, ${spec.name}`,
      nodes: topology.nodes.length,
      links: topology.links.length,
      chars,
      limit,
      ok: same && chars <= limit,
    };
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const row of benchCodec()) console.log(JSON.stringify(row));
}
