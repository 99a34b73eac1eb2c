import { defineRoute } from '#shared/http/route.ts';
import { AccountIdParams } from '#shared/schemas/accounts.ts';
import * as s from '#shared/schemas/loyalty.ts';

/* Loyalty, part 2 (issue 13; domain.md §4): feedback, satisfaction, pilots, customer incentives, account health. Account-scoped routes go through the one account guard. */

const coordinators = { roles: ['coordinator'] } as const;
const overseers = { roles: ['coordinator', 'leadership'] } as const;
/** Those who may act on a key account: its holders and coordinators (the guard decides which account). */
const accountPeople = { roles: ['coordinator', 'contact_leader', 'sales_manager'] } as const;
/** Visibility follows the account; the route lets any active staff in and the guard answers 403 or 404. */
const anyStaff = { roles: [] } as const;
const settings = 'Loyalty settings';
const feedback = 'Feedback';
const satisfaction = 'Satisfaction';
const pilots = 'Pilots';
const incentives = 'Customer incentives';
const health = 'Account health';

export const putHolidayCalendar = /* @__PURE__ */ defineRoute({
  id: 'putHolidayCalendar', method: 'PUT', path: '/v1/holiday-calendars/{year}', handler: 'loyalty/put-holiday-calendar', tag: settings,
  summary: 'Set a year’s public holidays and make-up working days (Asia/Shanghai): feedback deadlines count working days by it',
  auth: coordinators, tableAccess: 'write', params: s.YearParams, body: s.HolidayCalendarBody, ifMatch: 'when-exists',
  response: { status: 200, schema: s.HolidayCalendar, description: 'The calendar (201 when created)' }, problems: [412, 422, 428],
});

export const getHolidayCalendar = /* @__PURE__ */ defineRoute({
  id: 'getHolidayCalendar', method: 'GET', path: '/v1/holiday-calendars/{year}', handler: 'loyalty/get-holiday-calendar', tag: settings,
  summary: 'A year’s holiday calendar',
  auth: anyStaff, tableAccess: 'read', params: s.YearParams,
  response: { status: 200, schema: s.HolidayCalendar, description: 'The calendar' }, problems: [404],
});

export const putLoyaltyPolicy = /* @__PURE__ */ defineRoute({
  id: 'putLoyaltyPolicy', method: 'PUT', path: '/v1/loyalty-policies/{year}', handler: 'loyalty/put-loyalty-policy', tag: settings,
  summary: 'Set a year’s feedback deadlines by severity, the pilots’ key-account-first days and the health weights; omitted settings keep the defaults',
  auth: overseers, tableAccess: 'write', params: s.YearParams, body: s.LoyaltyPolicyBody, ifMatch: 'when-exists',
  response: { status: 200, schema: s.LoyaltyPolicy, description: 'The policy (201 when created)' }, problems: [412, 428],
});

export const getLoyaltyPolicy = /* @__PURE__ */ defineRoute({
  id: 'getLoyaltyPolicy', method: 'GET', path: '/v1/loyalty-policies/{year}', handler: 'loyalty/get-loyalty-policy', tag: settings,
  summary: 'A year’s loyalty policy (the defaults until one is set)',
  auth: anyStaff, tableAccess: 'read', params: s.YearParams,
  response: { status: 200, schema: s.LoyaltyPolicy, description: 'The policy' },
});

export const recordFeedback = /* @__PURE__ */ defineRoute({
  id: 'recordFeedback', method: 'POST', path: '/v1/accounts/{id}/feedback', handler: 'feedback/record-feedback', tag: feedback,
  summary: 'Record a key account’s suggestion or complaint (意见、建议、投诉) with its severity; its deadlines are set in working days',
  auth: accountPeople, tableAccess: 'write', params: AccountIdParams, body: s.FeedbackBody,
  response: { status: 201, schema: s.FeedbackView, description: 'The received item with its deadlines' }, problems: [404, 422],
});

