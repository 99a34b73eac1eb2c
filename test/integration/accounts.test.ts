import { beforeAll, describe, expect, it } from 'vitest';
import * as store from '#shared/db/accounts.ts';
import { all } from '#shared/db/entity.ts';
import { newAccount, designate } from '#shared/domain/accounts.ts';
import { type Assignment, reassign } from '#shared/domain/assignments.ts';
import { Conflict, PreconditionFailed } from '#shared/errors.ts';
import { createTestTable } from '#test/support/table.ts';

const audit = { actorId: 'tester', requestId: 'req', at: '2026-11-26T08:00:00.000Z' };
const account = (id: string, name: string, creditCode?: string) => newAccount(id, { name, industry: '制造', creditCode }, 'tester', audit.at);

/** A key account with its two first intervals, written as the designation use case writes them. */
const designated = async (id: string, leader: string, manager: string, from: string) => {
  const normal = account(id, `客户${id}`);
  await store.insertAccount(normal, audit);
  const key = designate(normal, leader, manager, from);
  const opened = (role: Assignment['role'], staffId: string): Assignment => ({ role, staffId, from, to: null, reason: 'designation' });
  await store.replaceAccount(normal, key, { action: 'designate', ctx: audit, onlyIfNormal: true, with: [store.openAssignment(id, opened('contact_leader', leader)), store.openAssignment(id, opened('sales_manager', manager))] });
  return key;
};

beforeAll(createTestTable);

