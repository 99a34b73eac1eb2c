import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditTrail } from '#shared/db/audit.ts';
import * as store from '#shared/db/disputes.ts';
import { get, page } from '#shared/db/entity.ts';
import { decide, newDispute } from '#shared/domain/disputes.ts';
import type { Caller } from '#shared/domain/staff.ts';
import { BadRequest, Conflict, NotFound } from '#shared/errors.ts';
import type { Dispute, DisputeStatus } from '#shared/schemas/disputes.ts';
import { createTestTable } from '#test/support/table.ts';

const audit = { actorId: 'tester', requestId: 'req', at: '2026-11-26T08:00:00.000Z' };
const design: Caller = { id: 'S-DESIGN', roles: ['department_staff'], department: '电力设计院' };
const it_: Caller = { id: 'S-IT', roles: ['department_staff'], department: '信息工程院' };

/** A dispute filed (and stored) on `filedAt`, as the filing use case writes it. */
const file = async (id: string, accountId: string, filedAt: string, by: Caller = design, againstDepartment?: string): Promise<Dispute> => {
  const dispute = newDispute(id, { accountId, againstDepartment, subject: `争议${id}`, description: '项目归属不清' }, by, filedAt);
  await store.insertDispute(dispute, { ...audit, actorId: by.id, at: filedAt });
  return dispute;
};
const ids = (page: { items: Dispute[] }) => page.items.map((d) => d.id);

