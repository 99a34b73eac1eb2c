/**
 * A day's work through the typed client, end to end: the coordinator takes on two people
 * and designates a key account; its sales manager records a visit, opens an opportunity
 * and wins it with a project; finance invoices the project and records the payment.
 *
 *   npm start                                          # in one terminal
 *   npx tsx clients/typescript/examples/day-of-work.ts # in another (local mode only: it
 *                                                      # signs tokens with npm start's key)
 *
 * test/e2e/client.test.ts runs `dayOfWork` against a test API and checks the final state.
 */
import { resolve } from 'node:path';
import { createKamClient } from '../index.ts';

export interface DayOfWorkOptions {
  readonly baseUrl: string;
  /** A coordinator's token; the others are asked for once their staff members exist. */
  readonly coordinatorToken: string;
  readonly tokenFor: (staffId: string) => Promise<string>;
  /** The working day, `YYYY-MM-DD`. */
  readonly on: string;
}

/** openapi-fetch answers `{ data }` or `{ error }`; a script stops at the first problem. */
const ok = <T>(what: string, result: { data?: T; error?: unknown; response: Response }): T => {
  if (result.data === undefined) throw new Error(`${what}: ${result.response.status} ${JSON.stringify(result.error)}`);
  return result.data;
};

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const dayOfWork = async ({ baseUrl, coordinatorToken, tokenFor, on }: DayOfWorkOptions) => {
  const coordinator = createKamClient({ baseUrl, token: coordinatorToken });
  const stamp = Date.now().toString(36);

  // Morning: people and the account. Only a sales manager with both trainings may hold a key account.
  const hire = async (name: string, roles: ('contact_leader' | 'sales_manager' | 'finance')[], department: string) =>
    ok(`hire ${name}`, await coordinator.POST('/v1/staff', { body: { name, department, roles, grade: 'P6' }, headers: { 'idempotency-key': `hire-${roles.join('+')}-${stamp}` } }));
  const leader = await hire(`陈立-${stamp}`, ['contact_leader'], '市场部');
  const manager = await hire(`王芳-${stamp}`, ['sales_manager'], '市场部');
  const cashier = await hire(`赵敏-${stamp}`, ['finance'], '财务部');
  for (const kind of ['basic', 'rotation'] as const) {
    ok(`${kind} training`, await coordinator.POST('/v1/staff/{id}/training', { params: { path: { id: manager.id } }, body: { kind, passed: true, completedOn: on, score: 90 } }));
  }
  const created = ok('create account', await coordinator.POST('/v1/accounts', { body: { name: `华东能源集团-${stamp}`, industry: '能源' } }));
  const account = ok(
    'designate',
    await coordinator.POST('/v1/accounts/{id}/designation', {
      params: { path: { id: created.id } },
      body: { contactLeaderId: leader.id, salesManagerId: manager.id, effectiveOn: on },
    }),
  );

  // Midday: the sales manager visits, hears of a project and wins it.
  const sales = createKamClient({ baseUrl, token: await tokenFor(manager.id) });
  const visit = ok(
    'visit',
    await sales.POST('/v1/accounts/{id}/visits', { params: { path: { id: account.id } }, body: { type: 'formal_visit', visitedOn: on, summary: '拜访客户信息中心，了解园区网络改造需求' } }),
  );
  const opportunity = ok(
    'open opportunity',
    await sales.POST('/v1/opportunities', { body: { accountId: account.id, title: '园区网络改造', source: 'client_visit', estimatedAmount: 50_000_000, expectedCloseOn: addDays(on, 30) } }),
  );
  const won = ok(
    'win',
    await sales.POST('/v1/opportunities/{id}/win', {
      params: { path: { id: opportunity.id } },
      body: { wonOn: on, projects: [{ name: '园区网络', department: '交付一部', contractAmount: 48_000_000 }] },
      headers: { 'idempotency-key': `win-${opportunity.id}` },
    }),
  );
  const [project] = won.projects;
  if (project === undefined) throw new Error('win: no project');

  // Afternoon: finance invoices the contract and books the payment (amounts in fen).
  const finance = createKamClient({ baseUrl, token: await tokenFor(cashier.id) });
  const invoice = ok(
    'invoice',
    await finance.POST('/v1/projects/{id}/invoices', { params: { path: { id: project.id } }, body: { amount: project.contractAmount, issuedOn: on, dueOn: addDays(on, 30) } }),
  );
  const paid = ok(
    'payment',
    await finance.POST('/v1/invoices/{id}/payments', { params: { path: { id: invoice.id } }, body: { amount: invoice.amount, receivedOn: on } }),
  );

  // Evening: what the day left behind, as the sales manager sees it.
  const view = ok('opportunity view', await sales.GET('/v1/opportunities/{id}', { params: { path: { id: opportunity.id } } }));
  return { people: { leader, manager, cashier }, account, visit, view, project, invoice: paid.invoice };
};

// Run as a script against `npm start` (http://127.0.0.1:3000 or the URL given).
if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  const { loadOrCreateKeys, signToken } = await import('../../../scripts/local/keys.ts');
  const { local } = await import('../../../scripts/local/settings.ts');
  const keys = await loadOrCreateKeys(local.keyFile);
  const result = await dayOfWork({
    baseUrl: process.argv[2] ?? `http://${local.host}:${local.port}`,
    coordinatorToken: await signToken(keys.privateKey, 'admin'),
    tokenFor: (staffId) => signToken(keys.privateKey, staffId),
    on: new Date().toISOString().slice(0, 10),
  });
  console.log(JSON.stringify({ account: result.account.id, step: result.view.step, amounts: result.view.amounts, invoice: result.invoice.status }, null, 2));
}
