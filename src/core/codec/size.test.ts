import { describe, expect, it } from 'vitest';
import { CODEC_CASES, SIZE_20, SIZE_50, benchShareDoc, tieredSystem } from './benchTopologies';
import { decodeShare, encodeShare } from './index';

// Link sizes are deterministic (same document, same compressor), so the targets are asserted exactly.
describe('share-link size targets', () => {
  it('builds the benchmark systems at their sizes, valid and round-tripping', () => {
    for (const [spec, n] of [
      [SIZE_20, 20],
      [SIZE_50, 50],
    ] as const) {
      const doc = benchShareDoc(tieredSystem(spec));
      expect(doc.topology.nodes).toHaveLength(n);
      expect(decodeShare(encodeShare(doc))).toEqual({ ok: true, value: doc });
    }
  });

  it('fits a 20-node system in 1,000 characters and a 50-node one in 2,500 (with the #)', () => {
    expect(CODEC_CASES.map((c) => [c.spec, c.limit])).toEqual([
      [SIZE_20, 1000],
      [SIZE_50, 2500],
    ]);
    for (const { spec, limit } of CODEC_CASES) {
      const chars = `#${encodeShare(benchShareDoc(tieredSystem(spec)))}`.length;
      expect(chars, spec.name).toBeLessThanOrEqual(limit);
    }
  });
});
