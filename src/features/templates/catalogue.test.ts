import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeShare } from '../../core/codec';
import { parseTopology } from '../../core/model';
import { LESSONS } from '../../core/scenarios';
import { EXAMPLE_FILES, allTemplates, exampleTemplates, firstSentence } from './catalogue';

describe('template catalogue', () => {
  it('holds every example file and every lesson start', () => {
    const files = readdirSync(new URL('../../../docs/examples/', import.meta.url))
      .filter((f) => f.endsWith('.json'))
      .map((f) => `example:${f.replace(/\.json$/, '')}`)
      .sort();
    const ids = allTemplates().map((x) => x.id);
    expect(ids.filter((id) => id.startsWith('example:')).sort()).toEqual(files);
    expect(ids.filter((id) => id.startsWith('lesson:'))).toEqual(
      LESSONS.map((l) => `lesson:${l.id}`),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every entry a title and a one-line description in both languages', () => {
    for (const x of allTemplates()) {
      for (const text of [x.title, x.description]) {
        expect(text.en.trim()).not.toBe('');
        expect(text.ko.trim()).not.toBe('');
        expect(text.en).not.toMatch(/\n/);
        expect(text.ko).toMatch(/[가-힣]/);
      }
      expect(x.description.en.length).toBeLessThan(200);
    }
  });

  it('holds valid topologies that fit in a share link', () => {
    for (const x of allTemplates()) {
      expect(parseTopology(x.topology).ok).toBe(true);
      expect(x.topology.nodes.length).toBeGreaterThan(0);
      expect(() => encodeShare({ topology: x.topology })).not.toThrow();
    }
  });

  it('refuses an invalid or unnamed example file', () => {
    const good = EXAMPLE_FILES[0]!;
    expect(() => exampleTemplates([{ id: good.id, data: { nodes: 'x' } }])).toThrow(/not a valid/);
    expect(() => exampleTemplates([{ id: 'unknown', data: good.data }])).toThrow(/no title/);
  });
});

describe('firstSentence', () => {
  it('cuts after the first sentence in either language', () => {
    expect(firstSentence('One box. Two boxes.')).toBe('One box.');
    expect(firstSentence('작게 시작합니다. 머신 한 대가 돌립니다.')).toBe('작게 시작합니다.');
    expect(firstSentence('Latency is 3.5 s here. Next.')).toBe('Latency is 3.5 s here.');
    expect(firstSentence('No stop')).toBe('No stop');
  });
});
