import { defineRoute } from '#shared/http/route.ts';
import { AccountIdParams } from '#shared/schemas/accounts.ts';
import {
  AccountPlan,
  CreatePlanBody,
  MissingPlanPage,
  MissingPlansQuery,
  OverdueObjectivePage,
  PatchPlanBody,
  PlanChangesBody,
  PlanParams,
  PlanVersion,
  PlanVersionPage,
  PlanVersionParams,
  PlanVersionsQuery,
} from '#shared/schemas/plans.ts';
import { AccountNews, AccountNewsPage, NewsBody, NewsParams, NewsQuery, SupportBody } from '#shared/schemas/news.ts';
import {
  AccountRequestsQuery,
  AnswerBody,
  DepartmentParams,
  PriorityRequest,
  PriorityRequestPage,
  RequestBody,
  RequestPageQuery,
  RequestParams,
} from '#shared/schemas/requests.ts';
import {
  DepartureBody,
  Stakeholder,
  StakeholderBody,
  StakeholderContact,
  StakeholderPage,
  StakeholderParams,
  StakeholderPatchBody,
  StakeholdersQuery,
} from '#shared/schemas/stakeholders.ts';

const tag = 'Loyalty';
/** The account relation decides inside (the one account guard); the route lets any active staff in and answers 404 to strangers. */
const anyStaff = { roles: [] } as const;
const coordination = { roles: ['coordinator', 'leadership'] } as const;

export const addStakeholder = /* @__PURE__ */ defineRoute({
  id: 'addStakeholder', method: 'POST', path: '/v1/accounts/{id}/stakeholders', handler: 'stakeholders/add-stakeholder', tag,
  summary: 'Add one of the customer’s people to a key account (its holders and coordinators; exclusive ownership)',
  auth: anyStaff, tableAccess: 'write', params: AccountIdParams, body: StakeholderBody,
  response: { status: 201, schema: Stakeholder, description: 'The stakeholder (contact details are read apart)' }, problems: [404, 422],
});

export const listStakeholders = /* @__PURE__ */ defineRoute({
  id: 'listStakeholders', method: 'GET', path: '/v1/accounts/{id}/stakeholders', handler: 'stakeholders/list-stakeholders', tag,
  summary: 'A key account’s stakeholders, oldest first; those who left are kept, marked',
  auth: anyStaff, tableAccess: 'read', params: AccountIdParams, query: StakeholdersQuery,
  response: { status: 200, schema: StakeholderPage, description: 'A page of stakeholders' }, problems: [404],
});

export const getStakeholder = /* @__PURE__ */ defineRoute({
  id: 'getStakeholder', method: 'GET', path: '/v1/accounts/{id}/stakeholders/{stakeholderId}', handler: 'stakeholders/get-stakeholder', tag,
  summary: 'One stakeholder (without contact details)',
  auth: anyStaff, tableAccess: 'read', params: StakeholderParams,
  response: { status: 200, schema: Stakeholder, description: 'The stakeholder' }, problems: [404],
});

export const editStakeholder = /* @__PURE__ */ defineRoute({
  id: 'editStakeholder', method: 'PATCH', path: '/v1/accounts/{id}/stakeholders/{stakeholderId}', handler: 'stakeholders/edit-stakeholder', tag,
  summary: 'Change a stakeholder (contact details, when sent, are replaced as a whole)',
  auth: anyStaff, tableAccess: 'write', params: StakeholderParams, body: StakeholderPatchBody, ifMatch: 'required',
  response: { status: 200, schema: Stakeholder, description: 'The stakeholder after the change' }, problems: [404, 412, 422, 428],
});

export const recordStakeholderDeparture = /* @__PURE__ */ defineRoute({
  id: 'recordStakeholderDeparture', method: 'POST', path: '/v1/accounts/{id}/stakeholders/{stakeholderId}/departure', handler: 'stakeholders/record-departure', tag,
  summary: 'Mark a stakeholder who left the customer (never deleted)',
  auth: anyStaff, tableAccess: 'write', params: StakeholderParams, body: DepartureBody,
  response: { status: 201, schema: Stakeholder, description: 'The stakeholder, marked as left' }, problems: [404, 409, 422],
});
// The read writes its access-log record before replying, so it needs write access.
export const getStakeholderContact = /* @__PURE__ */ defineRoute({
  id: 'getStakeholderContact', method: 'GET', path: '/v1/accounts/{id}/stakeholders/{stakeholderId}/contact', handler: 'stakeholders/get-contact', tag,
  summary: 'A stakeholder’s confidential contact details, under the dossier’s rules (with a grant or as a holder; the read is logged)',
  auth: anyStaff, tableAccess: 'write', params: StakeholderParams,
  response: { status: 200, schema: StakeholderContact, description: 'The contact details' }, problems: [404, 422],
});

