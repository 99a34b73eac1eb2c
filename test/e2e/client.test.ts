import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKamClient } from '#clients/typescript/index.ts';
import { dayOfWork } from '#clients/typescript/examples/day-of-work.ts';
import type { Staff } from '#shared/schemas/staff.ts';
import { type Api, startApi } from '#test/support/api.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

let api: Api;
let coordinator: Staff;
beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  coordinator = await seedStaff(['coordinator']);
});
afterAll(() => api.close());

describe('the typed client', () => {
  it('does a day’s work end to end (clients/typescript/examples/day-of-work.ts)', { timeout: 60_000 }, async () => {
    const day = await dayOfWork({ baseUrl: api.base, coordinatorToken: await api.token(coordinator.id), tokenFor: (id) => api.token(id), on: '2026-03-10' });

    expect(day.account).toMatchObject({ tier: 'key', contactLeaderId: day.people.leader.id, salesManagerId: day.people.manager.id });
    expect(day.visit).toMatchObject({ accountId: day.account.id, type: 'formal_visit', visitedOn: '2026-03-10' });
    expect(day.view.step).toBe('paid');
    expect(day.view.opportunity).toMatchObject({ accountId: day.account.id, stage: 'won', wonOn: '2026-03-10', ownerId: day.people.manager.id });
    expect(day.view.amounts).toMatchObject({ contractAmount: 48_000_000, invoicedAmount: 48_000_000, paidAmount: 48_000_000, toInvoiceAmount: 0, toCollectAmount: 0 });
    expect(day.invoice).toMatchObject({ projectId: day.project.id, amount: 48_000_000, paidAmount: 48_000_000, status: 'paid' });

    // The state as anyone reads it afterwards, through the client again.
    const finance = createKamClient({ baseUrl: api.base, token: await api.token(day.people.cashier.id) });
    const invoice = await finance.GET('/v1/invoices/{id}', { params: { path: { id: day.invoice.id } } });
    expect(invoice.response.status).toBe(200);
    expect(invoice.data?.payments.map((p) => p.amount)).toEqual([48_000_000]);
    const visits = await createKamClient({ baseUrl: api.base, token: await api.token(coordinator.id) }).GET('/v1/accounts/{id}/visits', {
      params: { path: { id: day.account.id }, query: { from: '2026-03-01', to: '2026-03-31' } },
    });
    expect(visits.data?.items.map((v) => v.id)).toEqual([day.visit.id]);
  });

  it('hands back the problem of a refused call, typed by the document', async () => {
    const client = createKamClient({ baseUrl: api.base, token: await api.token(coordinator.id) });
    const reply = await client.GET('/v1/staff/{id}', { params: { path: { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' } } });
    expect(reply.response.status).toBe(404);
    expect(reply.error).toMatchObject({ status: 404 });
    const anonymous = await createKamClient({ baseUrl: api.base, token: 'not-a-token' }).GET('/v1/staff', {});
    expect(anonymous.response.status).toBe(401);
  });
});
