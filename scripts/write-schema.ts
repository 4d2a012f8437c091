// Writes the generated format references (npm run schema): public/topology.schema.json from the
// zod schema and docs/kinds.md from the kind registry. Tests fail when either is out of date.
import { writeFileSync } from 'node:fs';
import { topologyJsonSchema } from '../src/core/model/jsonSchema';
import { kindsMarkdown } from '../src/core/model/kindsDoc';

writeFileSync(
  new URL('../public/topology.schema.json', import.meta.url),
  `${JSON.stringify(topologyJsonSchema(), null, 2)}\n`,
);
writeFileSync(new URL('../docs/kinds.md', import.meta.url), kindsMarkdown());
console.log('wrote public/topology.schema.json and docs/kinds.md');
