import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type AuditContext, auditPut } from '#shared/db/audit.ts';
import { db, tableName } from '#shared/db/client.ts';
import { batchWrite, queryAll, queryPage } from '#shared/db/query.ts';
import { ConditionFailed, transactWrite } from '#shared/db/transact.ts';
import { Conflict, PreconditionFailed } from '#shared/errors.ts';
import type { Bulletin, PeerScore, PeriodState, StoredPayPolicy, StoredStatement, TalentEntry } from '#shared/schemas/pay.ts';

/*
 * Keys (see README, data model):
 *   pay policy         pk PAYPOLICY#<year>  sk CURRENT; each version sk V#<version>
 *   peer score         pk PEERSCORES#<period>#<staff|department>#<target>  sk SCORER#<scorerId>
 *   period state/lock  pk PERIOD#<period>  sk STATE
 *   statement          pk PERIOD#<period>  sk STATEMENT#<staffId> (current)
 *                      pk STATEMENT#<period>#<staffId>  sk V#<version> (every version, kept)
 *   bulletin           pk PERIOD#<period>  sk BULLETIN (team, counts); rows sk BULLETIN#ACCOUNT#<accountId>
 *                      and BULLETIN#PERSON#<rank, 6 digits>: a row per item, so no size limit
 *   talent pool entry  pk TALENT#<year>  sk STAFF#<staffId>
 *   close working set  pk CLOSEWORK#<period>#<runId>  sk ACCOUNT#<accountId>  (a distributed close's gathered
 *                      accounts, between its Map and its finish; gone by TTL after two days)
 */
const strip = <T>(item: Record<string, unknown> | undefined): T | undefined => {
  if (item === undefined) return undefined;
  const { pk: _pk, sk: _sk, kind: _kind, gsi1pk: _g1, gsi1sk: _g1s, lock: _lock, ...rest } = item;
  return rest as T;
};

const get = async <T>(pk: string, sk: string): Promise<T | undefined> =>
  strip<T>((await db.send(new GetCommand({ TableName: tableName, Key: { pk, sk } }))).Item);

/** Writes all or nothing; a failed condition on the first item is a 412. */
const commitVersioned = async (items: Parameters<typeof transactWrite>[0]): Promise<void> => {
  try {
    await transactWrite(items);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) throw new PreconditionFailed();
    throw error;
  }
};

const versionCondition = (expected: number | null) =>
  expected === null
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expected } };

export const getPayPolicy = (year: number) => get<StoredPayPolicy>(`PAYPOLICY#${year}`, 'CURRENT');

/** A new version of a year's policy; every version is kept. */
export const putPayPolicy = (policy: StoredPayPolicy, expected: number | null, ctx: AuditContext, before?: StoredPayPolicy) =>
  commitVersioned([
    { Put: { TableName: tableName, Item: { pk: `PAYPOLICY#${policy.year}`, sk: 'CURRENT', kind: 'pay-policy', ...policy }, ...versionCondition(expected) } },
    { Put: { TableName: tableName, Item: { pk: `PAYPOLICY#${policy.year}`, sk: `V#${String(policy.version).padStart(6, '0')}`, kind: 'pay-policy-version', ...policy } } },
    auditPut(ctx, { entity: 'pay-policy', entityId: String(policy.year), action: expected === null ? 'create' : 'update', before, after: policy }),
  ]);

const scoresPk = (period: string, targetType: string, target: string) => `PEERSCORES#${period}#${targetType}#${target}`;

export const getPeerScore = (period: string, targetType: string, target: string, scorerId: string) =>
  get<PeerScore>(scoresPk(period, targetType, target), `SCORER#${scorerId}`);

/** One score per scorer, target and period: a second create is a 409; amends are versioned. */
export const putPeerScore = async (score: PeerScore, expected: number | null, ctx: AuditContext, before?: PeerScore): Promise<void> => {
  try {
    await commitVersioned([
      { Put: { TableName: tableName, Item: { pk: scoresPk(score.period, score.targetType, score.target), sk: `SCORER#${score.scorerId}`, kind: 'peer-score', ...score }, ...versionCondition(expected) } },
      auditPut(ctx, { entity: 'peer-score', entityId: `${score.period}#${score.targetType}#${score.target}#${score.scorerId}`, action: expected === null ? 'create' : 'update', before, after: score }),
    ]);
  } catch (error) {
    if (error instanceof PreconditionFailed && expected === null) {
      throw new Conflict(`You already scored this ${score.targetType} for ${score.period}; amend the score with PATCH and If-Match`, 'peer-score-exists');
    }
    throw error;
  }
};

