import { defineRoute } from '#shared/http/route.ts';
import { AccountIdParams } from '#shared/schemas/accounts.ts';
import {
  CreateOpportunityBody,
  DeliveryBody,
  DepartmentChangeBody,
  DepartmentChangePage,
  IdParams,
  Invoice,
  InvoiceBody,
  InvoiceWithPayments,
  ListOpportunitiesQuery,
  ListProjectsQuery,
  LoseBody,
  Opportunity,
  OpportunityPage,
  OpportunityUpdateBody,
  OpportunityView,
  PaymentBody,
  PaymentResult,
  Pipeline,
  Project,
  ProjectView,
  ProjectPage,
  Receivables,
  ReceivablesQuery,
  UpdatePage,
  WinBody,
  WinResult,
} from '#shared/schemas/business.ts';
import { PageQuery } from '#shared/schemas/common.ts';
import * as z from 'zod/mini';
import { built } from '#shared/built.ts';

const tag = 'Business';
/** Object-level rules (exclusive ownership, delivering department) decide inside. */
const anyStaff = { roles: [] } as const;
const sellers = { roles: ['sales_manager', 'contact_leader', 'coordinator', 'leadership'] } as const;
const moneyMovers = { roles: ['sales_manager', 'contact_leader', 'finance', 'coordinator', 'leadership'] } as const;

export const createOpportunity = /* @__PURE__ */ defineRoute({
  id: 'createOpportunity', method: 'POST', path: '/v1/opportunities', handler: 'opportunities/create-opportunity', tag,
  summary: 'Record an opportunity (on a key account: its assigned people and the coordination group only)',
  auth: sellers, tableAccess: 'write', body: CreateOpportunityBody,
  response: { status: 201, schema: Opportunity, description: 'The new opportunity' }, problems: [422],
});

export const getOpportunity = /* @__PURE__ */ defineRoute({
  id: 'getOpportunity', method: 'GET', path: '/v1/opportunities/{id}', handler: 'opportunities/get-opportunity', tag,
  summary: 'An opportunity with its closed loop: open → won → delivered → invoiced → paid, and what is outstanding',
  auth: anyStaff, tableAccess: 'read', params: IdParams,
  response: { status: 200, schema: OpportunityView, description: 'The opportunity and where it is in the loop' }, problems: [404],
});

export const listOpportunities = /* @__PURE__ */ defineRoute({
  id: 'listOpportunities', method: 'GET', path: '/v1/opportunities', handler: 'opportunities/list-opportunities', tag,
  summary: 'Opportunities by account, by owner, by stage, or stale (no update for staleDays days)',
  auth: { roles: ['sales_manager', 'contact_leader', 'coordinator', 'leadership', 'finance'] }, tableAccess: 'read', query: ListOpportunitiesQuery,
  response: { status: 200, schema: OpportunityPage, description: 'A page of opportunities' }, problems: [404],
});

export const addOpportunityUpdate = /* @__PURE__ */ defineRoute({
  id: 'addOpportunityUpdate', method: 'POST', path: '/v1/opportunities/{id}/updates', handler: 'opportunities/add-update', tag,
  summary: 'Add a dated note, optionally moving the opportunity to another open stage',
  auth: sellers, tableAccess: 'write', params: IdParams, body: OpportunityUpdateBody,
  response: { status: 201, schema: Opportunity, description: 'The opportunity after the update' }, problems: [404, 409],
});

export const listOpportunityUpdates = /* @__PURE__ */ built(() => defineRoute({
  id: 'listOpportunityUpdates', method: 'GET', path: '/v1/opportunities/{id}/updates', handler: 'opportunities/list-updates', tag,
  summary: 'The dated update log of an opportunity, oldest first',
  auth: anyStaff, tableAccess: 'read', params: IdParams, query: z.strictObject({ ...PageQuery }),
  response: { status: 200, schema: UpdatePage, description: 'A page of updates' }, problems: [404],
}));

export const winOpportunity = /* @__PURE__ */ defineRoute({
  id: 'winOpportunity', method: 'POST', path: '/v1/opportunities/{id}/win', handler: 'opportunities/win-opportunity', tag,
  summary: 'Win an opportunity: it and its projects are written together, once',
  auth: sellers, tableAccess: 'write', params: IdParams, body: WinBody,
  response: { status: 201, schema: WinResult, description: 'The won opportunity and its projects' }, problems: [404, 409],
});

export const loseOpportunity = /* @__PURE__ */ defineRoute({
  id: 'loseOpportunity', method: 'POST', path: '/v1/opportunities/{id}/lose', handler: 'opportunities/lose-opportunity', tag,
  summary: 'Lose an opportunity, with the reason',
  auth: sellers, tableAccess: 'write', params: IdParams, body: LoseBody,
  response: { status: 201, schema: Opportunity, description: 'The lost opportunity' }, problems: [404, 409],
});

