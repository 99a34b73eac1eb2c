/** Where local mode keeps its state, and the names it uses. */
export const local = {
  port: 3000,
  host: '127.0.0.1',
  dataDir: '.local/dynamodb',
  keyFile: '.local/jwt/signing-key.jwk.json',
  /** Written by `npm start` while it runs, so `npm run invoke` can use the same database. */
  endpointFile: '.local/dynamodb-endpoint',
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
