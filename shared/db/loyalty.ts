import * as z from 'zod/mini';
import { type AuditContext, auditPut } from '#shared/db/audit.ts';
import { insertAudited, replaceAudited, upsertAudited } from '#shared/db/audited.ts';
import { commit, defineEntity, item, overwrite, page, put } from '#shared/db/entity.ts';
import type { Page } from '#shared/db/pagination.ts';
import { accountPk } from '#shared/db/partitions.ts';
import { batchWrite, equals } from '#shared/db/query.ts';
import { nextDue } from '#shared/domain/loyalty/feedback.ts';
import { Conflict, NotFound } from '#shared/errors.ts';
import { Id, Version } from '#shared/schemas/common.ts';
import {
  Enrolment,
  Feedback,
  type FeedbackStatus,
  Health,
  HolidayCalendar,
  type HolidayCalendarRecord,
  Incentive,
  IncentiveKind,
  LoyaltyPolicy,
  type LoyaltyPolicyRecord,
  Pilot,
  PilotOffer,
  Survey,
} from '#shared/schemas/loyalty.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';
import { built } from '#shared/built.ts';

/* Loyalty, part 2 (issue 13): every read below is a Get or a keyed Query. */

export const holidayCalendars = /* @__PURE__ */ built(() => defineEntity({
  kind: 'holiday-calendar', label: 'holiday calendar (per year)', schema: HolidayCalendar, versioned: true,
  keys: { pk: 'CALENDAR#<year>', sk: 'PROFILE' },
  audit: { id: (c) => String(c.year) },
}));

export const loyaltyPolicies = /* @__PURE__ */ built(() => defineEntity({
  kind: 'loyalty-policy', label: 'loyalty policy (per year)', schema: LoyaltyPolicy, versioned: true,
  keys: { pk: 'LOYALTYPOLICY#<year>', sk: 'PROFILE' },
  audit: { id: (p) => String(p.year) },
}));

export const feedback = /* @__PURE__ */ built(() => defineEntity({
  kind: 'feedback', label: 'feedback (suggestion or complaint, with its steps)', schema: Feedback, versioned: true,
  derive: (f) => ({ dueOn: nextDue(f)?.dueOn }),
  keys: {
    pk: 'FEEDBACK#<id>', sk: 'PROFILE',
    gsi1: { pk: 'ACCOUNT#<accountId>#FEEDBACK', sk: '<receivedOn>#<id>' },
    // Sparse: only items still waiting on a deadline, earliest first, so the overdue list is one range read.
    gsi2: { pk: 'FEEDBACK#WAITING', sk: '<dueOn>#<id>', when: (r) => typeof r.dueOn === 'string', note: 'items waiting on a deadline' },
  },
  patterns: {
    byAccount: { doc: "an account's feedback, newest received first", index: 'gsi1', pk: 'ACCOUNT#<accountId>#FEEDBACK', newestFirst: true },
    waiting: { doc: '**which feedback is overdue on day D**: items waiting on a deadline before D, earliest first', index: 'gsi2', pk: 'FEEDBACK#WAITING' },
  },
}));

export const surveys = /* @__PURE__ */ defineEntity({
  kind: 'survey', label: 'satisfaction survey (one per stakeholder and quarter)', schema: Survey,
  keys: {
    pk: accountPk, sk: 'SURVEY#<period>#<stakeholderId>',
    gsi1: { pk: 'SURVEYS#<period>', sk: '<accountId>#<stakeholderId>' },
    gsi2: { pk: 'SMSURVEYS#<salesManagerId>', sk: '<period>#<accountId>#<stakeholderId>', when: (r) => typeof r.salesManagerId === 'string' },
    gsi3: { pk: 'CLSURVEYS#<contactLeaderId>', sk: '<period>#<accountId>#<stakeholderId>', when: (r) => typeof r.contactLeaderId === 'string' },
  },
  patterns: {
    byAccount: { doc: "an account's surveys, by quarter", pk: accountPk, sk: 'SURVEY#' },
    ofAccountInPeriod: { doc: "an account's surveys of one quarter", pk: accountPk, sk: 'SURVEY#<period>#' },
    ofPeriod: { doc: "a quarter's surveys of every account (averages)", index: 'gsi1', pk: 'SURVEYS#<period>' },
    ofSalesManager: { doc: "the surveys of a sales manager's accounts in quarters [from, to] (certification)", index: 'gsi2', pk: 'SMSURVEYS#<salesManagerId>' },
    ofContactLeader: { doc: "the surveys of a contact leader's accounts in quarters [from, to] (certification)", index: 'gsi3', pk: 'CLSURVEYS#<contactLeaderId>' },
  },
});

