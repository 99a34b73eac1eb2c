import { type Calendars, addWorkingDays, workingDaysAfter } from '#shared/domain/loyalty/calendar.ts';
import type { LoyaltyPolicy } from '#shared/domain/loyalty/policy.ts';
import { BadRequest, Conflict, type FieldError, fieldError, RuleViolation } from '#shared/errors.ts';
import type { Feedback, FeedbackInput, FeedbackStatus, FeedbackStepInput, FeedbackView, Overdue, StepName } from '#shared/schemas/loyalty.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/*
 * Feedback from a key account (paper §4.6; issue 13 item 1): received → acknowledged →
 * rectifying → rectified → reported_back → closed, each step dated and by whom. A closed
 * item is reopened only by a dated step with a reason; it then goes back to rectifying
 * with a new report-back deadline counted from the reopening.
 */

/** The status each step leads to, and the statuses it may be taken from. */
const transitions: Record<Exclude<StepName, 'received'>, { from: readonly FeedbackStatus[]; to: FeedbackStatus }> = {
  acknowledged: { from: ['received'], to: 'acknowledged' },
  rectifying: { from: ['acknowledged'], to: 'rectifying' },
  rectified: { from: ['rectifying'], to: 'rectified' },
  reported_back: { from: ['rectified'], to: 'reported_back' },
  closed: { from: ['reported_back'], to: 'closed' },
  reopened: { from: ['closed'], to: 'rectifying' },
};

/** Both deadlines of an item received (or reopened) on `from`. */
export const deadlinesFrom = (from: string, severity: Feedback['severity'], policy: LoyaltyPolicy, calendars: Calendars) => ({
  acknowledgeBy: addWorkingDays(from, policy.deadlines[severity].acknowledge, calendars),
  reportBackBy: addWorkingDays(from, policy.deadlines[severity].reportBack, calendars),
});

export const newFeedback = (
  id: string,
  accountId: string,
  input: FeedbackInput,
  by: string,
  at: string,
  today: string,
  policy: LoyaltyPolicy,
  calendars: Calendars,
): Feedback => {
  if (input.receivedOn > today) throw new RuleViolation('date-in-future', msg(M.loyalty_receivedInFuture, { on: input.receivedOn, today }));
  return {
    id,
    accountId,
    kind: input.kind,
    severity: input.severity,
    receivedOn: input.receivedOn,
    stakeholderId: input.stakeholderId ?? null,
    department: input.department ?? null,
    projectId: input.projectId ?? null,
    summary: input.summary,
    details: input.details ?? null,
    status: 'received',
    steps: [{ step: 'received', on: input.receivedOn, by, at, note: null }],
    ...deadlinesFrom(input.receivedOn, input.severity, policy, calendars),
    plan: null,
    result: null,
    customerResponse: null,
    satisfaction: null,
    recordedBy: by,
    recordedAt: at,
    version: 1,
  };
};

/** What a step needs besides its date: a complaint's plan, the result, the customer's answer, a reason to reopen. */
const missingFields = (item: Feedback, input: FeedbackStepInput): FieldError[] => {
  const need = (field: keyof FeedbackStepInput) => (input[field] === undefined ? [fieldError(`body.${field}`, msg(M.field_requiredForStep, { step: input.step }))] : []);
  switch (input.step) {
    case 'rectifying':
      return item.kind === 'complaint' ? need('plan') : [];
    case 'rectified':
      return need('result');
    case 'reported_back':
      return [...need('customerResponse'), ...need('satisfaction')];
    case 'reopened':
      return need('reason');
    default:
      return [];
  }
};

/** Takes one step; 409 when the item is not in a status the step follows, 422 for a date before the last step or after today. */
export const takeStep = (item: Feedback, input: FeedbackStepInput, by: string, at: string, today: string, policy: LoyaltyPolicy, calendars: Calendars): Feedback => {
  const move = transitions[input.step];
  if (!move.from.includes(item.status)) {
    throw new Conflict(msg(M.loyalty_stepOutOfOrder, { id: item.id, step: input.step, status: item.status }), 'feedback-step-out-of-order');
  }
  const missing = missingFields(item, input);
  if (missing.length > 0) throw new BadRequest(msg(M.rule_fields, { errors: missing }), missing);
  const last = item.steps.at(-1);
  if (last !== undefined && input.on < last.on) {
    throw new RuleViolation('step-before-last', msg(M.loyalty_stepBeforeLast, { on: input.on, last: last.on }), [fieldError('body.on', msg(M.field_notBefore, { day: last.on }))]);
  }
  if (input.on > today) throw new RuleViolation('date-in-future', msg(M.loyalty_stepInFuture, { on: input.on, today }), [fieldError('body.on', msg(M.field_notAfter, { day: today }))]);
  const note = input.reason ?? input.note ?? null;
  const after: Feedback = {
    ...item,
    status: move.to,
    steps: [...item.steps, { step: input.step, on: input.on, by, at, note }],
    version: item.version + 1,
  };
  switch (input.step) {
    case 'rectifying':
      return input.plan === undefined ? after : { ...after, plan: input.plan };
    case 'rectified':
      return { ...after, result: input.result ?? null };
    case 'reported_back':
      return { ...after, customerResponse: input.customerResponse ?? null, satisfaction: input.satisfaction ?? null };
    case 'reopened':
      // A reopened item owes a new report back, counted from the day it was reopened.
      return { ...after, result: null, customerResponse: null, satisfaction: null, reportBackBy: deadlinesFrom(input.on, item.severity, policy, calendars).reportBackBy };
    default:
      return after;
  }
};

/** The deadline an item is waiting on: acknowledgement until acknowledged, then the report back; none once reported back. */
export const nextDue = (item: Pick<Feedback, 'status' | 'acknowledgeBy' | 'reportBackBy'>): { stage: Overdue['stage']; dueOn: string } | null => {
  if (item.status === 'received') return { stage: 'acknowledge', dueOn: item.acknowledgeBy };
  if (item.status === 'acknowledged' || item.status === 'rectifying' || item.status === 'rectified') return { stage: 'report_back', dueOn: item.reportBackBy };
  return null;
};

/** Overdue on `today`: the deadline waited on has passed (the last day itself is still in time). */
export const overdueOn = (item: Feedback, today: string, calendars: Calendars): Overdue | null => {
  const due = nextDue(item);
  if (due === null || today <= due.dueOn) return null;
  return { ...due, workingDaysLate: workingDaysAfter(due.dueOn, today, calendars) };
};

export const viewOf = (item: Feedback, today: string, calendars: Calendars): FeedbackView => ({ ...item, overdue: overdueOn(item, today, calendars) });
