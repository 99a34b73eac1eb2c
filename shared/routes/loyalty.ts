import { defineRoute } from '#shared/http/route.ts';
import { AccountIdParams } from '#shared/schemas/accounts.ts';
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
};
