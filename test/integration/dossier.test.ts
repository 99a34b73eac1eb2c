import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import * as accounts from '#shared/db/accounts.ts';
import { listAuditTrail } from '#shared/db/audit.ts';
import { db, dynamo } from '#shared/db/client.ts';
import * as store from '#shared/db/dossier.ts';
import * as entity from '#shared/db/entity.ts';
import { designate, newAccount } from '#shared/domain/accounts.ts';
import { editEntry, newEntry } from '#shared/domain/dossier.ts';
import type { Caller } from '#shared/domain/staff.ts';
import { BadRequest, Forbidden, NotFound, PreconditionFailed, RuleViolation } from '#shared/errors.ts';
import type { Account } from '#shared/schemas/accounts.ts';
import type { Role } from '#shared/schemas/common.ts';
import type { DossierAccess, DossierGrant } from '#shared/schemas/dossier.ts';
import * as dossier from '#shared/usecases/dossier.ts';
import { seedDeparted, seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

/** 10:00 on 2026-03-10 in Shanghai. */
const audit = { actorId: 'tester', requestId: 'req', at: '2026-03-10T02:00:00.000Z' };
const at = (iso: string) => ({ ...audit, at: iso });
const page = { limit: 50 };

const keyAccount = async (manager = 'M1', leader = 'K1'): Promise<Account> => {
  const id = ulid();
  const normal = newAccount(id, { name: `客户${id}`, industry: '能源' }, 'tester', audit.at);
  await accounts.insertAccount(normal, audit);
  const key = designate(normal, leader, manager, '2026-01-01');
  await accounts.replaceAccount(normal, key, { action: 'designate', ctx: audit, onlyIfNormal: true });
  return key;
};
const normalAccount = async (): Promise<Account> => {
  const account = newAccount(ulid(), { name: `普通${ulid()}`, industry: '能源' }, 'tester', audit.at);
  await accounts.insertAccount(account, audit);
  return account;
};
const entry = (accountId: string, title = '董事长', content = '张总，手机 138 0000 0000') =>
  newEntry(ulid(), accountId, { kind: 'contact', title, content }, 'M1', audit.at);
const grant = (accountId: string, staffId: string, expiresOn: string): DossierGrant => ({
  id: ulid(), accountId, staffId, expiresOn, grantedBy: 'COORD', grantedAt: audit.at,
});
const who = (id: string, roles: Role[]): Caller => ({ id, roles, department: '市场部' });

beforeAll(createTestTable);

describe('dossier entries against DynamoDB Local', () => {
  it('keeps every version as an item of its own: the dossier lists the current one, the versions list all', async () => {
    // Prepare
    const account = await keyAccount();
    const first = entry(account.id);
    await store.insertEntry(first, audit);
    // Act
    const second = editEntry(first, { content: '张总，手机 139 0000 0000' }, 'M1', '2026-03-11T00:00:00.000Z');
    await store.replaceEntry(first, second, audit);
    // Assess
    expect(await entity.get(store.dossierEntries, { accountId: account.id, id: first.id })).toEqual(second);
    expect((await entity.page(store.dossierEntries, 'current', { accountId: account.id }, 50)).items).toEqual([second]);
    expect((await entity.page(store.dossierEntries, 'versions', { accountId: account.id, id: first.id }, 50)).items).toEqual([first, second]);
  });

  it('refuses a stale edit with 412 and an edit of a missing entry with 404, adding no version', async () => {
    // Prepare
    const account = await keyAccount();
    const first = entry(account.id);
    await store.insertEntry(first, audit);
    const second = editEntry(first, { title: '董事长（新）' }, 'M1', audit.at);
    await store.replaceEntry(first, second, audit);
    // Act: both settle before either is asserted, so no rejection goes unhandled meanwhile.
    const ghost = entry(account.id);
    const [stale, missing] = await Promise.allSettled([
      store.replaceEntry(first, editEntry(first, { title: '覆盖' }, 'M1', audit.at), audit),
      store.replaceEntry(ghost, editEntry(ghost, { title: 'x' }, 'M1', audit.at), audit),
    ]);
    // Assess
    expect(stale).toEqual({ status: 'rejected', reason: expect.any(PreconditionFailed) });
    expect(missing).toEqual({ status: 'rejected', reason: expect.any(NotFound) });
    expect((await entity.page(store.dossierEntries, 'versions', { accountId: account.id, id: first.id }, 50)).items.map((v) => v.title)).toEqual(['董事长', '董事长（新）']);
    expect(await entity.get(store.dossierEntries, { accountId: account.id, id: ghost.id })).toBeUndefined();
  });

  it('writes an audit record with each change in the same transaction, leaving the content out of it', async () => {
    const account = await keyAccount();
    const first = entry(account.id, '合同', '机密条款');
    await store.insertEntry(first, audit);
    await store.replaceEntry(first, editEntry(first, { content: '机密条款二' }, 'M1', audit.at), audit);
    const trail = await listAuditTrail('dossier-entry', first.id);
    expect(trail.map((a) => [a.action, (a.after as { version: number }).version])).toEqual([['create', 1], ['update', 2]]);
    expect(JSON.stringify(trail)).not.toContain('机密条款');
  });

  it('pages an account’s dossier with a cursor that only that list accepts', async () => {
    // Prepare
    const account = await keyAccount();
    const other = await keyAccount();
    const written = [entry(account.id, '一'), entry(account.id, '二'), entry(account.id, '三')];
    for (const e of written) await store.insertEntry(e, audit);
    await store.insertEntry(entry(other.id, '别家'), audit);
    // Act
    const first = await entity.page(store.dossierEntries, 'current', { accountId: account.id }, 2);
    const rest = await entity.page(store.dossierEntries, 'current', { accountId: account.id }, 2, first.nextCursor ?? undefined);
    // Assess
    // Ids are ULIDs: by creation time, and within one millisecond in any order.
    expect([...first.items, ...rest.items]).toEqual(written.sort((a, b) => a.id.localeCompare(b.id)));
    expect(rest.nextCursor).toBeNull();
    await expect(entity.page(store.dossierEntries, 'current', { accountId: other.id }, 2, first.nextCursor ?? undefined)).rejects.toBeInstanceOf(BadRequest);
  });
});

describe('dossier grants against DynamoDB Local', () => {
  it('answers whether a person holds a grant on an account with one keyed query, expired grants included, never another’s', async () => {
    // Prepare
    const account = await keyAccount();
    const mine = [grant(account.id, 'S1', '2026-01-31'), grant(account.id, 'S1', '2026-12-31')];
    for (const g of [...mine, grant(account.id, 'S10', '2026-12-31'), grant((await keyAccount()).id, 'S1', '2026-12-31')]) await store.insertGrant(g, audit);
    // Act
    const found = await entity.all(store.dossierGrants, 'ofStaff', { accountId: account.id, staffId: 'S1' });
    // Assess
    expect(found.sort((a, b) => a.id.localeCompare(b.id))).toEqual(mine.sort((a, b) => a.id.localeCompare(b.id)));
    expect(await entity.all(store.dossierGrants, 'ofStaff', { accountId: account.id, staffId: 'S2' })).toEqual([]);
  });

  it('lists an account’s grants a page at a time, or one person’s, each with its audit record', async () => {
    const account = await keyAccount();
    const grants = [grant(account.id, 'A', '2026-12-31'), grant(account.id, 'B', '2026-12-31'), grant(account.id, 'C', '2026-12-31')];
    for (const g of grants) await store.insertGrant(g, audit);
    const first = await store.listGrants(account.id, 2);
    const rest = await store.listGrants(account.id, 2, first.nextCursor ?? undefined);
    expect([...first.items, ...rest.items].map((g) => g.staffId)).toEqual(['A', 'B', 'C']);
    expect((await store.listGrants(account.id, 50, undefined, 'B')).items).toEqual([grants[1]]);
    expect((await listAuditTrail('dossier-grant', grants[0]?.id ?? '')).map((a) => a.action)).toEqual(['create']);
  });
});

describe('the dossier access log against DynamoDB Local', () => {
  it('lists reads newest first, a page at a time, each logged with an audit record', async () => {
    // Prepare
    const accountId = ulid();
    const read = (iso: string): DossierAccess => ({
      id: ulid(), accountId, readerId: 'R1', at: iso, operation: 'listDossier', basis: 'grant', grantId: 'G1', entries: [{ id: 'E1', version: 2 }],
    });
    const reads = [read('2026-03-10T01:00:00.000Z'), read('2026-03-10T03:00:00.000Z'), read('2026-03-10T02:00:00.000Z')];
    for (const r of reads) await store.appendAccessLog(r, audit);
    // Act
    const first = await entity.page(store.dossierAccessLog, 'newestFirst', { accountId }, 2);
    const rest = await entity.page(store.dossierAccessLog, 'newestFirst', { accountId }, 2, first.nextCursor ?? undefined);
    // Assess
    expect([...first.items, ...rest.items].map((r) => r.at)).toEqual(['2026-03-10T03:00:00.000Z', '2026-03-10T02:00:00.000Z', '2026-03-10T01:00:00.000Z']);
    expect(first.items[0]).toEqual(reads[1]);
    expect((await listAuditTrail('dossier-access', accountId)).map((a) => a.action)).toEqual(['read', 'read', 'read']);
  });
});

describe('dossier use cases against DynamoDB Local', () => {
  it('logs every read: who, when, which route, on what basis and each entry version shown', async () => {
    // Prepare
    const account = await keyAccount('M1', 'K1');
    const e = entry(account.id);
    await store.insertEntry(e, audit);
    const coordinator = await seedStaff(['coordinator']);
    await store.insertGrant(grant(account.id, coordinator.id, '2026-03-10'), audit);
    // Act
    await dossier.readDossier(who('M1', ['sales_manager']), account.id, page, at('2026-03-10T01:00:00.000Z'));
    await dossier.readDossierEntryVersions(who(coordinator.id, ['coordinator']), account.id, e.id, page, at('2026-03-10T02:00:00.000Z'));
    await dossier.readDossierEntry(who('K1', ['contact_leader']), account.id, e.id, at('2026-03-10T03:00:00.000Z'));
    // Assess
    const log = (await entity.page(store.dossierAccessLog, 'newestFirst', { accountId: account.id }, 50)).items;
    expect(log.map(({ readerId, at: when, operation, basis, entries }) => ({ readerId, at: when, operation, basis, entries }))).toEqual([
      { readerId: 'K1', at: '2026-03-10T03:00:00.000Z', operation: 'getDossierEntry', basis: 'contact_leader', entries: [{ id: e.id, version: 1 }] },
      { readerId: coordinator.id, at: '2026-03-10T02:00:00.000Z', operation: 'listDossierEntryVersions', basis: 'grant', entries: [{ id: e.id, version: 1 }] },
      { readerId: 'M1', at: '2026-03-10T01:00:00.000Z', operation: 'listDossier', basis: 'sales_manager', entries: [{ id: e.id, version: 1 }] },
    ]);
    expect(log[1]?.grantId).toEqual(expect.any(String));
  });

  it('fails the read when its log record cannot be written, so nothing is shown unlogged', async () => {
    // Prepare
    const account = await keyAccount('M1');
    await store.insertEntry(entry(account.id), audit);
    const realDb = DynamoDBDocumentClient.from(dynamo);
    const mock = mockClient(db);
    mock.on(GetCommand).callsFake((input) => realDb.send(new GetCommand(input)));
    mock.on(QueryCommand).callsFake((input) => realDb.send(new QueryCommand(input)));
    mock.on(TransactWriteCommand).rejects(new Error('log table unavailable'));
    // Act
    const reading = dossier.readDossier(who('M1', ['sales_manager']), account.id, page, audit);
    // Assess
    await expect(reading).rejects.toThrow('log table unavailable');
    mock.restore();
    expect((await entity.page(store.dossierAccessLog, 'newestFirst', { accountId: account.id }, 50)).items).toEqual([]);
  });

  it('holds a grant valid to the end of its expiry day in Shanghai, not in UTC', async () => {
    // Prepare
    const account = await keyAccount();
    const finance = await seedStaff(['finance']);
    await store.insertGrant(grant(account.id, finance.id, '2026-03-10'), audit);
    const reader = who(finance.id, ['finance']);
    // Act & Assess: 23:30 on 03-10 in Shanghai is 15:30 UTC; 00:30 on 03-11 in Shanghai is still 03-10 in UTC.
    await expect(dossier.readDossier(reader, account.id, page, at('2026-03-10T15:30:00.000Z'))).resolves.toMatchObject({ items: [] });
    const late = dossier.readDossier(reader, account.id, page, at('2026-03-10T16:30:00.000Z'));
    await expect(late).rejects.toThrow(expect.objectContaining({ status: 403, slug: 'dossier-grant-required' }));
  });

  it('hides the dossier from strangers (404), asks those who see the account for a grant (403), and refuses a normal account (422)', async () => {
    const account = await keyAccount('M1', 'K1');
    // Another sales manager knows the account (one account rule): a grant is required; department staff with no tie are not told.
    await expect(dossier.readDossier(who('OTHER', ['sales_manager']), account.id, page, audit)).rejects.toThrow(expect.objectContaining({ slug: 'dossier-grant-required' }));
    await expect(dossier.readDossier(who('DEPT', ['department_staff']), account.id, page, audit)).rejects.toBeInstanceOf(NotFound);
    await expect(dossier.readDossier(who('DEPT', ['department_staff']), ulid(), page, audit)).rejects.toBeInstanceOf(NotFound);
    await expect(dossier.readDossier(who('C', ['coordinator']), account.id, page, audit)).rejects.toBeInstanceOf(Forbidden);
    await expect(dossier.readDossier(who('BOSS', ['leadership']), account.id, page, audit)).resolves.toEqual({ items: [], nextCursor: null });
    const normal = await normalAccount();
    await expect(dossier.readDossier(who('C', ['coordinator']), normal.id, page, audit)).rejects.toThrow(expect.objectContaining({ slug: 'account-not-key' }));
  });

  it('lets only the current sales manager write: 403 to others who see the account, 404 to strangers', async () => {
    const account = await keyAccount('M1', 'K1');
    const input = { kind: 'note' as const, title: '拜访', content: '客户关注价格' };
    const written = await dossier.addDossierEntry(who('M1', ['sales_manager']), account.id, input, audit);
    expect(written).toMatchObject({ accountId: account.id, version: 1, createdBy: 'M1', updatedBy: 'M1' });
    for (const other of [who('K1', ['contact_leader']), who('C', ['coordinator']), who('BOSS', ['leadership'])]) {
      await expect(dossier.addDossierEntry(other, account.id, input, audit)).rejects.toThrow(expect.objectContaining({ slug: 'dossier-kept-by-sales-manager' }));
    }
    await expect(dossier.addDossierEntry(who('OTHER', ['sales_manager']), account.id, input, audit)).rejects.toThrow(expect.objectContaining({ slug: 'dossier-kept-by-sales-manager' }));
    await expect(dossier.addDossierEntry(who('DEPT', ['department_staff']), account.id, input, audit)).rejects.toBeInstanceOf(NotFound);
    await expect(dossier.editDossierEntry(who('M1', ['sales_manager']), account.id, written.id, 7, { title: 'x' }, audit)).rejects.toBeInstanceOf(PreconditionFailed);
    await expect(dossier.editDossierEntry(who('M1', ['sales_manager']), account.id, ulid(), 1, { title: 'x' }, audit)).rejects.toBeInstanceOf(NotFound);
  });

  it('grants only to an active staff member until today or later, on a key account that exists', async () => {
    const account = await keyAccount();
    const active = await seedStaff(['finance']);
    const departed = await seedDeparted(['finance']);
    const made = await dossier.grantDossierAccess(account.id, { staffId: active.id, expiresOn: '2026-03-10' }, audit);
    expect(made).toMatchObject({ accountId: account.id, staffId: active.id, expiresOn: '2026-03-10', grantedBy: 'tester', grantedAt: audit.at });
    expect((await dossier.findDossierGrants(account.id, { limit: 50, staffId: active.id })).items).toEqual([made]);
    const refused = (staffId: string, expiresOn: string) => dossier.grantDossierAccess(account.id, { staffId, expiresOn }, audit);
    await expect(refused(active.id, '2026-03-09')).rejects.toThrow(expect.objectContaining({ slug: 'grant-expiry-past' }));
    await expect(refused(departed.id, '2026-12-31')).rejects.toThrow(expect.objectContaining({ slug: 'grantee-departed' }));
    await expect(refused('NOBODY', '2026-12-31')).rejects.toBeInstanceOf(RuleViolation);
    await expect(dossier.grantDossierAccess(ulid(), { staffId: active.id, expiresOn: '2026-12-31' }, audit)).rejects.toBeInstanceOf(NotFound);
  });
});