export const listAccountFeedback = /* @__PURE__ */ defineRoute({
  id: 'listAccountFeedback', method: 'GET', path: '/v1/accounts/{id}/feedback', handler: 'feedback/list-account-feedback', tag: feedback,
  summary: 'An account’s feedback, newest received first, each with what is overdue',
  auth: anyStaff, tableAccess: 'read', params: AccountIdParams, query: s.ListAccountFeedbackQuery,
  response: { status: 200, schema: s.FeedbackPage, description: 'A page of feedback' }, problems: [404],
});

export const getFeedback = /* @__PURE__ */ defineRoute({
  id: 'getFeedback', method: 'GET', path: '/v1/feedback/{id}', handler: 'feedback/get-feedback', tag: feedback,
  summary: 'One item with every dated step',
  auth: anyStaff, tableAccess: 'read', params: s.IdParams,
  response: { status: 200, schema: s.FeedbackView, description: 'The item' }, problems: [404],
});

export const stepFeedback = /* @__PURE__ */ defineRoute({
  id: 'stepFeedback', method: 'POST', path: '/v1/feedback/{id}/steps', handler: 'feedback/step-feedback', tag: feedback,
  summary: 'Take the next step: acknowledged, rectifying (a complaint’s plan), rectified (the result), reported_back (response and satisfaction), closed; or reopen a closed item with a reason',
  auth: accountPeople, tableAccess: 'write', params: s.IdParams, body: s.FeedbackStepBody,
  response: { status: 201, schema: s.FeedbackView, description: 'The item after the step' }, problems: [404, 409, 422],
});

export const listOverdueFeedback = /* @__PURE__ */ defineRoute({
  id: 'listOverdueFeedback', method: 'GET', path: '/v1/overdue-feedback', handler: 'feedback/list-overdue-feedback', tag: feedback,
  summary: 'Feedback past the deadline it waits on (acknowledgement or report back) as of a day, earliest deadline first',
  auth: overseers, tableAccess: 'read', query: s.ListFeedbackQuery,
  response: { status: 200, schema: s.FeedbackPage, description: 'A page of overdue items' },
});

export const recordSurvey = /* @__PURE__ */ defineRoute({
  id: 'recordSurvey', method: 'POST', path: '/v1/accounts/{id}/surveys', handler: 'surveys/record-survey', tag: satisfaction,
  summary: 'Record a named stakeholder’s satisfaction survey of a quarter (overall, product, service, responsiveness 1–5)',
  auth: accountPeople, tableAccess: 'write', params: AccountIdParams, body: s.SurveyBody,
  response: { status: 201, schema: s.Survey, description: 'The survey' }, problems: [404, 409, 422],
});

export const listAccountSurveys = /* @__PURE__ */ defineRoute({
  id: 'listAccountSurveys', method: 'GET', path: '/v1/accounts/{id}/surveys', handler: 'surveys/list-account-surveys', tag: satisfaction,
  summary: 'An account’s surveys, by quarter',
  auth: anyStaff, tableAccess: 'read', params: AccountIdParams, query: s.ListSurveysQuery,
  response: { status: 200, schema: s.SurveyPage, description: 'A page of surveys' }, problems: [404],
});

export const getSatisfaction = /* @__PURE__ */ defineRoute({
  id: 'getSatisfaction', method: 'GET', path: '/v1/satisfaction', handler: 'surveys/get-satisfaction', tag: satisfaction,
  summary: 'A quarter’s average satisfaction per account and per sales manager',
  auth: overseers, tableAccess: 'read', query: s.SatisfactionQuery,
  response: { status: 200, schema: s.SatisfactionSummary, description: 'The averages' },
});

export const openPilot = /* @__PURE__ */ defineRoute({
  id: 'openPilot', method: 'POST', path: '/v1/pilots', handler: 'pilots/open-pilot', tag: pilots,
  summary: 'Open a pilot (试点) of a new product or service; for its first days only key accounts may be enrolled',
  auth: coordinators, tableAccess: 'write', body: s.PilotBody,
  response: { status: 201, schema: s.Pilot, description: 'The pilot' },
});

export const listPilots = /* @__PURE__ */ defineRoute({
  id: 'listPilots', method: 'GET', path: '/v1/pilots', handler: 'pilots/list-pilots', tag: pilots,
  summary: 'Pilots, latest start first', auth: anyStaff, tableAccess: 'read', query: s.ListPilotsQuery,
  response: { status: 200, schema: s.PilotPage, description: 'A page of pilots' },
});

