/** `npm run token -- <staffId>`: a bearer token for the local gateway (12 h). */
import { loadOrCreateKeys, signToken } from '#local/keys.ts';
import { local } from '#local/settings.ts';

const staffId = process.argv[2];
if (staffId === undefined || staffId === '') {
  console.error('Usage: npm run token -- <staffId>   (e.g. npm run token -- admin)');
  process.exit(2);
}
const keys = await loadOrCreateKeys(local.keyFile);
console.log(await signToken(keys.privateKey, staffId));
