import { join } from 'node:path';

/** Local mode's state lives here; KAM_LOCAL_DIR moves it (the tests use a temporary one). */
const dir = process.env.KAM_LOCAL_DIR ?? '.local';

/** Where local mode keeps its state, and the names it uses. PORT moves the gateway. */
export const local = {
  port: Number(process.env.PORT ?? 3000),
  host: '127.0.0.1',
  dataDir: join(dir, 'dynamodb'),
  keyFile: join(dir, 'jwt', 'signing-key.jwk.json'),
  /** Written by `npm start` while it runs, so `npm run invoke` can use the same database. */
  endpointFile: join(dir, 'dynamodb-endpoint'),
  tableName: 'kam-local',
  staffIdClaim: 'sub',
} as const;

/** The environment the handlers read at import (shared/config.ts); set before importing them. */
export const handlerEnv = (endpoint: string, tableName: string): Record<string, string> => ({
  TABLE_NAME: tableName,
  STAFF_ID_CLAIM: local.staffIdClaim,
  DYNAMODB_ENDPOINT: endpoint,
  AWS_REGION: 'local',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
});
