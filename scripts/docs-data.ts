/** `npm run docs:data`: rewrites README.md's data-model tables from the entity declarations. */
import { readFileSync, writeFileSync } from 'node:fs';
import { handlerEnv } from '#local/settings.ts';

// The entity modules load the table's client, which reads its settings at import; nothing is sent.
Object.assign(process.env, handlerEnv('http://127.0.0.1:1', 'docs'));
const { withDataModel } = await import('#local/data-docs.ts');
const readme = readFileSync('README.md', 'utf8');
const updated = withDataModel(readme);
writeFileSync('README.md', updated);
console.log(updated === readme ? 'README.md data model: unchanged' : 'README.md data model: rewritten');
