import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as closeAbort } from '#functions/jobs/close-abort.ts';
import { handler as closeFinish } from '#functions/jobs/close-finish.ts';
import { handler as closeGather } from '#functions/jobs/close-gather.ts';
import { handler as closePlan } from '#functions/jobs/close-plan.ts';
import { handler as periodClose } from '#functions/jobs/period-close.ts';
import type { Staff } from '#shared/schemas/staff.ts';
import { createKeyAccount } from '#test/support/accounts.ts';
import { type Api, startApi, yuan } from '#test/support/api.ts';
import { closeRun } from '#test/support/close.ts';
import { lambdaContext, sampleEvent } from '#test/support/events.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

let api: Api;
let coordinator: Staff;
let finance: Staff;
let department: Staff;
let k: Staff;
let l: Staff;


/**
 * pay.md's worked example, built through the HTTP API only: the one coordinator stands
 * where local mode's bootstrap `admin` does; everyone and everything else is made by calls.
 */
beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  coordinator = await seedStaff(['coordinator']);
  const as = (who: Staff) => who.id;
  const ok = (reply: { status: number; body: unknown }, status = 201) => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    return reply.body as Record<string, any>;
  };
  const hire = async (name: string, department: string, roles: string[]) =>
    ok(await api.call('POST', '/v1/staff', as(coordinator), { body: { name, department, roles, grade: 'P6' } })) as Staff;
  finance = await hire('财务', '财务部', ['finance']);
  department = await hire('交付', '交付一部', ['department_staff']);
  k = await hire('联系领导K', '市场部', ['contact_leader']);
  l = await hire('销售经理L', '市场部', ['sales_manager']);
  for (const kind of ['basic', 'rotation']) {
    ok(await api.call('POST', `/v1/staff/${l.id}/training`, as(coordinator), { body: { kind, passed: true, completedOn: '2025-06-30' } }));
  }

  ok(await api.call('PUT', '/v1/pay-policies/2026', as(coordinator), {
    body: { grades: [{ grade: 'P6', monthlyBase: 2_000_000, quarterlyPerformanceBase: 3_000_000, annualPerformanceBase: 12_000_000 }] },
  }));
  const a = (await createKeyAccount(api, coordinator.id, k.id, l.id, '2026-01-01')).id;
  const b = (await createKeyAccount(api, coordinator.id, k.id, l.id, '2026-01-01')).id;
  ok(await api.call('PUT', `/v1/accounts/${a}/targets/2026`, as(coordinator), { body: { contractAmount: yuan(4_000_000), collectionAmount: yuan(3_200_000) } }));
  ok(await api.call('PUT', `/v1/accounts/${b}/targets/2026`, as(coordinator), { body: { contractAmount: yuan(2_000_000), collectionAmount: yuan(1_600_000) } }));

  for (const [account, wonOn, amount, paidOn, paid] of [[a, '2026-02-10', 1_300_000, '2026-03-20', 600_000], [b, '2026-03-05', 500_000, '2026-03-25', 300_000]] as const) {
    const opportunity = ok(await api.call('POST', '/v1/opportunities', as(l), { body: { accountId: account, title: '项目', source: 'sales', estimatedAmount: yuan(amount) } }));
    const won = ok(await api.call('POST', `/v1/opportunities/${opportunity.id}/win`, as(l), { body: { wonOn, projects: [{ name: '项目', department: '交付一部', contractAmount: yuan(amount) }] } }));
    const invoice = ok(await api.call('POST', `/v1/projects/${won.projects[0].id}/invoices`, as(finance), { body: { amount: yuan(paid), issuedOn: wonOn, dueOn: '2026-04-30' } }));
    ok(await api.call('POST', `/v1/invoices/${invoice.id}/payments`, as(finance), { body: { amount: yuan(paid), receivedOn: paidOn } }));
  }
  for (const [account, day] of [[a, '2026-01-12'], [a, '2026-02-09'], [a, '2026-03-16'], [b, '2026-01-20'], [b, '2026-03-02']] as const) {
    ok(await api.call('POST', `/v1/accounts/${account}/visits`, as(l), { body: { type: 'routine_visit', visitedOn: day, summary: '拜访' } }));
  }
  for (const account of [a, b]) {
    for (const month of ['2026-01', '2026-02', '2026-03']) ok(await api.call('POST', `/v1/accounts/${account}/reports`, as(l), { body: { month, summary: '月报' } }));
  }
});
afterAll(() => api.close());

