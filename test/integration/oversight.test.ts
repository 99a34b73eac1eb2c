import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditTrail } from '#shared/db/audit.ts';
import { get, page } from '#shared/db/entity.ts';
import * as store from '#shared/db/oversight.ts';
import { designate, newAccount } from '#shared/domain/accounts.ts';
import { acknowledge, completeFollowUp, newMajorMatter, newSpotCheck } from '#shared/domain/oversight.ts';
import type { Caller } from '#shared/domain/staff.ts';
import { BadRequest, Conflict, NotFound, PreconditionFailed } from '#shared/errors.ts';
import type { MajorMatter, MatterStatus, SpotCheck } from '#shared/schemas/oversight.ts';
import { createTestTable } from '#test/support/table.ts';

const audit = { actorId: 'COORD', requestId: 'req', at: '2026-11-26T08:00:00.000Z' };
const design: Caller = { id: 'S-DESIGN', roles: ['department_staff'], department: '电力设计院' };
const water: Caller = { id: 'S-WATER', roles: ['department_staff'], department: '水利院' };
const keyAccount = (id: string) => designate(newAccount(id, { name: `客户${id}`, industry: '能源' }, 'C', audit.at), 'LEADER', 'MANAGER', '2026-01-01');

let idCounter = 0;
const nextId = () => `FU-${++idCounter}`;

/** A spot check of `accountId` on `checkedOn`, stored as the recording use case writes it. */
const check = async (id: string, accountId: string, checkedOn: string, followUps: { ownerId: string }[] = []): Promise<SpotCheck> => {
  const spotCheck = newSpotCheck(
    id,
    accountId,
    { checkedOn, scope: ['dossier'], findings: '台账齐全', rating: 'good', followUps: followUps.map((f) => ({ action: '整改', ownerId: f.ownerId, dueOn: checkedOn })) },
    'COORD',
    nextId,
  );
  await store.insertSpotCheck(spotCheck, audit);
  return spotCheck;
};

/** A major matter reported (and stored) at `reportedAt`. */
const report = async (id: string, accountId: string, reportedAt: string, by: Caller = design): Promise<MajorMatter> => {
  const matter = newMajorMatter(id, keyAccount(accountId), { occurredOn: '2026-01-01', category: 'safety', summary: `事项${id}` }, by, reportedAt, '2026-12-31');
  await store.insertMajorMatter(matter, { ...audit, actorId: by.id, at: reportedAt });
  return matter;
};

const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

/** Every page of a list, following the cursor. */
const allPages = async <T>(next: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>) => {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const page = await next(cursor);
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return pages;
};

beforeAll(createTestTable);

