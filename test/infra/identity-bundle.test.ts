import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundling } from '#infra/bundling.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The npm packages in a route's bundle, built with the deployed esbuild settings (infra/bundling.ts). */
const packagesOf = async (handler: string): Promise<Set<string>> => {
  const result = await build({
    entryPoints: [`${root}functions/${handler}.ts`],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: bundling.format,
    target: bundling.target,
    mainFields: [...bundling.mainFields],
    minify: true,
    external: [...bundling.externalModules],
    write: false,
    metafile: true,
    outfile: `${root}cdk.out/identity-bundle-test.mjs`,
    logLevel: 'silent',
  });
  return new Set(Object.keys(result.metafile.inputs).flatMap((input) => input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? []));
};

describe('the Cognito client goes only into the functions that keep sign-in in step', () => {
  it('is in the staff-writing routes and the retry job, not in a reading or unrelated route', { timeout: 120_000 }, async () => {
    const cognito = '@aws-sdk/client-cognito-identity-provider';
    for (const handler of ['staff/create-staff', 'jobs/sign-in-sync']) expect((await packagesOf(handler)).has(cognito), handler).toBe(true);
    for (const handler of ['staff/get-staff', 'staff/record-training']) {
      const packages = await packagesOf(handler);
      expect(packages.has(cognito), handler).toBe(false);
      // The listing sees the packages a bundle holds (the table client), and no logging or metrics library (log lines, shared/metrics.ts).
      expect(packages.has('@aws-sdk/client-dynamodb'), handler).toBe(true);
      const powertools = [...packages].filter((name) => name.startsWith('@aws-lambda-powertools/')).sort();
      expect(powertools, handler).toEqual(handler === 'staff/record-training' ? ['@aws-lambda-powertools/commons', '@aws-lambda-powertools/idempotency'] : []);
    }
  });
});
