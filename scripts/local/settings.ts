import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Local mode's state lives here; KAM_LOCAL_DIR moves it (the tests use a temporary one). */
const dir = process.env.KAM_LOCAL_DIR ?? '.local';

/** Where local mode keeps its state, and the names it uses. PORT moves the gateway. */
export const local = {
  port: Number(process.env.PORT ?? 3000),
  host: '127.0.0.1',
  dataDir: join(dir, 'dynamodb'),
  keyFile: join(dir, 'jwt', 'signing-key.jwk.json'),
  /** The key that signs list cursors (CURSOR_KEY), kept so cursors stay valid across restarts. */
  cursorKeyFile: join(dir, 'cursor-key'),
  /** Written by `npm start` while it runs, so `npm run invoke` can use the same database. */
  endpointFile: join(dir, 'dynamodb-endpoint'),
  tableName: 'kam-local',
  staffIdClaim: 'sub',
} as const;

const newCursorKey = (): string => randomBytes(32).toString('base64url');

/** This process's own cursor key, for tests and benchmarks: no cursor outlives the process. */
const processCursorKey = newCursorKey();

/**
 * `npm start` and `npm run invoke` share one cursor key under .local/ (like the JWT key),
 * so a cursor handed out before a restart, or by the gateway to `invoke`, still reads on.
 */
export const loadOrCreateCursorKey = (file: string = local.cursorKeyFile): string => {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = newCursorKey();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, key, { mode: 0o600 });
  return key;
};

/** The environment the handlers read at import (shared/config.ts, shared/db/pagination.ts); set before importing them. */
export const handlerEnv = (endpoint: string, tableName: string, cursorKey: string = processCursorKey): Record<string, string> => ({
  TABLE_NAME: tableName,
  STAFF_ID_CLAIM: local.staffIdClaim,
  CURSOR_KEY: cursorKey,
  DYNAMODB_ENDPOINT: endpoint,
  AWS_REGION: 'local',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
});