export const getPilot = /* @__PURE__ */ defineRoute({
  id: 'getPilot', method: 'GET', path: '/v1/pilots/{id}', handler: 'pilots/get-pilot', tag: pilots,
  summary: 'A pilot with its enrolment count and outcome', auth: anyStaff, tableAccess: 'read', params: s.IdParams,
  response: { status: 200, schema: s.Pilot, description: 'The pilot' }, problems: [404],
});

export const offerPilot = /* @__PURE__ */ defineRoute({
  id: 'offerPilot', method: 'POST', path: '/v1/pilots/{id}/offers', handler: 'pilots/offer-pilot', tag: pilots,
  summary: 'Record the offer of a pilot to an account and the customer’s answer (accepted, declined, no_answer); a later answer replaces it',
  auth: accountPeople, tableAccess: 'write', params: s.IdParams, body: s.OfferBody,
  response: { status: 201, schema: s.PilotOffer, description: 'The offer' }, problems: [404, 422],
});

export const listPilotOffers = /* @__PURE__ */ defineRoute({
  id: 'listPilotOffers', method: 'GET', path: '/v1/pilots/{id}/offers', handler: 'pilots/list-pilot-offers', tag: pilots,
  summary: 'A pilot’s offers and answers, by account', auth: overseers, tableAccess: 'read', params: s.IdParams, query: s.ListPilotsQuery,
  response: { status: 200, schema: s.OfferPage, description: 'A page of offers' }, problems: [404],
});

export const enrolInPilot = /* @__PURE__ */ defineRoute({
  id: 'enrolInPilot', method: 'POST', path: '/v1/pilots/{id}/enrolments', handler: 'pilots/enrol-in-pilot', tag: pilots,
  summary: 'Enrol an account in a pilot: key accounts only during its first days (422), within capacity (409)',
  auth: accountPeople, tableAccess: 'write', params: s.IdParams, body: s.EnrolmentBody,
  response: { status: 201, schema: s.Enrolment, description: 'The enrolment' }, problems: [404, 409, 422],
});

export const listPilotEnrolments = /* @__PURE__ */ defineRoute({
  id: 'listPilotEnrolments', method: 'GET', path: '/v1/pilots/{id}/enrolments', handler: 'pilots/list-pilot-enrolments', tag: pilots,
  summary: 'A pilot’s enrolled accounts', auth: overseers, tableAccess: 'read', params: s.IdParams, query: s.ListPilotsQuery,
  response: { status: 200, schema: s.EnrolmentPage, description: 'A page of enrolments' }, problems: [404],
});

export const recordPilotOutcome = /* @__PURE__ */ defineRoute({
  id: 'recordPilotOutcome', method: 'POST', path: '/v1/pilots/{id}/outcome', handler: 'pilots/record-pilot-outcome', tag: pilots,
  summary: 'Record a pilot’s outcome once: feedback, adoption, and the revenue of the opportunities it led to',
  auth: coordinators, tableAccess: 'write', params: s.IdParams, body: s.OutcomeBody,
  response: { status: 201, schema: s.Pilot, description: 'The pilot with its outcome' }, problems: [404, 409, 422],
});

export const listPilotNotOffered = /* @__PURE__ */ defineRoute({
  id: 'listPilotNotOffered', method: 'GET', path: '/v1/pilots/{id}/not-offered', handler: 'pilots/list-pilot-not-offered', tag: pilots,
  summary: 'Key accounts the pilot has not been offered to, a page of key accounts at a time',
  auth: overseers, tableAccess: 'read', params: s.IdParams, query: s.ListPilotsQuery,
  response: { status: 200, schema: s.NotOffered, description: 'Key accounts not offered' }, problems: [404],
});

export const proposeIncentive = /* @__PURE__ */ defineRoute({
  id: 'proposeIncentive', method: 'POST', path: '/v1/accounts/{id}/incentives', handler: 'incentives/propose-incentive', tag: incentives,
  summary: 'Propose a discount (basis points), rebate or reward (fen or a rule) for a key account, valid from–to',
  auth: accountPeople, tableAccess: 'write', params: AccountIdParams, body: s.IncentiveBody,
  response: { status: 201, schema: s.Incentive, description: 'The proposed incentive' }, problems: [404, 422],
});

