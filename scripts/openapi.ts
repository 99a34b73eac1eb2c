/** `npm run openapi [-- <file>]`: writes the OpenAPI 3.1 document generated from the catalogue. */
import { writeFileSync } from 'node:fs';
import { buildOpenApi } from '#shared/openapi.ts';

const file = process.argv[2] ?? 'openapi.json';
writeFileSync(file, `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
console.log(`Wrote ${file}`);
