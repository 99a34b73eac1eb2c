import * as z from 'zod/mini';
import { defineRoute } from '#shared/http/route.ts';
import { AccountIdParams, Handover, HandoverPage, HandoverParams, ReceiptBody } from '#shared/schemas/accounts.ts';
import { IdParams } from '#shared/schemas/business.ts';
import { Id, page } from '#shared/schemas/common.ts';
import { AlertPage, AlertsQuery, Compliance, ComplianceQuery } from '#shared/schemas/compliance.ts';
import { built } from '#shared/built.ts';
import {
  ActionItemDoneBody,
  ActionItemParams,
  DateRangeQuery,
  Meeting,
  MeetingBody,
  MeetingPage,
  MeetingsQuery,
  MonthRangeQuery,
  OpenActionItem,
  Report,
  ReportBody,
  ReportPage,
  ReportParams,
  ReportPatchBody,
  Visit,
  VisitBody,
  VisitPage,
  VisitsByPersonQuery,
} from '#shared/schemas/upkeep.ts';

const tag = 'Upkeep';
const anyStaff = { roles: [] } as const;
const coordination = { roles: ['coordinator', 'leadership'] } as const;

export const recordVisit = /* @__PURE__ */ defineRoute({
  id: 'recordVisit', method: 'POST', path: '/v1/accounts/{id}/visits', handler: 'visits/record-visit', tag,
  summary: 'Record a visit or reception the caller made (exclusive ownership applies)',
  auth: { roles: ['sales_manager', 'contact_leader', 'coordinator', 'leadership'] }, tableAccess: 'write', params: AccountIdParams, body: VisitBody,
  response: { status: 201, schema: Visit, description: 'The visit' }, problems: [404, 422],
});

export const listAccountVisits = /* @__PURE__ */ defineRoute({
  id: 'listAccountVisits', method: 'GET', path: '/v1/accounts/{id}/visits', handler: 'visits/list-account-visits', tag,
  summary: 'An account’s visits in a date range',
  auth: anyStaff, tableAccess: 'read', params: AccountIdParams, query: DateRangeQuery,
  response: { status: 200, schema: VisitPage, description: 'A page of visits, by date' }, problems: [404],
});

export const listPersonVisits = /* @__PURE__ */ defineRoute({
  id: 'listPersonVisits', method: 'GET', path: '/v1/visits', handler: 'visits/list-person-visits', tag,
  summary: 'The visits a person made in a date range (oneself, or anyone for the coordination group)',
  auth: anyStaff, tableAccess: 'read', query: VisitsByPersonQuery,
  response: { status: 200, schema: VisitPage, description: 'A page of visits, by date' },
});

export const fileReport = /* @__PURE__ */ defineRoute({
  id: 'fileReport', method: 'POST', path: '/v1/accounts/{id}/reports', handler: 'reports/file-report', tag,
  summary: 'File the sales manager’s monthly report on an account (one per month)',
  auth: { roles: ['sales_manager'] }, tableAccess: 'write', params: AccountIdParams, body: ReportBody,
  response: { status: 201, schema: Report, description: 'The report' }, problems: [404, 409, 422],
});

export const amendReport = /* @__PURE__ */ defineRoute({
  id: 'amendReport', method: 'PATCH', path: '/v1/accounts/{id}/reports/{month}', handler: 'reports/amend-report', tag,
  summary: 'Amend a monthly report',
  auth: { roles: ['sales_manager'] }, tableAccess: 'write', params: ReportParams, body: ReportPatchBody, ifMatch: 'required',
  response: { status: 200, schema: Report, description: 'The amended report' }, problems: [404, 412, 428],
});

export const listReports = /* @__PURE__ */ defineRoute({
  id: 'listReports', method: 'GET', path: '/v1/accounts/{id}/reports', handler: 'reports/list-reports', tag,
  summary: 'An account’s monthly reports for a range of months',
  auth: anyStaff, tableAccess: 'read', params: AccountIdParams, query: MonthRangeQuery,
  response: { status: 200, schema: ReportPage, description: 'The reports, by month' }, problems: [404],
});

export const recordMeeting = /* @__PURE__ */ defineRoute({
  id: 'recordMeeting', method: 'POST', path: '/v1/meetings', handler: 'meetings/record-meeting', tag,
  summary: 'Record a meeting with its attendees, accounts discussed, minutes, decisions and action items',
  auth: coordination, tableAccess: 'write', body: MeetingBody,
  response: { status: 201, schema: Meeting, description: 'The meeting' }, problems: [422],
});

