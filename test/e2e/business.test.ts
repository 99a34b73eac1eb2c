import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Staff } from '#shared/schemas/staff.ts';
import { createAccount, createKeyAccount, seedTrainedSalesManager } from '#test/support/accounts.ts';
import { type Api, startApi } from '#test/support/api.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

let api: Api;
let coordinator: Staff;
let finance: Staff;
let contactLeader: Staff;
let manager: Staff;
let otherManager: Staff;
let delivery: Staff;
let otherDepartment: Staff;

beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  coordinator = await seedStaff(['coordinator']);
  finance = await seedStaff(['finance'], { department: '财务部' });
  contactLeader = await seedStaff(['contact_leader']);
  manager = await seedTrainedSalesManager();
  otherManager = await seedTrainedSalesManager();
  delivery = await seedStaff(['department_staff'], { department: '交付一部' });
  otherDepartment = await seedStaff(['department_staff'], { department: '交付二部' });
});
afterAll(() => api.close());

const newOpportunity = async (accountId: string, as = manager.id) => {
  const reply = await api.call('POST', '/v1/opportunities', as, {
    body: { accountId, title: '智慧园区二期', source: 'client_visit', estimatedAmount: 180_000_000, expectedCloseOn: '2026-03-31' },
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
};

describe('the whole loop on one key account', () => {
  it('goes opportunity → won projects → delivered → invoiced → paid, showing what is outstanding at each step', async () => {
    const account = await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id);
    const opportunity = await newOpportunity(account.id);
    expect(opportunity).toMatchObject({ stage: 'open', ownerId: manager.id, source: 'client_visit' });

    const updated = await api.call('POST', `/v1/opportunities/${opportunity.id}/updates`, manager.id, { body: { note: '方案已提交客户', stage: 'proposal' } });
    expect(updated.body.stage).toBe('proposal');
    const atProposal = await api.call('GET', '/v1/opportunities?stage=proposal&limit=1', coordinator.id);
    expect(atProposal.body.items.map((o: { id: string }) => o.id)).toEqual([opportunity.id]);
    expect((await api.call('GET', '/v1/opportunities?stage=negotiation', coordinator.id)).body.items).toEqual([]);
    expect((await api.call('GET', `/v1/opportunities/${opportunity.id}/updates`, manager.id)).body.items).toEqual([
      expect.objectContaining({ note: '方案已提交客户', stage: 'proposal', by: manager.id }),
    ]);

    const won = await api.call('POST', `/v1/opportunities/${opportunity.id}/win`, manager.id, {
      body: { wonOn: '2026-02-10', projects: [{ name: '园区网络', department: '交付一部', contractAmount: 100_000_000 }, { name: '园区安防', department: '交付二部', contractAmount: 30_000_000 }] },
    });
    expect(won.status).toBe(201);
    expect(won.body.opportunity).toMatchObject({ stage: 'won', wonOn: '2026-02-10' });
    const [network, security] = won.body.projects;
    let view = (await api.call('GET', `/v1/opportunities/${opportunity.id}`, manager.id)).body;
    expect(view.step).toBe('won');
    expect(view.amounts).toMatchObject({ contractAmount: 130_000_000, toDeliverAmount: 130_000_000, toInvoiceAmount: 130_000_000, toCollectAmount: 0 });

    // The delivering departments record delivery; each sees only its own project.
    expect((await api.call('POST', `/v1/projects/${network.id}/delivery`, delivery.id, { body: { deliveredOn: '2026-03-01' } })).status).toBe(201);
    // Delivering another of the account's projects, 交付一部 knows the account: 403, not 404.
    const notTheirs = await api.call('GET', `/v1/projects/${security.id}`, delivery.id);
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body.type).toMatch(/role-not-allowed$/);
    expect((await api.call('POST', `/v1/projects/${security.id}/delivery`, otherDepartment.id, { body: { deliveredOn: '2026-03-02' } })).status).toBe(201);
    expect((await api.call('GET', `/v1/projects?department=${encodeURIComponent('交付一部')}`, delivery.id)).body.items.map((p: { id: string }) => p.id)).toContain(network.id);
    expect((await api.call('GET', `/v1/projects?department=${encodeURIComponent('交付二部')}`, delivery.id)).status).toBe(403);
    view = (await api.call('GET', `/v1/opportunities/${opportunity.id}`, manager.id)).body;
    expect(view.step).toBe('delivered');

    const invoice = await api.call('POST', `/v1/projects/${network.id}/invoices`, finance.id, { body: { amount: 100_000_000, issuedOn: '2026-03-05', dueOn: '2026-04-04' } });
    expect(invoice.status).toBe(201);
    expect(invoice.headers.get('location')).toBe(`/v1/invoices/${invoice.body.id}`);
    await api.call('POST', `/v1/projects/${security.id}/invoices`, manager.id, { body: { amount: 30_000_000, issuedOn: '2026-03-06', dueOn: '2026-04-05' } });
    view = (await api.call('GET', `/v1/opportunities/${opportunity.id}`, manager.id)).body;
    expect(view.step).toBe('invoiced');
    expect(view.amounts).toMatchObject({ invoicedAmount: 130_000_000, toInvoiceAmount: 0, toCollectAmount: 130_000_000 });

    const part = await api.call('POST', `/v1/invoices/${invoice.body.id}/payments`, finance.id, { body: { amount: 60_000_000, receivedOn: '2026-03-20' } });
    expect(part.status).toBe(201);
    expect(part.body.invoice).toMatchObject({ paidAmount: 60_000_000, status: 'open' });
    const rest = await api.call('POST', `/v1/invoices/${invoice.body.id}/payments`, finance.id, { body: { amount: 40_000_000, receivedOn: '2026-04-10' } });
    expect(rest.body.invoice).toMatchObject({ paidAmount: 100_000_000, status: 'paid' });
    expect((await api.call('GET', `/v1/invoices/${invoice.body.id}`, manager.id)).body.payments.map((p: { amount: number }) => p.amount)).toEqual([60_000_000, 40_000_000]);

    view = (await api.call('GET', `/v1/opportunities/${opportunity.id}`, manager.id)).body;
    expect(view.step).toBe('invoiced');
    expect(view.amounts).toMatchObject({ paidAmount: 100_000_000, toCollectAmount: 30_000_000 });

    const pipeline = await api.call('GET', `/v1/accounts/${account.id}/pipeline`, contactLeader.id);
    expect(pipeline.body).toEqual({
      accountId: account.id,
      open: { count: 0, estimatedAmount: 0 },
      won: { count: 1 },
      lost: { count: 0 },
      amounts: { contractAmount: 130_000_000, deliveredAmount: 130_000_000, invoicedAmount: 130_000_000, paidAmount: 100_000_000, toDeliverAmount: 0, toInvoiceAmount: 0, toCollectAmount: 30_000_000 },
    });
  });
});