/** Access pattern: every score a target received for a period. */
export const listPeerScores = async (period: string, targetType: string, target: string) =>
  (await queryAll({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': scoresPk(period, targetType, target) } })).map((i) => strip<PeerScore>(i) as PeerScore);

export const getPeriodState = (period: string) => get<PeriodState>(`PERIOD#${period}`, 'STATE');

/**
 * The period lock: only one close of a period runs at a time, and none once it is final.
 * The lock expires by itself after `seconds`, so a crashed close does not block the next.
 */
export const acquirePeriodLock = async (period: string, holder: string, now: number, seconds: number): Promise<void> => {
  try {
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: `PERIOD#${period}`, sk: 'STATE' },
        UpdateExpression: 'SET #lock = :lock',
        ConditionExpression: '(attribute_not_exists(#lock) OR #lock.expiresAt < :now) AND (attribute_not_exists(#status) OR #status <> :final)',
        ExpressionAttributeNames: { '#lock': 'lock', '#status': 'status' },
        ExpressionAttributeValues: { ':lock': { holder, expiresAt: now + seconds * 1000 }, ':now': now, ':final': 'final' },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      if (error.Item?.status?.S === 'final') throw finalised(period);
      throw new Conflict(`A close of ${period} is already running; try again when it has finished`, 'close-in-progress');
    }
    throw error;
  }
};

export const finalised = (period: string) => new Conflict(`${period} is finalised: its statements never change`, 'period-finalised', 'Period finalised');

export const releasePeriodLock = async (period: string, holder: string): Promise<void> => {
  try {
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: `PERIOD#${period}`, sk: 'STATE' },
        UpdateExpression: 'REMOVE #lock',
        ConditionExpression: '#lock.holder = :holder',
        ExpressionAttributeNames: { '#lock': 'lock' },
        ExpressionAttributeValues: { ':holder': holder },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
};

/** Access pattern: the current statements of a period. */
export const listStatements = async (period: string) =>
  (await queryAll({
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': `PERIOD#${period}`, ':prefix': 'STATEMENT#' },
  })).map((i) => strip<StoredStatement>(i) as StoredStatement);

export const getStatement = (period: string, staffId: string) => get<StoredStatement>(`PERIOD#${period}`, `STATEMENT#${staffId}`);

/** Access pattern: a period's current statements, a page at a time (by staff id). */
export const listStatementsPage = (period: string, limit: number, cursor?: string) =>
  queryPage(
    { TableName: tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': `PERIOD#${period}`, ':prefix': 'STATEMENT#' } },
    limit,
    cursor,
    (item) => strip<StoredStatement>(item) as StoredStatement,
  );

/** Access pattern: every version of one person's statement, oldest first. */
export const listStatementVersions = async (period: string, staffId: string) =>
  (await queryAll({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `STATEMENT#${period}#${staffId}` } })).map(
    (i) => strip<StoredStatement>(i) as StoredStatement,
  );

/**
 * Writes statements that changed: the version item (kept for good) and the current copy.
 * Runs under the period lock, so no other close writes the same statements meanwhile.
 */
export const saveStatements = (statements: readonly StoredStatement[]) =>
  batchWrite(
    statements.flatMap((s) => [
      { PutRequest: { Item: { pk: `STATEMENT#${s.period}#${s.staffId}`, sk: `V#${String(s.version).padStart(6, '0')}`, kind: 'statement-version', ...s } } },
      { PutRequest: { Item: { pk: `PERIOD#${s.period}`, sk: `STATEMENT#${s.staffId}`, kind: 'statement', ...s } } },
    ]),
  );

/** Records the close's outcome on the period (under the lock, which it keeps). */
export const savePeriodState = async (state: PeriodState): Promise<void> => {
  await db.send(
    new UpdateCommand({
      TableName: tableName,
      Key: { pk: `PERIOD#${state.period}`, sk: 'STATE' },
      UpdateExpression: 'SET #period = :period, #status = :status, version = :version, closedAt = :closedAt, finalizedAt = :finalizedAt, finalizedBy = :finalizedBy, kind = :kind',
      ExpressionAttributeNames: { '#period': 'period', '#status': 'status' },
      ExpressionAttributeValues: {
        ':period': state.period, ':status': state.status, ':version': state.version, ':closedAt': state.closedAt,
        ':finalizedAt': state.finalizedAt, ':finalizedBy': state.finalizedBy, ':kind': 'period',
      },
    }),
  );
};

const bulletinRows = (period: string) =>
  queryAll({
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': `PERIOD#${period}`, ':prefix': 'BULLETIN#' },
    ProjectionExpression: 'pk, sk',
  });

/** The bulletin as a header and one item per row; rows of an earlier run that no longer exist go. */
export const saveBulletin = async (bulletin: Bulletin): Promise<void> => {
  const pk = `PERIOD#${bulletin.period}`;
  const rows = [
    ...bulletin.accounts.map((row) => ({ pk, sk: `BULLETIN#ACCOUNT#${row.accountId}`, kind: 'bulletin-account', ...row })),
    ...bulletin.people.map((row) => ({ pk, sk: `BULLETIN#PERSON#${String(row.rank).padStart(6, '0')}`, kind: 'bulletin-person', ...row })),
  ];
  const keep = new Set(rows.map((r) => r.sk));
  const stale = (await bulletinRows(bulletin.period)).filter((r) => !keep.has(r.sk as string));
  await batchWrite([
    { PutRequest: { Item: { pk, sk: 'BULLETIN', kind: 'bulletin', period: bulletin.period, version: bulletin.version, team: bulletin.team, accountCount: bulletin.accounts.length, peopleCount: bulletin.people.length } } },
    ...rows.map((Item) => ({ PutRequest: { Item } })),
    ...stale.map((r) => ({ DeleteRequest: { Key: { pk: r.pk, sk: r.sk } } })),
  ]);
};

export const getBulletinHeader = (period: string) =>
  get<{ period: string; version: number; team: Record<string, unknown>; accountCount: number; peopleCount: number }>(`PERIOD#${period}`, 'BULLETIN');

/** Access pattern: one section of a period's bulletin, a page at a time (accounts by id, people by rank). */
export const listBulletinRows = (period: string, section: 'accounts' | 'people', limit: number, cursor?: string) =>
  queryPage(
    {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `PERIOD#${period}`, ':prefix': section === 'accounts' ? 'BULLETIN#ACCOUNT#' : 'BULLETIN#PERSON#' },
    },
    limit,
    cursor,
    (item) => strip<Record<string, unknown>>(item) as Record<string, unknown>,
  );

