/**
 * `TABLE_NAME=<table> npm run bootstrap:aws`: writes the first coordinator, `admin`, into
 * the deployed table (with your AWS credentials), as local mode does on first start.
 * Then create the Cognito user `admin` (README, deploy) so they can sign in.
 */
import { randomBytes } from 'node:crypto';

if (process.env.TABLE_NAME === undefined || process.env.TABLE_NAME === '') {
  console.error('Set TABLE_NAME to the TableName output of the KamStateless stack, e.g. TABLE_NAME=KamStateful-Table… npm run bootstrap:aws');
  process.exit(2);
}
process.env.STAFF_ID_CLAIM = 'username';
// The data modules require a cursor key at import; this one-off write gives out no cursor.
process.env.CURSOR_KEY = randomBytes(32).toString('base64url');
const { ensureAdmin } = await import('#local/bootstrap.ts');
await ensureAdmin();
console.log(`Staff member admin (coordinator, leadership) is in ${process.env.TABLE_NAME}.`);