describe('account entity against DynamoDB Local', () => {
  it('registers a credit code once: a second account with it is a 409 naming the first', async () => {
    await store.insertAccount(account('CC-1', '华为', '914403001922038216'), audit);
    const error = await store.insertAccount(account('CC-2', '华为二', '914403001922038216'), audit).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).message).toContain('CC-1');
    expect(await store.getAccountById('CC-2')).toBeUndefined();
    expect(await store.accountIdByCreditCode('914403001922038216')).toBe('CC-1');
  });

  it('moves the credit-code claim when the code changes, freeing the old one', async () => {
    const before = account('CC-3', '腾讯', '9144030071526726XG');
    await store.insertAccount(before, audit);
    await store.replaceAccount(before, { ...before, creditCode: '91350100M000100Y43', version: 2 }, { action: 'update', ctx: audit });
    expect(await store.accountIdByCreditCode('9144030071526726XG')).toBeUndefined();
    expect(await store.accountIdByCreditCode('91350100M000100Y43')).toBe('CC-3');
  });

  it('designates only a normal account: a second designation finds it key (409)', async () => {
    const key = await designated('D-1', 'K1', 'M1', '2026-01-01');
    const stale = account('D-1', '客户D-1');
    await expect(store.replaceAccount(stale, designate(stale, 'K2', 'M2', '2026-02-01'), { action: 'designate', ctx: audit, onlyIfNormal: true })).rejects.toBeInstanceOf(Conflict);
    expect((await store.getAccountById('D-1'))?.salesManagerId).toBe(key.salesManagerId);
  });

  it('answers who held a role on a given day with one keyed query, across a reassignment', async () => {
    await designated('H-1', 'K1', 'M1', '2026-01-01');
    const current = (await store.listAssignments('H-1')).find((a) => a.role === 'sales_manager' && a.to === null) as Assignment;
    const { closed, opened } = reassign(current, 'M2', '2026-04-01', 'unfit');
    await store.replaceAccount((await store.getAccountById('H-1'))!, { ...(await store.getAccountById('H-1'))!, salesManagerId: 'M2', version: 3 }, { action: 'reassign', ctx: audit, with: [store.closeAssignment('H-1', closed), store.openAssignment('H-1', opened)] });
    expect(await store.holderOnDay('H-1', 'sales_manager', '2025-12-31')).toBeUndefined();
    expect((await store.holderOnDay('H-1', 'sales_manager', '2026-03-31'))?.staffId).toBe('M1');
    expect((await store.holderOnDay('H-1', 'sales_manager', '2026-04-01'))?.staffId).toBe('M2');
    expect((await store.holderOnDay('H-1', 'sales_manager', '2030-01-01'))?.staffId).toBe('M2');
    expect((await store.holderOnDay('H-1', 'contact_leader', '2026-06-30'))?.staffId).toBe('K1');
  });

  it('refuses to end an interval twice (a racing reassignment loses)', async () => {
    await designated('H-2', 'K1', 'M1', '2026-01-01');
    const current = (await store.listAssignments('H-2')).find((a) => a.role === 'sales_manager') as Assignment;
    const first = reassign(current, 'M2', '2026-04-01', 'other');
    const second = reassign(current, 'M3', '2026-05-01', 'other');
    await store.replaceAccount((await store.getAccountById('H-2'))!, { ...(await store.getAccountById('H-2'))!, salesManagerId: 'M2', version: 3 }, { action: 'reassign', ctx: audit, with: [store.closeAssignment('H-2', first.closed), store.openAssignment('H-2', first.opened)] });
    const account3 = (await store.getAccountById('H-2'))!;
    await expect(
      store.replaceAccount(account3, { ...account3, salesManagerId: 'M3', version: 4 }, { action: 'reassign', ctx: audit, with: [store.closeAssignment('H-2', second.closed), store.openAssignment('H-2', second.opened)] }),
    ).rejects.toThrow();
    expect((await store.getAccountById('H-2'))?.salesManagerId).toBe('M2');
  });

  it('lists what a person held during a period, and what they hold now', async () => {
    await designated('P-1', 'KP', 'MP', '2026-01-01');
    await designated('P-2', 'KP', 'MX', '2026-05-01');
    const current = (await store.listAssignments('P-1')).find((a) => a.role === 'contact_leader') as Assignment;
    const { closed, opened } = reassign(current, 'KQ', '2026-03-01', 'customer_request');
    const p1 = (await store.getAccountById('P-1'))!;
    await store.replaceAccount(p1, { ...p1, contactLeaderId: 'KQ', version: p1.version + 1 }, { action: 'reassign', ctx: audit, with: [store.closeAssignment('P-1', closed), store.openAssignment('P-1', opened)] });

    const held = async (from: string, to: string) => (await store.listHoldings('KP', { from, to })).map((h) => h.accountId).sort();
    expect(await held('2026-01-01', '2026-03-31')).toEqual(['P-1']);
    expect(await held('2026-03-01', '2026-04-30')).toEqual([]);
    expect(await held('2026-04-01', '2026-06-30')).toEqual(['P-2']);
    expect(await held('2026-01-01', '2026-12-31')).toEqual(['P-1', 'P-2']);
    expect((await store.listHoldings('KP')).map((h) => h.accountId)).toEqual(['P-2']);
  });

  it('lists accounts by tier and name prefix, by holder, and those flagged for reassignment', async () => {
    await store.insertAccount(account('N-1', '北京银行'), audit);
    await store.insertAccount(account('N-2', '北京电力'), audit);
    await store.insertAccount(account('N-3', '上海电力'), audit);
    await designated('N-4', 'KN', 'MN', '2026-01-01');
    const names = (page: { items: { name: string }[] }) => page.items.map((a) => a.name);
    expect(names(await store.listAccounts({ tier: 'normal', name: '北京', limit: 50 }))).toEqual(['北京电力', '北京银行']);
    expect(names(await store.listAccounts({ name: '上海', limit: 50 }))).toEqual(['上海电力']);
    expect(names(await store.listAccounts({ ownerId: 'MN', limit: 50 }))).toEqual(['客户N-4']);
    const { transactWrite } = await import('#shared/db/transact.ts');
    await transactWrite(store.flagForReassignment('N-4', 'sales_manager', '2026-06-30'));
    const flagged = await store.listAccounts({ needsReassignment: true, limit: 50 });
    expect(flagged.items.map((a) => [a.id, a.needsReassignment])).toEqual([['N-4', ['sales_manager']]]);
  });

  it('keeps targets versioned: a stale writer gets 412', async () => {
    const targets = { accountId: 'T-1', year: 2026, contractAmount: 100, collectionAmount: 80, quarters: { contract: [25, 25, 25, 25] as [number, number, number, number], collection: [20, 20, 20, 20] as [number, number, number, number] }, split: 'equal' as const, version: 1 };
    await store.putTargets(targets, null, audit);
    await expect(store.putTargets(targets, null, audit)).rejects.toBeInstanceOf(PreconditionFailed);
    await store.putTargets({ ...targets, contractAmount: 200, version: 2 }, 1, audit, targets);
    await expect(store.putTargets({ ...targets, version: 2 }, 1, audit)).rejects.toBeInstanceOf(PreconditionFailed);
    expect((await store.getTargets('T-1', 2026))?.contractAmount).toBe(200);
    await store.putTargets({ ...targets, accountId: 'T-2', year: 2026 }, null, audit);
    await store.putTargets({ ...targets, accountId: 'T-3', year: 2027 }, null, audit);
    expect((await all(store.targets, 'byYear', { year: 2026 })).map((t) => [t.accountId, t.contractAmount]).sort()).toEqual([['T-1', 200], ['T-2', 100]]);
  });

  it('lists every account’s recorded revenue for a year', async () => {
    await store.putRevenue({ accountId: 'R-1', year: 2031, annualRevenueAmount: 500, version: 1 }, null, audit);
    await store.putRevenue({ accountId: 'R-2', year: 2031, annualRevenueAmount: 300, version: 1 }, null, audit);
    await store.putRevenue({ accountId: 'R-1', year: 2032, annualRevenueAmount: 999, version: 1 }, null, audit);
    expect((await store.listRevenueByYear(2031)).sort((a, b) => a.accountId.localeCompare(b.accountId))).toEqual([
      { accountId: 'R-1', amount: 500 },
      { accountId: 'R-2', amount: 300 },
    ]);
  });
});
