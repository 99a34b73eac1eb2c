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

export const loyaltyRoutes = {
  addStakeholder: defineRoute({
    id: 'addStakeholder', method: 'POST', path: '/v1/accounts/{id}/stakeholders', handler: 'stakeholders/add-stakeholder', tag,
    summary: 'Add one of the customer’s people to a key account (its holders and coordinators; exclusive ownership)',
    auth: anyStaff, tableAccess: 'write', params: AccountIdParams, body: StakeholderBody,
    response: { status: 201, schema: Stakeholder, description: 'The stakeholder (contact details are read apart)' }, problems: [404, 422],
  }),
  listStakeholders: defineRoute({
    id: 'listStakeholders', method: 'GET', path: '/v1/accounts/{id}/stakeholders', handler: 'stakeholders/list-stakeholders', tag,
    summary: 'A key account’s stakeholders, oldest first; those who left are kept, marked',
    auth: anyStaff, tableAccess: 'read', params: AccountIdParams, query: StakeholdersQuery,
    response: { status: 200, schema: StakeholderPage, description: 'A page of stakeholders' }, problems: [404],
  }),
  getStakeholder: defineRoute({
    id: 'getStakeholder', method: 'GET', path: '/v1/accounts/{id}/stakeholders/{stakeholderId}', handler: 'stakeholders/get-stakeholder', tag,
    summary: 'One stakeholder (without contact details)',
    auth: anyStaff, tableAccess: 'read', params: StakeholderParams,
    response: { status: 200, schema: Stakeholder, description: 'The stakeholder' }, problems: [404],
  }),
  editStakeholder: defineRoute({
    id: 'editStakeholder', method: 'PATCH', path: '/v1/accounts/{id}/stakeholders/{stakeholderId}', handler: 'stakeholders/edit-stakeholder', tag,
    summary: 'Change a stakeholder (contact details, when sent, are replaced as a whole)',
    auth: anyStaff, tableAccess: 'write', params: StakeholderParams, body: StakeholderPatchBody, ifMatch: 'required',
    response: { status: 200, schema: Stakeholder, description: 'The stakeholder after the change' }, problems: [404, 412, 422, 428],
  }),
  recordStakeholderDeparture: defineRoute({
    id: 'recordStakeholderDeparture', method: 'POST', path: '/v1/accounts/{id}/stakeholders/{stakeholderId}/departure', handler: 'stakeholders/record-departure', tag,
    summary: 'Mark a stakeholder who left the customer (never deleted)',
    auth: anyStaff, tableAccess: 'write', params: StakeholderParams, body: DepartureBody,
    response: { status: 201, schema: Stakeholder, description: 'The stakeholder, marked as left' }, problems: [404, 409, 422],
  }),
  // The read writes its access-log record before replying, so it needs write access.
  getStakeholderContact: defineRoute({
    id: 'getStakeholderContact', method: 'GET', path: '/v1/accounts/{id}/stakeholders/{stakeholderId}/contact', handler: 'stakeholders/get-contact', tag,
    summary: 'A stakeholder’s confidential contact details, under the dossier’s rules (with a grant or as a holder; the read is logged)',
    auth: anyStaff, tableAccess: 'write', params: StakeholderParams,
    response: { status: 200, schema: StakeholderContact, description: 'The contact details' }, problems: [404, 422],
  }),

  draftAccountPlan: defineRoute({
    id: 'draftAccountPlan', method: 'POST', path: '/v1/accounts/{id}/plans', handler: 'plans/draft-plan', tag,
    summary: 'Start a key account’s plan for a year (一企一策), version 1 as a draft (its sales manager or contact leader)',
    auth: anyStaff, tableAccess: 'write', params: AccountIdParams, body: CreatePlanBody,
    response: { status: 201, schema: PlanVersion, description: 'Version 1, a draft' }, problems: [404, 409, 422],
  }),
  getAccountPlan: defineRoute({
    id: 'getAccountPlan', method: 'GET', path: '/v1/accounts/{id}/plans/{year}', handler: 'plans/get-plan', tag,
    summary: 'A key account’s plan of a year: the approved version in force and the open draft',
    auth: anyStaff, tableAccess: 'read', params: PlanParams,
    response: { status: 200, schema: AccountPlan, description: 'The plan' }, problems: [404],
  }),
  listAccountPlanVersions: defineRoute({
    id: 'listAccountPlanVersions', method: 'GET', path: '/v1/accounts/{id}/plans/{year}/versions', handler: 'plans/list-versions', tag,
    summary: 'Every version of a key account’s plan of a year, oldest first (all kept)',
    auth: anyStaff, tableAccess: 'read', params: PlanParams, query: PlanVersionsQuery,
    response: { status: 200, schema: PlanVersionPage, description: 'A page of versions' }, problems: [404],
  }),
  reviseAccountPlan: defineRoute({
    id: 'reviseAccountPlan', method: 'POST', path: '/v1/accounts/{id}/plans/{year}/versions', handler: 'plans/revise-plan', tag,
    summary: 'Change an approved plan: the next version starts as a draft copied from the one in force, which stays in force until it is approved',
    auth: anyStaff, tableAccess: 'write', params: PlanParams, body: PlanChangesBody, bodyOptional: true,
    response: { status: 201, schema: PlanVersion, description: 'The new draft' }, problems: [404, 409, 422],
  }),
  getAccountPlanVersion: defineRoute({
    id: 'getAccountPlanVersion', method: 'GET', path: '/v1/accounts/{id}/plans/{year}/versions/{number}', handler: 'plans/get-version', tag,
    summary: 'One version of a key account’s plan',
    auth: anyStaff, tableAccess: 'read', params: PlanVersionParams,
    response: { status: 200, schema: PlanVersion, description: 'The version' }, problems: [404],
  }),
  editAccountPlanDraft: defineRoute({
    id: 'editAccountPlanDraft', method: 'PATCH', path: '/v1/accounts/{id}/plans/{year}/versions/{number}', handler: 'plans/edit-draft', tag,
    summary: 'Edit a draft version (its sales manager or contact leader); an approved version is never edited (409)',
    auth: anyStaff, tableAccess: 'write', params: PlanVersionParams, body: PatchPlanBody, ifMatch: 'required',
    response: { status: 200, schema: PlanVersion, description: 'The draft after the edit' }, problems: [404, 409, 412, 422, 428],
  }),
  approveAccountPlan: defineRoute({
    id: 'approveAccountPlan', method: 'POST', path: '/v1/accounts/{id}/plans/{year}/versions/{number}/approval', handler: 'plans/approve-plan', tag,
    summary: 'The account’s contact leader approves the draft they read (If-Match); it comes into force',
    auth: anyStaff, tableAccess: 'write', params: PlanVersionParams, ifMatch: 'required',
    response: { status: 201, schema: PlanVersion, description: 'The approved version' }, problems: [404, 409, 412, 422, 428],
  }),
  listOverdueObjectives: defineRoute({
    id: 'listOverdueObjectives', method: 'GET', path: '/v1/accounts/{id}/plans/{year}/overdue-objectives', handler: 'plans/list-overdue-objectives', tag,
    summary: 'The objectives of the plan in force that are past due and neither done nor dropped',
    auth: anyStaff, tableAccess: 'read', params: PlanParams,
    response: { status: 200, schema: OverdueObjectivePage, description: 'The overdue objectives' }, problems: [404],
  }),
  listAccountsWithoutPlan: defineRoute({
    id: 'listAccountsWithoutPlan', method: 'GET', path: '/v1/account-plans/missing', handler: 'plans/list-missing', tag,
    summary: 'Key accounts without an approved plan for the year (the coordination group), a page of key accounts at a time',
    auth: coordination, tableAccess: 'read', query: MissingPlansQuery,
    response: { status: 200, schema: MissingPlanPage, description: 'The key accounts lacking an approved plan' },
  }),
};
