import { type AuditContext, auditPut } from '#shared/db/audit.ts';
import { insertAudited, replaceAudited } from '#shared/db/audited.ts';
import { all, commit, defineEntity, goneOrChanged, overwrite, page, put, update } from '#shared/db/entity.ts';
import { type Condition, equals } from '#shared/db/query.ts';
import { payDataIndex, quarterOf } from '#shared/db/partitions.ts';
import { DepartmentChange, Invoice, Opportunity, OpportunityUpdate, Payment, Project } from '#shared/schemas/business.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';
import { built } from '#shared/built.ts';

export const opportunities = /* @__PURE__ */ defineEntity({
  kind: 'opportunity', label: 'opportunity', schema: Opportunity, versioned: true,
  derive: (o) => ({ status: o.stage === 'won' || o.stage === 'lost' ? o.stage : 'open' }),
  keys: {
    pk: 'OPP#<id>', sk: 'PROFILE',
    gsi1: { pk: 'ACCOUNT#<accountId>#OPPS', sk: '<createdAt>#<id>' },
    // Stale = the oldest activity first.
    gsi2: { pk: 'OPPS#<status>', sk: '<lastActivityOn>#<id>', note: 'status: open, won or lost' },
    gsi3: { pk: 'OWNER#<ownerId>#OPPS', sk: '<createdAt>#<id>' },
  },
  patterns: {
    byAccount: { doc: 'opportunities of an account', index: 'gsi1' },
    byOwner: { doc: 'opportunities of an owner', index: 'gsi3' },
    byStatus: { doc: 'open / won / lost opportunities; stale ones (no activity since day X); open ones at a stage (filter)', index: 'gsi2' },
  },
});

export const opportunityUpdates = /* @__PURE__ */ defineEntity({
  kind: 'opportunity-update', label: 'opportunity update', schema: OpportunityUpdate,
  keys: { pk: 'OPP#<opportunityId>', sk: 'UPDATE#<at>#<id>' },
  patterns: { ofOpportunity: { doc: "an opportunity's update log", sk: 'UPDATE#' } },
});

export const projects = /* @__PURE__ */ built(() => defineEntity({
  kind: 'project', label: 'project', schema: Project, versioned: true,
  derive: (p) => ({ wonYear: p.wonOn.slice(0, 4), payPeriod: quarterOf(p.wonOn) }),
  keys: {
    pk: 'PROJECT#<id>', sk: 'PROFILE',
    gsi1: { pk: 'ACCOUNT#<accountId>#PROJECTS', sk: '<wonOn>#<id>', note: 'contract credit by account and won date' },
    gsi2: { pk: 'DEPT#<department>#PROJECTS', sk: '<wonOn>#<id>' },
    gsi3: { pk: 'WON#<wonYear>', sk: 'ACCOUNT#<accountId>#<id>' },
    gsi4: payDataIndex('project', '<id>'),
  },
  patterns: {
    byAccount: { doc: 'projects of an account; contract credit: those won in [from, to] (pay close)', index: 'gsi1' },
    byDepartment: { doc: 'projects a department delivers', index: 'gsi2' },
    wonInYear: { doc: 'contract revenue won in a year, per account (candidates)', index: 'gsi3' },
  },
}));

export const departmentChanges = /* @__PURE__ */ defineEntity({
  kind: 'department-change', label: 'delivering-department change', schema: DepartmentChange,
  keys: { pk: 'PROJECT#<projectId>', sk: 'DEPT#<effectiveOn>#<id>' },
  patterns: { ofProject: { doc: "a project's delivering-department changes", sk: 'DEPT#' } },
});

export const invoices = /* @__PURE__ */ defineEntity({
  kind: 'invoice', label: 'invoice', schema: Invoice, versioned: true,
  keys: {
    pk: 'INVOICE#<id>', sk: 'PROFILE',
    gsi1: { pk: 'ACCOUNT#<accountId>#INVOICES', sk: '<issuedOn>#<id>' },
    gsi2: { pk: 'RECEIVABLES', sk: '<dueOn>#<id>', when: (i) => i.status === 'open', note: 'only while unpaid' },
    gsi3: { pk: 'PROJECT#<projectId>#INVOICES', sk: '<issuedOn>#<id>' },
  },
  patterns: {
    byAccount: { doc: "an account's unpaid invoices (handover form; status as a filter)", index: 'gsi1' },
    receivables: { doc: 'every unpaid invoice (receivables), oldest due first', index: 'gsi2' },
  },
});

export const payments = /* @__PURE__ */ built(() => defineEntity({
  kind: 'payment', label: 'payment', schema: Payment,
  derive: (p) => ({ payPeriod: quarterOf(p.receivedOn) }),
  keys: {
    pk: 'PAYMENT#<id>', sk: 'PROFILE',
    gsi1: { pk: 'ACCOUNT#<accountId>#PAYMENTS', sk: '<receivedOn>#<id>', note: 'collection credit by account and date' },
    gsi3: { pk: 'INVOICE#<invoiceId>#PAYMENTS', sk: '<receivedOn>#<id>' },
    gsi4: payDataIndex('payment', '<id>'),
  },
  patterns: {
    byAccount: { doc: "collection credit: an account's payments received in [from, to] (pay close)", index: 'gsi1' },
    ofInvoice: { doc: 'the payments of an invoice', index: 'gsi3' },
  },
}));

// The first item of each write is the versioned one: 412 when it changed, 404 when gone.
export const insertOpportunity = (o: Opportunity, ctx: AuditContext) =>
  insertAudited(opportunities, o, { ctx, action: 'create' }, goneOrChanged(msg(M.thing_opportunity, { id: o.id })));