export const draftAccountPlan = /* @__PURE__ */ defineRoute({
  id: 'draftAccountPlan', method: 'POST', path: '/v1/accounts/{id}/plans', handler: 'plans/draft-plan', tag,
  summary: 'Start a key account’s plan for a year (一企一策), version 1 as a draft (its sales manager or contact leader)',
  auth: anyStaff, tableAccess: 'write', params: AccountIdParams, body: CreatePlanBody,
  response: { status: 201, schema: PlanVersion, description: 'Version 1, a draft' }, problems: [404, 409, 422],
});

export const getAccountPlan = /* @__PURE__ */ defineRoute({
  id: 'getAccountPlan', method: 'GET', path: '/v1/accounts/{id}/plans/{year}', handler: 'plans/get-plan', tag,
  summary: 'A key account’s plan of a year: the approved version in force and the open draft',
  auth: anyStaff, tableAccess: 'read', params: PlanParams,
  response: { status: 200, schema: AccountPlan, description: 'The plan' }, problems: [404],
});

export const listAccountPlanVersions = /* @__PURE__ */ defineRoute({
  id: 'listAccountPlanVersions', method: 'GET', path: '/v1/accounts/{id}/plans/{year}/versions', handler: 'plans/list-versions', tag,
  summary: 'Every version of a key account’s plan of a year, oldest first (all kept)',
  auth: anyStaff, tableAccess: 'read', params: PlanParams, query: PlanVersionsQuery,
  response: { status: 200, schema: PlanVersionPage, description: 'A page of versions' }, problems: [404],
});

export const reviseAccountPlan = /* @__PURE__ */ defineRoute({
  id: 'reviseAccountPlan', method: 'POST', path: '/v1/accounts/{id}/plans/{year}/versions', handler: 'plans/revise-plan', tag,
  summary: 'Change an approved plan: the next version starts as a draft copied from the one in force, which stays in force until it is approved',
  auth: anyStaff, tableAccess: 'write', params: PlanParams, body: PlanChangesBody, bodyOptional: true,
  response: { status: 201, schema: PlanVersion, description: 'The new draft' }, problems: [404, 409, 422],
});

export const getAccountPlanVersion = /* @__PURE__ */ defineRoute({
  id: 'getAccountPlanVersion', method: 'GET', path: '/v1/accounts/{id}/plans/{year}/versions/{number}', handler: 'plans/get-version', tag,
  summary: 'One version of a key account’s plan',
  auth: anyStaff, tableAccess: 'read', params: PlanVersionParams,
  response: { status: 200, schema: PlanVersion, description: 'The version' }, problems: [404],
});

export const editAccountPlanDraft = /* @__PURE__ */ defineRoute({
  id: 'editAccountPlanDraft', method: 'PATCH', path: '/v1/accounts/{id}/plans/{year}/versions/{number}', handler: 'plans/edit-draft', tag,
  summary: 'Edit a draft version (its sales manager or contact leader); an approved version is never edited (409)',
  auth: anyStaff, tableAccess: 'write', params: PlanVersionParams, body: PatchPlanBody, ifMatch: 'required',
  response: { status: 200, schema: PlanVersion, description: 'The draft after the edit' }, problems: [404, 409, 412, 422, 428],
});

export const approveAccountPlan = /* @__PURE__ */ defineRoute({
  id: 'approveAccountPlan', method: 'POST', path: '/v1/accounts/{id}/plans/{year}/versions/{number}/approval', handler: 'plans/approve-plan', tag,
  summary: 'The account’s contact leader approves the draft they read (If-Match); it comes into force',
  auth: anyStaff, tableAccess: 'write', params: PlanVersionParams, ifMatch: 'required',
  response: { status: 201, schema: PlanVersion, description: 'The approved version' }, problems: [404, 409, 412, 422, 428],
});

export const listOverdueObjectives = /* @__PURE__ */ defineRoute({
  id: 'listOverdueObjectives', method: 'GET', path: '/v1/accounts/{id}/plans/{year}/overdue-objectives', handler: 'plans/list-overdue-objectives', tag,
  summary: 'The objectives of the plan in force that are past due and neither done nor dropped',
  auth: anyStaff, tableAccess: 'read', params: PlanParams,
  response: { status: 200, schema: OverdueObjectivePage, description: 'The overdue objectives' }, problems: [404],
});

export const listAccountsWithoutPlan = /* @__PURE__ */ defineRoute({
  id: 'listAccountsWithoutPlan', method: 'GET', path: '/v1/account-plans/missing', handler: 'plans/list-missing', tag,
  summary: 'Key accounts without an approved plan for the year (the coordination group), a page of key accounts at a time',
  auth: coordination, tableAccess: 'read', query: MissingPlansQuery,
  response: { status: 200, schema: MissingPlanPage, description: 'The key accounts lacking an approved plan' },
});

