import { existsSync, readFileSync } from 'node:fs';
import { ensureTable, startDynamoLocal } from '#local/dynamo.ts';
import { handlerEnv, loadOrCreateCursorKey, local } from '#local/settings.ts';

/**
 * Local mode's database for a one-off command: the DynamoDB Local that `npm start` runs,
 * or else one started here on the same data. Sets the handlers' environment; returns how
 * to let go of it.
 */
export const openLocalDatabase = async (): Promise<{ stop: () => Promise<void> }> => {
  const running = existsSync(local.endpointFile) ? readFileSync(local.endpointFile, 'utf8').trim() : undefined;
  const started = running === undefined ? await startDynamoLocal({ dataDir: local.dataDir }) : undefined;
  const endpoint = running ?? started?.endpoint ?? '';
  Object.assign(process.env, handlerEnv(endpoint, local.tableName, loadOrCreateCursorKey()));
  await ensureTable(endpoint, local.tableName);
  const { ensureAdmin } = await import('#local/bootstrap.ts');
  await ensureAdmin();
  return { stop: async () => started?.stop() };
};
