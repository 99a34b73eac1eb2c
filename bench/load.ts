/**
 * `npm run bench:load [-- SECONDS CONNECTIONS]`: drives the local API (the local gateway,
 * every route's real handler in-process, DynamoDB Local in memory) on 127.0.0.1 only with
 * autocannon: a mixed workload of reads (accounts, statements, compliance) and writes
 * (visits, reports, opportunities) for 60 s at a fixed number of connections (16), then the
 * same load on a minimal route of the same gateway (public, one bare GetItem:
 * bench/floor-handler.ts). Prints req/s, p50, p99, errors and status counts of each, and the
 * ratios. Bounded: at most `maxRequests` requests per run, and every write names data of its
 * own (a fresh month for each report, until the pool ends; then a visit).
 * Prints figures; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { cpus } from 'node:os';
import autocannon from 'autocannon';
import * as z from 'zod';
import { ensureTable, startDynamoLocal } from '#local/dynamo.ts';
import { handlerEnv } from '#local/settings.ts';
import type { RouteDefinition } from '#shared/http/route.ts';

const seconds = Number(process.argv[2] ?? 60);
const connections = Number(process.argv[3] ?? 16);
const maxRequests = 500_000;
const accountsPerManager = 5;
const managers = 20;

const dynamo = await startDynamoLocal();
const tableName = 'bench-load';
await ensureTable(dynamo.endpoint, tableName);
Object.assign(process.env, handlerEnv(dynamo.endpoint, tableName), { LOG_LEVEL: 'SILENT', NODE_NO_WARNINGS: '1' });

// Imported once the settings are in place (shared/config.ts reads them at import).
const { createGateway } = await import('#local/gateway.ts');
const { generateKeys, localAudience, localIssuer, signToken } = await import('#local/keys.ts');
const { catalogue } = await import('#shared/routes/index.ts');
const { seedStaff } = await import('#test/support/seed.ts');
const { seedTrainedSalesManager, createKeyAccount } = await import('#test/support/accounts.ts');

/** The minimal route: no token, no validation, one GetItem of a staff record. */
const floorRoute: RouteDefinition = {
  id: 'benchFloor', method: 'GET', path: '/bench/floor/{id}', handler: '../bench/floor-handler', summary: 'bench floor', tag: 'Bench',
  auth: 'public', tableAccess: 'read', response: { status: 200, schema: z.unknown(), description: 'the staff item' },
};

const keys = await generateKeys();
const gateway = createGateway({ routes: [...catalogue, floorRoute], publicKey: keys.publicKey, issuer: localIssuer, audience: localAudience });
const port = await gateway.listen(0);
const base = `http://127.0.0.1:${port}`;
const call = async (method: string, path: string, as: string, body?: unknown) => {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${await signToken(keys.privateKey, as)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text === '' ? undefined : (JSON.parse(text) as Record<string, any>);
};
const api = { base, keys, token: (id: string) => signToken(keys.privateKey, id), call: async (method: string, path: string, as: string | null, options: { body?: unknown } = {}) => {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(as === null ? {} : { authorization: `Bearer ${await signToken(keys.privateKey, as)}` }), ...(options.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}, close: gateway.close };

// ---------------------------------------------------------------- the organisation
console.log(`Load benchmark: ${seconds} s per run, ${connections} connections, at most ${maxRequests.toLocaleString('en-US')} requests per run, ${base}`);
const seedStart = performance.now();
const coordinator = await seedStaff(['coordinator']);
const leader = await seedStaff(['contact_leader']);
await call('PUT', '/v1/pay-policies/2026', coordinator.id, { grades: [{ grade: 'P6', monthlyBase: 2_000_000, quarterlyPerformanceBase: 3_000_000, annualPerformanceBase: 12_000_000 }] });
const team: { manager: string; token: string; accounts: string[] }[] = [];
for (let m = 0; m < managers; m++) {
  const manager = await seedTrainedSalesManager();
  const accounts: string[] = [];
  for (let a = 0; a < accountsPerManager; a++) accounts.push((await createKeyAccount(api as never, coordinator.id, leader.id, manager.id, '2025-01-01')).id);
  team.push({ manager: manager.id, token: await signToken(keys.privateKey, manager.id), accounts });
}
const closed = await call('POST', '/v1/periods/2026-Q1/close', coordinator.id);
if (closed?.status !== 'done') throw new Error(`the close: ${JSON.stringify(closed)}`);
const coordinatorToken = await signToken(keys.privateKey, coordinator.id);
console.log(`Seeded ${managers} sales managers × ${accountsPerManager} key accounts and closed 2026-Q1 in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

// ---------------------------------------------------------------- the mixed workload
/** Reports: one (account, month) each, 2025-01 to 2026-11 (the accounts are key from 2025-01-01), until the pool ends. */
const reportPool = team.flatMap((t) => t.accounts.flatMap((accountId) => Array.from({ length: 23 }, (_, i) => ({ t, accountId, month: `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}` }))));
const mix = ['account', 'statement', 'account', 'compliance', 'visit', 'account', 'statement', 'report', 'opportunity', 'account'] as const;
const tally: Record<string, number> = {};
let n = 0;
const json = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
const next = () => {
  const i = n++;
  const t = team[i % team.length] ?? team[0];
  if (t === undefined) throw new Error('no team');
  const accountId = t.accounts[Math.floor(i / team.length) % t.accounts.length] ?? '';
  let kind: (typeof mix)[number] = mix[i % mix.length] ?? 'account';
  const report = kind === 'report' ? reportPool.pop() : undefined;
  if (kind === 'report' && report === undefined) kind = 'visit';
  tally[kind] = (tally[kind] ?? 0) + 1;
  const day = `2026-0${1 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')}`;
  switch (kind) {
    case 'account':
      return { method: 'GET', path: `/v1/accounts/${accountId}`, headers: { authorization: `Bearer ${t.token}` } };
    case 'statement':
      return { method: 'GET', path: `/v1/periods/2026-Q1/statements/${t.manager}`, headers: { authorization: `Bearer ${t.token}` } };
    case 'compliance':
      return { method: 'GET', path: '/v1/compliance?period=2026-Q1', headers: { authorization: `Bearer ${coordinatorToken}` } };
    case 'visit':
      return { method: 'POST', path: `/v1/accounts/${accountId}/visits`, headers: json(t.token), body: JSON.stringify({ type: 'routine_visit', visitedOn: day, summary: '拜访' }) };
    case 'report':
      return { method: 'POST', path: `/v1/accounts/${report?.accountId}/reports`, headers: json(report?.t.token ?? t.token), body: JSON.stringify({ month: report?.month, summary: '月报' }) };
    case 'opportunity':
      return { method: 'POST', path: '/v1/opportunities', headers: json(t.token), body: JSON.stringify({ accountId, title: '商机', source: 'sales', estimatedAmount: 100_000 }) };
  }
};

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  total: number;
  statuses: Record<string, number>;
}
const run = (title: string, setupRequest: (req: autocannon.Request) => autocannon.Request): Promise<Figures> =>
  new Promise((done, fail) => {
    console.log(`\n${title}: ${seconds} s, ${connections} connections …`);
    autocannon(
      { url: base, connections, duration: seconds, maxOverallRequests: maxRequests, timeout: 30, requests: [{ setupRequest }] },
      (error, result) => {
        if (error !== null && error !== undefined) return fail(error);
        const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, Number((s as { count: number | string }).count)]));
        done({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, timeouts: result.timeouts, total: result.requests.total, statuses });
      },
    );
  });