const close = (period = '2026-Q1') => closeRun(api, period, coordinator.id);

describe('the period close, on pay.md’s worked example', () => {
  it('pays L exactly: R 1.0450, exceeded, performance pay 3,600,000 fen, base pay 6,000,000 fen', async () => {
    const closed = await close();
    expect(closed.status, JSON.stringify(closed.body)).toBe(202);
    expect(closed.run).toMatchObject({ status: 'done', startedBy: coordinator.id, reason: null });
    expect(closed.body).toMatchObject({ period: '2026-Q1', status: 'draft', version: 1, changed: 2, statementCount: 2, nextCursor: null });
    expect(closed.body.statements.map((s: { staffId: string }) => s.staffId).sort()).toEqual([k.id, l.id].sort());
    const statement = (await api.call('GET', `/v1/periods/2026-Q1/statements/${l.id}`, l.id)).body;
    expect(statement).toMatchObject({ staffId: l.id, period: '2026-Q1', status: 'draft', version: 1, basePay: 6_000_000, performancePay: 3_600_000, teamShare: 0, total: 9_600_000 });
    expect(statement.assessments).toHaveLength(1);
    expect(statement.assessments[0]).toMatchObject({
      role: 'sales_manager', ratio: '1.0450', tier: 'exceeded', coefficient: '1.2', demoted: false,
      components: { contract: '1.2000', collection: '0.7500', management: '0.9167' },
      contractTargetAmount: yuan(1_500_000), collectionTargetAmount: yuan(1_200_000),
      contractCreditAmount: yuan(1_800_000), collectionCreditAmount: yuan(900_000),
    });
    expect(statement.assessments[0].explanation.join('\n')).toContain('1.0450');
  });

  it('gives the same statements and no new version when run again on the same data (the schedule’s run included)', async () => {
    const again = await close();
    expect(again.body).toMatchObject({ version: 1, changed: 0 });
    // The quarterly schedule fires at 01:30 on 1 April in Shanghai and closes 2026-Q1.
    const scheduled = await periodClose(sampleEvent('scheduled-quarter-close.json'), lambdaContext('quarter-close'));
    expect(scheduled).toMatchObject({ period: '2026-Q1', version: 1, changed: 0 });
    expect((await api.call('GET', `/v1/periods/2026-Q1/statements/${l.id}`, l.id)).body.versions).toHaveLength(1);
  });

  it('demotes one tier for two-way scores averaging below 60, as a new version that keeps the old', async () => {
    expect((await api.call('POST', '/v1/peer-scores', department.id, { body: { period: '2026-Q1', targetStaffId: l.id, score: 55 } })).status).toBe(201);
    expect((await api.call('POST', '/v1/peer-scores', department.id, { body: { period: '2026-Q1', targetStaffId: l.id, score: 70 } })).status).toBe(409);
    const closed = await close();
    expect(closed.body).toMatchObject({ version: 2, changed: 1 });
    const statement = (await api.call('GET', `/v1/periods/2026-Q1/statements/${l.id}`, coordinator.id)).body;
    expect(statement).toMatchObject({ version: 2, performancePay: 2_400_000, total: 8_400_000 });
    expect(statement.assessments[0]).toMatchObject({ tier: 'basically_completed', demoted: true });
    expect(statement.versions.map((v: { version: number; total: number }) => [v.version, v.total])).toEqual([[1, 9_600_000], [2, 8_400_000]]);
    expect((await api.call('GET', `/v1/peer-scores?period=2026-Q1&targetStaffId=${l.id}`, l.id)).body).toMatchObject({ count: 1, average: '55.0000' });
  });

  it('gives the same statements when the schedule’s workflow runs its steps (plan, Map over batches, finish)', async () => {
    const plan = (await closePlan({ job: 'period-close', periodKind: 'quarter', period: '2026-Q1' }, lambdaContext('plan'))) as { period: string; runId: string; batches: (string | null)[] };
    expect(plan).toMatchObject({ period: '2026-Q1', batches: [null] });
    // While the workflow holds the period, a close by hand is refused.
    expect((await close()).body.type).toMatch(/close-in-progress$/);
    for (const cursor of plan.batches) {
      expect(await closeGather({ period: plan.period, runId: plan.runId, cursor }, lambdaContext('gather'))).toMatchObject({ accounts: 2 });
    }
    const finished = await closeFinish({ period: plan.period, runId: plan.runId }, lambdaContext('finish'));
    expect(finished).toMatchObject({ period: '2026-Q1', version: 2, changed: 0, statements: 2 });
    expect((await close()).body).toMatchObject({ version: 2, changed: 0 });
  });

  it('compares a re-run with the digests its last close kept, reading no statement; digests of another run send it back to the statements', async () => {
    const { db } = await import('#shared/db/client.ts');
    const store = await import('#shared/db/pay.ts');
    const statementQueries: string[] = [];
    const send = db.send.bind(db);
    const spy = vi.spyOn(db, 'send').mockImplementation(async (command: Parameters<typeof db.send>[0]) => {
      const input = command.input as { ExpressionAttributeValues?: Record<string, unknown>; Limit?: number };
      // The statements read whole (no Limit); the reply's and the run's pages of 200 are not the comparison.
      const whole = input.Limit === undefined;
      if (command.constructor.name === 'QueryCommand' && input.ExpressionAttributeValues?.[':prefix'] === 'STATEMENT#' && whole) statementQueries.push('listed');
      return send(command as never);
    });
    try {
      expect((await close()).body).toMatchObject({ version: 2, changed: 0 });
      expect(statementQueries).toEqual([]);
    } finally {
      spy.mockRestore();
    }
    const state = await store.getPeriodState('2026-Q1');
    const kept = await store.listStatementDigests('2026-Q1', state?.closedAt);
    expect(kept?.map((d) => d.staffId).sort()).toEqual([k.id, l.id].sort());
    expect(kept?.every((d) => d.version >= 1 && /^[A-Za-z0-9_-]{43}$/.test(d.digest))).toBe(true);

    // As if a close had kept wrong digests and stopped before its period state: they name another run,
    // so the next close compares with the statements themselves and finds nothing changed.
    await store.saveStatementDigests('2026-Q1', '2000-01-01T00:00:00.000Z', (kept ?? []).map((d) => ({ ...d, digest: 'x'.repeat(43) })));
    expect(await store.listStatementDigests('2026-Q1', state?.closedAt)).toBeUndefined();
    expect((await close()).body).toMatchObject({ version: 2, changed: 0 });
    expect((await api.call('GET', `/v1/periods/2026-Q1/statements/${l.id}`, coordinator.id)).body.versions).toHaveLength(2);
  });

  it('releases the period when a workflow step fails (the abort step), and the run says it failed', async () => {
    const plan = (await closePlan({ job: 'period-close', periodKind: 'quarter', period: '2026-Q1' }, lambdaContext('plan'))) as { period: string; runId: string };
    const running = await api.call('GET', `/v1/periods/2026-Q1/close-runs/${plan.runId}`, coordinator.id);
    expect(running.body).toMatchObject({ runId: plan.runId, status: 'running', startedBy: 'schedule', finishedAt: null, result: null, reason: null });
    expect(await closeAbort({ period: plan.period, runId: plan.runId }, lambdaContext('abort'))).toMatchObject({ released: true });
    const failed = await api.call('GET', `/v1/periods/2026-Q1/close-runs/${plan.runId}`, coordinator.id, { headers: { 'accept-language': 'zh-CN' } });
    expect(failed.body).toMatchObject({ status: 'failed', result: null, reason: { status: 500, type: expect.stringMatching(/internal-error$/) } });
    expect(failed.body.reason.detail).toContain('锁已释放');
    expect(failed.body.finishedAt).toEqual(expect.any(String));
    expect((await close()).status).toBe(202);
  });

  it('in AWS starts the schedules’ workflow for the run (the lock already its own), which the status resource follows to done', async () => {
    const sfn = mockClient(SFNClient);
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:aws:states:cn-north-1:1:execution:close:x', startDate: new Date() });
    process.env.CLOSE_STATE_MACHINE_ARN = 'arn:aws:states:cn-north-1:123456789012:stateMachine:PeriodClose';
    try {
      const started = await api.call('POST', '/v1/periods/2026-Q1/close', coordinator.id);
      expect(started.status).toBe(202);
      expect(started.body).toMatchObject({ period: '2026-Q1', status: 'running', result: null, reason: null });
      expect(started.headers.get('location')).toBe(`/v1/periods/2026-Q1/close-runs/${started.body.runId}`);
      const calls = sfn.commandCalls(StartExecutionCommand);
      expect(calls).toHaveLength(1);
      expect(calls[0]?.args[0].input).toMatchObject({ stateMachineArn: process.env.CLOSE_STATE_MACHINE_ARN, name: started.body.runId });
      const input = JSON.parse(calls[0]?.args[0].input.input ?? '{}');
      expect(input).toEqual({ job: 'period-close', periodKind: 'quarter', period: '2026-Q1', runId: started.body.runId });
      // The run holds the period from the reply on: another close is refused at once.
      expect((await api.call('POST', '/v1/periods/2026-Q1/close', coordinator.id)).body.type).toMatch(/close-in-progress$/);
      expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(1);

      // The workflow's steps with the input the route gave it.
      const plan = (await closePlan(input, lambdaContext('plan'))) as { period: string; runId: string; batches: (string | null)[] };
      expect(plan.runId).toBe(started.body.runId);
      for (const cursor of plan.batches) await closeGather({ period: plan.period, runId: plan.runId, cursor }, lambdaContext('gather'));
      await closeFinish({ period: plan.period, runId: plan.runId }, lambdaContext('finish'));
      const done = await api.call('GET', started.headers.get('location') ?? '', coordinator.id);
      expect(done.body).toMatchObject({ status: 'done', reason: null, result: { period: '2026-Q1', status: 'draft', version: 2, changed: 0, statementCount: 2, nextCursor: null } });
      expect(done.body.result.statements).toHaveLength(2);

      // A workflow that cannot be started: the run fails, the period is free, the caller gets a 5xx.
      sfn.on(StartExecutionCommand).rejects(Object.assign(new Error('throttled'), { name: 'ThrottlingException' }));
      const refused = await api.call('POST', '/v1/periods/2026-Q1/close', coordinator.id);
      expect(refused.status).toBe(503);
    } finally {
      delete process.env.CLOSE_STATE_MACHINE_ARN;
      sfn.restore();
    }
    expect((await close()).run).toMatchObject({ status: 'done' });
  });

  it('replays a close sent again with the same Idempotency-Key: the same run, no second one', async () => {
    const headers = { 'idempotency-key': `close-${Date.now()}` };
    const first = await api.call('POST', '/v1/periods/2026-Q1/close', coordinator.id, { headers });
    expect(first.status).toBe(202);
    const again = await api.call('POST', '/v1/periods/2026-Q1/close', coordinator.id, { headers });
    expect(again.status).toBe(202);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(again.body).toEqual(first.body);
    // Without the key, a new close is a new run.
    const other = await close();
    expect(other.run.runId).not.toBe(first.body.runId);
  });

  it('shows a run to coordinators only, and no run that does not exist (404)', async () => {
    const closed = await close();
    const path = `/v1/periods/2026-Q1/close-runs/${closed.run.runId}`;
    expect((await api.call('GET', path, finance.id)).status).toBe(403);
    expect((await api.call('GET', path, l.id)).status).toBe(403);
    expect((await api.call('GET', `/v1/periods/2026-Q2/close-runs/${closed.run.runId}`, coordinator.id)).status).toBe(404);
    expect((await api.call('GET', '/v1/periods/2026-Q1/close-runs/00000000-0000-4000-8000-000000000000', coordinator.id)).status).toBe(404);
    expect((await api.call('GET', '/v1/periods/2026-Q1/close-runs/not-a-run', coordinator.id)).status).toBe(400);
  });

  it('keeps statements from finance until finalised, then never changes them (409), and exports the CSV', async () => {
    expect((await api.call('GET', '/v1/periods/2026-Q1/statements', finance.id)).status).toBe(409);
    expect((await api.call('GET', `/v1/periods/2026-Q1/statements/${l.id}`, k.id)).status).toBe(403);
    const final = await api.call('POST', '/v1/periods/2026-Q1/finalize', coordinator.id);
    expect(final.status).toBe(201);
    expect(final.body).toMatchObject({ status: 'final', finalizedBy: coordinator.id });
    const refused = await close();
    expect(refused.status).toBe(409);
    expect(refused.body.type).toMatch(/period-finalised$/);

    const all = await api.call('GET', '/v1/periods/2026-Q1/statements', finance.id);
    expect(all.body.items.map((s: { staffId: string; status: string }) => [s.staffId, s.status]).sort()).toEqual([[k.id, 'final'], [l.id, 'final']].sort());
    const first = await api.call('GET', '/v1/periods/2026-Q1/statements?limit=1', finance.id);
    const second = await api.call('GET', `/v1/periods/2026-Q1/statements?limit=1&cursor=${first.body.nextCursor}`, finance.id);
    expect([...first.body.items, ...second.body.items].map((s: { staffId: string }) => s.staffId).sort()).toEqual([k.id, l.id].sort());

    const csv = await fetch(`${api.base}/v1/periods/2026-Q1/statements.csv`, { headers: { authorization: `Bearer ${await api.token(finance.id)}` } });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n').map((line) => line.split(','));
    const column = (name: string) => header?.indexOf(name) ?? -1;
    const row = rows.find((r) => r[0] === l.id) ?? [];
    expect(row[column('total (fen)')]).toBe('8400000');
    expect(row[column('total (yuan)')]).toBe('84000.00');
    expect(row[column('performancePay (fen)')]).toBe('2400000');
    expect(row[column('basePay (yuan)')]).toBe('60000.00');
    expect((await api.call('GET', '/v1/periods/2026-Q1/statements.csv', coordinator.id)).status).toBe(403);
  });

  it('publishes the bulletin with each account’s attainment and the people ranked', async () => {
    const accounts = (await api.call('GET', '/v1/periods/2026-Q1/bulletin', l.id)).body;
    expect(accounts).toMatchObject({ period: '2026-Q1', section: 'accounts', accountCount: 2, peopleCount: 2, nextCursor: null });
    expect(accounts.items.map((x: { contractAttainment: string }) => x.contractAttainment).sort()).toEqual(['1.0000', '1.3000']);
    const firstPerson = await api.call('GET', '/v1/periods/2026-Q1/bulletin?section=people&limit=1', l.id);
    expect(firstPerson.body.items).toEqual([expect.objectContaining({ rank: 1, staffId: l.id, ratio: '1.0450', tier: 'basically_completed' })]);
    const rest = await api.call('GET', `/v1/periods/2026-Q1/bulletin?section=people&limit=1&cursor=${firstPerson.body.nextCursor}`, l.id);
    expect(rest.body.items).toEqual([expect.objectContaining({ rank: 2, staffId: k.id })]);
  });

  it('refuses a close without a policy for the year (422), a bad period (400), and from anyone but a coordinator', async () => {
    expect((await close('2027-Q1')).body.type).toMatch(/pay-policy-missing$/);
    expect((await close('2026-Q5')).status).toBe(400);
    expect((await api.call('POST', '/v1/periods/2026-Q2/close', finance.id)).status).toBe(403);
  });

  it('names every grade the policy lacks (422) before closing', async () => {
    await api.call('PUT', '/v1/pay-policies/2025', coordinator.id, { body: { grades: [{ grade: 'P9', monthlyBase: 1, quarterlyPerformanceBase: 1, annualPerformanceBase: 1 }] } });
    const account = await createKeyAccount(api, coordinator.id, k.id, l.id, '2025-01-01');
    expect(account.id).toBeTruthy();
    const reply = await close('2025-Q4');
    // The run starts (202) and fails with the reason: the 422 problem naming the grade.
    expect(reply.status).toBe(202);
    expect(reply.run).toMatchObject({ status: 'failed', result: null, reason: { status: 422 } });
    expect(reply.body.type).toMatch(/grades-missing-from-policy$/);
    expect(reply.body.errors).toEqual([{ path: 'policy.grades', message: 'missing grade P6' }]);
    // Nothing was kept, and the period is free again (no 409 close-in-progress).
    expect((await api.call('GET', '/v1/periods/2025-Q4/statements', coordinator.id)).body.items).toEqual([]);
    expect(await close('2025-Q4')).toMatchObject({ status: 202, run: { status: 'failed', reason: { status: 422 } } });
  });
});
