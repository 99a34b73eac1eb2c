import { BatchWriteCommand, type BatchWriteCommandInput, DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db, dynamo, tableName } from '#shared/db/client.ts';
import { item as entityItem } from '#shared/db/entity.ts';
import { batchWrite } from '#shared/db/query.ts';
import * as store from '#shared/db/pay.ts';
import { Conflict } from '#shared/errors.ts';
import { createTestTable } from '#test/support/table.ts';

beforeAll(createTestTable);

const conflictType = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Conflict);
  return (error as Conflict).slug;
};

describe('the period lock', () => {
  it('lets one close hold a period at a time, and frees it on release', async () => {
    await store.acquirePeriodLock('2040-Q1', 'first', 1_000, 60);
    expect(await conflictType(store.acquirePeriodLock('2040-Q1', 'second', 2_000, 60))).toBe('close-in-progress');
    await store.releasePeriodLock('2040-Q1', 'second'); // not the holder: changes nothing
    expect(await conflictType(store.acquirePeriodLock('2040-Q1', 'second', 3_000, 60))).toBe('close-in-progress');
    await store.releasePeriodLock('2040-Q1', 'first');
    await store.acquirePeriodLock('2040-Q1', 'second', 4_000, 60);
  });

  it('lets a new close take over a lock whose holder died (expired)', async () => {
    await store.acquirePeriodLock('2040-Q2', 'crashed', 1_000, 60);
    await store.acquirePeriodLock('2040-Q2', 'next', 1_000 + 61_000, 60);
  });

  it('refuses any close of a finalised period', async () => {
    const state = { period: '2040-Q3', status: 'draft' as const, version: 1, closedAt: '2040-10-01T00:00:00Z', finalizedAt: null, finalizedBy: null };
    await store.savePeriodState(state);
    await store.markFinal(state, [], { actorId: 'c', requestId: 'r', at: '2040-10-02T00:00:00Z' });
    expect(await conflictType(store.acquirePeriodLock('2040-Q3', 'late', 5_000, 60))).toBe('period-finalised');
    expect((await store.getPeriodState('2040-Q3'))?.status).toBe('final');
  });
});