const mixed = await run('Mixed workload (GET account ×4, statement ×2, compliance; POST visit, report, opportunity)', (req) => ({ ...req, ...next() }) as autocannon.Request);
let f = 0;
const floor = await run('Minimal route of the same gateway (public, one GetItem)', (req) => ({ ...req, method: 'GET', path: `/bench/floor/${team[f++ % team.length]?.manager}` }) as autocannon.Request);
await gateway.close();
await dynamo.stop();

// ---------------------------------------------------------------- report
const fivexx = (s: Figures) => Object.entries(s.statuses).filter(([code]) => code.startsWith('5')).reduce((a, [, c]) => a + c, 0);
const non2xx = (s: Figures) => Object.entries(s.statuses).filter(([code]) => !code.startsWith('2')).reduce((a, [, c]) => a + c, 0);
const line = (name: string, s: Figures) =>
  `  ${name.padEnd(8)} ${s.rps.toFixed(0).padStart(8)} ${String(s.p50).padStart(6)} ${String(s.p99).padStart(6)} ${String(s.errors).padStart(7)} ${String(s.timeouts).padStart(9)} ${String(fivexx(s)).padStart(5)} ${String(non2xx(s)).padStart(8)} ${s.total.toLocaleString('en-US').padStart(10)}  ${JSON.stringify(s.statuses)}`;
console.log(`\nLoad (loopback, ${connections} connections, ${seconds} s each; latency in ms; errors = connection errors and timeouts)`);
console.log(`  ${'run'.padEnd(8)} ${'req/s'.padStart(8)} ${'p50'.padStart(6)} ${'p99'.padStart(6)} ${'errors'.padStart(7)} ${'timeouts'.padStart(9)} ${'5xx'.padStart(5)} ${'non-2xx'.padStart(8)} ${'requests'.padStart(10)}  statuses`);
console.log(line('mixed', mixed));
console.log(line('minimal', floor));
console.log(`  mixed ÷ minimal: req/s ${(mixed.rps / floor.rps).toFixed(2)}, p50 ${(mixed.p50 / Math.max(floor.p50, 1)).toFixed(2)}, p99 ${(mixed.p99 / Math.max(floor.p99, 1)).toFixed(2)}`);
console.log(`  the mix sent: ${Object.entries(tally).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ')} (reports left in the pool: ${reportPool.length})`);
console.log(`  on ${cpus().length} CPU(s), Node ${process.version}; the gateway, its handlers and autocannon share this one process`);
