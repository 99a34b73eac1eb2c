/**
 * `TABLE_NAME=<table> USER_POOL_ID=<pool> ADMIN_EMAIL=<address> npm run bootstrap:aws`:
 * writes the first coordinator, `admin`, into the deployed table (with your AWS
 * credentials), as local mode does on first start, and creates their Cognito user through
 * the same identity provider the API uses (username `admin`, invitation by e-mail).
 * Run again, it leaves an existing record alone and only brings the sign-in in step.
 */
import { randomBytes } from 'node:crypto';

const { TABLE_NAME, USER_POOL_ID, ADMIN_EMAIL } = process.env;
if ([TABLE_NAME, USER_POOL_ID, ADMIN_EMAIL].some((value) => value === undefined || value === '')) {
  console.error('Set TABLE_NAME, USER_POOL_ID (the TableName and UserPoolId outputs of the stage, README "Runbook") and ADMIN_EMAIL, e.g.');
  console.error('  TABLE_NAME=kam-prod-data USER_POOL_ID=cn-north-1_AbC ADMIN_EMAIL=ops@g-company.cn npm run bootstrap:aws');
  process.exit(2);
}
process.env.STAFF_ID_CLAIM = 'username';
// The data modules require a cursor key at import; this one-off write gives out no cursor.
process.env.CURSOR_KEY = randomBytes(32).toString('base64url');
const { ensureAdmin } = await import('#local/bootstrap.ts');
const { getStaffById } = await import('#shared/db/staff.ts');
const { identityProvider } = await import('#shared/identity/index.ts');
await ensureAdmin(ADMIN_EMAIL);
const admin = await getStaffById('admin');
if (admin === undefined) throw new Error('admin was not written');
await identityProvider.sync(admin);
console.log(`Staff member admin (coordinator, leadership) is in ${TABLE_NAME}; their Cognito user in ${USER_POOL_ID} is invited at ${admin.email ?? '(no e-mail)'}.`);
