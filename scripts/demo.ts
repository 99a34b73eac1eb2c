/**
 * `npm run demo [-- --base http://127.0.0.1:3000] [--scale 0.1] [--seed 2026]`: fills the
 * API that `npm start` runs with company G, through the HTTP API (scripts/local/demo-fill.ts).
 * Run it again and it adds nothing. Tokens are signed with `npm start`'s key under .local/
 * (KAM_LOCAL_DIR), so this works against local mode only. The base URL may also come from
 * KAM_API_URL; PORT picks the local port as for `npm start`.
 */
import { parseArgs } from 'node:util';
import { fillDemo } from '#local/demo-fill.ts';
import { loadOrCreateKeys, signToken } from '#local/keys.ts';
import { local } from '#local/settings.ts';

const { values } = parseArgs({
  options: { base: { type: 'string' }, scale: { type: 'string' }, seed: { type: 'string' }, concurrency: { type: 'string' } },
});
const base = (values.base ?? process.env.KAM_API_URL ?? `http://${local.host}:${local.port}`).replace(/\/+$/, '').replace(/\/v1$/, '');
const number = (text: string | undefined, fallback: number) => {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`not a positive number: ${text}`);
  return value;
};

const reachable = await fetch(`${base}/v1/openapi.json`).then((r) => r.ok, () => false);
if (!reachable) {
  console.error(`No KAM API answers at ${base}; start it with \`npm start\` (or pass --base <url>).`);
  process.exit(1);
}
const keys = await loadOrCreateKeys(local.keyFile);
const tokenFor = (staffId: string) => signToken(keys.privateKey, staffId);
console.log(`Filling ${base} with company G…`);
const result = await fillDemo({
  baseUrl: base,
  adminId: 'admin',
  tokenFor,
  scale: number(values.scale, 1),
  seed: number(values.seed, 2026),
  concurrency: number(values.concurrency, 8),
  log: (line) => console.log(`  ${line}`),
});

console.log(`\nDone in ${(result.milliseconds / 1000).toFixed(1)} s, ${result.requests} requests.`);
console.log('record            created  already there');
for (const [kind, { created, existing }] of Object.entries(result.counts)) {
  console.log(`${kind.padEnd(18)}${String(created).padStart(7)}  ${String(existing).padStart(13)}`);
}
console.log(`periods: ${result.periods.map((p) => `${p.period} ${p.status}`).join(', ')}`);

const first = (group: string) => result.people[group]?.[0];
const roles = [
  ['leadership', 'leadership'],
  ['coordinator', 'coordinators'],
  ['contact_leader', 'contactLeaders'],
  ['sales_manager', 'salesManagers'],
  ['finance', 'finance'],
  ['department_staff', 'departmentStaff'],
] as const;
console.log('\nOne token per role (12 h; `npm run token -- <staffId>` for anyone else):');
const tokens = new Map<string, string>();
for (const [role, group] of roles) {
  const person = first(group);
  if (person === undefined) continue;
  const token = await tokenFor(person.id);
  tokens.set(role, token);
  console.log(`\n${role} — ${person.name} (${person.id}, ${person.department})\n${token}`);
}
const account = result.keyAccounts[0];
console.log('\nThree first calls:');
console.log(`  curl -s "${base}/v1/accounts?tier=key" -H "Authorization: Bearer ${tokens.get('coordinator') ?? ''}"`);
console.log(`  curl -s "${base}/v1/accounts/${account?.id ?? ''}/pipeline" -H "Authorization: Bearer ${tokens.get('sales_manager') ?? ''}"`);
console.log(`  curl -s ${base}/v1/periods/2026-Q3/statements -H "Authorization: Bearer ${tokens.get('finance') ?? ''}"`);
console.log(`\nThe reference page, with "try it": ${base}/v1/docs`);