describe('refusals', () => {
  it('refuses an invoice past the contract amount and a payment past the unpaid rest (422), changing nothing', async () => {
    const account = await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id);
    const opportunity = await newOpportunity(account.id);
    const [project] = (await api.call('POST', `/v1/opportunities/${opportunity.id}/win`, manager.id, {
      body: { wonOn: '2026-02-10', projects: [{ name: 'p', department: '交付一部', contractAmount: 1_000 }] },
    })).body.projects;
    const invoice = (amount: number) => api.call('POST', `/v1/projects/${project.id}/invoices`, finance.id, { body: { amount, issuedOn: '2026-03-01', dueOn: '2026-03-31' } });
    const first = await invoice(700);
    const over = await invoice(301);
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ type: expect.stringMatching(/over-invoiced$/), errors: [{ path: 'body.amount', message: 'must not exceed 300' }] });
    expect((await invoice(300)).status).toBe(201);
    expect((await api.call('GET', `/v1/projects/${project.id}`, manager.id)).body.invoicedAmount).toBe(1_000);

    const pay = (amount: number) => api.call('POST', `/v1/invoices/${first.body.id}/payments`, finance.id, { body: { amount, receivedOn: '2026-03-10' } });
    expect((await pay(500)).status).toBe(201);
    const overPaid = await pay(201);
    expect(overPaid.status).toBe(422);
    expect(overPaid.body.type).toMatch(/over-paid$/);
    expect((await api.call('GET', `/v1/invoices/${first.body.id}`, finance.id)).body.paidAmount).toBe(500);
    expect((await pay(0)).status).toBe(400);
    const badDates = await api.call('POST', `/v1/projects/${project.id}/invoices`, finance.id, { body: { amount: 1, issuedOn: '2026-03-01', dueOn: '2026-02-01' } });
    expect(badDates.body.errors).toEqual([{ path: 'body.dueOn', message: 'must not be before issuedOn' }]);
  });

  it('never reopens a closed opportunity silently', async () => {
    const opportunity = await newOpportunity((await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id)).id);
    expect((await api.call('POST', `/v1/opportunities/${opportunity.id}/lose`, manager.id, { body: { lostOn: '2026-02-01', reason: '价格过高' } })).body).toMatchObject({ stage: 'lost', lostReason: '价格过高' });
    const reopen = await api.call('POST', `/v1/opportunities/${opportunity.id}/updates`, manager.id, { body: { note: '再试一次', stage: 'open' } });
    expect(reopen.status).toBe(409);
    expect(reopen.body.type).toMatch(/opportunity-closed$/);
    const winLost = await api.call('POST', `/v1/opportunities/${opportunity.id}/win`, manager.id, { body: { wonOn: '2026-03-01', projects: [{ name: 'p', department: 'd', contractAmount: 1 }] } });
    expect(winLost.status).toBe(409);
  });
});

