import { GetCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { type AuditContext, auditPut } from '#shared/db/audit.ts';
import { db, tableName } from '#shared/db/client.ts';
import { queryAll, queryPage } from '#shared/db/query.ts';
import { ConditionFailed, type TransactItem, transactWrite } from '#shared/db/transact.ts';
import { Conflict, NotFound, PreconditionFailed } from '#shared/errors.ts';
import type { ActionItem, Meeting, MeetingType, Report, Visit } from '#shared/schemas/upkeep.ts';

/*
 * Keys (see README, data model):
 *   visit          pk ACCOUNT#<accountId>  sk VISIT#<visitedOn>#<id>        (an account's visits by date)
 *                  gsi1 VISITOR#<madeBy> / <visitedOn>#<accountId>#<id>    (a person's visits by date)
 *   report         pk ACCOUNT#<accountId>  sk REPORT#<month>                 (one per account and month)
 *                  gsi1 REPORTER#<filedBy> / <month>#<accountId>
 *   meeting        pk MEETING#<id>  sk PROFILE
 *                  gsi1 MEETINGS#<type> / <heldOn>#<id>                      (by type and date)
 *   attendance     pk ATTENDEE#<staffId>  sk <heldOn>#<meetingId>            (a person's meetings)
 *   account link   pk ACCOUNT#<accountId>  sk MEETING#<heldOn>#<meetingId>   (meetings that discussed it)
 *   action item    pk ACTIONS#<ownerId>  sk <dueOn>#<meetingId>#<itemId>     (a person's action items)
 */
const accountPk = (id: string) => `ACCOUNT#${id}`;

const pick = <T>(item: Record<string, unknown>, fields: readonly (keyof T)[]): T =>
  Object.fromEntries(fields.map((f) => [f, item[f as string]])) as T;
const toVisit = (item: Record<string, unknown>) =>
  pick<Visit>(item, ['id', 'accountId', 'type', 'visitedOn', 'summary', 'participantIds', 'madeBy', 'recordedAt']);
const toReport = (item: Record<string, unknown>) => pick<Report>(item, ['accountId', 'month', 'summary', 'keyFigures', 'filedBy', 'filedAt', 'version']);
const toMeeting = (item: Record<string, unknown>) =>
  pick<Meeting>(item, ['id', 'type', 'heldOn', 'attendeeIds', 'accountIds', 'minutes', 'decisions', 'actionItems', 'recordedBy', 'version']);

/** Sort keys start with a date or month: `[from, to]` both inclusive. */
const between = (pkName: string, pk: string, skName: string, prefix: string, from: string, to: string, index?: string): QueryCommandInput => ({
  TableName: tableName,
  ...(index === undefined ? {} : { IndexName: index }),
  KeyConditionExpression: `${pkName} = :pk AND ${skName} BETWEEN :from AND :to`,
  ExpressionAttributeValues: { ':pk': pk, ':from': `${prefix}${from}`, ':to': `${prefix}${to}#\uffff` },
});

export const insertVisit = (visit: Visit, ctx: AuditContext) =>
  transactWrite([
    {
      Put: {
        TableName: tableName,
        Item: {
          pk: accountPk(visit.accountId),
          sk: `VISIT#${visit.visitedOn}#${visit.id}`,
          gsi1pk: `VISITOR#${visit.madeBy}`,
          gsi1sk: `${visit.visitedOn}#${visit.accountId}#${visit.id}`,
          kind: 'visit',
          ...visit,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    auditPut(ctx, { entity: 'visit', entityId: visit.id, action: 'create', after: visit }),
  ]);

/** Access pattern: an account's visits in [from, to]. */
export const listVisitsByAccount = (accountId: string, from: string, to: string, limit: number, cursor?: string) =>
  queryPage(between('pk', accountPk(accountId), 'sk', 'VISIT#', from, to), limit, cursor, toVisit);
export const allVisitsOfAccount = async (accountId: string, from: string, to: string) =>
  (await queryAll(between('pk', accountPk(accountId), 'sk', 'VISIT#', from, to))).map(toVisit);

/** Access pattern: a person's visits in [from, to]. */
export const listVisitsByPerson = (staffId: string, from: string, to: string, limit: number, cursor?: string) =>
  queryPage(between('gsi1pk', `VISITOR#${staffId}`, 'gsi1sk', '', from, to, 'gsi1'), limit, cursor, toVisit);
export const allVisitsOfPerson = async (staffId: string, from: string, to: string) =>
  (await queryAll(between('gsi1pk', `VISITOR#${staffId}`, 'gsi1sk', '', from, to, 'gsi1'))).map(toVisit);

const reportKey = (accountId: string, month: string) => ({ pk: accountPk(accountId), sk: `REPORT#${month}` });
const reportItem = (report: Report) => ({
  ...reportKey(report.accountId, report.month),
  gsi1pk: `REPORTER#${report.filedBy}`,
  gsi1sk: `${report.month}#${report.accountId}`,
  kind: 'report',
  ...report,
});

export const getReport = async (accountId: string, month: string): Promise<Report | undefined> => {
  const out = await db.send(new GetCommand({ TableName: tableName, Key: reportKey(accountId, month) }));
  return out.Item === undefined ? undefined : toReport(out.Item);
};

/** One report per account and month: a second is a 409. */
export const insertReport = async (report: Report, ctx: AuditContext): Promise<void> => {
  try {
    await transactWrite([
      { Put: { TableName: tableName, Item: reportItem(report), ConditionExpression: 'attribute_not_exists(pk)' } },
      auditPut(ctx, { entity: 'report', entityId: `${report.accountId}#${report.month}`, action: 'create', after: report }),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) {
      throw new Conflict(`Account ${report.accountId} already has its report for ${report.month}; amend it with PATCH and If-Match`, 'report-exists');
    }
    throw error;
  }
};

export const replaceReport = async (before: Report, after: Report, ctx: AuditContext): Promise<void> => {
  try {
    await transactWrite([
      {
        Put: {
          TableName: tableName,
          Item: reportItem(after),
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': before.version },
        },
      },
      auditPut(ctx, { entity: 'report', entityId: `${after.accountId}#${after.month}`, action: 'amend', before, after }),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) {
      throw error.existing === undefined ? new NotFound(`No report for ${before.month}`) : new PreconditionFailed();
    }
    throw error;
  }
};

/** Access pattern: an account's reports for the months in [from, to] (`YYYY-MM`). */
export const listReportsByAccount = async (accountId: string, fromMonth: string, toMonth: string) =>
  (await queryAll({
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': accountPk(accountId), ':from': `REPORT#${fromMonth}`, ':to': `REPORT#${toMonth}` },
  })).map(toReport);

/** A meeting with its attendance, account links and action items, all in one transaction. */
export const insertMeeting = (meeting: Meeting, ctx: AuditContext) =>
  transactWrite([
    {
      Put: {
        TableName: tableName,
        Item: { pk: `MEETING#${meeting.id}`, sk: 'PROFILE', gsi1pk: `MEETINGS#${meeting.type}`, gsi1sk: `${meeting.heldOn}#${meeting.id}`, kind: 'meeting', ...meeting },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...meeting.attendeeIds.map((staffId) => ({
      Put: { TableName: tableName, Item: { pk: `ATTENDEE#${staffId}`, sk: `${meeting.heldOn}#${meeting.id}`, kind: 'attendance', meetingId: meeting.id, type: meeting.type, heldOn: meeting.heldOn } },
    })),
    ...meeting.accountIds.map((accountId) => ({
      Put: { TableName: tableName, Item: { pk: accountPk(accountId), sk: `MEETING#${meeting.heldOn}#${meeting.id}`, kind: 'meeting-link', meetingId: meeting.id } },
    })),
    ...meeting.actionItems.map((item) => actionItemPut(meeting, item)),
    auditPut(ctx, { entity: 'meeting', entityId: meeting.id, action: 'create', after: meeting }),
  ]);

const actionItemPut = (meeting: Meeting, item: ActionItem): TransactItem => ({
  Put: {
    TableName: tableName,
    Item: { pk: `ACTIONS#${item.ownerId}`, sk: `${item.dueOn}#${meeting.id}#${item.id}`, kind: 'action-item', ...item, meetingId: meeting.id, meetingType: meeting.type, heldOn: meeting.heldOn },
  },
});

/** Marks one action item done in the meeting and in its owner's list together. */
export const saveActionItemDone = async (before: Meeting, after: Meeting, item: ActionItem, ctx: AuditContext): Promise<void> => {
  try {
    await transactWrite([
      {
        Put: {
          TableName: tableName,
          Item: { pk: `MEETING#${after.id}`, sk: 'PROFILE', gsi1pk: `MEETINGS#${after.type}`, gsi1sk: `${after.heldOn}#${after.id}`, kind: 'meeting', ...after },
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': before.version },
        },
      },
      actionItemPut(after, item),
      auditPut(ctx, { entity: 'meeting', entityId: after.id, action: 'action-item-done', before: { actionItemId: item.id }, after: item }),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) throw new PreconditionFailed();
    throw error;
  }
};

export const getMeetingById = async (id: string): Promise<Meeting | undefined> => {
  const out = await db.send(new GetCommand({ TableName: tableName, Key: { pk: `MEETING#${id}`, sk: 'PROFILE' } }));
  return out.Item === undefined ? undefined : toMeeting(out.Item);
};

/** Access pattern: meetings of a type held in [from, to]. */
export const listMeetingsByType = (type: MeetingType, from: string, to: string, limit: number, cursor?: string) =>
  queryPage(between('gsi1pk', `MEETINGS#${type}`, 'gsi1sk', '', from, to, 'gsi1'), limit, cursor, toMeeting);
export const allMeetingsOfType = async (type: MeetingType, from: string, to: string) =>
  (await queryAll(between('gsi1pk', `MEETINGS#${type}`, 'gsi1sk', '', from, to, 'gsi1'))).map(toMeeting);

/** Access pattern: the meetings a person attended in [from, to] (type and day). */
export const listAttendance = async (staffId: string, from: string, to: string) =>
  (await queryAll(between('pk', `ATTENDEE#${staffId}`, 'sk', '', from, to))).map((item) => ({
    meetingId: item.meetingId as string,
    type: item.type as MeetingType,
    heldOn: item.heldOn as string,
  }));

/** Access pattern: a person's open action items, earliest due first. */
export const listOpenActionItems = async (ownerId: string) =>
  (await queryAll({
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk',
    FilterExpression: 'done = :no',
    ExpressionAttributeValues: { ':pk': `ACTIONS#${ownerId}`, ':no': false },
  })).map((item) => ({
    ...pick<ActionItem>(item, ['id', 'action', 'ownerId', 'dueOn', 'done', 'doneOn']),
    meetingId: item.meetingId as string,
    meetingType: item.meetingType as MeetingType,
    heldOn: item.heldOn as string,
  }));

/** Access pattern: the meetings that discussed an account (ids). */
export const listMeetingIdsOfAccount = async (accountId: string) =>
  (await queryAll({
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': accountPk(accountId), ':prefix': 'MEETING#' },
  })).map((item) => item.meetingId as string);
