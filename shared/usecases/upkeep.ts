import { ulid } from 'ulid';
import { getAccountById } from '#shared/db/accounts.ts';
import type { AuditContext } from '#shared/db/audit.ts';
import { getStaffById } from '#shared/db/staff.ts';
import { all, get, page } from '#shared/db/entity.ts';
import * as store from '#shared/db/upkeep.ts';
import { todayInShanghai } from '#shared/domain/dates.ts';
import { type Caller, hasAnyRole } from '#shared/domain/staff.ts';
import { type FieldError, fieldError, Forbidden, NotFound, PreconditionFailed, RuleViolation } from '#shared/errors.ts';
import type { Meeting, MeetingInput, Report, ReportInput, VisitInput } from '#shared/schemas/upkeep.ts';
import { loadAccountFor } from '#shared/usecases/account-guard.ts';
import { withRetry } from '#shared/usecases/retry.ts';
import { visitContactWrites } from '#shared/usecases/stakeholders.ts';
import { forumExecutives } from '#shared/usecases/loyalty/forum.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

const coordination = ['coordinator', 'leadership'] as const;


/** Staff ids in a body must name active staff (422 naming each that does not). */
const assertActiveStaff = async (ids: readonly { id: string; path: string }[]): Promise<void> => {
  const people = await Promise.all(ids.map(({ id }) => getStaffById(id)));
  const errors: FieldError[] = ids.flatMap(({ path }, i) => {
    const person = people[i];
    if (person === undefined) return [fieldError(path, msg(M.field_noSuchStaff))];
    return person.status === 'departed' ? [fieldError(path, msg(M.field_leftOn, { leftOn: person.leftOn }))] : [];
  });
  if (errors.length > 0) throw new RuleViolation('unknown-or-departed-staff', msg(M.upkeep_staffNotActive), errors);
};

/** A visit made by the caller, on an account they may act on (exclusive ownership). */
export const recordVisit = async (caller: Caller, accountId: string, input: VisitInput, audit: AuditContext) => {
  await loadAccountFor(caller, accountId, 'act');
  const participantIds = input.participantIds ?? [];
  await assertActiveStaff(participantIds.map((id, i) => ({ id, path: `body.participantIds.${i}` })));
  if (input.visitedOn > todayInShanghai()) {
    throw new RuleViolation('visit-in-future', msg(M.upkeep_visitInFuture), [fieldError('body.visitedOn', msg(M.field_notInFuture))]);
  }
  const stakeholderIds = input.stakeholderIds ?? [];
  const visit = { id: ulid(), accountId, type: input.type, visitedOn: input.visitedOn, summary: input.summary, participantIds, stakeholderIds, madeBy: caller.id, recordedAt: audit.at };
  // The stakeholders' last contact moves with the visit, in its transaction; a stakeholder changed meanwhile is read again.
  await withRetry(msg(M.changing, { kind: 'stakeholder', id: stakeholderIds.join(', ') }), async () =>
    store.insertVisit(visit, audit, await visitContactWrites(accountId, stakeholderIds, input.visitedOn, caller.id, audit.at)),
  );
  return visit;
};

export const accountVisits = async (caller: Caller, accountId: string, q: { from: string; to: string; limit: number; cursor?: string }) => {
  await loadAccountFor(caller, accountId, 'read');
  return page(store.visits, 'byAccount', { accountId }, q.limit, q.cursor, { range: { from: q.from, to: q.to } });
};

export const personVisits = async (caller: Caller, q: { staffId: string; from: string; to: string; limit: number; cursor?: string }) => {
  if (q.staffId !== caller.id && !hasAnyRole(caller, coordination)) {
    throw new Forbidden(msg(M.upkeep_listOwnVisits), 'role-not-allowed');
  }
  return page(store.visits, 'byPerson', { madeBy: q.staffId }, q.limit, q.cursor, { range: { from: q.from, to: q.to } });
};

/** The monthly report is the account's current sales manager's, one per account and month. */
export const fileReport = async (caller: Caller, accountId: string, input: ReportInput, audit: AuditContext): Promise<Report> => {
  const account = await loadAccountFor(caller, accountId, 'act');
  if (account.salesManagerId !== caller.id) {
    throw new Forbidden(msg(M.upkeep_notSalesManager, { accountId }), 'not-the-sales-manager');
  }
  if (input.month > todayInShanghai().slice(0, 7)) {
    throw new RuleViolation('report-in-future', msg(M.upkeep_reportInFuture), [fieldError('body.month', msg(M.field_notFutureMonth))]);
  }
  const report: Report = { accountId, month: input.month, summary: input.summary, keyFigures: input.keyFigures ?? {}, filedBy: caller.id, filedAt: audit.at, version: 1 };
  await store.insertReport(report, audit);
  return report;
};