describe('a retried win', () => {
  it('with the same Idempotency-Key returns the first reply and creates one set of projects; without it, 409', async () => {
    const account = await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id);
    const opportunity = await newOpportunity(account.id);
    const body = { wonOn: '2026-02-10', projects: [{ name: 'A', department: '交付一部', contractAmount: 500 }, { name: 'B', department: '交付一部', contractAmount: 700 }] };
    const headers = { 'idempotency-key': `win-${opportunity.id}` };
    const replies = await Promise.all([0, 1].map(() => api.call('POST', `/v1/opportunities/${opportunity.id}/win`, manager.id, { body, headers })));
    const statuses = replies.map((r) => r.status).sort();
    // Both arrive at once: one wins, the other is told the same key is still in flight (409).
    expect(statuses[0]).toBe(201);
    expect([201, 409]).toContain(statuses[1]);
    const retry = await api.call('POST', `/v1/opportunities/${opportunity.id}/win`, manager.id, { body, headers });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(replies.find((r) => r.status === 201)?.body);
    const projects = await api.call('GET', `/v1/projects?accountId=${account.id}`, manager.id);
    expect(projects.body.items).toHaveLength(2);
    expect((await api.call('POST', `/v1/opportunities/${opportunity.id}/win`, manager.id, { body })).status).toBe(409);
  });
});

describe('exclusive ownership on opportunities', () => {
  it('lets only the account’s people and the coordination group open or move opportunities on a key account', async () => {
    const account = await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id);
    const body = { accountId: account.id, title: '抢单', source: 'sales', estimatedAmount: 1 };
    const refused = await api.call('POST', '/v1/opportunities', otherManager.id, { body });
    expect(refused.status).toBe(403);
    expect(refused.body.type).toMatch(/account-owned$/);
    expect((await api.call('POST', '/v1/opportunities', contactLeader.id, { body })).status).toBe(201);
    expect((await api.call('POST', '/v1/opportunities', coordinator.id, { body })).status).toBe(201);
    const opportunity = await newOpportunity(account.id);
    // Another sales manager is told the account is owned, on every route of it (one rule, 403 account-owned).
    for (const [method, path] of [['POST', `/v1/opportunities/${opportunity.id}/updates`], ['GET', `/v1/opportunities/${opportunity.id}`], ['GET', `/v1/opportunities?accountId=${account.id}`]] as const) {
      const reply = await api.call(method, path, otherManager.id, method === 'POST' ? { body: { note: 'x' } } : {});
      expect(reply.status, path).toBe(403);
      expect(reply.body.type, path).toMatch(/account-owned$/);
    }
    expect((await api.call('GET', `/v1/opportunities?ownerId=${manager.id}`, manager.id)).body.items.map((o: { id: string }) => o.id)).toContain(opportunity.id);
    expect((await api.call('GET', '/v1/opportunities?stage=open', manager.id)).status).toBe(403);
    expect((await api.call('POST', '/v1/opportunities', finance.id, { body })).status).toBe(403);
  });

  it('leaves normal accounts open to every salesperson', async () => {
    const account = await createAccount(api, coordinator.id);
    expect((await api.call('POST', '/v1/opportunities', otherManager.id, { body: { accountId: account.id, title: '新客户', source: 'sales', estimatedAmount: 1 } })).status).toBe(201);
  });
});

