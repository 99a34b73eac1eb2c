import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSchema, schemaFile } from '#clients/typescript/generate.ts';

describe('the typed client (clients/typescript)', () => {
  it('is generated from the current OpenAPI document', { timeout: 120_000 }, async () => {
    const committed = readFileSync(schemaFile, 'utf8');
    const current = await generateSchema();
    // Compare as booleans first so a stale file fails with the fix, not a 300 KB diff.
    expect(committed === current, 'clients/typescript/schema.d.ts is stale: run `npm run client` and commit it').toBe(true);
  });
});