export const listMeetings = /* @__PURE__ */ defineRoute({
  id: 'listMeetings', method: 'GET', path: '/v1/meetings', handler: 'meetings/list-meetings', tag,
  summary: 'Meetings of a type held in a date range',
  auth: coordination, tableAccess: 'read', query: MeetingsQuery,
  response: { status: 200, schema: MeetingPage, description: 'A page of meetings, by date' },
});

export const getMeeting = /* @__PURE__ */ defineRoute({
  id: 'getMeeting', method: 'GET', path: '/v1/meetings/{id}', handler: 'meetings/get-meeting', tag,
  summary: 'A meeting (its attendees and the coordination group)',
  auth: anyStaff, tableAccess: 'read', params: IdParams,
  response: { status: 200, schema: Meeting, description: 'The meeting' }, problems: [404],
});

export const markActionItemDone = /* @__PURE__ */ defineRoute({
  id: 'markActionItemDone', method: 'POST', path: '/v1/meetings/{id}/action-items/{itemId}/done', handler: 'meetings/mark-action-item-done', tag,
  summary: 'Mark an action item done (its owner or a coordinator)',
  auth: anyStaff, tableAccess: 'write', params: ActionItemParams, body: ActionItemDoneBody,
  response: { status: 201, schema: Meeting, description: 'The meeting after the change' }, problems: [404, 409, 422],
});

export const listHandovers = /* @__PURE__ */ defineRoute({
  id: 'listHandovers', method: 'GET', path: '/v1/accounts/{id}/handovers', handler: 'handovers/list-handovers', tag,
  summary: 'An account’s handover forms (资料交接表), oldest first',
  auth: anyStaff, tableAccess: 'read', params: AccountIdParams,
  response: { status: 200, schema: HandoverPage, description: 'The handover forms' }, problems: [404],
});

export const getHandover = /* @__PURE__ */ defineRoute({
  id: 'getHandover', method: 'GET', path: '/v1/accounts/{id}/handovers/{handoverId}', handler: 'handovers/get-handover', tag,
  summary: 'A handover form: what was handed over, by whom, to whom, when, and what was open',
  auth: anyStaff, tableAccess: 'read', params: HandoverParams,
  response: { status: 200, schema: Handover, description: 'The handover form' }, problems: [404],
});

export const confirmHandoverReceipt = /* @__PURE__ */ defineRoute({
  id: 'confirmHandoverReceipt', method: 'POST', path: '/v1/accounts/{id}/handovers/{handoverId}/receipt', handler: 'handovers/confirm-receipt', tag,
  summary: 'The person taking the account over confirms they received the handover',
  auth: anyStaff, tableAccess: 'write', params: HandoverParams, body: ReceiptBody,
  response: { status: 201, schema: Handover, description: 'The handover form with its receipt' }, problems: [404, 409],
});

export const getCompliance = /* @__PURE__ */ defineRoute({
  id: 'getCompliance', method: 'GET', path: '/v1/compliance', handler: 'compliance/get-compliance', tag,
  summary: 'Visits, reports and meetings required vs done per key account and person (or for one person), and each body’s meeting cadence',
  auth: anyStaff, tableAccess: 'read', query: ComplianceQuery, timeoutSeconds: 29,
  response: { status: 200, schema: Compliance, description: 'Compliance in the period, with what is missing' },
});

export const listAlerts = /* @__PURE__ */ defineRoute({
  id: 'listAlerts', method: 'GET', path: '/v1/alerts', handler: 'compliance/list-alerts', tag,
  summary: 'A person’s compliance alerts (gaps found by the monthly check)',
  auth: anyStaff, tableAccess: 'read', query: AlertsQuery,
  response: { status: 200, schema: AlertPage, description: 'The alerts, by month' },
});

export const listOpenActionItems = /* @__PURE__ */ built(() => defineRoute({
  id: 'listOpenActionItems', method: 'GET', path: '/v1/action-items', handler: 'meetings/list-open-action-items', tag,
  summary: 'A person’s open action items, earliest due first',
  auth: anyStaff, tableAccess: 'read', query: z.strictObject({ ownerId: Id }),
  response: { status: 200, schema: page(OpenActionItem).register(z.globalRegistry, { id: 'OpenActionItemPage' }), description: 'The open action items' },
}));