export const pilots = /* @__PURE__ */ defineEntity({
  kind: 'pilot', label: 'pilot of a new product or service', schema: Pilot, versioned: true,
  keys: { pk: 'PILOT#<id>', sk: 'PROFILE', gsi1: { pk: 'PILOTS', sk: '<from>#<id>' } },
  patterns: { all: { doc: 'pilots, latest start first', index: 'gsi1', pk: 'PILOTS', newestFirst: true } },
});

export const pilotOffers = /* @__PURE__ */ defineEntity({
  kind: 'pilot-offer', label: 'pilot offer to an account (with its answer)', schema: PilotOffer,
  keys: { pk: 'PILOT#<pilotId>', sk: 'OFFER#<accountId>' },
  patterns: { ofPilot: { doc: "a pilot's offers, by account", pk: 'PILOT#<pilotId>', sk: 'OFFER#' } },
});

export const enrolments = /* @__PURE__ */ defineEntity({
  kind: 'pilot-enrolment', label: 'pilot enrolment', schema: Enrolment,
  keys: { pk: 'PILOT#<pilotId>', sk: 'ENROL#<accountId>' },
  patterns: { ofPilot: { doc: "a pilot's enrolled accounts", pk: 'PILOT#<pilotId>', sk: 'ENROL#' } },
});

export const incentives = /* @__PURE__ */ defineEntity({
  kind: 'incentive', label: 'customer incentive (discount, rebate, reward)', schema: Incentive, versioned: true,
  keys: { pk: 'INCENTIVE#<id>', sk: 'PROFILE', gsi1: { pk: 'ACCOUNT#<accountId>#INCENTIVES', sk: '<validFrom>#<id>' } },
  patterns: { byAccount: { doc: "an account's incentives, by start day", index: 'gsi1', pk: 'ACCOUNT#<accountId>#INCENTIVES' } },
});

/** One per account and kind: each approval moves its version, so two racing approvals cannot both pass the overlap check. */
export const incentiveLocks = /* @__PURE__ */ built(() => defineEntity({
  kind: 'incentive-lock',
  label: 'approval sequence of an account’s incentives of one kind',
  schema: z.object({ accountId: Id, kind: IncentiveKind, version: Version }),
  versioned: true,
  keys: { pk: 'INCENTIVELOCK#<accountId>', sk: '<kind>' },
}));

/** Written by the refresh (monthly job, or a coordinator): the ranked list reads them worst first. */
export const healthSnapshots = /* @__PURE__ */ built(() => defineEntity({
  kind: 'health', label: 'account health of a period (snapshot)', schema: Health,
  derive: (h) => ({ rank: String(Math.round(Number(h.score) * 100)).padStart(5, '0') }),
  keys: { pk: accountPk, sk: 'HEALTH#<period>', gsi1: { pk: 'HEALTHRANK#<period>', sk: '<rank>#<accountId>' } },
  patterns: { ranked: { doc: "a period's account health, worst first", index: 'gsi1', pk: 'HEALTHRANK#<period>' } },
}));

/* ---------- calendar and policy ---------- */

export const putCalendar = (record: HolidayCalendarRecord, expected: number | null, ctx: AuditContext, before?: HolidayCalendarRecord) =>
  upsertAudited(holidayCalendars, record, expected, { ctx, before });

export const putLoyaltyPolicy = (record: LoyaltyPolicyRecord, expected: number | null, ctx: AuditContext, before?: LoyaltyPolicyRecord) =>
  upsertAudited(loyaltyPolicies, record, expected, { ctx, before });

/* ---------- feedback ---------- */

export const insertFeedback = (record: Feedback, ctx: AuditContext) =>
  insertAudited(feedback, record, { ctx, action: 'create' }, () => new Conflict(msg(M.loyalty_feedbackChanged, { id: record.id })));