export const saveOpportunityUpdate = (before: Opportunity, after: Opportunity, update: OpportunityUpdate, ctx: AuditContext) =>
  replaceAudited(opportunities, before, after, {
    ctx,
    action: 'update',
    also: [overwrite(opportunityUpdates, update)],
    what: msg(M.thing_opportunity, { id: after.id }),
  });

/** Win: the opportunity and all its projects in one transaction, or nothing. */
export const saveWin = (before: Opportunity, after: Opportunity, won: readonly Project[], ctx: AuditContext) =>
  replaceAudited(opportunities, before, after, { ctx, action: 'win', what: msg(M.thing_opportunity, { id: after.id }), also: won.map((p) => put(projects, p, 'new')), trail: { after: { ...after, projects: won } } });

export const saveOpportunity = (before: Opportunity, after: Opportunity, action: string, ctx: AuditContext) =>
  replaceAudited(opportunities, before, after, { ctx, action, what: msg(M.thing_opportunity, { id: after.id }) });

export const saveProject = (before: Project, after: Project, action: string, ctx: AuditContext) =>
  replaceAudited(projects, before, after, { ctx, action, what: msg(M.thing_project, { id: after.id }) });

/** A new delivering department, with the change kept in the project's history, together. */
export const saveDepartmentChange = (before: Project, after: Project, change: DepartmentChange & { id: string }, ctx: AuditContext) =>
  replaceAudited(projects, before, after, {
    ctx,
    action: 'change-department',
    also: [overwrite(departmentChanges, change)],
    what: msg(M.thing_project, { id: after.id }),
  });

class OverContract extends Error {}

/** Adds `amount` to a project's running total `field`, on `condition`. */
const addToProject = (id: string, field: 'invoicedAmount' | 'paidAmount', amount: number, condition: Condition) =>
  update(projects, { id }, `SET ${field} = ${field} + :amount, version = version + :one`, { ...condition, values: { ':amount': amount, ':one': 1, ...condition.values } });

/**
 * An invoice, with the project's invoiced total raised in the same transaction on the
 * condition that it stays within the contract amount (so two racing invoices cannot
 * together exceed it). False when that condition failed.
 */
export const insertInvoice = async (project: Project, invoice: Invoice, ctx: AuditContext): Promise<boolean> => {
  try {
    await commit([
      { item: addToProject(project.id, 'invoicedAmount', invoice.amount, { expression: 'invoicedAmount <= :limit', values: { ':limit': project.contractAmount - invoice.amount } }), onFail: () => new OverContract() },
      put(invoices, invoice, 'new'),
      auditPut(ctx, { entity: 'invoice', entityId: invoice.id, action: 'create', after: invoice }),
    ]);
    return true;
  } catch (error) {
    if (error instanceof OverContract) return false;
    throw error;
  }
};

/**
 * A payment, written with the invoice's paid total (conditional on the total read, so
 * nothing is paid twice over) and the project's; an invoice paid in full leaves the
 * receivables index.
 */
export const insertPayment = async (invoice: Invoice, payment: Payment, ctx: AuditContext): Promise<Invoice> => {
  const paidAmount = invoice.paidAmount + payment.amount;
  const after: Invoice = { ...invoice, paidAmount, status: paidAmount === invoice.amount ? 'paid' : 'open', version: invoice.version + 1 };
  await commit([
    put(invoices, after, invoice.version, { onFail: goneOrChanged(msg(M.thing_invoice, { id: invoice.id })) }),
    addToProject(payment.projectId, 'paidAmount', payment.amount, { expression: 'attribute_exists(pk)' }),
    put(payments, payment, 'new'),
    auditPut(ctx, { entity: 'payment', entityId: payment.id, action: 'create', after: payment }),
  ]);
  return after;
};

export const listOpportunitiesByStatus = (status: 'open' | 'won' | 'lost', limit: number, cursor?: string, activityBefore?: string) =>
  page(opportunities, 'byStatus', { status }, limit, cursor, activityBefore === undefined ? {} : { range: { before: activityBefore } });

/** Access pattern: open opportunities at one open stage (gsi2 `OPPS#open`, the stage as a filter; pages are filled). */
export const listOpportunitiesAtStage = (stage: string, limit: number, cursor?: string) =>
  page(opportunities, 'byStatus', { status: 'open' }, limit, cursor, { filter: equals('stage', stage) });

/** Access pattern: an account's projects one department delivers (byAccount, filtered on the department). */
export const listProjectsOfAccountByDepartment = (accountId: string, department: string, limit: number, cursor?: string) =>
  page(projects, 'byAccount', { accountId }, limit, cursor, { filter: equals('department', department) });

/** Access pattern (pay close): projects of an account whose opportunity was won in [from, to]. */
export const listProjectsWonBetween = (accountId: string, from: string, to: string) => all(projects, 'byAccount', { accountId }, { range: { from, to } });

/** Access pattern (pay close): payments on an account's invoices received in [from, to]. */
export const listPaymentsReceivedBetween = (accountId: string, from: string, to: string) => all(payments, 'byAccount', { accountId }, { range: { from, to } });

/** Access pattern: contract revenue won in a year, summed per account (gsi3 WON#<year>). */
export const wonRevenueByAccount = async (year: number): Promise<Map<string, number>> => {
  const sums = new Map<string, number>();
  for (const project of await all(projects, 'wonInYear', { wonYear: year })) sums.set(project.accountId, (sums.get(project.accountId) ?? 0) + project.contractAmount);
  return sums;
};

/** Access pattern: an account's unpaid invoices (gsi1 ACCOUNT#<id>#INVOICES, kept while open). */
export const listOpenInvoicesOfAccount = (accountId: string) =>
  all(invoices, 'byAccount', { accountId }, { filter: equals('status', 'open') });
