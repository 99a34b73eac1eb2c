/**
 * `npm run invoke -- <handler> <event.json>`: runs one handler (e.g. `staff/get-staff`)
 * on a sample event, as Lambda would, against local mode's DynamoDB: the one `npm start`
 * is running, or else one started here on the same data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openLocalDatabase } from '#local/database.ts';
import { lambdaContext } from '#local/lambda-context.ts';

const [handlerName, eventFile] = process.argv.slice(2);
if (handlerName === undefined || eventFile === undefined) {
  console.error('Usage: npm run invoke -- <handler> <event.json>   e.g. npm run invoke -- staff/get-staff events/http-get-staff.json');
  process.exit(2);
}
const handlerFile = resolve('functions', `${handlerName}.ts`);
if (!existsSync(handlerFile)) {
  console.error(`No handler functions/${handlerName}.ts`);
  process.exit(2);
}

const database = await openLocalDatabase();
const { handler } = (await import(pathToFileURL(handlerFile).href)) as { handler: (event: unknown, context: unknown) => Promise<unknown> };
const event: unknown = JSON.parse(readFileSync(eventFile, 'utf8'));
try {
  console.log(JSON.stringify(await handler(event, lambdaContext(`kam-local-${handlerName.replace('/', '-')}`)), null, 2));
} catch (error) {
  console.error(`${handlerName} failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