describe('the close’s own records', () => {
  it('lets the run that holds a period take its lock again (the workflow’s plan after the route), and no other', async () => {
    await store.acquirePeriodLock('2041-Q1', 'run-1', 1_000, 60);
    await store.acquirePeriodLock('2041-Q1', 'run-1', 2_000, 60);
    expect(await store.lockedSince('2041-Q1', 'run-1')).toBe(2_000);
    expect(await conflictType(store.acquirePeriodLock('2041-Q1', 'run-2', 3_000, 60))).toBe('close-in-progress');
  });

  it('keeps a run’s first start and its first outcome', async () => {
    const run = { runId: '0b7f3c3e-8a55-4f59-9b43-2f2d1f0c9a01', period: '2041-Q2', status: 'running' as const, startedAt: '2041-07-01T00:00:00Z', startedBy: 'S1', finishedAt: null, result: null, reason: null };
    await store.startCloseRun(run);
    await store.startCloseRun({ ...run, startedBy: 'schedule' });
    expect(await store.getCloseRun(run.period, run.runId)).toEqual(run);
    const result = { period: '2041-Q2', status: 'draft' as const, version: 1, closedAt: '2041-07-01T00:01:00Z', finalizedAt: null, finalizedBy: null, changed: 3, statementCount: 3 };
    await store.endCloseRun(run.period, run.runId, { status: 'done', result }, '2041-07-01T00:02:00Z');
    const problem = { type: 'https://kam.example.com/problems/internal-error', title: 'Internal server error', status: 500, detail: 'late' };
    await store.endCloseRun(run.period, run.runId, { status: 'failed', reason: { en: problem, zh: problem } }, '2041-07-01T00:03:00Z');
    expect(await store.getCloseRun(run.period, run.runId)).toEqual({ ...run, status: 'done', result, finishedAt: '2041-07-01T00:02:00Z' });
    // A run nobody started cannot end.
    await store.endCloseRun(run.period, '5d3c1b2a-0000-4000-8000-000000000000', { status: 'done', result }, '2041-07-01T00:02:00Z');
    expect(await store.getCloseRun(run.period, '5d3c1b2a-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('writes the bulletin in pages and removes, page by page, the rows an earlier run had and this one has not', async () => {
    const team = { period: '2041-Q3' } as never;
    const account = (i: number) => ({
      accountId: `A${String(i).padStart(5, '0')}`, name: `Account ${i}`, contractTargetAmount: 1, contractCreditAmount: 1, collectionTargetAmount: 1, collectionCreditAmount: 1,
      contractAttainment: '1.0000', collectionAttainment: '1.0000', visitCompliance: null,
    });
    const person = (rank: number) => ({ rank, staffId: `S${rank}`, name: `Person ${rank}`, roles: ['sales_manager' as const], ratio: '1.0000', tier: 'exceeded' as const, total: 1 });
    const rows = async (section: 'accounts' | 'people') => {
      const found: Record<string, unknown>[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listBulletinRows('2041-Q3', section, 200, cursor);
        found.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return found;
    };
    // More rows than one page of writes (1,000) and of the earlier rows' keys.
    await store.saveBulletin({ period: '2041-Q3', version: 1, accounts: Array.from({ length: 2_150 }, (_, i) => account(i)), people: [person(1), person(2), person(3)], team });
    expect(await rows('accounts')).toHaveLength(2_150);
    expect(await rows('people')).toHaveLength(3);
    await store.saveBulletin({ period: '2041-Q3', version: 2, accounts: [account(5), account(2_149), account(9_999)], people: [person(1)], team });
    expect((await rows('accounts')).map((r) => r.accountId)).toEqual(['A00005', 'A02149', 'A09999']);
    expect((await rows('people')).map((r) => r.staffId)).toEqual(['S1']);
    expect(await store.getBulletinHeader('2041-Q3')).toMatchObject({ version: 2, accountCount: 3, peopleCount: 1 });
  });

  it('reads back none of the pages a close has just written, and removes only what lies past them', async () => {
    const row = (i: number) => ({ accountId: `B${String(i).padStart(5, '0')}`, name: `Account ${i}`, contractTargetAmount: 1, contractCreditAmount: 1, collectionTargetAmount: 1, collectionCreditAmount: 1, contractAttainment: '1.0000', collectionAttainment: '1.0000', visitCompliance: null });
    const accounts = Array.from({ length: 5 * store.bulletinRowsPerItem }, (_, i) => row(i));
    await store.saveBulletin({ period: '2041-Q2', version: 1, accounts, people: [], team: { period: '2041-Q2' } as never });
    const realDb = DynamoDBDocumentClient.from(dynamo);
    const mock = mockClient(db);
    let itemsRead = 0;
    mock.on(QueryCommand).callsFake(async (input: QueryCommandInput) => {
      const out = await realDb.send(new QueryCommand(input));
      itemsRead += out.Items?.length ?? 0;
      return out;
    });
    mock.on(BatchWriteCommand).callsFake((input: BatchWriteCommandInput) => realDb.send(new BatchWriteCommand(input)));
    try {
      // The same rows again, then one page fewer of them: only the page past the new ones is read (to remove it).
      await store.saveBulletin({ period: '2041-Q2', version: 2, accounts, people: [], team: { period: '2041-Q2' } as never });
      expect(itemsRead).toBe(0);
      await store.saveBulletin({ period: '2041-Q2', version: 3, accounts: accounts.slice(0, 4 * store.bulletinRowsPerItem), people: [], team: { period: '2041-Q2' } as never });
      expect(itemsRead).toBe(1);
    } finally {
      mock.restore();
    }
    expect((await store.listBulletinRows('2041-Q2', 'accounts', 1_000)).items).toHaveLength(4 * store.bulletinRowsPerItem);
  });

  it('still serves a bulletin kept a row an item (closed before the pages), until its next close removes those rows', async () => {
    const row = (i: number) => ({ accountId: `C${String(i).padStart(3, '0')}`, name: `Account ${i}`, contractTargetAmount: 1, contractCreditAmount: 1, collectionTargetAmount: 1, collectionCreditAmount: 1, contractAttainment: '1.0000', collectionAttainment: '1.0000', visitCompliance: null });
    const person = { rank: 1, staffId: 'S1', name: 'Person 1', roles: ['sales_manager'], ratio: '1.0000', tier: 'exceeded', total: 1 };
    const old = [...[0, 1, 2].map((i) => entityItem(store.legacyBulletinAccounts, row(i), { period: '2041-Q1' })), entityItem(store.legacyBulletinPeople, person, { period: '2041-Q1', paddedRank: '000001' })];
    await batchWrite(old.map((Item) => ({ PutRequest: { Item } })));
    const first = await store.listBulletinRows('2041-Q1', 'accounts', 2);
    expect(first.items.map((r) => r.accountId)).toEqual(['C000', 'C001']);
    const rest = await store.listBulletinRows('2041-Q1', 'accounts', 2, first.nextCursor ?? undefined);
    expect(rest).toEqual({ items: [row(2)], nextCursor: null });
    expect((await store.listBulletinRows('2041-Q1', 'people', 10)).items).toEqual([person]);
    // The next close writes pages and removes the rows kept before them.
    await store.saveBulletin({ period: '2041-Q1', version: 2, accounts: [row(7)], people: [], team: { period: '2041-Q1' } as never });
    expect((await store.listBulletinRows('2041-Q1', 'accounts', 10)).items).toEqual([row(7)]);
    expect((await store.listBulletinRows('2041-Q1', 'people', 10)).items).toEqual([]);
  });

  it('keeps a page of the longest rows in one item and pages through rows across items at any limit', async () => {
    const team = { period: '2041-Q4' } as never;
    // 200 CJK characters: 600 bytes of UTF-8 a name, the most an account name may be.
    const longest = '客'.repeat(200);
    const account = (i: number) => ({
      accountId: `B${String(i).padStart(5, '0')}`, name: longest, contractTargetAmount: Number.MAX_SAFE_INTEGER, contractCreditAmount: Number.MAX_SAFE_INTEGER,
      collectionTargetAmount: Number.MAX_SAFE_INTEGER, collectionCreditAmount: Number.MAX_SAFE_INTEGER,
      contractAttainment: '100000000000.0000', collectionAttainment: '100000000000.0000', visitCompliance: '1.0000',
    });
    const count = 2 * store.bulletinRowsPerItem + 37;
    // Given out of order: the bulletin keeps accounts by id.
    await store.saveBulletin({ period: '2041-Q4', version: 1, accounts: Array.from({ length: count }, (_, i) => account(count - 1 - i)), people: [], team });
    for (const limit of [1, 37, store.bulletinRowsPerItem, 200]) {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listBulletinRows('2041-Q4', 'accounts', limit, cursor);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        ids.push(...page.items.map((r) => String(r.accountId)));
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      expect(ids, `limit ${limit}`).toEqual(Array.from({ length: count }, (_, i) => account(i).accountId));
    }
    // A cursor of one section is refused by the other.
    const first = await store.listBulletinRows('2041-Q4', 'accounts', 10);
    await expect(store.listBulletinRows('2041-Q4', 'people', 10, first.nextCursor ?? undefined)).rejects.toMatchObject({ status: 400 });

    // DynamoDB may stop a Query short of the items asked for (1 MB a Query): the page ends there and the cursor goes on from it.
    const realDb = DynamoDBDocumentClient.from(dynamo);
    const mock = mockClient(db);
    mock.on(QueryCommand).callsFake(async (input: QueryCommandInput) => {
      const out = await realDb.send(new QueryCommand({ ...input, Limit: 1 }));
      return { ...out, LastEvaluatedKey: out.LastEvaluatedKey ?? out.Items?.at(-1) };
    });
    try {
      const short = await store.listBulletinRows('2041-Q4', 'accounts', 150);
      expect(short.items.map((r) => r.accountId)).toEqual(Array.from({ length: store.bulletinRowsPerItem }, (_, i) => account(i).accountId));
      const next = await store.listBulletinRows('2041-Q4', 'accounts', 150, short.nextCursor ?? undefined);
      expect(next.items[0]?.accountId).toBe(account(store.bulletinRowsPerItem).accountId);
    } finally {
      mock.restore();
    }
  });
});

describe('the statement digests a close keeps for the next', () => {
  const digest = (i: number) => String(i).padStart(43, 'd');
  const people = Array.from({ length: 2 * store.statementDigestsPerItem + 7 }, (_, i) => ({ staffId: `S${String(i).padStart(5, '0')}`, version: 1 + (i % 3), digest: digest(i) }));

  it('keeps every person in pages and gives them back whole, but only to the run that wrote them', async () => {
    await store.saveStatementDigests('2043-Q1', '2043-04-01T00:00:00.000Z', [...people].reverse());
    expect(await store.listStatementDigests('2043-Q1', '2043-04-01T00:00:00.000Z')).toEqual(people);
    expect(await store.listStatementDigests('2043-Q1', '2043-04-02T00:00:00.000Z')).toBeUndefined();
    expect(await store.listStatementDigests('2043-Q1', undefined)).toBeUndefined();
    expect(await store.listStatementDigests('2043-Q2', '2043-04-01T00:00:00.000Z')).toBeUndefined();
  });

  it('fits a full page of the longest staff ids (64 characters) in one item (DynamoDB Local enforces 400 KB)', async () => {
    const longest = Array.from({ length: store.statementDigestsPerItem }, (_, i) => ({ staffId: String(i).padStart(64, 'S'), version: 99_999_999, digest: digest(i) }));
    await store.saveStatementDigests('2044-Q1', '2044-04-01T00:00:00.000Z', longest);
    expect(await store.listStatementDigests('2044-Q1', '2044-04-01T00:00:00.000Z')).toHaveLength(store.statementDigestsPerItem);
  });

  it('refuses an incomplete set: a page missing, or pages of two runs', async () => {
    await store.saveStatementDigests('2043-Q3', '2043-10-01T00:00:00.000Z', people);
    await batchWrite([{ DeleteRequest: { Key: { pk: 'PERIOD#2043-Q3', sk: 'DIGESTS#000001' } } }]);
    expect(await store.listStatementDigests('2043-Q3', '2043-10-01T00:00:00.000Z')).toBeUndefined();

    // A later run that stopped after its first page: page 0 is its, pages 1 and 2 the earlier run's.
    await store.saveStatementDigests('2043-Q4', '2044-01-01T00:00:00.000Z', people);
    const firstPage = people.slice(0, store.statementDigestsPerItem).map((d) => [d.staffId, d.version, d.digest] as [string, number, string]);
    await batchWrite([{ PutRequest: { Item: entityItem(store.statementDigests, { page: 0, pages: 3, closedAt: '2044-01-02T00:00:00.000Z', entries: firstPage }, { period: '2043-Q4' }) } }]);
    expect(await store.listStatementDigests('2043-Q4', '2044-01-02T00:00:00.000Z')).toBeUndefined();
    expect(await store.listStatementDigests('2043-Q4', '2044-01-01T00:00:00.000Z')).toBeUndefined();
  });

  it('removes the pages past a smaller set, so a close after fewer people are assessed can trust it', async () => {
    await store.saveStatementDigests('2045-Q1', '2045-04-01T00:00:00.000Z', people);
    await store.saveStatementDigests('2045-Q1', '2045-04-02T00:00:00.000Z', people.slice(0, 10));
    expect(await store.listStatementDigests('2045-Q1', '2045-04-02T00:00:00.000Z')).toEqual(people.slice(0, 10));
    const left = await db.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :d)', ExpressionAttributeValues: { ':pk': 'PERIOD#2045-Q1', ':d': 'DIGESTS#' } }));
    expect(left.Items?.map((i) => i.sk)).toEqual(['DIGESTS#000000']);
  });
});

describe('the talent-pool suggestions of an annual close', () => {
  const ctx = { actorId: 'COORD', requestId: 'r', at: '2042-01-02T00:00:00Z' };
  const suggestion = (staffId: string, suggestedGrade: 'A' | 'B' | 'C' | 'D') => ({
    year: 2042, staffId, name: `经理${staffId}`, annualTier: 'exceeded' as const, suggestedGrade, confirmedGrade: null, confirmedBy: null, certification: null, version: 1,
  });

  it('writes each suggestion, and a later close keeps the grade a coordinator confirmed', async () => {
    await store.saveTalentSuggestions([suggestion('T1', 'B'), suggestion('T2', 'C')]);
    const t1 = await store.getTalentEntry(2042, 'T1');
    expect(t1).toEqual(suggestion('T1', 'B'));
    await store.confirmTalentGrade(t1!, { ...t1!, confirmedGrade: 'A', confirmedBy: 'COORD', version: 2 }, ctx);

    await store.saveTalentSuggestions([suggestion('T1', 'C'), suggestion('T2', 'D')]);
    expect(await store.getTalentEntry(2042, 'T1')).toEqual({ ...suggestion('T1', 'C'), confirmedGrade: 'A', confirmedBy: 'COORD', version: 3 });
    expect(await store.getTalentEntry(2042, 'T2')).toEqual({ ...suggestion('T2', 'D'), version: 2 });

    // The same suggestions again (a re-run on the same data): no write, no new version.
    const { db } = await import('#shared/db/client.ts');
    const puts = vi.spyOn(db, 'send');
    try {
      await store.saveTalentSuggestions([suggestion('T1', 'C'), suggestion('T2', 'D')]);
      expect(puts.mock.calls.filter(([command]) => command.constructor.name === 'PutCommand')).toHaveLength(0);
    } finally {
      puts.mockRestore();
    }
    expect(await store.getTalentEntry(2042, 'T1')).toMatchObject({ confirmedGrade: 'A', version: 3 });
    expect(await store.getTalentEntry(2042, 'T2')).toMatchObject({ version: 2 });
  });

  it('keeps a grade confirmed after the pool was read and before its entry was written (re-read, then written)', async () => {
    await store.saveTalentSuggestions([suggestion('T3', 'B')]);
    const read = await store.getTalentEntry(2042, 'T3');
    const { db } = await import('#shared/db/client.ts');
    const send = db.send.bind(db);
    let confirmed = false;
    // The first write of T3's entry finds that a coordinator confirmed it a moment before.
    vi.spyOn(db, 'send').mockImplementation(async (command: Parameters<typeof db.send>[0]) => {
      const input = command.input as { Item?: { sk?: string }; Key?: { sk?: string } };
      const writesT3 = ['PutCommand', 'UpdateCommand'].includes(command.constructor.name) && (input.Item?.sk ?? input.Key?.sk) === 'STAFF#T3';
      if (writesT3 && !confirmed) {
        confirmed = true;
        await store.confirmTalentGrade(read!, { ...read!, confirmedGrade: 'A', confirmedBy: 'COORD', version: 2 }, ctx);
      }
      return send(command as never);
    });
    try {
      await store.saveTalentSuggestions([suggestion('T3', 'D')]);
    } finally {
      vi.restoreAllMocks();
    }
    expect(confirmed).toBe(true);
    expect(await store.getTalentEntry(2042, 'T3')).toEqual({ ...suggestion('T3', 'D'), confirmedGrade: 'A', confirmedBy: 'COORD', version: 3 });
  });
});
