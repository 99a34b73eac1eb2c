/**
 * `npm run job -- <job> [YYYY-MM]`: runs a scheduled job now, in local mode, e.g.
 * `npm run job -- monthly-compliance 2026-02` (default: last month).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openLocalDatabase } from '#local/database.ts';
import { lambdaContext } from '#local/lambda-context.ts';
import { jobs } from '#shared/jobs.ts';

const [name, month] = process.argv.slice(2);
const job = jobs.find((j) => j.input.job === name);
if (job === undefined) {
  console.error(`Usage: npm run job -- <job> [YYYY-MM]; jobs: ${jobs.map((j) => j.input.job).join(', ')}`);
  process.exit(2);
}
const database = await openLocalDatabase();
const { handler } = (await import(pathToFileURL(resolve('functions', `${job.handler}.ts`)).href)) as {
  handler: (event: unknown, context: unknown) => Promise<unknown>;
};
const event = { ...job.input, ...(month === undefined ? { scheduledTime: new Date().toISOString() } : { month }) };
console.log(JSON.stringify(await handler(event, lambdaContext(`kam-local-${job.id}`)), null, 2));
await database.stop();