describe('receivables', () => {
  it('ages unpaid invoices into current, 1–30, 31–90 and 90+ on a fixed day, per account and per sales manager', async () => {
    const account = await createKeyAccount(api, coordinator.id, contactLeader.id, otherManager.id);
    const opportunity = await newOpportunity(account.id, otherManager.id);
    const [project] = (await api.call('POST', `/v1/opportunities/${opportunity.id}/win`, otherManager.id, {
      body: { wonOn: '2025-01-01', projects: [{ name: 'p', department: '交付一部', contractAmount: 10_000 }] },
    })).body.projects;
    for (const [amount, dueOn] of [[1_000, '2026-07-01'], [2_000, '2026-06-15'], [3_000, '2026-05-01'], [4_000, '2026-03-01']] as const) {
      await api.call('POST', `/v1/projects/${project.id}/invoices`, finance.id, { body: { amount, issuedOn: '2025-12-01', dueOn } });
    }
    const asOf = '2026-06-30';
    const all = await api.call('GET', `/v1/receivables?asOf=${asOf}`, otherManager.id);
    expect(all.status).toBe(200);
    expect(all.body.totals).toEqual({ current: 1_000, days1to30: 2_000, days31to90: 3_000, days90plus: 4_000, total: 10_000 });
    expect(all.body.byAccount).toEqual([{ accountId: account.id, name: account.name, salesManagerId: otherManager.id, buckets: all.body.totals }]);
    expect(all.body.bySalesManager).toEqual([{ salesManagerId: otherManager.id, buckets: all.body.totals }]);
    const overdue = await api.call('GET', `/v1/receivables?overdue=true&asOf=${asOf}`, otherManager.id);
    expect(overdue.body.totals).toEqual({ current: 0, days1to30: 2_000, days31to90: 3_000, days90plus: 4_000, total: 9_000 });
    expect(overdue.body.items.map((i: { daysOverdue: number }) => i.daysOverdue)).toEqual([121, 60, 15]);
    // Finance sees it too; another sales manager does not.
    expect((await api.call('GET', `/v1/receivables?asOf=${asOf}`, finance.id)).body.byAccount.map((a: { accountId: string }) => a.accountId)).toContain(account.id);
    expect((await api.call('GET', `/v1/receivables?asOf=${asOf}`, manager.id)).body.byAccount.map((a: { accountId: string }) => a.accountId)).not.toContain(account.id);
    expect((await api.call('GET', '/v1/receivables', delivery.id)).status).toBe(403);
  });
});

describe('replacing the delivering department', () => {
  it('moves an undelivered project to another department, keeps the change, and refuses it once delivered', async () => {
    const account = await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id);
    const opportunity = await newOpportunity(account.id);
    const [project] = (await api.call('POST', `/v1/opportunities/${opportunity.id}/win`, manager.id, {
      body: { wonOn: '2026-02-10', projects: [{ name: '园区网络', department: '交付一部', contractAmount: 1_000 }] },
    })).body.projects;
    const path = `/v1/projects/${project.id}/department-changes`;
    const body = { department: '交付二部', effectiveOn: '2026-03-01', reason: 'unfit' };
    expect((await api.call('POST', path, manager.id, { body })).status).toBe(403);
    expect((await api.call('POST', path, coordinator.id, { body: { ...body, effectiveOn: '2026-01-01' } })).body.type).toMatch(/department-change-before-current$/);
    const moved = await api.call('POST', path, coordinator.id, { body });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ department: '交付二部', version: 2 });
    expect((await api.call('POST', path, coordinator.id, { body })).body.type).toMatch(/same-department$/);
    expect((await api.call('GET', path, manager.id)).body.items).toEqual([
      expect.objectContaining({ from: '交付一部', to: '交付二部', effectiveOn: '2026-03-01', reason: 'unfit', changedBy: coordinator.id }),
    ]);
    // The department that lost it no longer sees it; the new one does, and delivers it.
    expect((await api.call('GET', `/v1/projects/${project.id}`, delivery.id)).status).toBe(404);
    expect((await api.call('POST', `/v1/projects/${project.id}/delivery`, otherDepartment.id, { body: { deliveredOn: '2026-04-01' } })).status).toBe(201);
    const late = await api.call('POST', path, coordinator.id, { body: { ...body, department: '交付一部', effectiveOn: '2026-05-01' } });
    expect(late.body.type).toMatch(/already-delivered$/);
  });
});