export const getProject = /* @__PURE__ */ defineRoute({
  id: 'getProject', method: 'GET', path: '/v1/projects/{id}', handler: 'projects/get-project', tag,
  summary: 'A project (for its account’s readers and its delivering department)',
  auth: anyStaff, tableAccess: 'read', params: IdParams,
  response: { status: 200, schema: ProjectView, description: 'The project, with the discount in force when it was won' }, problems: [404],
});

export const listProjects = /* @__PURE__ */ defineRoute({
  id: 'listProjects', method: 'GET', path: '/v1/projects', handler: 'projects/list-projects', tag,
  summary: 'Projects of an account, or delivered by a department',
  auth: anyStaff, tableAccess: 'read', query: ListProjectsQuery,
  response: { status: 200, schema: ProjectPage, description: 'A page of projects' }, problems: [404],
});

export const recordDelivery = /* @__PURE__ */ defineRoute({
  id: 'recordDelivery', method: 'POST', path: '/v1/projects/{id}/delivery', handler: 'projects/record-delivery', tag,
  summary: 'Record that a project was delivered',
  auth: anyStaff, tableAccess: 'write', params: IdParams, body: DeliveryBody,
  response: { status: 201, schema: Project, description: 'The delivered project' }, problems: [404, 409, 422],
});

export const changeProjectDepartment = /* @__PURE__ */ defineRoute({
  id: 'changeProjectDepartment', method: 'POST', path: '/v1/projects/{id}/department-changes', handler: 'projects/change-department', tag,
  summary: 'Replace the delivering department of a project (coordination group), keeping the change and its reason',
  auth: { roles: ['coordinator'] }, tableAccess: 'write', params: IdParams, body: DepartmentChangeBody,
  response: { status: 201, schema: Project, description: 'The project with its new department' }, problems: [404, 409, 422],
});

export const listProjectDepartmentChanges = /* @__PURE__ */ defineRoute({
  id: 'listProjectDepartmentChanges', method: 'GET', path: '/v1/projects/{id}/department-changes', handler: 'projects/list-department-changes', tag,
  summary: 'The delivering-department history of a project',
  auth: anyStaff, tableAccess: 'read', params: IdParams,
  response: { status: 200, schema: DepartmentChangePage, description: 'The changes, oldest first' }, problems: [404],
});

export const issueInvoice = /* @__PURE__ */ defineRoute({
  id: 'issueInvoice', method: 'POST', path: '/v1/projects/{id}/invoices', handler: 'projects/issue-invoice', tag,
  summary: 'Invoice a project (never past its contract amount)',
  auth: moneyMovers, tableAccess: 'write', params: IdParams, body: InvoiceBody,
  response: { status: 201, schema: Invoice, description: 'The invoice' }, problems: [404, 409, 422],
});

export const getInvoice = /* @__PURE__ */ defineRoute({
  id: 'getInvoice', method: 'GET', path: '/v1/invoices/{id}', handler: 'invoices/get-invoice', tag,
  summary: 'An invoice with its payments',
  auth: anyStaff, tableAccess: 'read', params: IdParams,
  response: { status: 200, schema: InvoiceWithPayments, description: 'The invoice' }, problems: [404],
});

export const recordPayment = /* @__PURE__ */ defineRoute({
  id: 'recordPayment', method: 'POST', path: '/v1/invoices/{id}/payments', handler: 'invoices/record-payment', tag,
  summary: 'Record a (partial) payment of an invoice (never past its unpaid rest)',
  auth: moneyMovers, tableAccess: 'write', params: IdParams, body: PaymentBody,
  response: { status: 201, schema: PaymentResult, description: 'The payment and the invoice after it' }, problems: [404, 409, 422],
});

export const listReceivables = /* @__PURE__ */ defineRoute({
  id: 'listReceivables', method: 'GET', path: '/v1/receivables', handler: 'receivables/list-receivables', tag,
  summary: 'Unpaid invoices aged (current, 1–30, 31–90, 90+ days overdue), per account and per sales manager',
  auth: moneyMovers, tableAccess: 'read', query: ReceivablesQuery,
  response: { status: 200, schema: Receivables, description: 'The receivables' },
});

export const getAccountPipeline = /* @__PURE__ */ defineRoute({
  id: 'getAccountPipeline', method: 'GET', path: '/v1/accounts/{id}/pipeline', handler: 'accounts/get-pipeline', tag,
  summary: 'An account’s loop summed: open pipeline, contracted, delivered, invoiced, paid',
  auth: anyStaff, tableAccess: 'read', params: AccountIdParams,
  response: { status: 200, schema: Pipeline, description: 'The pipeline' }, problems: [404],
});
