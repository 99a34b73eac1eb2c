import { PutCommand, QueryCommand, type QueryCommandInput, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import * as z from 'zod/mini';
import { type AuditContext, auditPut } from '#shared/db/audit.ts';
import { replaceAudited, upsertAudited } from '#shared/db/audited.ts';
import { mapLimited } from '#shared/concurrency.ts';
import { db, tableName } from '#shared/db/client.ts';
import { all, commit, type Declaration, defineEntity, get, historyItem, item, key, page, parse, queryInput } from '#shared/db/entity.ts';
import { type Page, decodeCursor, encodeCursor } from '#shared/db/pagination.ts';
import { payDataIndex } from '#shared/db/partitions.ts';
import { batchWrite, queryAll } from '#shared/db/query.ts';
import { ConditionFailed } from '#shared/db/transact.ts';
import type { LateRecord } from '#shared/domain/pay/adjustments.ts';
import { sameSuggestion } from '#shared/domain/pay/close.ts';
import { Conflict, InvalidCursor, PreconditionFailed } from '#shared/errors.ts';
import type { ForcedFinalize } from '#shared/schemas/pay-desk.ts';
import { type Bulletin, type CloseSummary, PeerScore, type PeriodState, StoredCloseRun, type StoredPayPolicy, type StoredStatement, TalentEntry } from '#shared/schemas/pay.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';
import { built } from '#shared/built.ts';

/*
 * Statements and policies are the domain's own types (domain/pay); their published
 * schemas do not yet hold every field, so parsing by them would drop some: these reads
 * keep the stored record whole. A period's state item may hold only the lock of its
 * first close, so it is not parsed either.
 */
const asStored = <T>() => z.custom<T>((value) => typeof value === 'object' && value !== null);

export const payPolicies = /* @__PURE__ */ built(() => defineEntity({
  kind: 'pay-policy', label: 'pay policy (current / each version)', schema: asStored<StoredPayPolicy>(), versioned: true,
  keys: { pk: 'PAYPOLICY#<year>', sk: 'CURRENT' },
  history: { kind: 'pay-policy-version', sk: 'V#<version>' },
  audit: { id: (p) => String(p.year) },
}));

export const peerScores = /* @__PURE__ */ built(() => defineEntity({
  kind: 'peer-score', label: 'two-way score', schema: PeerScore, versioned: true,
  // Only scores of people count for pay; the index files them under the period they score.
  derive: (s) => ({ payPeriod: s.period, recordedAt: s.targetType === 'staff' ? s.scoredAt : undefined }),
  keys: { pk: 'PEERSCORES#<period>#<targetType>#<target>', sk: 'SCORER#<scorerId>', gsi4: payDataIndex('peer-score', '<target>#<scorerId>') },
  patterns: { ofTarget: { doc: 'the scores a person or department received in a period' } },
  audit: { id: (s) => `${s.period}#${s.targetType}#${s.target}#${s.scorerId}` },
}));

export const periodStates = /* @__PURE__ */ built(() => defineEntity({
  kind: 'period', label: 'period state and lock', schema: asStored<PeriodState>(),
  keys: { pk: 'PERIOD#<period>', sk: 'STATE' },
  patterns: {
    lateRecords: {
      doc: '**pay-relevant records dated in a period, recorded after T** (payments, wins, visits, reports, quarterly reviews, peer scores: late records for the close)',
      index: 'gsi4',
      pk: 'PAYDATA#<payPeriod>',
    },
  },
}));

export const statements = /* @__PURE__ */ built(() => defineEntity({
  kind: 'statement', label: 'statement (current / each version, kept)', schema: asStored<StoredStatement>(), versioned: true,
  keys: { pk: 'PERIOD#<period>', sk: 'STATEMENT#<staffId>' },
  history: { kind: 'statement-version', pk: 'STATEMENT#<period>#<staffId>', sk: 'V#<version>' },
  patterns: {
    ofPeriod: { doc: "a period's current statements (by staff id)", sk: 'STATEMENT#' },
    versions: { doc: "every version of one person's statement, oldest first", pk: 'STATEMENT#<period>#<staffId>' },
  },
}));

type BulletinHeader = { period: string; version: number; team: Record<string, unknown>; accountCount: number; peopleCount: number };
export const bulletins = /* @__PURE__ */ built(() => defineEntity({
  kind: 'bulletin', label: 'bulletin (team, counts)', schema: asStored<BulletinHeader>(),
  keys: { pk: 'PERIOD#<period>', sk: 'BULLETIN' },
}));
/**
 * The rows in pages: each item holds `bulletinRowsPerItem` rows in order (the last one fewer),
 * so a bulletin has no size limit and a close writes a hundredth of the items it would write
 * with one row each. A page of the longest rows (200-character names) stays far under
 * DynamoDB's 400 KB an item.
 */
export const bulletinRowsPerItem = 100;
type RowPage = { page: number; rows: Record<string, unknown>[] };
const paddedPage = (page: number) => String(page).padStart(6, '0');
const pageKey = (p: { page: number }) => ({ paddedPage: paddedPage(p.page) });
export const bulletinAccounts = /* @__PURE__ */ built(() => defineEntity({
  kind: 'bulletin-accounts', label: 'bulletin rows: accounts by id, a page an item', schema: asStored<RowPage>(), derive: pageKey,
  keys: { pk: 'PERIOD#<period>', sk: 'BULLETIN#ACCOUNTS#<paddedPage>' },
  patterns: { ofPeriod: { doc: "a period's bulletin, accounts by id", sk: 'BULLETIN#ACCOUNTS#' } },
}));
export const bulletinPeople = /* @__PURE__ */ built(() => defineEntity({
  kind: 'bulletin-people', label: 'bulletin rows: people by rank, a page an item', schema: asStored<RowPage>(), derive: pageKey,
  keys: { pk: 'PERIOD#<period>', sk: 'BULLETIN#PEOPLE#<paddedPage>' },
  patterns: { ofPeriod: { doc: "a period's bulletin, people by rank", sk: 'BULLETIN#PEOPLE#' } },
}));

/**
 * A row an item, as bulletins were kept before the pages: read (never written) for a
 * period closed then and not since, whose next close removes them.
 */
const LegacyRow = /* @__PURE__ */ asStored<Record<string, unknown>>();
export const legacyBulletinAccounts = /* @__PURE__ */ defineEntity({
  kind: 'bulletin-account', label: 'bulletin row: account (before the pages; read only)', schema: LegacyRow,
  keys: { pk: 'PERIOD#<period>', sk: 'BULLETIN#ACCOUNT#<accountId>' },
  patterns: { ofPeriod: { doc: "a period's bulletin as kept before the pages, accounts by id", sk: 'BULLETIN#ACCOUNT#' } },
});
export const legacyBulletinPeople = /* @__PURE__ */ defineEntity({
  kind: 'bulletin-person', label: 'bulletin row: person (before the pages; read only)', schema: LegacyRow,
  keys: { pk: 'PERIOD#<period>', sk: 'BULLETIN#PERSON#<paddedRank>' },
  patterns: { ofPeriod: { doc: "a period's bulletin as kept before the pages, people by rank", sk: 'BULLETIN#PERSON#' } },
});

/**
 * What the next close compares its statements with: each current statement's version and
 * the digest of what it says (domain/pay/close.ts statementDigest), `statementDigestsPerItem`
 * people an item by staff id, every page tagged with the close that wrote it (the period
 * state's `closedAt`, which that close writes last). A re-run reads these few items instead
 * of every statement; pages of another run, or missing ones, send it back to the statements.
 */
export const statementDigestsPerItem = 1_000;
type DigestPage = { page: number; pages: number; closedAt: string; entries: [staffId: string, version: number, digest: string][] };
export const statementDigests = /* @__PURE__ */ built(() => defineEntity({
  kind: 'statement-digests', label: "statements' versions and digests, a page an item", schema: asStored<DigestPage>(), derive: pageKey,
  keys: { pk: 'PERIOD#<period>', sk: 'DIGESTS#<paddedPage>' },
  patterns: { ofPeriod: { doc: "what a period's current statements say, as digests (for its next close)", sk: 'DIGESTS#' } },
}));

export interface StatementDigest {
  staffId: string;
  version: number;
  digest: string;
}

/** The digests the close that finished at `closedAt` kept, whole; undefined when there are none, or they are another run's or incomplete. */
export const listStatementDigests = async (period: string, closedAt: string | undefined): Promise<StatementDigest[] | undefined> => {
  if (closedAt === undefined) return undefined;
  const pages = await all(statementDigests, 'ofPeriod', { period });
  if (pages.length === 0 || pages.some((p, i) => p.page !== i || p.pages !== pages.length || p.closedAt !== closedAt)) return undefined;
  return pages.flatMap((p) => p.entries.map(([staffId, version, digest]) => ({ staffId, version, digest })));
};

/**
 * Keeps every current statement's digest for the close that finishes at `closedAt` (its
 * period state, written after, names it); pages past the new count (fewer people than the
 * last close) are removed, so the next close can trust the set again.
 */
export const saveStatementDigests = (period: string, closedAt: string, digests: readonly StatementDigest[]) => {
  const sorted = [...digests].sort((a, b) => Buffer.compare(Buffer.from(a.staffId), Buffer.from(b.staffId)));
  const pages = Math.max(1, Math.ceil(sorted.length / statementDigestsPerItem));
  const items = Array.from({ length: pages }, (_, page) => item(statementDigests, {
    page, pages, closedAt,
    entries: sorted.slice(page * statementDigestsPerItem, (page + 1) * statementDigestsPerItem).map((d) => [d.staffId, d.version, d.digest] as [string, number, string]),
  }, { period }));
  return replacePages(items, [pagesFrom(statementDigests, period, pages)]);
};

/** The Query of a period's pages of `e` from page `first` on: past a new run's last page, every one an earlier run's. */
const pagesFrom = <S extends z.core.$ZodType>(e: Declaration<S, 'ofPeriod'>, period: string, first: number): QueryCommandInput =>
  queryInput(e, 'ofPeriod', { period }, { range: { from: paddedPage(first), to: '\uffff' } });

/**
 * Writes a set of page items, then removes what `stale` finds: Queries that reach only an
 * earlier run's items (pages past the new ones, rows of an older layout), so a close reads
 * back none of what it just wrote, and nothing at all when nothing is left over.
 */
const replacePages = async (items: readonly Record<string, unknown>[], stale: readonly QueryCommandInput[]): Promise<void> => {
  await batchWrite(items.map((Item) => ({ PutRequest: { Item } })), writeWidth);
  for (const query of stale) {
    let start: Record<string, unknown> | undefined;
    do {
      const out = await db.send(new QueryCommand({ ...query, ProjectionExpression: 'pk, sk', Limit: keysPerPage, ExclusiveStartKey: start }));
      await batchWrite((out.Items ?? []).map((r) => ({ DeleteRequest: { Key: { pk: r.pk, sk: r.sk } } })), writeWidth);
      start = out.LastEvaluatedKey;
    } while (start !== undefined);
  }
};

export const talentPool = /* @__PURE__ */ defineEntity({
  kind: 'talent', label: 'talent-pool entry', schema: TalentEntry, versioned: true,
  keys: { pk: 'TALENT#<year>', sk: 'STAFF#<staffId>' },
  patterns: { ofYear: { doc: "a year's talent pool" } },
  audit: { id: (t) => `${t.year}#${t.staffId}` },
});

// One run of the period close (by hand or by a schedule): running, done or failed.
export const closeRuns = /* @__PURE__ */ defineEntity({
  kind: 'close-run', label: 'close run', schema: StoredCloseRun,
  keys: { pk: 'PERIOD#<period>', sk: 'CLOSERUN#<runId>' },
});

// A distributed close's partial sums, between its Map and its finish: per gather batch, one
// item per person (their partials over the batch's accounts) and one for the team; gone by
// TTL after two days. `order` is the batch's first account as the tier index orders it.
export const closeWork = /* @__PURE__ */ built(() => defineEntity({
  kind: 'close-work', label: 'close working set (per-person partial sums)', schema: z.object({ batch: z.string(), part: z.string(), order: z.string(), work: z.unknown() }),
  keys: { pk: 'CLOSEWORK#<period>#<runId>', sk: 'BATCH#<batch>#<part>' },
  patterns: { ofRun: { doc: 'everything a distributed close gathered' } },
}));

export const getPayPolicy = (year: number) => get(payPolicies, { year });

/** A new version of a year's policy; every version is kept. */
export const putPayPolicy = (policy: StoredPayPolicy, expected: number | null, ctx: AuditContext, before?: StoredPayPolicy) =>
  upsertAudited(payPolicies, policy, expected, { ctx, before, also: [{ Put: { TableName: tableName, Item: historyItem(payPolicies, policy) } }] });

export const getPeerScore = (period: string, targetType: string, target: string, scorerId: string) => get(peerScores, { period, targetType, target, scorerId });

/** One score per scorer, target and period: a second create is a 409; amends are versioned. */
export const putPeerScore = (score: PeerScore, expected: number | null, ctx: AuditContext, before?: PeerScore) =>
  upsertAudited(peerScores, score, expected, {
    ctx,
    before,
    onFail: () =>
      expected === null ? new Conflict(msg(M.pay_scoreExists, { targetType: score.targetType, period: score.period }), 'peer-score-exists') : new PreconditionFailed(),
  });

/** Access pattern: every score a target received for a period. */
export const listPeerScores = (period: string, targetType: string, target: string) => all(peerScores, 'ofTarget', { period, targetType, target });

export const getPeriodState = (period: string) => get(periodStates, { period });

/**
 * The period lock: only one close of a period runs at a time, and none once it is final.
 * The lock expires by itself after `seconds`, so a crashed close does not block the next.
 * Its holder may take it again (the workflow's plan step after the route took it for the run):
 * its `since` then moves to the later time, which only makes fewer records late.
 */
export const acquirePeriodLock = (period: string, holder: string, now: number, seconds: number): Promise<void> =>
  updateLock(
    period,
    {
      UpdateExpression: 'SET #lock = :lock',
      ConditionExpression: '(attribute_not_exists(#lock) OR #lock.expiresAt < :now OR #lock.holder = :holder) AND (attribute_not_exists(#status) OR #status <> :final)',
      ExpressionAttributeNames: { '#lock': 'lock', '#status': 'status' },
      ExpressionAttributeValues: { ':lock': { holder, since: now, expiresAt: now + seconds * 1000 }, ':now': now, ':final': 'final', ':holder': holder },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
    (old) => {
      throw old?.status?.S === 'final' ? finalised(period) : new Conflict(msg(M.pay_closeInProgress, { period }), 'close-in-progress');
    },
  );

/** An update of the period's lock; `refused` decides what its failed condition means. */
const updateLock = async (period: string, update: Omit<UpdateCommandInput, 'TableName' | 'Key'>, refused: (old: ConditionalCheckFailedException['Item']) => void) => {
  try {
    await db.send(new UpdateCommand({ TableName: tableName, Key: key(periodStates, { period }), ...update }));
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    refused(error.Item);
  }
};

/** When the run holding the period's lock took it (a close's start, whichever step asks). */
export const lockedSince = async (period: string, holder: string): Promise<number | undefined> => {
  const state = (await get(periodStates, { period })) as { lock?: { holder?: string; since?: number } } | undefined;
  return state?.lock?.holder === holder ? state.lock.since : undefined;
};

/** A late record and whom it concerns: the account it is on, or the people it names. */
export interface LateFact {
  record: LateRecord;
  accountId?: string;
  staffIds: string[];
}

const lateFact = (i: Record<string, unknown>): LateFact | undefined => {
  const text = (name: string) => (typeof i[name] === 'string' ? (i[name] as string) : '');
  const recordedAt = text('recordedAt') || text('filedAt') || text('scoredAt');
  switch (i.kind) {
    case 'payment':
      return { record: { kind: 'payment', id: text('id'), date: text('receivedOn'), recordedAt }, accountId: text('accountId'), staffIds: [] };
    case 'project':
      return { record: { kind: 'project', id: text('id'), date: text('wonOn'), recordedAt }, accountId: text('accountId'), staffIds: [] };
    case 'visit':
      return { record: { kind: 'visit', id: text('id'), date: text('visitedOn'), recordedAt }, accountId: text('accountId'), staffIds: [] };
    case 'report':
      return { record: { kind: 'report', id: `${text('accountId')}/${text('month')}`, date: `${text('month')}-01`, recordedAt }, accountId: text('accountId'), staffIds: [] };
    case 'meeting':
      return { record: { kind: 'meeting', id: text('id'), date: text('heldOn'), recordedAt }, staffIds: Array.isArray(i.attendeeIds) ? i.attendeeIds.map(String) : [] };
    case 'peer-score':
      // The scorer stays unnamed: individual scores are the coordination group's to see.
      return { record: { kind: 'peer-score', id: `${text('period')}/${text('target')}`, date: text('period'), recordedAt }, staffIds: [text('target')] };
    default:
      return undefined;
  }
};

/** Access pattern: the pay-relevant records dated in `payPeriod` (a quarter, or a year for its peer scores) recorded at or after `since` (one Query). */
export const listLateRecords = async (payPeriod: string, since: string): Promise<LateFact[]> => {
  const items = await queryAll(queryInput(periodStates, 'lateRecords', { payPeriod }, { range: { from: since, to: '\uffff' } }));
  return items.flatMap((i) => lateFact(i) ?? []);
};

export const finalised = (period: string) => new Conflict(msg(M.pay_finalised, { period }), 'period-finalised');

/** Releases the lock if this run still holds it (another run's lock is left as it is). */
export const releasePeriodLock = (period: string, holder: string): Promise<void> =>
  updateLock(
    period,
    { UpdateExpression: 'REMOVE #lock', ConditionExpression: '#lock.holder = :holder', ExpressionAttributeNames: { '#lock': 'lock' }, ExpressionAttributeValues: { ':holder': holder } },
    () => undefined,
  );

/** Access pattern: the current statements of a period. */
export const listStatements = (period: string) => all(statements, 'ofPeriod', { period });

export const getStatement = (period: string, staffId: string) => get(statements, { period, staffId });

/** Access pattern: a period's current statements, a page at a time (by staff id). */
export const listStatementsPage = (period: string, limit: number, cursor?: string) => page(statements, 'ofPeriod', { period }, limit, cursor);

/** Access pattern: every version of one person's statement, oldest first. */
export const listStatementVersions = (period: string, staffId: string) => all(statements, 'versions', { period, staffId });

/**
 * Writes statements that changed: the version item (kept for good) and the current copy.
 * Runs under the period lock, so no other close writes the same statements meanwhile.
 */
export const saveStatements = (changed: readonly StoredStatement[]) =>
  batchWrite(changed.flatMap((s) => [{ PutRequest: { Item: historyItem(statements, s) } }, { PutRequest: { Item: item(statements, s) } }]), writeWidth);

/** Batch requests a close keeps in flight. */
const writeWidth = 8;
/** Keys of an earlier run's pages read per Query while removing the ones a new run has not. */
const keysPerPage = 1_000;

/** Records the close's outcome on the period (under the lock, which it keeps). */
export const savePeriodState = async (state: PeriodState): Promise<void> => {
  await db.send(
    new UpdateCommand({
      TableName: tableName,
      Key: key(periodStates, { period: state.period }),
      UpdateExpression:
        'SET #period = :period, #status = :status, version = :version, closedAt = :closedAt, finalizedAt = :finalizedAt, finalizedBy = :finalizedBy, kind = :kind, ' +
        'closeStartedAt = :started, repricedPeriods = :repriced',
      ExpressionAttributeNames: { '#period': 'period', '#status': 'status' },
      ExpressionAttributeValues: {
        ':period': state.period, ':status': state.status, ':version': state.version, ':closedAt': state.closedAt,
        ':finalizedAt': state.finalizedAt, ':finalizedBy': state.finalizedBy, ':kind': periodStates.kind,
        ':started': state.closeStartedAt ?? state.closedAt, ':repriced': state.repricedPeriods ?? [],
      },
    }),
  );
};

/**
 * The bulletin as a header and its rows in pages (`bulletinRowsPerItem` an item): accounts
 * by id, people by rank; then what an earlier run left past the new pages, and any rows
 * kept one an item before the pages; the header last, so that its counts never name rows
 * not yet written.
 */
export const saveBulletin = async (bulletin: Bulletin): Promise<void> => {
  const period = bulletin.period;
  const byId = (a: { accountId: string }, b: { accountId: string }) => Buffer.compare(Buffer.from(a.accountId), Buffer.from(b.accountId));
  const paged = (e: typeof bulletinAccounts, rows: readonly Record<string, unknown>[]) =>
    Array.from({ length: Math.ceil(rows.length / bulletinRowsPerItem) }, (_, page) =>
      item(e, { page, rows: rows.slice(page * bulletinRowsPerItem, (page + 1) * bulletinRowsPerItem) }, { period }));
  const accountPages = paged(bulletinAccounts, [...bulletin.accounts].sort(byId));
  const peoplePages = paged(bulletinPeople, [...bulletin.people].sort((a, b) => a.rank - b.rank));
  await replacePages([...accountPages, ...peoplePages], [
    pagesFrom(bulletinAccounts, period, accountPages.length),
    pagesFrom(bulletinPeople, period, peoplePages.length),
    queryInput(legacyBulletinAccounts, 'ofPeriod', { period }),
    queryInput(legacyBulletinPeople, 'ofPeriod', { period }),
  ]);
  const header: BulletinHeader = { period, version: bulletin.version, team: bulletin.team, accountCount: bulletin.accounts.length, peopleCount: bulletin.people.length };
  await batchWrite([{ PutRequest: { Item: item(bulletins, header) } }]);
};

export const getBulletinHeader = (period: string) => get(bulletins, { period });

/**
 * Access pattern: one section of a period's bulletin, a page at a time (accounts by id,
 * people by rank). The cursor names the position of the next row; one Query reads the items
 * that hold the page's rows and the item after them (whether more follow).
 */
export const listBulletinRows = async (period: string, section: 'accounts' | 'people', limit: number, cursor?: string): Promise<Page<Record<string, unknown>>> => {
  const legacy = section === 'accounts' ? legacyBulletinAccounts : legacyBulletinPeople;
  const query = `bulletin ${section} ${period}`;
  let position: Record<string, string | number> | undefined;
  try {
    position = decodeCursor(query, cursor);
  } catch (error) {
    // A cursor of a bulletin kept a row an item (or none this API gave: page refuses it too).
    if (error instanceof InvalidCursor) return page(legacy, 'ofPeriod', { period }, limit, cursor);
    throw error;
  }
  const found = await pagedRows(period, section, query, position?.at ?? 0, limit);
  return found.items.length === 0 && position === undefined ? page(legacy, 'ofPeriod', { period }, limit) : found;
};

const pagedRows = async (period: string, section: 'accounts' | 'people', query: string, at: unknown, limit: number): Promise<Page<Record<string, unknown>>> => {
  const e = section === 'accounts' ? bulletinAccounts : bulletinPeople;
  if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0) throw new InvalidCursor();
  const first = Math.floor(at / bulletinRowsPerItem);
  const offset = at - first * bulletinRowsPerItem;
  const wanted = Math.ceil((offset + limit) / bulletinRowsPerItem) + 1;
  const out = await db.send(new QueryCommand({
    ...queryInput(e, 'ofPeriod', { period }, {}),
    Limit: wanted,
    ExclusiveStartKey: first === 0 ? undefined : key(e, { period, paddedPage: paddedPage(first - 1) }),
  }));
  const rows = (out.Items ?? []).flatMap((i) => parse(e, i).rows);
  const items = rows.slice(offset, offset + limit);
  // More follow if rows past this page came back, or if DynamoDB stopped short of the items asked for (its 1 MB a Query).
  const stoppedShort = out.LastEvaluatedKey !== undefined && (out.Items?.length ?? 0) < wanted && items.length > 0;
  return { items, nextCursor: rows.length > offset + limit || stoppedShort ? encodeCursor(query, { at: at + items.length }) : null };
};

export const getTalentEntry = (year: number, staffId: string) => get(talentPool, { year, staffId });
export const listTalentPool = (year: number) => all(talentPool, 'ofYear', { year });

/** Suggestions from an annual close; a grade a coordinator already confirmed is kept. */
export const saveTalentSuggestions = async (entries: readonly TalentEntry[]): Promise<void> => {
  // The year's pool in one read; each person's entry is then written on condition that it is
  // still as read, so a grade confirmed meanwhile is re-read and kept, never written over.
  const years = [...new Set(entries.map((e) => e.year))];
  const known = new Map((await Promise.all(years.map((year) => all(talentPool, 'ofYear', { year })))).flat().map((e) => [`${e.year}#${e.staffId}`, e]));
  await mapLimited(entries, 2 * writeWidth, async (entry) => {
    let old = known.get(`${entry.year}#${entry.staffId}`);
    for (let attempt = 0; ; attempt++) {
      // A re-run that suggests what the pool already says writes nothing (no new version).
      if (old !== undefined && sameSuggestion(old, entry)) return;
      const merged = old === undefined ? entry : { ...entry, confirmedGrade: old.confirmedGrade, confirmedBy: old.confirmedBy, version: old.version + 1 };
      try {
        const check = old === undefined ? { ConditionExpression: 'attribute_not_exists(pk)' } : { ConditionExpression: 'version = :read', ExpressionAttributeValues: { ':read': old.version } };
        await db.send(new PutCommand({ TableName: tableName, Item: item(talentPool, merged), ...check }));
        return;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException) || attempt >= 4) throw error;
        old = await getTalentEntry(entry.year, entry.staffId);
      }
    }
  });
};

