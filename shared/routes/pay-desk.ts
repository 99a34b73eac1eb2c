import { defineRoute } from '#shared/http/route.ts';
import {
  Adjustment,
  AdjustmentBody,
  AdjustmentPage,
  AdjustmentParams,
  AdjustmentsQuery,
  AnswerBody,
  InquiriesQuery,
  InquiryBody,
  InquiryPage,
  InquiryParams,
  InquiryView,
  PendingQuery,
  PolicyAck,
  PolicyAckList,
  PolicyYearParams,
  StatementAck,
  StatementAckList,
  StatementAckParams,
} from '#shared/schemas/pay-desk.ts';
import { PeriodParams } from '#shared/schemas/pay.ts';

const tag = 'Pay desk';
const desk = { roles: ['coordinator', 'finance'] } as const;
const coordinators = { roles: ['coordinator'] } as const;
/** Object rules decide (the person themself); the route lets any active staff in. */
const anyStaff = { roles: [] } as const;

export const createAdjustment = /* @__PURE__ */ defineRoute({
  id: 'createAdjustment', method: 'POST', path: '/v1/periods/{period}/adjustments', handler: 'pay/create-adjustment', tag,
  summary: 'Propose a manual adjustment (± fen) of a person’s statement in a closed, not final period; counted once a second person approves it',
  auth: desk, tableAccess: 'write', params: PeriodParams, body: AdjustmentBody,
  response: { status: 201, schema: Adjustment, description: 'The pending adjustment' }, problems: [404, 409],
});

export const approveAdjustment = /* @__PURE__ */ defineRoute({
  id: 'approveAdjustment', method: 'POST', path: '/v1/periods/{period}/adjustments/{id}/approval', handler: 'pay/approve-adjustment', tag,
  summary: 'Approve a pending adjustment (four eyes: not its author, not the person paid); the next close carries it',
  auth: desk, tableAccess: 'write', params: AdjustmentParams,
  response: { status: 201, schema: Adjustment, description: 'The approved adjustment' }, problems: [404, 409],
});

export const listAdjustments = /* @__PURE__ */ defineRoute({
  id: 'listAdjustments', method: 'GET', path: '/v1/periods/{period}/adjustments', handler: 'pay/list-adjustments', tag,
  summary: 'A period’s manual adjustments, oldest first, of one status or all',
  auth: { roles: ['coordinator', 'finance', 'leadership'] }, tableAccess: 'read', params: PeriodParams, query: AdjustmentsQuery,
  response: { status: 200, schema: AdjustmentPage, description: 'A page of adjustments' },
});

export const raiseInquiry = /* @__PURE__ */ defineRoute({
  id: 'raiseInquiry', method: 'POST', path: '/v1/periods/{period}/statements/{staffId}/inquiries', handler: 'pay/raise-inquiry', tag,
  summary: 'Question one’s own statement (draft or final), naming the assessment, account or explanation line if one likes',
  auth: anyStaff, tableAccess: 'write', params: StatementAckParams, body: InquiryBody,
  response: { status: 201, schema: InquiryView, description: 'The open inquiry' }, problems: [404, 422],
});

export const listInquiries = /* @__PURE__ */ defineRoute({
  id: 'listInquiries', method: 'GET', path: '/v1/inquiries', handler: 'pay/list-inquiries', tag,
  summary: 'Inquiries oldest first with their age in days: coordinators any (open unless asked), everyone else their own',
  auth: anyStaff, tableAccess: 'read', query: InquiriesQuery,
  response: { status: 200, schema: InquiryPage, description: 'A page of inquiries' },
});

export const getInquiry = /* @__PURE__ */ defineRoute({
  id: 'getInquiry', method: 'GET', path: '/v1/inquiries/{id}', handler: 'pay/get-inquiry', tag,
  summary: 'An inquiry and its answer (its person and coordinators)',
  auth: anyStaff, tableAccess: 'read', params: InquiryParams,
  response: { status: 200, schema: InquiryView, description: 'The inquiry' }, problems: [404],
});

export const answerInquiry = /* @__PURE__ */ defineRoute({
  id: 'answerInquiry', method: 'POST', path: '/v1/inquiries/{id}/answer', handler: 'pay/answer-inquiry', tag,
  summary: 'Answer an open inquiry once: rejected with a reason, or accepted with what was done (re-closed, or an adjustment, linked)',
  auth: coordinators, tableAccess: 'write', params: InquiryParams, body: AnswerBody,
  response: { status: 201, schema: InquiryView, description: 'The answered inquiry' }, problems: [404, 409],
});

export const acknowledgeStatement = /* @__PURE__ */ defineRoute({
  id: 'acknowledgeStatement', method: 'POST', path: '/v1/periods/{period}/statements/{staffId}/acknowledgement', handler: 'pay/acknowledge-statement', tag,
  summary: 'Sign off one’s own final statement (once)',
  auth: anyStaff, tableAccess: 'write', params: StatementAckParams,
  response: { status: 201, schema: StatementAck, description: 'The acknowledgement' }, problems: [404, 409],
});

export const listStatementAcknowledgements = /* @__PURE__ */ defineRoute({
  id: 'listStatementAcknowledgements', method: 'GET', path: '/v1/periods/{period}/acknowledgements', handler: 'pay/list-statement-acknowledgements', tag,
  summary: 'Who has (not) signed off their statement of a period',
  auth: { roles: ['finance', 'coordinator'] }, tableAccess: 'read', params: PeriodParams, query: PendingQuery,
  response: { status: 200, schema: StatementAckList, description: 'The people with a statement, pending only unless asked' }, problems: [404],
});

export const acknowledgePolicy = /* @__PURE__ */ defineRoute({
  id: 'acknowledgePolicy', method: 'POST', path: '/v1/pay-policies/{year}/acknowledgement', handler: 'pay/acknowledge-policy', tag,
  summary: 'Acknowledge the current version of a year’s pay policy (the plan document), once per version; for people assessed that year',
  auth: anyStaff, tableAccess: 'write', params: PolicyYearParams,
  response: { status: 201, schema: PolicyAck, description: 'The acknowledgement' }, problems: [404, 409],
});

export const listPolicyAcknowledgements = /* @__PURE__ */ defineRoute({
  id: 'listPolicyAcknowledgements', method: 'GET', path: '/v1/pay-policies/{year}/acknowledgements', handler: 'pay/list-policy-acknowledgements', tag,
  summary: 'Who assessed in the year has (not) acknowledged the policy’s current version',
  auth: { roles: ['finance', 'coordinator', 'leadership'] }, tableAccess: 'read', params: PolicyYearParams, query: PendingQuery,
  response: { status: 200, schema: PolicyAckList, description: 'The people assessed, pending only unless asked' }, problems: [404],
});