export const listAccountIncentives = /* @__PURE__ */ defineRoute({
  id: 'listAccountIncentives', method: 'GET', path: '/v1/accounts/{id}/incentives', handler: 'incentives/list-account-incentives', tag: incentives,
  summary: 'An account’s incentives, by start day', auth: anyStaff, tableAccess: 'read', params: AccountIdParams, query: s.ListIncentivesQuery,
  response: { status: 200, schema: s.IncentivePage, description: 'A page of incentives' }, problems: [404],
});

export const getIncentive = /* @__PURE__ */ defineRoute({
  id: 'getIncentive', method: 'GET', path: '/v1/incentives/{id}', handler: 'incentives/get-incentive', tag: incentives,
  summary: 'One incentive', auth: anyStaff, tableAccess: 'read', params: s.IdParams,
  response: { status: 200, schema: s.Incentive, description: 'The incentive' }, problems: [404],
});

export const approveIncentive = /* @__PURE__ */ defineRoute({
  id: 'approveIncentive', method: 'POST', path: '/v1/incentives/{id}/approval', handler: 'incentives/approve-incentive', tag: incentives,
  summary: 'Approve an incentive (four eyes: not its proposer); 409 if an approved one of its kind overlaps it',
  auth: overseers, tableAccess: 'write', params: s.IdParams,
  response: { status: 201, schema: s.Incentive, description: 'The approved incentive' }, problems: [404, 409],
});

export const getIncentiveCost = /* @__PURE__ */ defineRoute({
  id: 'getIncentiveCost', method: 'GET', path: '/v1/accounts/{id}/incentive-cost', handler: 'incentives/get-incentive-cost', tag: incentives,
  summary: 'The year’s incentive cost of an account beside the contract amount it won',
  auth: anyStaff, tableAccess: 'read', params: AccountIdParams, query: s.IncentiveCostQuery, languages: true,
  response: { status: 200, schema: s.IncentiveCost, description: 'Cost and contract amount' }, problems: [404],
});

export const getForumCompliance = /* @__PURE__ */ defineRoute({
  id: 'getForumCompliance', method: 'GET', path: '/v1/compliance/executive-forum', handler: 'compliance/get-forum-compliance', tag: 'Upkeep',
  summary: 'Whether the year’s executive forum (高层座谈会) was held and which key accounts’ executives attended',
  auth: overseers, tableAccess: 'read', query: s.ForumQuery,
  response: { status: 200, schema: s.ForumCompliance, description: 'The year’s forums' },
});

export const getAccountHealth = /* @__PURE__ */ defineRoute({
  id: 'getAccountHealth', method: 'GET', path: '/v1/accounts/{id}/health', handler: 'health/get-account-health', tag: health,
  summary: 'A key account’s health 0–100 for a period, every part shown with its weight, value and explanation',
  auth: anyStaff, tableAccess: 'read', params: AccountIdParams, query: s.HealthQuery, languages: true,
  response: { status: 200, schema: s.Health, description: 'The health figure' }, problems: [404, 422],
});

export const listHealth = /* @__PURE__ */ defineRoute({
  id: 'listHealth', method: 'GET', path: '/v1/health', handler: 'health/list-health', tag: health,
  summary: 'Key accounts ranked by health, worst first, as of the last refresh', auth: overseers, tableAccess: 'read', query: s.HealthRankQuery, languages: true,
  response: { status: 200, schema: s.HealthPage, description: 'A page of figures' },
});

export const refreshHealth = /* @__PURE__ */ defineRoute({
  id: 'refreshHealth', method: 'POST', path: '/v1/health/{period}/refresh', handler: 'health/refresh-health', tag: health,
  summary: 'Figure every key account’s health of a period again for the ranked list (the monthly job does this too)',
  auth: coordinators, tableAccess: 'write', params: s.PeriodParams, timeoutSeconds: 29,
  response: { status: 200, schema: s.HealthRefresh, description: 'How many accounts were figured' },
});
