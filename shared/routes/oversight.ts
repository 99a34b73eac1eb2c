import { defineRoute } from '#shared/http/route.ts';
import { AccountIdParams } from '#shared/schemas/accounts.ts';
import {
  AcknowledgementBody,
  FollowUpDoneBody,
  FollowUpParams,
  ListAccountMajorMattersQuery,
  ListMajorMattersQuery,
  ListSpotChecksQuery,
  MajorMatter,
  MajorMatterBody,
  MajorMatterIdParams,
  MajorMatterPage,
  SpotCheck,
  SpotCheckBody,
  SpotCheckIdParams,
  SpotCheckPage,
} from '#shared/schemas/oversight.ts';

const spotChecks = 'Spot checks';
const majorMatters = 'Major matters';
const coordinators = { roles: ['coordinator'] } as const;
const overseers = { roles: ['coordinator', 'leadership'] } as const;
/** Every role but finance reports major matters: it is every department's duty (domain.md §3.2). */
const reporters = { roles: ['department_staff', 'sales_manager', 'contact_leader', 'coordinator', 'leadership'] } as const;
/** Visibility follows the object (the account's holders, follow-up owners); the route lets any active staff in and answers 404 to the rest. */
const anyStaff = { roles: [] } as const;

export const recordSpotCheck = /* @__PURE__ */ defineRoute({
  id: 'recordSpotCheck', method: 'POST', path: '/v1/accounts/{id}/spot-checks', handler: 'spot-checks/record-spot-check', tag: spotChecks,
  summary: 'Record a coordination-group spot check of a key account: scope, findings, rating and follow-ups with owners',
  auth: coordinators, tableAccess: 'write', params: AccountIdParams, body: SpotCheckBody,
  response: { status: 201, schema: SpotCheck, description: 'The recorded spot check' }, problems: [404, 422],
});

export const listAccountSpotChecks = /* @__PURE__ */ defineRoute({
  id: 'listAccountSpotChecks', method: 'GET', path: '/v1/accounts/{id}/spot-checks', handler: 'spot-checks/list-account-spot-checks', tag: spotChecks,
  summary: 'An account’s spot checks, newest check day first: for the coordination group, leadership and the account’s contact leader and sales manager',
  auth: anyStaff, tableAccess: 'read', params: AccountIdParams, query: ListSpotChecksQuery,
  response: { status: 200, schema: SpotCheckPage, description: 'A page of spot checks' }, problems: [404],
});

export const getSpotCheck = /* @__PURE__ */ defineRoute({
  id: 'getSpotCheck', method: 'GET', path: '/v1/spot-checks/{id}', handler: 'spot-checks/get-spot-check', tag: spotChecks,
  summary: 'Read a spot check: the coordination group, leadership, the account’s contact leader and sales manager, and its follow-up owners',
  auth: anyStaff, tableAccess: 'read', params: SpotCheckIdParams,
  response: { status: 200, schema: SpotCheck, description: 'The spot check' }, problems: [404],
});

export const completeFollowUp = /* @__PURE__ */ defineRoute({
  id: 'completeFollowUp', method: 'POST', path: '/v1/spot-checks/{id}/follow-ups/{followUpId}/done', handler: 'spot-checks/complete-follow-up', tag: spotChecks,
  summary: 'Mark one follow-up of a spot check done (its owner or a coordinator), once',
  auth: anyStaff, tableAccess: 'write', params: FollowUpParams, body: FollowUpDoneBody,
  response: { status: 201, schema: SpotCheck, description: 'The spot check with the follow-up done' }, problems: [404, 409, 422],
});

export const reportMajorMatter = /* @__PURE__ */ defineRoute({
  id: 'reportMajorMatter', method: 'POST', path: '/v1/accounts/{id}/major-matters', handler: 'major-matters/report-major-matter', tag: majorMatters,
  summary: 'Report a major matter (重大事项) with a key account to the coordination group; any department may',
  auth: reporters, tableAccess: 'write', params: AccountIdParams, body: MajorMatterBody,
  response: { status: 201, schema: MajorMatter, description: 'The unacknowledged report' }, problems: [404, 422],
});

export const listAccountMajorMatters = /* @__PURE__ */ defineRoute({
  id: 'listAccountMajorMatters', method: 'GET', path: '/v1/accounts/{id}/major-matters', handler: 'major-matters/list-account-major-matters', tag: majorMatters,
  summary: 'An account’s major-matter reports, newest first: all for the coordination group, leadership and the account’s holders; one’s own for other reporters',
  auth: reporters, tableAccess: 'read', params: AccountIdParams, query: ListAccountMajorMattersQuery,
  response: { status: 200, schema: MajorMatterPage, description: 'A page of reports' }, problems: [404],
});

export const listMajorMatters = /* @__PURE__ */ defineRoute({
  id: 'listMajorMatters', method: 'GET', path: '/v1/major-matters', handler: 'major-matters/list-major-matters', tag: majorMatters,
  summary: 'Major-matter reports of a status across accounts (unacknowledged unless asked), newest first',
  auth: overseers, tableAccess: 'read', query: ListMajorMattersQuery,
  response: { status: 200, schema: MajorMatterPage, description: 'A page of reports' },
});

export const getMajorMatter = /* @__PURE__ */ defineRoute({
  id: 'getMajorMatter', method: 'GET', path: '/v1/major-matters/{id}', handler: 'major-matters/get-major-matter', tag: majorMatters,
  summary: 'Read a major-matter report: its reporter, the coordination group, leadership and the account’s contact leader and sales manager',
  auth: anyStaff, tableAccess: 'read', params: MajorMatterIdParams,
  response: { status: 200, schema: MajorMatter, description: 'The report' }, problems: [404],
});

export const acknowledgeMajorMatter = /* @__PURE__ */ defineRoute({
  id: 'acknowledgeMajorMatter', method: 'POST', path: '/v1/major-matters/{id}/acknowledgement', handler: 'major-matters/acknowledge-major-matter', tag: majorMatters,
  summary: 'The coordination group acknowledges a major-matter report with its response (once only)',
  auth: coordinators, tableAccess: 'write', params: MajorMatterIdParams, body: AcknowledgementBody,
  response: { status: 201, schema: MajorMatter, description: 'The acknowledged report' }, problems: [404, 409],
});
