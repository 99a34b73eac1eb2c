import * as z from 'zod/mini';
import { defineRoute } from '#shared/http/route.ts';
import {
  PayPolicyBody,
  BulletinPage,
  BulletinQuery,
  CloseRun,
  CloseRunParams,
  Estimate,
  EstimateQuery,
  PeerScore,
  PeerScoreBody,
  PeerScoreParams,
  PeerScorePatchBody,
  PeerScoreSummary,
  PeerScoresQuery,
  PeriodParams,
  PayrollCsv,
  PeriodState,
  Statement,
  StatementPage,
  StatementParams,
  StatementWithVersions,
  StoredPayPolicy,
  TalentConfirmBody,
  TalentEntry,
  TalentParams,
  TalentQuery,
  YearParams,
} from '#shared/schemas/pay.ts';
import { PageQuery, page } from '#shared/schemas/common.ts';
import { FinalizeBody } from '#shared/schemas/pay-desk.ts';
import { built } from '#shared/built.ts';

const tag = 'Pay';
const policySetters = { roles: ['leadership', 'coordinator'] } as const;
const coordinators = { roles: ['coordinator'] } as const;
const payReaders = { roles: ['finance', 'leadership', 'coordinator'] } as const;
const anyStaff = { roles: [] } as const;

export const putPayPolicy = /* @__PURE__ */ defineRoute({
  id: 'putPayPolicy', method: 'PUT', path: '/v1/pay-policies/{year}', handler: 'pay/put-pay-policy', tag,
  summary: 'Set a year’s pay policy (omitted settings take pay.md’s defaults); each change is a new version',
  auth: policySetters, tableAccess: 'write', params: YearParams, body: PayPolicyBody, ifMatch: 'when-exists',
  response: { status: 200, schema: StoredPayPolicy, description: 'The policy (201 when first set)' }, problems: [412, 428],
});

export const getPayPolicy = /* @__PURE__ */ defineRoute({
  id: 'getPayPolicy', method: 'GET', path: '/v1/pay-policies/{year}', handler: 'pay/get-pay-policy', tag,
  summary: 'A year’s pay policy',
  auth: payReaders, tableAccess: 'read', params: YearParams,
  response: { status: 200, schema: StoredPayPolicy, description: 'The policy' }, problems: [404],
});

export const scorePeer = /* @__PURE__ */ defineRoute({
  id: 'scorePeer', method: 'POST', path: '/v1/peer-scores', handler: 'pay/score-peer', tag,
  summary: 'Two-way scoring: department staff score team members, team members score departments (0–100, once per period)',
  auth: { roles: ['department_staff', 'sales_manager', 'contact_leader'] }, tableAccess: 'write', body: PeerScoreBody,
  response: { status: 201, schema: PeerScore, description: 'The score' }, problems: [409, 422],
});

export const amendPeerScore = /* @__PURE__ */ defineRoute({
  id: 'amendPeerScore', method: 'PATCH', path: '/v1/peer-scores/{period}/{targetType}/{target}', handler: 'pay/amend-peer-score', tag,
  summary: 'Amend one’s own score of a target for a period',
  auth: anyStaff, tableAccess: 'write', params: PeerScoreParams, body: PeerScorePatchBody, ifMatch: 'required',
  response: { status: 200, schema: PeerScore, description: 'The amended score' }, problems: [404, 412, 428],
});

export const getPeerScores = /* @__PURE__ */ defineRoute({
  id: 'getPeerScores', method: 'GET', path: '/v1/peer-scores', handler: 'pay/get-peer-scores', tag,
  summary: 'The average score a target received in a period',
  auth: anyStaff, tableAccess: 'read', query: PeerScoresQuery,
  response: { status: 200, schema: PeerScoreSummary, description: 'Count and average' },
});

export const closePeriod = /* @__PURE__ */ defineRoute({
  id: 'closePeriod', method: 'POST', path: '/v1/periods/{period}/close', handler: 'pay/close-period', tag,
  summary: 'Start the period close now (the same workflow as the schedule): statements, team bonus, bulletin; follow Location for its run',
  auth: coordinators, tableAccess: 'write', params: PeriodParams, timeoutSeconds: 29, memoryMb: 2048, startsWorkflow: 'period-close',
  response: { status: 202, schema: CloseRun, description: 'The run, at …/close-runs/{runId} (Location): running, or, locally, already done or failed' }, problems: [409, 422],
});

export const getCloseRun = /* @__PURE__ */ defineRoute({
  id: 'getCloseRun', method: 'GET', path: '/v1/periods/{period}/close-runs/{runId}', handler: 'pay/get-close-run', tag,
  summary: 'One run of the period close: running, done with the period, its counts and first page of statements, or failed with the reason',
  auth: coordinators, tableAccess: 'read', params: CloseRunParams, languages: true,
  response: { status: 200, schema: CloseRun, description: 'The run' }, problems: [404],
});