export const getTalentEntry = (year: number, staffId: string) => get<TalentEntry>(`TALENT#${year}`, `STAFF#${staffId}`);
export const listTalentPool = async (year: number) =>
  (await queryAll({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `TALENT#${year}` } })).map((i) => strip<TalentEntry>(i) as TalentEntry);

/** Suggestions from an annual close; a grade a coordinator already confirmed is kept. */
export const saveTalentSuggestions = async (entries: readonly TalentEntry[]): Promise<void> => {
  for (const entry of entries) {
    const existing = await getTalentEntry(entry.year, entry.staffId);
    const merged = existing === undefined ? entry : { ...entry, confirmedGrade: existing.confirmedGrade, confirmedBy: existing.confirmedBy, version: existing.version + 1 };
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: `TALENT#${entry.year}`, sk: `STAFF#${entry.staffId}` },
        UpdateExpression: 'SET #year = :year, staffId = :staffId, #name = :name, annualTier = :tier, suggestedGrade = :suggested, confirmedGrade = :confirmed, confirmedBy = :by, certification = :cert, version = :version, kind = :kind',
        ExpressionAttributeNames: { '#year': 'year', '#name': 'name' },
        ExpressionAttributeValues: {
          ':year': merged.year, ':staffId': merged.staffId, ':name': merged.name, ':tier': merged.annualTier, ':suggested': merged.suggestedGrade,
          ':confirmed': merged.confirmedGrade, ':by': merged.confirmedBy, ':cert': merged.certification, ':version': merged.version, ':kind': 'talent',
        },
      }),
    );
  }
};

export const confirmTalentGrade = (before: TalentEntry, after: TalentEntry, ctx: AuditContext) =>
  commitVersioned([
    { Put: { TableName: tableName, Item: { pk: `TALENT#${after.year}`, sk: `STAFF#${after.staffId}`, kind: 'talent', ...after }, ...versionCondition(before.version) } },
    auditPut(ctx, { entity: 'talent', entityId: `${after.year}#${after.staffId}`, action: 'confirm', before, after }),
  ]);

/** Finalising: the period and each current statement become final together, per batch of statements. */
export const markFinal = async (state: PeriodState, statements: readonly StoredStatement[], ctx: AuditContext): Promise<void> => {
  await saveStatements(statements.map((s) => ({ ...s, status: 'final' as const })));
  await transactWrite([
    {
      Update: {
        TableName: tableName,
        Key: { pk: `PERIOD#${state.period}`, sk: 'STATE' },
        UpdateExpression: 'SET #status = :final, finalizedAt = :at, finalizedBy = :by',
        ConditionExpression: '#status = :draft',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':final': 'final', ':draft': 'draft', ':at': ctx.at, ':by': ctx.actorId },
      },
    },
    auditPut(ctx, { entity: 'period', entityId: state.period, action: 'finalize', before: state }),
  ]);
};

const workPk = (period: string, runId: string) => `CLOSEWORK#${period}#${runId}`;

/** A distributed close's gather step keeps its batch here for the finish step. */
export const saveCloseWork = (period: string, runId: string, accounts: readonly { accountId: string }[], expiresAt: number) =>
  batchWrite(accounts.map((account) => ({ PutRequest: { Item: { pk: workPk(period, runId), sk: `ACCOUNT#${account.accountId}`, kind: 'close-work', expiresAt, account } } })));

/** Access pattern: everything a distributed close gathered (one keyed Query). */
export const loadCloseWork = async <T>(period: string, runId: string): Promise<T[]> =>
  (await queryAll({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': workPk(period, runId) } })).map((item) => item.account as T);
