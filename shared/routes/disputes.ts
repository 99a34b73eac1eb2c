import { defineRoute } from '#shared/http/route.ts';
import { DecisionBody, Dispute, DisputeIdParams, DisputePage, FileDisputeBody, ListDisputesQuery } from '#shared/schemas/disputes.ts';

const tag = 'Disputes';
/** Every role but finance may file: departments, the account teams, the coordination group. */
const filers = { roles: ['department_staff', 'sales_manager', 'contact_leader', 'coordinator', 'leadership'] } as const;
/** Visibility is per dispute ("both sides"); the route lets any active staff in and answers 404 to the rest. */
const anyStaff = { roles: [] } as const;

export const fileDispute = /* @__PURE__ */ defineRoute({
  id: 'fileDispute', method: 'POST', path: '/v1/disputes', handler: 'disputes/file-dispute', tag,
  summary: 'File a market dispute about an account (and optionally one of its opportunities) with the coordination group',
  auth: filers, tableAccess: 'write', body: FileDisputeBody,
  response: { status: 201, schema: Dispute, description: 'The open dispute' }, problems: [404, 422],
});

export const getDispute = /* @__PURE__ */ defineRoute({
  id: 'getDispute', method: 'GET', path: '/v1/disputes/{id}', handler: 'disputes/get-dispute', tag,
  summary: 'Read a dispute: its filer, the filing and the named department, the account’s contact leader and sales manager, the coordination group and leadership',
  auth: anyStaff, tableAccess: 'read', params: DisputeIdParams,
  response: { status: 200, schema: Dispute, description: 'The dispute, with its decision once made' }, problems: [404],
});

export const listDisputes = /* @__PURE__ */ defineRoute({
  id: 'listDisputes', method: 'GET', path: '/v1/disputes', handler: 'disputes/list-disputes', tag,
  summary: 'List disputes newest first: of a status (open unless asked) for the coordination group and leadership; else one account’s, all for its holders, those one is a side of for others',
  auth: filers, tableAccess: 'read', query: ListDisputesQuery,
  response: { status: 200, schema: DisputePage, description: 'A page of disputes' }, problems: [404],
});

export const decideDispute = /* @__PURE__ */ defineRoute({
  id: 'decideDispute', method: 'POST', path: '/v1/disputes/{id}/decision', handler: 'disputes/decide-dispute', tag,
  summary: 'Record the coordination group’s binding decision on an open dispute (once only)',
  auth: { roles: ['coordinator'] }, tableAccess: 'write', params: DisputeIdParams, body: DecisionBody,
  response: { status: 201, schema: Dispute, description: 'The decided dispute' }, problems: [404, 409],
});