export const confirmTalentGrade = (before: TalentEntry, after: TalentEntry, ctx: AuditContext) =>
  replaceAudited(talentPool, before, after, { ctx, action: 'confirm', onFail: () => new PreconditionFailed() });

/** What finalise checked on the pay desk (shared/db/pay-desk.ts): its count of desk writes, and a forced finalise's reason. */
export interface DeskCheck {
  deskChanges: number | undefined;
  forced: ForcedFinalize | null;
}

/**
 * Finalising: the period and each current statement become final together, per batch of
 * statements. With a desk check, only if no adjustment or inquiry was written since it
 * was read (else the statements go back as they were, and 409).
 */
export const markFinal = async (state: PeriodState, current: readonly StoredStatement[], ctx: AuditContext, desk?: DeskCheck): Promise<void> => {
  await saveStatements(current.map((s) => ({ ...s, status: 'final' as const })));
  const seen = desk?.deskChanges;
  try {
    await commit([
      {
        Update: {
          TableName: tableName,
          Key: key(periodStates, { period: state.period }),
          UpdateExpression: `SET #status = :final, finalizedAt = :at, finalizedBy = :by${desk === undefined ? '' : ', forced = :forced'}`,
          ConditionExpression: `#status = :draft${desk === undefined ? '' : seen === undefined ? ' AND attribute_not_exists(deskChanges)' : ' AND deskChanges = :seen'}`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':final': 'final', ':draft': 'draft', ':at': ctx.at, ':by': ctx.actorId,
            ...(desk === undefined ? {} : { ':forced': desk.forced }), ...(seen === undefined ? {} : { ':seen': seen }),
          },
        },
      },
      auditPut(ctx, { entity: 'period', entityId: state.period, action: 'finalize', before: state, ...(desk?.forced ? { after: { forced: desk.forced } } : {}) }),
    ]);
  } catch (error) {
    if (desk !== undefined && error instanceof ConditionFailed && error.index === 0 && error.existing?.status === 'draft') {
      await saveStatements(current);
      throw new Conflict(msg(M.desk_writtenWhileFinalising, { period: state.period }), 'concurrent-change');
    }
    throw error;
  }
};