/** Every page of a list, following the cursor. */
const allPages = async (next: (cursor?: string) => Promise<{ items: Dispute[]; nextCursor: string | null }>) => {
  const pages: Dispute[][] = [];
  let cursor: string | undefined;
  do {
    const page = await next(cursor);
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return pages;
};

beforeAll(createTestTable);

describe('dispute entity against DynamoDB Local', () => {
  it('writes a dispute with its audit record in one transaction and reads it back by id', async () => {
    // Prepare / Act
    const filed = await file('G-1', 'ACC-G', '2026-03-01T01:00:00.000Z', design, '信息工程院');
    // Assess
    expect(await get(store.disputes, { id: 'G-1' })).toEqual(filed);
    const trail = await listAuditTrail('dispute', 'G-1');
    expect(trail.map((entry) => [entry.action, entry.actorId])).toEqual([['create', 'S-DESIGN']]);
    expect(trail[0]?.after).toEqual(filed);
    expect(await get(store.disputes, { id: 'NO-SUCH' })).toBeUndefined();
  });

  it('refuses a second dispute under a taken id (409) and writes no second audit record', async () => {
    // Prepare
    await file('G-2', 'ACC-G2', '2026-03-01T01:00:00.000Z');
    // Act
    const again = file('G-2', 'ACC-OTHER', '2026-03-02T01:00:00.000Z');
    // Assess
    await expect(again).rejects.toBeInstanceOf(Conflict);
    expect((await get(store.disputes, { id: 'G-2' }))?.accountId).toBe('ACC-G2');
    expect(await listAuditTrail('dispute', 'G-2')).toHaveLength(1);
  });

  it('records a decision only while the dispute is open: a decision from a stale read is a 409, nothing half-written', async () => {
    // Prepare
    const open = await file('R-1', 'ACC-R', '2026-04-01T01:00:00.000Z', design, '信息工程院');
    const first = decide(open, { decision: '归设计院', inFavourOf: 'filer' }, 'COORD-1', audit.at);
    const second = decide(open, { decision: '归信息院', inFavourOf: 'other_side' }, 'COORD-2', audit.at);
    // Act
    await store.recordDecision(open, first, audit);
    const late = store.recordDecision(open, second, audit);
    // Assess
    await expect(late).rejects.toMatchObject({ status: 409, slug: 'dispute-already-decided' });
    expect(await get(store.disputes, { id: 'R-1' })).toEqual(first);
    expect((await listAuditTrail('dispute', 'R-1')).map((entry) => entry.action)).toEqual(['create', 'decide']);
  });

  it('answers 404 when deciding a dispute that is not there', async () => {
    const ghost = newDispute('GHOST', { accountId: 'ACC-X', subject: 's', description: 'd' }, design, audit.at);
    await expect(store.recordDecision(ghost, decide(ghost, { decision: 'x', inFavourOf: 'neither' }, 'C', audit.at), audit)).rejects.toBeInstanceOf(NotFound);
    expect(await listAuditTrail('dispute', 'GHOST')).toEqual([]);
  });

  it('moves a decided dispute from the open list to the decided list', async () => {
    // Prepare
    const open = await file('M-1', 'ACC-M', '2026-05-01T01:00:00.000Z');
    const inList = async (status: DisputeStatus) => (await allPages((cursor) => page(store.disputes, 'byStatus', { status }, 200, cursor))).flat().map((d) => d.id);
    expect(await inList('open')).toContain('M-1');
    // Act
    await store.recordDecision(open, decide(open, { decision: '驳回', inFavourOf: 'neither' }, 'COORD', audit.at), audit);
    // Assess
    expect(await inList('open')).not.toContain('M-1');
    expect(await inList('decided')).toContain('M-1');
  });

  it('lists the disputes of a status newest first, page by page, each exactly once', async () => {
    // Prepare
    const days = ['2027-01-03', '2027-01-01', '2027-01-05', '2027-01-02', '2027-01-04'];
    for (const [i, day] of days.entries()) await file(`S-${i}`, `ACC-S${i}`, `${day}T00:00:00.000Z`);
    // Act
    const pages = await allPages((cursor) => page(store.disputes, 'byStatus', { status: 'open' }, 2, cursor));
    // Assess
    expect(pages.every((page) => page.length <= 2)).toBe(true);
    const listed = pages.flat();
    expect(new Set(listed.map((d) => d.id)).size).toBe(listed.length);
    expect(listed.map((d) => d.filedAt)).toEqual([...listed.map((d) => d.filedAt)].sort().reverse());
    expect(listed.map((d) => d.id).filter((id) => id.startsWith('S-'))).toEqual(['S-2', 'S-4', 'S-0', 'S-3', 'S-1']);
  });

  it('lists an account’s disputes newest first, of every status or of one', async () => {
    // Prepare
    const older = await file('A-1', 'ACC-A', '2026-06-01T00:00:00.000Z');
    await file('A-2', 'ACC-A', '2026-06-02T00:00:00.000Z');
    await file('A-3', 'ACC-A', '2026-06-03T00:00:00.000Z');
    await file('B-1', 'ACC-B', '2026-06-04T00:00:00.000Z');
    await store.recordDecision(older, decide(older, { decision: '维持', inFavourOf: 'other_side' }, 'COORD', audit.at), audit);
    // Act
    const all = await store.listDisputesByAccount({ accountId: 'ACC-A', limit: 50 });
    const open = await store.listDisputesByAccount({ accountId: 'ACC-A', status: 'open', limit: 50 });
    const decided = await store.listDisputesByAccount({ accountId: 'ACC-A', status: 'decided', limit: 50 });
    // Assess
    expect(ids(all)).toEqual(['A-3', 'A-2', 'A-1']);
    expect(ids(open)).toEqual(['A-3', 'A-2']);
    expect(ids(decided)).toEqual(['A-1']);
    expect(decided.items[0]?.decision?.inFavourOf).toBe('other_side');
  });

  it('lists only the disputes a party is on, filling each page past those the filter drops', async () => {
    // Prepare: design's disputes (and one of IT's against design) between others' on one account
    const water: Caller = { id: 'S-WATER', roles: ['department_staff'], department: '水利院' };
    const filings: [Caller, string?][] = [[design], [water], [water], [it_, '电力设计院'], [water], [design], [water], [water], [design], [water]];
    for (const [i, [by, against]] of filings.entries()) await file(`P-${i}`, 'ACC-P', `2026-07-${10 + i}T00:00:00.000Z`, by, against);
    const colleague = { staffId: 'S-DESIGN-2', department: '电力设计院' };
    // Act
    const pages = await allPages((cursor) => store.listDisputesByAccount({ accountId: 'ACC-P', partyOf: colleague, limit: 2, cursor }));
    // Assess: filed by design (0, 5, 8) or against it (3), newest first, two to a page; a page
    // that ends exactly at the partition's end still carries a cursor, as DynamoDB's own do
    expect(pages.filter((page) => page.length > 0).map((page) => page.map((d) => d.id))).toEqual([['P-8', 'P-5'], ['P-3', 'P-0']]);
    const filer = await store.listDisputesByAccount({ accountId: 'ACC-P', partyOf: { staffId: 'S-WATER', department: '无关部门' }, limit: 50 });
    expect(ids(filer)).toEqual(['P-9', 'P-7', 'P-6', 'P-4', 'P-2', 'P-1']);
    expect(ids(await store.listDisputesByAccount({ accountId: 'ACC-P', partyOf: { staffId: 'NOBODY', department: '财务部' }, limit: 50 }))).toEqual([]);
  });

  it('binds a cursor to its list: replayed on another list it is a 400', async () => {
    // Prepare
    await file('C-1', 'ACC-C', '2026-08-01T00:00:00.000Z');
    await file('C-2', 'ACC-C', '2026-08-02T00:00:00.000Z');
    const first = await store.listDisputesByAccount({ accountId: 'ACC-C', limit: 1 });
    expect(first.nextCursor).not.toBeNull();
    // Act / Assess
    await expect(store.listDisputesByAccount({ accountId: 'ACC-A', limit: 1, cursor: first.nextCursor ?? '' })).rejects.toBeInstanceOf(BadRequest);
    await expect(page(store.disputes, 'byStatus', { status: 'open' }, 1, first.nextCursor ?? '')).rejects.toBeInstanceOf(BadRequest);
    await expect(
      store.listDisputesByAccount({ accountId: 'ACC-C', partyOf: { staffId: 'S-DESIGN', department: '电力设计院' }, limit: 1, cursor: first.nextCursor ?? '' }),
    ).rejects.toBeInstanceOf(BadRequest);
    expect(ids(await store.listDisputesByAccount({ accountId: 'ACC-C', limit: 1, cursor: first.nextCursor ?? '' }))).toEqual(['C-1']);
  });
});