describe('spot check entity against DynamoDB Local', () => {
  it('writes a spot check with its audit record in one transaction and reads it back by id', async () => {
    // Prepare / Act
    const written = await check('SC-1', 'ACC-1', '2026-03-01', [{ ownerId: 'MANAGER' }]);
    // Assess
    expect(await get(store.spotChecks, { id: 'SC-1' })).toEqual(written);
    const trail = await listAuditTrail('spot-check', 'SC-1');
    expect(trail.map((entry) => [entry.action, entry.actorId])).toEqual([['create', 'COORD']]);
    expect(trail[0]?.after).toEqual(written);
    expect(await get(store.spotChecks, { id: 'NO-SUCH' })).toBeUndefined();
  });

  it('refuses a second spot check under a taken id (409) and writes no second audit record', async () => {
    await check('SC-2', 'ACC-2', '2026-03-01');
    await expect(check('SC-2', 'ACC-OTHER', '2026-03-02')).rejects.toBeInstanceOf(Conflict);
    expect((await get(store.spotChecks, { id: 'SC-2' }))?.accountId).toBe('ACC-2');
    expect(await listAuditTrail('spot-check', 'SC-2')).toHaveLength(1);
  });

  it('saves a completed follow-up at the version read, with its audit record; a write from a stale read is a 412', async () => {
    // Prepare
    const before = await check('SC-3', 'ACC-3', '2026-03-01', [{ ownerId: 'A' }, { ownerId: 'B' }]);
    const [first, second] = before.followUps.map((f) => f.id);
    const one = completeFollowUp(before, first ?? '', '2026-03-05', '2026-03-31');
    const other = completeFollowUp(before, second ?? '', '2026-03-06', '2026-03-31');
    // Act
    await store.replaceSpotCheck(before, one, 'complete-follow-up', audit);
    const stale = store.replaceSpotCheck(before, other, 'complete-follow-up', audit);
    // Assess
    await expect(stale).rejects.toBeInstanceOf(PreconditionFailed);
    expect(await get(store.spotChecks, { id: 'SC-3' })).toEqual(one);
    expect((await listAuditTrail('spot-check', 'SC-3')).map((entry) => entry.action)).toEqual(['create', 'complete-follow-up']);
  });

  it('answers 404 when saving a spot check that is not there', async () => {
    const ghost = newSpotCheck('GHOST', 'ACC-X', { checkedOn: '2026-03-01', scope: ['visits'], findings: 'f', rating: 'poor', followUps: [{ action: 'a', ownerId: 'A', dueOn: '2026-03-02' }] }, 'C', nextId);
    const [followUp] = ghost.followUps;
    await expect(store.replaceSpotCheck(ghost, completeFollowUp(ghost, followUp?.id ?? '', '2026-03-02', '2026-03-31'), 'complete-follow-up', audit)).rejects.toBeInstanceOf(NotFound);
    expect(await listAuditTrail('spot-check', 'GHOST')).toEqual([]);
  });

  it('lists an account’s spot checks newest check day first, page by page, each exactly once, no other account’s', async () => {
    // Prepare
    const days = ['2026-05-03', '2026-05-01', '2026-05-05', '2026-05-02', '2026-05-04'];
    for (const [i, day] of days.entries()) await check(`L-${i}`, 'ACC-L', day);
    await check('L-OTHER', 'ACC-L2', '2026-05-06');
    // Act
    const pages = await allPages((cursor) => page(store.spotChecks, 'byAccount', { accountId: 'ACC-L' }, 2, cursor));
    // Assess
    expect(pages.every((page) => page.length <= 2)).toBe(true);
    expect(pages.flat().map((c) => c.id)).toEqual(['L-2', 'L-4', 'L-0', 'L-3', 'L-1']);
    expect(ids(await page(store.spotChecks, 'byAccount', { accountId: 'ACC-NONE' }, 50))).toEqual([]);
  });

  it('binds a cursor to its account: replayed on another account’s list it is a 400', async () => {
    const first = await page(store.spotChecks, 'byAccount', { accountId: 'ACC-L' }, 1);
    expect(first.nextCursor).not.toBeNull();
    await expect(page(store.spotChecks, 'byAccount', { accountId: 'ACC-L2' }, 1, first.nextCursor ?? '')).rejects.toBeInstanceOf(BadRequest);
    await expect(page(store.majorMatters, 'byStatus', { status: 'unacknowledged' }, 1, first.nextCursor ?? '')).rejects.toBeInstanceOf(BadRequest);
  });
});

