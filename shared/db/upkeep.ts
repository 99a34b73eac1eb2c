import * as z from 'zod/mini';
import type { AuditContext } from '#shared/db/audit.ts';
import { insertAudited, replaceAudited } from '#shared/db/audited.ts';
import { all, defineEntity, overwrite, type Write } from '#shared/db/entity.ts';
import { equals } from '#shared/db/query.ts';
import { accountPk, payDataIndex, quarterOf } from '#shared/db/partitions.ts';
import { Conflict, NotFound, PreconditionFailed } from '#shared/errors.ts';
import { Id, IsoDate } from '#shared/schemas/common.ts';
import { type ActionItem, Meeting, MeetingType, OpenActionItem, Report, Visit } from '#shared/schemas/upkeep.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';
import { built } from '#shared/built.ts';

export const visits = /* @__PURE__ */ built(() => defineEntity({
  kind: 'visit', label: 'visit', schema: Visit,
  derive: (v) => ({ payPeriod: quarterOf(v.visitedOn) }),
  keys: { pk: accountPk, sk: 'VISIT#<visitedOn>#<id>', gsi1: { pk: 'VISITOR#<madeBy>', sk: '<visitedOn>#<accountId>#<id>' }, gsi4: payDataIndex('visit', '<id>') },
  patterns: {
    byAccount: { doc: "an account's visits in [from, to] (compliance, pay close)", sk: 'VISIT#' },
    byPerson: { doc: "a person's visits in [from, to]", index: 'gsi1' },
  },
}));

/** One per account and month. */
export const reports = /* @__PURE__ */ built(() => defineEntity({
  kind: 'report', label: 'monthly report', schema: Report, versioned: true,
  derive: (r) => ({ payPeriod: quarterOf(r.month), recordedAt: r.filedAt }),
  keys: { pk: accountPk, sk: 'REPORT#<month>', gsi1: { pk: 'REPORTER#<filedBy>', sk: '<month>#<accountId>' }, gsi4: payDataIndex('report', '<accountId>#<month>') },
  patterns: { byAccount: { doc: "an account's reports for months [from, to]", sk: 'REPORT#' } },
  audit: { id: (r) => `${r.accountId}#${r.month}` },
}));

export const meetings = /* @__PURE__ */ built(() => defineEntity({
  kind: 'meeting', label: 'meeting', schema: Meeting, versioned: true,
  derive: (m) => ({ payPeriod: quarterOf(m.heldOn), ...(m.type === 'contact_leader_quarterly_review' ? {} : { recordedAt: undefined }) }),
  keys: { pk: 'MEETING#<id>', sk: 'PROFILE', gsi1: { pk: 'MEETINGS#<type>', sk: '<heldOn>#<id>' }, gsi4: payDataIndex('meeting', '<id>') },
  patterns: { byType: { doc: 'meetings of a type in [from, to] (quarterly reviews for compliance)', index: 'gsi1' } },
}));

export const attendance = /* @__PURE__ */ built(() => defineEntity({
  kind: 'attendance', label: 'meeting attendance', schema: z.object({ meetingId: Id, type: MeetingType, heldOn: IsoDate }),
  keys: { pk: 'ATTENDEE#<staffId>', sk: '<heldOn>#<meetingId>' },
  patterns: { ofPerson: { doc: 'the meetings a person attended in [from, to]' } },
}));

export const meetingLinks = /* @__PURE__ */ built(() => defineEntity({
  kind: 'meeting-link', label: 'meeting ↔ account link', schema: z.object({ meetingId: Id }),
  keys: { pk: accountPk, sk: 'MEETING#<heldOn>#<meetingId>' },
  patterns: { ofAccount: { doc: 'the meetings that discussed an account', sk: 'MEETING#' } },
}));

export const actionItems = /* @__PURE__ */ defineEntity({
  kind: 'action-item', label: "action item (owner's copy)", schema: OpenActionItem,
  keys: { pk: 'ACTIONS#<ownerId>', sk: '<dueOn>#<meetingId>#<id>' },
  patterns: { ofOwner: { doc: "a person's open action items, earliest due first" } },
});

/** A visit, with the writes that go with it (the last contact of the stakeholders it names). */
export const insertVisit = (visit: Visit, ctx: AuditContext, alongside: readonly Write[] = []) =>
  insertAudited(visits, visit, { ctx, action: 'create', also: alongside });

/** One report per account and month: a second is a 409. */
export const insertReport = (report: Report, ctx: AuditContext) =>
  insertAudited(reports, report, { ctx, action: 'create' }, () =>
    new Conflict(msg(M.upkeep_reportExists, { accountId: report.accountId, month: report.month }), 'report-exists'));

export const replaceReport = (before: Report, after: Report, ctx: AuditContext) =>
  replaceAudited(reports, before, after, { ctx, action: 'amend', gone: () => new NotFound(msg(M.upkeep_reportNotFoundMonth, { month: before.month })) });

const actionItemPut = (meeting: Meeting, item: ActionItem) => overwrite(actionItems, { ...item, meetingId: meeting.id, meetingType: meeting.type, heldOn: meeting.heldOn });

/** A meeting with its attendance, account links and action items, all in one transaction. */
export const insertMeeting = (meeting: Meeting, ctx: AuditContext) =>
  insertAudited(meetings, meeting, {
    ctx,
    action: 'create',
    also: [
      ...meeting.attendeeIds.map((staffId) => overwrite(attendance, { meetingId: meeting.id, type: meeting.type, heldOn: meeting.heldOn }, { staffId })),
      ...meeting.accountIds.map((accountId) => overwrite(meetingLinks, { meetingId: meeting.id }, { accountId, heldOn: meeting.heldOn })),
      ...meeting.actionItems.map((item) => actionItemPut(meeting, item)),
    ],
  });

/** Marks one action item done in the meeting and in its owner's list together. */
export const saveActionItemDone = (before: Meeting, after: Meeting, item: ActionItem, ctx: AuditContext) =>
  replaceAudited(meetings, before, after, { ctx, action: 'action-item-done', onFail: () => new PreconditionFailed(), also: [actionItemPut(after, item)], trail: { before: { actionItemId: item.id }, after: item } });

export const allMeetingsOfType = (type: MeetingType, from: string, to: string) => all(meetings, 'byType', { type }, { range: { from, to } });

/** Access pattern: a person's open action items, earliest due first. */
export const listOpenActionItems = (ownerId: string) =>
  all(actionItems, 'ofOwner', { ownerId }, { filter: equals('done', false) });

/** Access pattern: the meetings that discussed an account (ids). */
export const listMeetingIdsOfAccount = async (accountId: string) => (await all(meetingLinks, 'ofAccount', { accountId })).map((link) => link.meetingId);
