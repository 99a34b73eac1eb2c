import { defineRoute } from '#shared/http/route.ts';
import {
  Account,
  AccountIdParams,
  AccountPage,
  AssignmentHistory,
  Candidates,
  CandidatesQuery,
  CreateAccountBody,
  DesignationBody,
  ListAccountsQuery,
  PatchAccountBody,
  ReassignmentBody,
  ReassignmentResult,
  Revenue,
  RevenueBody,
  Targets,
  TargetsBody,
  TargetsParams,
} from '#shared/schemas/accounts.ts';

const tag = 'Accounts';
const coordinators = { roles: ['coordinator'] } as const;
const salesAndCoordination = { roles: ['coordinator', 'leadership', 'sales_manager', 'contact_leader'] } as const;
/** Object-level rules (exclusive ownership) decide inside; the route lets any active staff in. */
const anyStaff = { roles: [] } as const;

export const createAccount = /* @__PURE__ */ defineRoute({
  id: 'createAccount', method: 'POST', path: '/v1/accounts', handler: 'accounts/create-account', tag,
  summary: 'Add an account (normal tier); a credit code, when given, must be valid and not yet registered',
  auth: salesAndCoordination, tableAccess: 'write', body: CreateAccountBody,
  response: { status: 201, schema: Account, description: 'The new account' }, problems: [409],
});

export const getAccount = /* @__PURE__ */ defineRoute({
  id: 'getAccount', method: 'GET', path: '/v1/accounts/{id}', handler: 'accounts/get-account', tag,
  summary: 'Read an account (a key account: its assigned people, the coordination group and finance)',
  auth: anyStaff, tableAccess: 'read', params: AccountIdParams,
  response: { status: 200, schema: Account, description: 'The account' }, problems: [404],
});

export const listAccounts = /* @__PURE__ */ defineRoute({
  id: 'listAccounts', method: 'GET', path: '/v1/accounts', handler: 'accounts/list-accounts', tag,
  summary: 'List accounts by tier, current holder (ownerId), name prefix, or awaiting reassignment',
  auth: { roles: ['coordinator', 'leadership', 'finance', 'sales_manager', 'contact_leader'] }, tableAccess: 'read', query: ListAccountsQuery,
  response: { status: 200, schema: AccountPage, description: 'A page of accounts' },
});

export const patchAccount = /* @__PURE__ */ defineRoute({
  id: 'patchAccount', method: 'PATCH', path: '/v1/accounts/{id}', handler: 'accounts/patch-account', tag,
  summary: 'Change an account’s name, industry or credit code',
  auth: salesAndCoordination, tableAccess: 'write', params: AccountIdParams, body: PatchAccountBody, ifMatch: 'required',
  response: { status: 200, schema: Account, description: 'The changed account' }, problems: [404, 409, 412, 428],
});

export const designateAccount = /* @__PURE__ */ defineRoute({
  id: 'designateAccount', method: 'POST', path: '/v1/accounts/{id}/designation', handler: 'accounts/designate-account', tag,
  summary: 'Make an account a key account with its contact leader and sales manager',
  auth: coordinators, tableAccess: 'write', params: AccountIdParams, body: DesignationBody,
  response: { status: 201, schema: Account, description: 'The key account' }, problems: [404, 409, 422],
});

export const reassignAccount = /* @__PURE__ */ defineRoute({
  id: 'reassignAccount', method: 'POST', path: '/v1/accounts/{id}/reassignments', handler: 'accounts/reassign-account', tag,
  summary: 'Replace the contact leader or sales manager of a key account, with a handover form',
  auth: coordinators, tableAccess: 'write', params: AccountIdParams, body: ReassignmentBody,
  response: { status: 201, schema: ReassignmentResult, description: 'The account, the ended and the new interval, and the handover' },
  problems: [404, 409, 422],
});

export const listAccountAssignments = /* @__PURE__ */ defineRoute({
  id: 'listAccountAssignments', method: 'GET', path: '/v1/accounts/{id}/assignments', handler: 'accounts/list-assignments', tag,
  summary: 'The assignment history: who held which role, from and to which day',
  auth: anyStaff, tableAccess: 'read', params: AccountIdParams,
  response: { status: 200, schema: AssignmentHistory, description: 'Every interval, by role then start day' }, problems: [404],
});

export const putAccountTargets = /* @__PURE__ */ defineRoute({
  id: 'putAccountTargets', method: 'PUT', path: '/v1/accounts/{id}/targets/{year}', handler: 'accounts/put-targets', tag,
  summary: 'Set a key account’s annual contract and collection targets, with their quarter split',
  auth: { roles: ['leadership', 'coordinator'] }, tableAccess: 'write', params: TargetsParams, body: TargetsBody, ifMatch: 'when-exists',
  response: { status: 200, schema: Targets, description: 'The targets (201 when first set)' }, problems: [404, 412, 422, 428],
});

export const getAccountTargets = /* @__PURE__ */ defineRoute({
  id: 'getAccountTargets', method: 'GET', path: '/v1/accounts/{id}/targets/{year}', handler: 'accounts/get-targets', tag,
  summary: 'A key account’s targets for a year, with the quarter split',
  auth: anyStaff, tableAccess: 'read', params: TargetsParams,
  response: { status: 200, schema: Targets, description: 'The targets' }, problems: [404],
});

export const putAccountRevenue = /* @__PURE__ */ defineRoute({
  id: 'putAccountRevenue', method: 'PUT', path: '/v1/accounts/{id}/revenue/{year}', handler: 'accounts/put-revenue', tag,
  summary: 'Record an account’s contract revenue for a year (until won projects supply it)',
  auth: { roles: ['leadership', 'coordinator', 'finance'] }, tableAccess: 'write', params: TargetsParams, body: RevenueBody, ifMatch: 'when-exists',
  response: { status: 200, schema: Revenue, description: 'The recorded revenue (201 when first set)' }, problems: [404, 412, 428],
});

export const listKeyAccountCandidates = /* @__PURE__ */ defineRoute({
  id: 'listKeyAccountCandidates', method: 'GET', path: '/v1/analytics/key-account-candidates', handler: 'accounts/list-candidates', tag,
  summary: 'Accounts ranked by a year’s revenue, marking the smallest set that brings 80 % of it',
  auth: { roles: ['leadership', 'coordinator'] }, tableAccess: 'read', query: CandidatesQuery,
  response: { status: 200, schema: Candidates, description: 'The ranking, a page at a time' },
});
