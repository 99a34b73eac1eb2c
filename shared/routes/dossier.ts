import { defineRoute } from '#shared/http/route.ts';
import { AccountIdParams } from '#shared/schemas/accounts.ts';
import {
  CreateDossierEntryBody,
  DossierAccessPage,
  DossierEntry,
  DossierEntryPage,
  DossierEntryParams,
  DossierGrant,
  DossierGrantPage,
  DossierPageQuery,
  GrantBody,
  ListGrantsQuery,
  PatchDossierEntryBody,
} from '#shared/schemas/dossier.ts';

const tag = 'Dossier';
const coordinators = { roles: ['coordinator'] } as const;
/** The account relation decides inside (sales manager, holders, grants); the route lets any active staff in and answers 404 to strangers. */
const anyStaff = { roles: [] } as const;

export const addDossierEntry = /* @__PURE__ */ defineRoute({
  id: 'addDossierEntry', method: 'POST', path: '/v1/accounts/{id}/dossier/entries', handler: 'dossier/add-entry', tag,
  summary: 'Add an entry to a key account’s dossier (its current sales manager only)',
  auth: anyStaff, tableAccess: 'write', params: AccountIdParams, body: CreateDossierEntryBody,
  response: { status: 201, schema: DossierEntry, description: 'The new entry, version 1' }, problems: [404, 422],
});

export const editDossierEntry = /* @__PURE__ */ defineRoute({
  id: 'editDossierEntry', method: 'PATCH', path: '/v1/accounts/{id}/dossier/entries/{entryId}', handler: 'dossier/edit-entry', tag,
  summary: 'Change a dossier entry’s title or content (its sales manager only); the previous version is kept',
  auth: anyStaff, tableAccess: 'write', params: DossierEntryParams, body: PatchDossierEntryBody, ifMatch: 'required',
  response: { status: 200, schema: DossierEntry, description: 'The entry’s new version' }, problems: [404, 412, 422, 428],
});
// Reads write their access-log record before replying, so they need write access.
export const listDossier = /* @__PURE__ */ defineRoute({
  id: 'listDossier', method: 'GET', path: '/v1/accounts/{id}/dossier', handler: 'dossier/list-entries', tag,
  summary: 'Read a key account’s dossier, each entry at its current version (with a grant; the read is logged)',
  auth: anyStaff, tableAccess: 'write', params: AccountIdParams, query: DossierPageQuery,
  response: { status: 200, schema: DossierEntryPage, description: 'A page of entries, oldest first' }, problems: [404, 422],
});

export const getDossierEntry = /* @__PURE__ */ defineRoute({
  id: 'getDossierEntry', method: 'GET', path: '/v1/accounts/{id}/dossier/entries/{entryId}', handler: 'dossier/get-entry', tag,
  summary: 'Read one dossier entry at its current version, with its ETag (with a grant; the read is logged)',
  auth: anyStaff, tableAccess: 'write', params: DossierEntryParams,
  response: { status: 200, schema: DossierEntry, description: 'The entry' }, problems: [404, 422],
});

export const listDossierEntryVersions = /* @__PURE__ */ defineRoute({
  id: 'listDossierEntryVersions', method: 'GET', path: '/v1/accounts/{id}/dossier/entries/{entryId}/versions', handler: 'dossier/list-versions', tag,
  summary: 'Every version of a dossier entry, oldest first (with a grant; the read is logged)',
  auth: anyStaff, tableAccess: 'write', params: DossierEntryParams, query: DossierPageQuery,
  response: { status: 200, schema: DossierEntryPage, description: 'A page of versions; the last is the current one' }, problems: [404, 422],
});

export const grantDossierAccess = /* @__PURE__ */ defineRoute({
  id: 'grantDossierAccess', method: 'POST', path: '/v1/accounts/{id}/dossier/grants', handler: 'dossier/grant-access', tag,
  summary: 'Let an active staff member read a key account’s dossier through a day (inclusive, Asia/Shanghai)',
  auth: coordinators, tableAccess: 'write', params: AccountIdParams, body: GrantBody,
  response: { status: 201, schema: DossierGrant, description: 'The grant' }, problems: [404, 422],
});

export const listDossierGrants = /* @__PURE__ */ defineRoute({
  id: 'listDossierGrants', method: 'GET', path: '/v1/accounts/{id}/dossier/grants', handler: 'dossier/list-grants', tag,
  summary: 'The grants on a dossier, expired ones included, by person; optionally one person’s',
  auth: coordinators, tableAccess: 'read', params: AccountIdParams, query: ListGrantsQuery,
  response: { status: 200, schema: DossierGrantPage, description: 'A page of grants' }, problems: [404],
});

export const listDossierAccessLog = /* @__PURE__ */ defineRoute({
  id: 'listDossierAccessLog', method: 'GET', path: '/v1/accounts/{id}/dossier/access-log', handler: 'dossier/list-access-log', tag,
  summary: 'Who read the dossier, when, through which route and what they were shown, newest first',
  auth: coordinators, tableAccess: 'read', params: AccountIdParams, query: DossierPageQuery,
  response: { status: 200, schema: DossierAccessPage, description: 'A page of reads' }, problems: [404],
});