/** A step, if nobody took one since the read (409 then: read and decide again). */
export const saveFeedbackStep = (before: Feedback, after: Feedback, ctx: AuditContext) =>
  replaceAudited(feedback, before, after, {
    ctx,
    action: `step-${after.steps.at(-1)?.step ?? 'unknown'}`,
    onFail: (old) => (old === undefined ? new NotFound(msg(M.loyalty_feedbackNotFound, { id: before.id })) : new Conflict(msg(M.loyalty_feedbackChanged, { id: before.id }), 'concurrent-change')),
  });

/** Access pattern: an account's feedback, newest first, optionally of one status. */
export const listFeedbackByAccount = (accountId: string, status: FeedbackStatus | undefined, limit: number, cursor?: string): Promise<Page<Feedback>> =>
  page(feedback, 'byAccount', { accountId }, limit, cursor, { filter: equals('status', status) });

/* ---------- surveys ---------- */

export const insertSurvey = (survey: Survey, ctx: AuditContext) =>
  insertAudited(surveys, survey, { ctx, action: 'create' }, () =>
    new Conflict(msg(M.loyalty_surveyExists, { accountId: survey.accountId, period: survey.period, id: survey.stakeholderId }), 'survey-exists'));

export const listSurveysOfAccount = (accountId: string, period: string | undefined, limit: number, cursor?: string) =>
  period === undefined ? page(surveys, 'byAccount', { accountId }, limit, cursor) : page(surveys, 'ofAccountInPeriod', { accountId, period }, limit, cursor);

/* ---------- pilots ---------- */

export const insertPilot = (pilot: Pilot, ctx: AuditContext) =>
  insertAudited(pilots, pilot, { ctx, action: 'create' });

const pilotChanged = (id: string) => (old: Record<string, unknown> | undefined) =>
  old === undefined ? new NotFound(msg(M.loyalty_pilotNotFound, { id })) : new Conflict(msg(M.loyalty_pilotChanged, { id }), 'concurrent-change');

/** The offer to an account: a later answer replaces the earlier one. */
export const saveOffer = (offer: PilotOffer, ctx: AuditContext) =>
  commit([overwrite(pilotOffers, offer), auditPut(ctx, { entity: 'pilot', entityId: offer.pilotId, action: 'offer', after: offer })]);

/** The enrolment and the pilot's count together: the count is checked against capacity at the version read. */
export const insertEnrolment = (before: Pilot, after: Pilot, enrolment: Enrolment, ctx: AuditContext) =>
  replaceAudited(pilots, before, after, {
    ctx,
    action: 'enrol',
    onFail: pilotChanged(before.id),
    also: [put(enrolments, enrolment, 'new', { onFail: () => new Conflict(msg(M.loyalty_alreadyEnrolled, { id: before.id, accountId: enrolment.accountId }), 'already-enrolled') })],
    trail: { before: { enrolled: before.enrolled }, after: enrolment },
  });

export const savePilot = (before: Pilot, after: Pilot, action: string, ctx: AuditContext) =>
  replaceAudited(pilots, before, after, { ctx, action, onFail: pilotChanged(before.id) });

/* ---------- incentives ---------- */

export const insertIncentive = (incentive: Incentive, ctx: AuditContext) =>
  insertAudited(incentives, incentive, { ctx, action: 'create' });

/** The approval, on condition that no other approval of the kind on the account landed since the overlap check read. */
export const saveApproval = (before: Incentive, after: Incentive, lockVersion: number | null, ctx: AuditContext) =>
  replaceAudited(incentives, before, after, {
    ctx,
    action: 'approve',
    also: [
      put(incentiveLocks, { accountId: before.accountId, kind: before.kind, version: (lockVersion ?? 0) + 1 }, lockVersion ?? 'new', {
        onFail: () => new Conflict(msg(M.loyalty_incentiveChanged, { id: before.accountId }), 'concurrent-change'),
      }),
    ],
    onFail: (old) => (old === undefined ? new NotFound(msg(M.loyalty_incentiveNotFound, { id: before.id })) : new Conflict(msg(M.loyalty_incentiveChanged, { id: before.accountId }), 'concurrent-change')),
  });

/* ---------- health ---------- */

export const saveHealthSnapshots = (snapshots: readonly Health[]) => batchWrite(snapshots.map((h) => ({ PutRequest: { Item: item(healthSnapshots, h) } })));