export const finalizePeriod = /* @__PURE__ */ defineRoute({
  id: 'finalizePeriod', method: 'POST', path: '/v1/periods/{period}/finalize', handler: 'pay/finalize-period', tag,
  summary: 'Finalise a closed period: its statements never change again (refused while adjustments await approval or inquiries are open, unless forced with a reason)',
  auth: coordinators, tableAccess: 'write', params: PeriodParams, body: FinalizeBody, bodyOptional: true, timeoutSeconds: 29,
  response: { status: 201, schema: PeriodState, description: 'The finalised period' }, problems: [409, 422],
});

export const listStatements = /* @__PURE__ */ built(() => defineRoute({
  id: 'listStatements', method: 'GET', path: '/v1/periods/{period}/statements', handler: 'pay/list-statements', tag,
  summary: 'A period’s statements, a page at a time (finance: once finalised)',
  auth: payReaders, tableAccess: 'read', params: PeriodParams, query: z.strictObject({ ...PageQuery }), languages: true,
  response: { status: 200, schema: StatementPage, description: 'The statements' }, problems: [404, 409],
}));

export const getStatement = /* @__PURE__ */ defineRoute({
  id: 'getStatement', method: 'GET', path: '/v1/periods/{period}/statements/{staffId}', handler: 'pay/get-statement', tag,
  summary: 'One person’s statement with its explanation (the person themself, finance, leadership, coordinators)',
  auth: anyStaff, tableAccess: 'read', params: StatementParams, languages: true,
  response: { status: 200, schema: StatementWithVersions, description: 'The statement' },
  problems: [404, 409],
});

export const exportStatements = /* @__PURE__ */ defineRoute({
  id: 'exportStatements', method: 'GET', path: '/v1/periods/{period}/statements.csv', handler: 'pay/export-statements', tag,
  summary: 'The payroll spreadsheet: one row per person (UTF-8 with BOM; yuan and fen)',
  auth: { roles: ['finance'] }, tableAccess: 'read', params: PeriodParams, timeoutSeconds: 29,
  response: { status: 200, schema: PayrollCsv, description: 'The payroll rows, UTF-8 with a BOM', contentType: 'text/csv' }, problems: [404, 409],
});

export const getEstimate = /* @__PURE__ */ defineRoute({
  id: 'getEstimate', method: 'GET', path: '/v1/periods/{period}/estimate', handler: 'pay/get-estimate', tag,
  summary: 'What-if: a person’s position in an open period now (per role R, tier, pay), what reaches the next tier, and with added contract, collection or visits; the team share is not estimated (it needs the whole team)',
  auth: anyStaff, tableAccess: 'read', params: PeriodParams, query: EstimateQuery, timeoutSeconds: 29,
  response: { status: 200, schema: Estimate, description: 'The position, live; nothing is written' }, problems: [404, 409, 422],
});

export const getBulletin = /* @__PURE__ */ defineRoute({
  id: 'getBulletin', method: 'GET', path: '/v1/periods/{period}/bulletin', handler: 'pay/get-bulletin', tag,
  summary: 'The quarterly bulletin (季度通报): per account target, credits, attainment, visits; per person tier; rankings',
  auth: { roles: ['coordinator', 'leadership', 'finance', 'sales_manager', 'contact_leader'] }, tableAccess: 'read', params: PeriodParams, query: BulletinQuery,
  response: { status: 200, schema: BulletinPage, description: 'One section of the bulletin, a page at a time, with the team result' }, problems: [404],
});

export const listTalentPool = /* @__PURE__ */ built(() => defineRoute({
  id: 'listTalentPool', method: 'GET', path: '/v1/talent-pool', handler: 'pay/list-talent-pool', tag,
  summary: 'Sales managers’ talent-pool grades for a year, with certification levels',
  auth: { roles: ['coordinator', 'leadership'] }, tableAccess: 'read', query: TalentQuery,
  response: { status: 200, schema: page(TalentEntry).register(z.globalRegistry, { id: 'TalentPage' }), description: 'The talent pool' },
}));

export const confirmTalentGrade = /* @__PURE__ */ defineRoute({
  id: 'confirmTalentGrade', method: 'POST', path: '/v1/talent-pool/{year}/{staffId}/confirmation', handler: 'pay/confirm-talent-grade', tag,
  summary: 'Confirm (or set) a sales manager’s talent-pool grade',
  auth: coordinators, tableAccess: 'write', params: TalentParams, body: TalentConfirmBody,
  response: { status: 201, schema: TalentEntry, description: 'The entry' }, problems: [404, 409],
});
