import { defineRoute } from '#shared/http/route.ts';
import {
  CertificationBody,
  CertifiedStaff,
  CreateStaffBody,
  DepartureBody,
  ListStaffQuery,
  PatchStaffBody,
  Staff,
  StaffIdParams,
  StaffPage,
  TrainingBody,
} from '#shared/schemas/staff.ts';

const tag = 'Staff';
const coordinators = { roles: ['coordinator'] } as const;

export const createStaff = /* @__PURE__ */ defineRoute({
  id: 'createStaff',
  method: 'POST',
  path: '/v1/staff',
  handler: 'staff/create-staff',
  summary: 'Add a staff member',
  tag,
  auth: coordinators,
  tableAccess: 'write',
  signIn: true,
  body: CreateStaffBody,
  response: { status: 201, schema: Staff, description: 'The new staff member' },
  problems: [422],
});

export const getStaff = /* @__PURE__ */ defineRoute({
  id: 'getStaff',
  method: 'GET',
  path: '/v1/staff/{id}',
  handler: 'staff/get-staff',
  summary: 'Read a staff member (oneself, or anyone for leadership, coordinators and finance)',
  tag,
  auth: { roles: [] },
  tableAccess: 'read',
  params: StaffIdParams,
  response: { status: 200, schema: Staff, description: 'The staff member' },
  problems: [404],
});

export const listStaff = /* @__PURE__ */ defineRoute({
  id: 'listStaff',
  method: 'GET',
  path: '/v1/staff',
  handler: 'staff/list-staff',
  summary: 'List staff, by role or department',
  tag,
  auth: { roles: ['leadership', 'coordinator', 'finance'] },
  tableAccess: 'read',
  query: ListStaffQuery,
  response: { status: 200, schema: StaffPage, description: 'A page of staff' },
});

export const patchStaff = /* @__PURE__ */ defineRoute({
  id: 'patchStaff',
  method: 'PATCH',
  path: '/v1/staff/{id}',
  handler: 'staff/patch-staff',
  summary: 'Change a staff member’s name, department, roles or grade',
  tag,
  auth: coordinators,
  tableAccess: 'write',
  signIn: true,
  params: StaffIdParams,
  body: PatchStaffBody,
  ifMatch: 'required',
  response: { status: 200, schema: Staff, description: 'The changed staff member' },
  problems: [404, 409, 412, 428],
});

export const recordTraining = /* @__PURE__ */ defineRoute({
  id: 'recordTraining',
  method: 'POST',
  path: '/v1/staff/{id}/training',
  handler: 'staff/record-training',
  summary: 'Record a basic-skills or rotation training result',
  tag,
  auth: coordinators,
  tableAccess: 'write',
  params: StaffIdParams,
  body: TrainingBody,
  response: { status: 201, schema: Staff, description: 'The staff member with the training recorded' },
  problems: [404, 409, 422],
});

export const awardCertification = /* @__PURE__ */ defineRoute({
  id: 'awardCertification',
  method: 'POST',
  path: '/v1/staff/{id}/certifications',
  handler: 'staff/award-certification',
  summary: 'Award a junior, intermediate or senior certification',
  tag,
  auth: coordinators,
  tableAccess: 'write',
  params: StaffIdParams,
  body: CertificationBody,
  response: { status: 201, schema: CertifiedStaff, description: 'The staff member with the certification, its scores and how a satisfaction from surveys was derived' },
  problems: [404, 409, 422],
});

export const recordDeparture = /* @__PURE__ */ defineRoute({
  id: 'recordDeparture',
  method: 'POST',
  path: '/v1/staff/{id}/departure',
  handler: 'staff/record-departure',
  summary: 'Record that a staff member has left; they lose access at once',
  tag,
  auth: coordinators,
  tableAccess: 'write',
  signIn: true,
  params: StaffIdParams,
  body: DepartureBody,
  response: { status: 201, schema: Staff, description: 'The departed staff member' },
  problems: [404, 409],
});

export const rerunSignInSync = /* @__PURE__ */ defineRoute({
  id: 'rerunSignInSync',
  method: 'POST',
  path: '/v1/staff/{id}/sign-in-sync',
  handler: 'staff/rerun-sign-in-sync',
  summary: 'Bring a staff member’s sign-in in step with their record now (re-runs a pending or failed change); 503 if the identity provider fails again',
  tag,
  auth: coordinators,
  tableAccess: 'write',
  signIn: true,
  params: StaffIdParams,
  response: { status: 200, schema: Staff, description: 'The staff member, with no sign-in change pending' },
  problems: [404, 409],
});