export const amendReport = async (
  caller: Caller,
  accountId: string,
  month: string,
  ifMatch: number,
  patch: { summary?: string; keyFigures?: Report['keyFigures'] },
  audit: AuditContext,
): Promise<Report> => {
  const account = await loadAccountFor(caller, accountId, 'read');
  const before = await get(store.reports, { accountId, month });
  if (before === undefined) throw new NotFound(msg(M.upkeep_reportNotFound, { accountId, month }));
  if (caller.id !== before.filedBy && caller.id !== account.salesManagerId) {
    throw new Forbidden(msg(M.upkeep_reportAmenders), 'not-the-sales-manager');
  }
  if (before.version !== ifMatch) throw new PreconditionFailed();
  const after = { ...before, ...patch, version: before.version + 1 };
  await store.replaceReport(before, after, audit);
  return after;
};

export const accountReports = async (caller: Caller, accountId: string, from: string, to: string) => {
  await loadAccountFor(caller, accountId, 'read');
  return { items: await all(store.reports, 'byAccount', { accountId }, { range: { from, to } }), nextCursor: null };
};

export const recordMeeting = async (caller: Caller, input: MeetingInput, audit: AuditContext): Promise<Meeting> => {
  const actionItems = input.actionItems ?? [];
  await assertActiveStaff([
    ...input.attendeeIds.map((id, i) => ({ id, path: `body.attendeeIds.${i}` })),
    ...actionItems.map((item, i) => ({ id: item.ownerId, path: `body.actionItems.${i}.ownerId` })),
  ]);
  const accountIds = input.accountIds ?? [];
  const missing = (await Promise.all(accountIds.map(getAccountById))).flatMap((a, i) => (a === undefined ? [fieldError(`body.accountIds.${i}`, msg(M.field_noSuchAccount))] : []));
  if (missing.length > 0) throw new RuleViolation('unknown-account', msg(M.upkeep_unknownAccounts), missing);
  const customerExecutives = await forumExecutives(input.type, accountIds, input.customerExecutives ?? [], input.heldOn);
  const meeting: Meeting = {
    id: ulid(),
    type: input.type,
    heldOn: input.heldOn,
    attendeeIds: input.attendeeIds,
    accountIds,
    minutes: input.minutes ?? null,
    decisions: input.decisions ?? [],
    actionItems: actionItems.map((item) => ({ id: ulid(), ...item, done: false, doneOn: null })),
    customerExecutives,
    recordedBy: caller.id,
    recordedAt: audit.at,
    version: 1,
  };
  await store.insertMeeting(meeting, audit);
  return meeting;
};

/** Attendees read the meetings they sat in, owners of its action items too (they have work from it); the coordination group reads all. */
export const readMeeting = async (caller: Caller, id: string): Promise<Meeting> => {
  const meeting = await get(store.meetings, { id: id });
  const related = (m: Meeting) => m.attendeeIds.includes(caller.id) || m.actionItems.some((a) => a.ownerId === caller.id);
  if (meeting === undefined || !(hasAnyRole(caller, coordination) || related(meeting))) {
    throw new NotFound(msg(M.upkeep_meetingNotFound, { id }));
  }
  return meeting;
};

export const markActionItemDone = (caller: Caller, meetingId: string, itemId: string, doneOn: string, audit: AuditContext) =>
  withRetry(msg(M.changing, { kind: 'meeting', id: meetingId }), async () => {
    const before = await get(store.meetings, { id: meetingId });
    const item = before?.actionItems.find((i) => i.id === itemId);
    if (before === undefined || item === undefined) throw new NotFound(msg(M.upkeep_actionItemNotFound, { itemId, meetingId }));
    if (item.ownerId !== caller.id && !hasAnyRole(caller, ['coordinator'])) {
      throw new Forbidden(msg(M.upkeep_actionItemMarkers), 'not-the-owner');
    }
    if (item.done) throw new RuleViolation('action-item-done', msg(M.upkeep_actionItemDone, { itemId, doneOn: item.doneOn }));
    const done = { ...item, done: true, doneOn };
    const after = { ...before, actionItems: before.actionItems.map((i) => (i.id === itemId ? done : i)), version: before.version + 1 };
    await store.saveActionItemDone(before, after, done, audit);
    return after;
  });

export const openActionItems = async (caller: Caller, ownerId: string) => {
  if (ownerId !== caller.id && !hasAnyRole(caller, coordination)) {
    throw new Forbidden(msg(M.upkeep_listOwnActionItems), 'role-not-allowed');
  }
  return { items: await store.listOpenActionItems(ownerId), nextCursor: null };
};

export const meetingsOfType = (q: { type: Meeting['type']; from: string; to: string; limit: number; cursor?: string }) =>
  page(store.meetings, 'byType', { type: q.type }, q.limit, q.cursor, { range: { from: q.from, to: q.to } });
