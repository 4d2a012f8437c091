import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { topologyJsonSchema } from './jsonSchema';

describe('published JSON Schema', () => {
  it('is up to date with the zod schema (run `npm run schema` after changing the model)', () => {
    const published: unknown = JSON.parse(
      readFileSync(new URL('../../../public/topology.schema.json', import.meta.url), 'utf8'),
    );
    expect(published).toEqual(JSON.parse(JSON.stringify(topologyJsonSchema())));
  });

  it('describes every kind and its parameter bounds', () => {
    const text = JSON.stringify(topologyJsonSchema());
    for (const kind of ['users', 'dns', 'lb', 'server', 'dbPrimary', 'dbReplica', 'cache', 'asg'])
      expect(text).toContain(`"const":"${kind}"`);
    expect(text).toContain('"maximum":65535');
  });
});

describe('generated kind reference', () => {
  it('docs/kinds.md is up to date with the registry (run `npm run schema`)', async () => {
    const { kindsMarkdown } = await import('./kindsDoc');
    const doc = readFileSync(new URL('../../../docs/kinds.md', import.meta.url), 'utf8');
    expect(doc).toBe(kindsMarkdown());
  });
});