describe('major matter entity against DynamoDB Local', () => {
  it('writes a report with its audit record in one transaction and reads it back by id', async () => {
    const written = await report('M-1', 'ACC-M', '2026-03-01T01:00:00.000Z');
    expect(await get(store.majorMatters, { id: 'M-1' })).toEqual(written);
    const trail = await listAuditTrail('major-matter', 'M-1');
    expect(trail.map((entry) => [entry.action, entry.actorId])).toEqual([['create', 'S-DESIGN']]);
    expect(await get(store.majorMatters, { id: 'NO-SUCH' })).toBeUndefined();
  });

  it('refuses a second report under a taken id (409)', async () => {
    await report('M-2', 'ACC-M', '2026-03-01T01:00:00.000Z');
    await expect(report('M-2', 'ACC-OTHER', '2026-03-02T01:00:00.000Z')).rejects.toBeInstanceOf(Conflict);
    expect(await listAuditTrail('major-matter', 'M-2')).toHaveLength(1);
  });

  it('records an acknowledgement only while unacknowledged: one from a stale read is a 409, nothing half-written', async () => {
    // Prepare
    const waiting = await report('K-1', 'ACC-K', '2026-04-01T01:00:00.000Z');
    const first = acknowledge(waiting, '已知悉', 'COORD-1', audit.at);
    const second = acknowledge(waiting, '再次知悉', 'COORD-2', audit.at);
    // Act
    await store.recordAcknowledgement(waiting, first, audit);
    const late = store.recordAcknowledgement(waiting, second, audit);
    // Assess
    await expect(late).rejects.toMatchObject({ status: 409, slug: 'matter-already-acknowledged' });
    expect(await get(store.majorMatters, { id: 'K-1' })).toEqual(first);
    expect((await listAuditTrail('major-matter', 'K-1')).map((entry) => entry.action)).toEqual(['create', 'acknowledge']);
  });

  it('answers 404 when acknowledging a report that is not there', async () => {
    const ghost = newMajorMatter('GHOST', keyAccount('ACC-G'), { occurredOn: '2026-01-01', category: 'other', summary: 's' }, design, audit.at, '2026-12-31');
    await expect(store.recordAcknowledgement(ghost, acknowledge(ghost, 'r', 'C', audit.at), audit)).rejects.toBeInstanceOf(NotFound);
    expect(await listAuditTrail('major-matter', 'GHOST')).toEqual([]);
  });

  it('moves an acknowledged report from the unacknowledged list to the acknowledged list', async () => {
    // Prepare
    const waiting = await report('MV-1', 'ACC-MV', '2026-05-01T01:00:00.000Z');
    const inList = async (status: MatterStatus) => (await allPages((cursor) => page(store.majorMatters, 'byStatus', { status }, 200, cursor))).flat().map((m) => m.id);
    expect(await inList('unacknowledged')).toContain('MV-1');
    // Act
    await store.recordAcknowledgement(waiting, acknowledge(waiting, '已处理', 'COORD', audit.at), audit);
    // Assess
    expect(await inList('unacknowledged')).not.toContain('MV-1');
    expect(await inList('acknowledged')).toContain('MV-1');
  });

  it('lists the reports of a status newest first, page by page, each exactly once', async () => {
    // Prepare
    const days = ['2027-01-03', '2027-01-01', '2027-01-05', '2027-01-02', '2027-01-04'];
    for (const [i, day] of days.entries()) await report(`S-${i}`, `ACC-S${i}`, `${day}T00:00:00.000Z`);
    // Act
    const pages = await allPages((cursor) => page(store.majorMatters, 'byStatus', { status: 'unacknowledged' }, 2, cursor));
    // Assess
    expect(pages.every((page) => page.length <= 2)).toBe(true);
    const listed = pages.flat();
    expect(new Set(listed.map((m) => m.id)).size).toBe(listed.length);
    expect(listed.map((m) => m.reportedAt)).toEqual([...listed.map((m) => m.reportedAt)].sort().reverse());
    expect(listed.map((m) => m.id).filter((id) => id.startsWith('S-'))).toEqual(['S-2', 'S-4', 'S-0', 'S-3', 'S-1']);
  });

  it('lists an account’s reports newest first, of every status or of one', async () => {
    // Prepare
    const older = await report('A-1', 'ACC-A', '2026-06-01T00:00:00.000Z');
    await report('A-2', 'ACC-A', '2026-06-02T00:00:00.000Z');
    await report('A-3', 'ACC-A', '2026-06-03T00:00:00.000Z');
    await report('B-1', 'ACC-B', '2026-06-04T00:00:00.000Z');
    await store.recordAcknowledgement(older, acknowledge(older, '已知悉', 'COORD', audit.at), audit);
    // Act
    const all = await store.listMajorMattersByAccount({ accountId: 'ACC-A', limit: 50 });
    const waiting = await store.listMajorMattersByAccount({ accountId: 'ACC-A', status: 'unacknowledged', limit: 50 });
    const done = await store.listMajorMattersByAccount({ accountId: 'ACC-A', status: 'acknowledged', limit: 50 });
    // Assess
    expect(ids(all)).toEqual(['A-3', 'A-2', 'A-1']);
    expect(ids(waiting)).toEqual(['A-3', 'A-2']);
    expect(ids(done)).toEqual(['A-1']);
    expect(done.items[0]?.response).toBe('已知悉');
  });

  it('lists only a reporter’s own reports on an account, filling each page past those the filter drops', async () => {
    // Prepare: design's reports between water's on one account
    const by: Caller[] = [design, water, water, water, design, water, water, design, water, water];
    for (const [i, reporter] of by.entries()) await report(`P-${i}`, 'ACC-P', `2026-07-${10 + i}T00:00:00.000Z`, reporter);
    // Act
    const pages = await allPages((cursor) => store.listMajorMattersByAccount({ accountId: 'ACC-P', reportedBy: 'S-DESIGN', limit: 2, cursor }));
    // Assess
    expect(pages.filter((page) => page.length > 0).map((page) => page.map((m) => m.id))).toEqual([['P-7', 'P-4'], ['P-0']]);
    expect(ids(await store.listMajorMattersByAccount({ accountId: 'ACC-P', reportedBy: 'NOBODY', limit: 50 }))).toEqual([]);
  });

  it('binds a cursor to its list: replayed on another list it is a 400', async () => {
    const first = await store.listMajorMattersByAccount({ accountId: 'ACC-A', limit: 1 });
    expect(first.nextCursor).not.toBeNull();
    await expect(store.listMajorMattersByAccount({ accountId: 'ACC-P', limit: 1, cursor: first.nextCursor ?? '' })).rejects.toBeInstanceOf(BadRequest);
    await expect(store.listMajorMattersByAccount({ accountId: 'ACC-A', reportedBy: 'S-DESIGN', limit: 1, cursor: first.nextCursor ?? '' })).rejects.toBeInstanceOf(BadRequest);
    await expect(page(store.majorMatters, 'byStatus', { status: 'unacknowledged' }, 1, first.nextCursor ?? '')).rejects.toBeInstanceOf(BadRequest);
    expect(ids(await store.listMajorMattersByAccount({ accountId: 'ACC-A', limit: 1, cursor: first.nextCursor ?? '' }))).toEqual(['A-2']);
  });
});
