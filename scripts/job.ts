/**
 * `npm run job -- <job> [argument]`: runs a scheduled job now, in local mode, e.g.
 * `npm run job -- monthly-compliance 2026-02` or `npm run job -- quarter-close 2026-Q1`
 * (default: the month or period that ended last).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openLocalDatabase } from '#local/database.ts';
import { lambdaContext } from '#local/lambda-context.ts';
import { jobs } from '#shared/jobs.ts';

const kebab = (id: string) => id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const [name, argument] = process.argv.slice(2);
const job = jobs.find((j) => kebab(j.id) === name);
if (job === undefined) {
  console.error(`Usage: npm run job -- <job> [YYYY-MM | period]; jobs: ${jobs.map((j) => kebab(j.id)).join(', ')}`);
  process.exit(2);
}
const database = await openLocalDatabase();
const { handler } = (await import(pathToFileURL(resolve('functions', `${job.handler}.ts`)).href)) as {
  handler: (event: unknown, context: unknown) => Promise<unknown>;
};
const chosen = argument === undefined ? {} : job.input.job === 'monthly-compliance' ? { month: argument } : { period: argument };
const event = { ...job.input, scheduledTime: new Date().toISOString(), ...chosen };
try {
  console.log(JSON.stringify(await handler(event, lambdaContext(`kam-local-${job.id}`)), null, 2));
} catch (error) {
  console.error(`${job.id} failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