export const logPriorityRequest = /* @__PURE__ */ defineRoute({
  id: 'logPriorityRequest', method: 'POST', path: '/v1/accounts/{id}/requests', handler: 'requests/log-request', tag,
  summary: 'Log an account’s request for a product or service, routed to a delivering department with a due day (the account’s people)',
  auth: anyStaff, tableAccess: 'write', params: AccountIdParams, body: RequestBody,
  response: { status: 201, schema: PriorityRequest, description: 'The request, open' }, problems: [404, 422],
});

export const listAccountRequests = /* @__PURE__ */ defineRoute({
  id: 'listAccountRequests', method: 'GET', path: '/v1/accounts/{id}/requests', handler: 'requests/list-account-requests', tag,
  summary: 'An account’s requests and their answers (what was delivered, why one was declined), oldest first',
  auth: anyStaff, tableAccess: 'read', params: AccountIdParams, query: AccountRequestsQuery,
  response: { status: 200, schema: PriorityRequestPage, description: 'A page of requests' }, problems: [404],
});

export const getPriorityRequest = /* @__PURE__ */ defineRoute({
  id: 'getPriorityRequest', method: 'GET', path: '/v1/accounts/{id}/requests/{requestId}', handler: 'requests/get-request', tag,
  summary: 'One request (the account’s readers and the department it is routed to)',
  auth: anyStaff, tableAccess: 'read', params: RequestParams,
  response: { status: 200, schema: PriorityRequest, description: 'The request' }, problems: [404],
});

export const answerPriorityRequest = /* @__PURE__ */ defineRoute({
  id: 'answerPriorityRequest', method: 'POST', path: '/v1/accounts/{id}/requests/{requestId}/answer', handler: 'requests/answer-request', tag,
  summary: 'The delivering department (or a coordinator) accepts a request, marks it done with what was delivered, or declines it with a reason',
  auth: anyStaff, tableAccess: 'write', params: RequestParams, body: AnswerBody,
  response: { status: 201, schema: PriorityRequest, description: 'The request after the answer' }, problems: [404, 409],
});

export const listDepartmentRequests = /* @__PURE__ */ defineRoute({
  id: 'listDepartmentRequests', method: 'GET', path: '/v1/departments/{department}/requests', handler: 'requests/list-department-requests', tag,
  summary: 'A department’s queue of open requests: key accounts’ first, then by due day',
  auth: anyStaff, tableAccess: 'read', params: DepartmentParams, query: RequestPageQuery,
  response: { status: 200, schema: PriorityRequestPage, description: 'A page of the queue' },
});

export const listOverdueRequests = /* @__PURE__ */ defineRoute({
  id: 'listOverdueRequests', method: 'GET', path: '/v1/requests/overdue', handler: 'requests/list-overdue-requests', tag,
  summary: 'Open requests past their due day, earliest due first (the coordination group)',
  auth: coordination, tableAccess: 'read', query: RequestPageQuery,
  response: { status: 200, schema: PriorityRequestPage, description: 'A page of overdue requests' },
});

export const recordAccountNews = /* @__PURE__ */ defineRoute({
  id: 'recordAccountNews', method: 'POST', path: '/v1/accounts/{id}/news', handler: 'news/record-news', tag,
  summary: 'Record an account’s PR event, business news or product-strategy move, with any support given (its people or a coordinator)',
  auth: anyStaff, tableAccess: 'write', params: AccountIdParams, body: NewsBody,
  response: { status: 201, schema: AccountNews, description: 'The news' }, problems: [404, 422],
});

export const listAccountNews = /* @__PURE__ */ defineRoute({
  id: 'listAccountNews', method: 'GET', path: '/v1/accounts/{id}/news', handler: 'news/list-account-news', tag,
  summary: 'An account’s news, newest first, optionally of one kind',
  auth: anyStaff, tableAccess: 'read', params: AccountIdParams, query: NewsQuery,
  response: { status: 200, schema: AccountNewsPage, description: 'A page of news' }, problems: [404],
});

export const addNewsSupport = /* @__PURE__ */ defineRoute({
  id: 'addNewsSupport', method: 'POST', path: '/v1/accounts/{id}/news/{newsId}/support', handler: 'news/add-support', tag,
  summary: 'Record support or help the company gave on an item of news: what, who, when',
  auth: anyStaff, tableAccess: 'write', params: NewsParams, body: SupportBody,
  response: { status: 201, schema: AccountNews, description: 'The news with the support added' }, problems: [404, 422],
});

export const listNewsFeed = /* @__PURE__ */ defineRoute({
  id: 'listNewsFeed', method: 'GET', path: '/v1/news', handler: 'news/list-feed', tag,
  summary: 'The coordination group’s feed of every account’s news, newest first, optionally of one kind',
  auth: coordination, tableAccess: 'read', query: NewsQuery,
  response: { status: 200, schema: AccountNewsPage, description: 'A page of news' },
});
