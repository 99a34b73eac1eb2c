/**
 * `npm start`: DynamoDB Local (data under .local/), the table, the bootstrap `admin`, and
 * the whole catalogue on http://127.0.0.1:3000 behind a local JWT-checking gateway.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { JavaMissing, ensureTable, startDynamoLocal } from '#local/dynamo.ts';
import { localAudience, localIssuer, loadOrCreateKeys } from '#local/keys.ts';
import { handlerEnv, loadOrCreateCursorKey, local } from '#local/settings.ts';

let dynamo;
try {
  dynamo = await startDynamoLocal({ dataDir: local.dataDir });
} catch (error) {
  if (error instanceof JavaMissing) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
Object.assign(process.env, handlerEnv(dynamo.endpoint, local.tableName, loadOrCreateCursorKey()), {
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'INFO',
});
await ensureTable(dynamo.endpoint, local.tableName);
writeFileSync(local.endpointFile, dynamo.endpoint);

const { ensureAdmin } = await import('#local/bootstrap.ts');
const { createGateway } = await import('#local/gateway.ts');
const { catalogue } = await import('#shared/routes/index.ts');
const { localCorsOrigins } = await import('#shared/http/cors.ts');

await ensureAdmin();
const keys = await loadOrCreateKeys(local.keyFile);
const gateway = createGateway({ routes: catalogue, publicKey: keys.publicKey, issuer: localIssuer, audience: localAudience, corsOrigins: localCorsOrigins });
await gateway.warm();
try {
  await gateway.listen(local.port, local.host);
} catch (error) {
  console.error(`Port ${local.port} on ${local.host} is taken (${(error as Error).message}); stop what uses it or run with PORT=<another port> npm start`);
  await dynamo.stop();
  process.exit(1);
}
console.log(`KAM API on http://${local.host}:${local.port}/v1 (DynamoDB Local at ${dynamo.endpoint}, data in ${local.dataDir})`);
console.log('Get a token with: npm run token -- admin');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('Stopping…');
  await gateway.close();
  rmSync(local.endpointFile, { force: true });
  await dynamo.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