/** One part of what a distributed close's gather step keeps for the finish: a person's partials or the team's. */
export interface CloseWorkPart {
  batch: string;
  part: string;
  order: string;
  work: unknown;
}

/** A distributed close's gather step keeps its batch's parts here for the finish step. */
export const saveCloseWork = (period: string, runId: string, parts: readonly CloseWorkPart[], expiresAt: number) =>
  batchWrite(parts.map((part) => ({ PutRequest: { Item: { ...item(closeWork, part, { period, runId }), expiresAt } } })), writeWidth);

/** Access pattern: everything a distributed close gathered (one keyed Query; a batch's parts together). */
export const loadCloseWork = (period: string, runId: string): Promise<CloseWorkPart[]> => all(closeWork, 'ofRun', { period, runId });

export const getCloseRun = (period: string, runId: string) => get(closeRuns, { period, runId });

/** A run begins running (the first step to see it writes it; a later one leaves it as it is). */
export const startCloseRun = async (run: StoredCloseRun): Promise<void> => {
  try {
    await db.send(new PutCommand({ TableName: tableName, Item: item(closeRuns, run), ConditionExpression: 'attribute_not_exists(pk)' }));
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
};

/** A running run ends, done with its result or failed with its reason (a run that already ended keeps its outcome). */
export const endCloseRun = async (
  period: string,
  runId: string,
  outcome: { status: 'done'; result: CloseSummary } | { status: 'failed'; reason: NonNullable<StoredCloseRun['reason']> },
  at: string,
): Promise<void> => {
  try {
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key(closeRuns, { period, runId }),
        UpdateExpression: 'SET #status = :status, finishedAt = :at, #result = :result, reason = :reason',
        ConditionExpression: '#status = :running',
        ExpressionAttributeNames: { '#status': 'status', '#result': 'result' },
        ExpressionAttributeValues: {
          ':status': outcome.status, ':at': at, ':running': 'running',
          ':result': outcome.status === 'done' ? outcome.result : null, ':reason': outcome.status === 'failed' ? outcome.reason : null,
        },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
};
