// Writes public/topology.schema.json from the zod schema (npm run schema).
import { writeFileSync } from 'node:fs';
import { topologyJsonSchema } from '../src/core/model/jsonSchema';

const out = new URL('../public/topology.schema.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(topologyJsonSchema(), null, 2)}\n`);
console.log('wrote public/topology.schema.json');
