import { beforeAll, describe, expect, it } from 'vitest';
import * as store from '#shared/db/business.ts';
import { all, get, page } from '#shared/db/entity.ts';
import { newOpportunity, win } from '#shared/domain/business.ts';
import { NotFound, PreconditionFailed } from '#shared/errors.ts';
import type { Invoice, Project } from '#shared/schemas/business.ts';
import { createTestTable } from '#test/support/table.ts';

const audit = { actorId: 'tester', requestId: 'req', at: '2026-11-26T08:00:00.000Z' };
const project = (id: string, accountId: string, wonOn: string, contractAmount: number): Project => ({
  id, opportunityId: `O-${id}`, accountId, name: id, department: '交付一部', contractAmount, wonOn, deliveredOn: null, invoicedAmount: 0, paidAmount: 0, version: 1,
});

/** Writes a won opportunity with its projects as the win use case does. */
const won = async (oppId: string, accountId: string, wonOn: string, projects: Project[]) => {
  const open = newOpportunity(oppId, { accountId, title: oppId, source: 'sales', estimatedAmount: 1 }, 'M', '2026-01-01', `2026-01-01T00:00:00Z`);
  await store.insertOpportunity(open, audit);
  await store.saveWin(open, win(open, wonOn, projects.map((p) => p.id)), projects, audit);
};

beforeAll(createTestTable);

describe('business loop entities against DynamoDB Local', () => {
  it('writes a win and its projects together, once: a second win on the same version writes nothing', async () => {
    const open = newOpportunity('W-1', { accountId: 'WA', title: 'x', source: 'sales', estimatedAmount: 1 }, 'M', '2026-01-01', '2026-01-01T00:00:00Z');
    await store.insertOpportunity(open, audit);
    await store.saveWin(open, win(open, '2026-02-01', ['WP-1']), [project('WP-1', 'WA', '2026-02-01', 100)], audit);
    await expect(store.saveWin(open, win(open, '2026-02-02', ['WP-2']), [project('WP-2', 'WA', '2026-02-02', 100)], audit)).rejects.toBeInstanceOf(PreconditionFailed);
    expect(await get(store.projects, { id: 'WP-2' })).toBeUndefined();
    expect((await get(store.opportunities, { id: 'W-1' }))?.projectIds).toEqual(['WP-1']);
  });

  it('finds an account’s contract credit by won date, both ends inclusive (pay close)', async () => {
    await won('C-1', 'CA', '2026-01-01', [project('CP-1', 'CA', '2026-01-01', 100), project('CP-2', 'CA', '2026-01-01', 50)]);
    await won('C-2', 'CA', '2026-03-31', [project('CP-3', 'CA', '2026-03-31', 30)]);
    await won('C-3', 'CA', '2026-04-01', [project('CP-4', 'CA', '2026-04-01', 7)]);
    await won('C-4', 'OTHER', '2026-02-01', [project('CP-5', 'OTHER', '2026-02-01', 9)]);
    const q1 = await store.listProjectsWonBetween('CA', '2026-01-01', '2026-03-31');
    expect(q1.map((p) => p.id).sort()).toEqual(['CP-1', 'CP-2', 'CP-3']);
    expect(q1.reduce((sum, p) => sum + p.contractAmount, 0)).toBe(180);
    expect((await store.wonRevenueByAccount(2026)).get('CA')).toBe(187);
  });

  it('caps invoices at the contract amount even when two race', async () => {
    const p = project('IP-1', 'IA', '2026-02-01', 100);
    await won('I-1', 'IA', '2026-02-01', [p]);
    const invoice = (id: string, amount: number): Invoice => ({ id, projectId: 'IP-1', accountId: 'IA', amount, issuedOn: '2026-02-05', dueOn: '2026-03-05', paidAmount: 0, status: 'open', version: 1 });
    const results = await Promise.all([store.insertInvoice(p, invoice('INV-1', 60), audit), store.insertInvoice(p, invoice('INV-2', 60), audit)]);
    expect(results.sort()).toEqual([false, true]);
    expect((await get(store.projects, { id: 'IP-1' }))?.invoicedAmount).toBe(60);
    expect(await store.insertInvoice(p, invoice('INV-3', 40), audit)).toBe(true);
    expect(await store.insertInvoice(p, invoice('INV-4', 1), audit)).toBe(false);
  });

  it('finds an account’s payments by received date; a fully paid invoice leaves the receivables', async () => {
    const p = project('PP-1', 'PA', '2026-02-01', 1000);
    await won('P-1', 'PA', '2026-02-01', [p]);
    const invoice: Invoice = { id: 'PINV-1', projectId: 'PP-1', accountId: 'PA', amount: 1000, issuedOn: '2026-02-05', dueOn: '2026-03-05', paidAmount: 0, status: 'open', version: 1 };
    await store.insertInvoice(p, invoice, audit);
    expect((await all(store.invoices, 'receivables', {})).map((i) => i.id)).toContain('PINV-1');
    const pay = (id: string, amount: number, receivedOn: string) => ({ id, invoiceId: 'PINV-1', projectId: 'PP-1', accountId: 'PA', amount, receivedOn, recordedBy: 'F' });
    const afterFirst = await store.insertPayment(invoice, pay('PAY-1', 400, '2026-03-31'), audit);
    await expect(store.insertPayment(invoice, pay('PAY-X', 600, '2026-04-01'), audit)).rejects.toBeInstanceOf(PreconditionFailed);
    const afterSecond = await store.insertPayment(afterFirst, pay('PAY-2', 600, '2026-04-01'), audit);
    expect(afterSecond).toMatchObject({ paidAmount: 1000, status: 'paid' });
    expect((await all(store.invoices, 'receivables', {})).map((i) => i.id)).not.toContain('PINV-1');
    expect((await store.listPaymentsReceivedBetween('PA', '2026-01-01', '2026-03-31')).map((x) => x.id)).toEqual(['PAY-1']);
    expect((await store.listPaymentsReceivedBetween('PA', '2026-04-01', '2026-06-30')).map((x) => x.id)).toEqual(['PAY-2']);
    expect((await get(store.projects, { id: 'PP-1' }))?.paidAmount).toBe(1000);
    await expect(store.insertPayment({ ...invoice, id: 'NOPE' }, pay('PAY-3', 1, '2026-04-01'), audit)).rejects.toBeInstanceOf(NotFound);
  });

  it('lists opportunities by account, by owner, and open ones by last activity', async () => {
    for (const [id, owner, day] of [['L-1', 'OW1', '2026-01-01'], ['L-2', 'OW2', '2026-03-01']] as const) {
      await store.insertOpportunity(newOpportunity(id, { accountId: 'LA', title: id, source: 'leadership', estimatedAmount: 5 }, owner, day, `${day}T00:00:00Z`), audit);
    }
    expect((await page(store.opportunities, 'byAccount', { accountId: 'LA' }, 50)).items.map((o) => o.id)).toEqual(['L-1', 'L-2']);
    expect((await page(store.opportunities, 'byOwner', { ownerId: 'OW2' }, 50)).items.map((o) => o.id)).toEqual(['L-2']);
    const stale = (await store.listOpportunitiesByStatus('open', 200, undefined, '2026-02-01')).items.map((o) => o.id);
    expect(stale).toContain('L-1');
    expect(stale).not.toContain('L-2');
  });
});
