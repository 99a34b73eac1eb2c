import { GetCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { type AuditContext, auditPut } from '#shared/db/audit.ts';
import { db, tableName } from '#shared/db/client.ts';
import type { Page } from '#shared/db/pagination.ts';
import { queryAll, queryPage } from '#shared/db/query.ts';
import { ConditionFailed, type TransactItem, transactWrite } from '#shared/db/transact.ts';
import { NotFound, PreconditionFailed } from '#shared/errors.ts';
import type { DepartmentChange, Invoice, Opportunity, OpportunityUpdate, Payment, Project } from '#shared/schemas/business.ts';

/*
 * Keys (see README, data model):
 *   opportunity  pk OPP#<id>      sk PROFILE
 *                gsi1 ACCOUNT#<accountId>#OPPS / <createdAt>#<id>      (by account)
 *                gsi2 OPPS#<open|won|lost> / <lastActivityOn>#<id>     (by status; stale = oldest activity)
 *                gsi3 OWNER#<ownerId>#OPPS / <createdAt>#<id>          (by owner)
 *   update       pk OPP#<id>      sk UPDATE#<at>#<updateId>
 *   project      pk PROJECT#<id>  sk PROFILE
 *                gsi1 ACCOUNT#<accountId>#PROJECTS / <wonOn>#<id>      (contract credit by account and won date)
 *                gsi2 DEPT#<department>#PROJECTS / <wonOn>#<id>        (by delivering department)
 *                gsi3 WON#<year> / ACCOUNT#<accountId>#<id>            (contract revenue of a year)
 *   department   pk PROJECT#<id>  sk DEPT#<effectiveOn>#<changeId>     (the delivering department's changes)
 *   invoice      pk INVOICE#<id>  sk PROFILE
 *                gsi1 ACCOUNT#<accountId>#INVOICES / <issuedOn>#<id>
 *                gsi2 RECEIVABLES / <dueOn>#<id>                       (only while unpaid: sparse)
 *                gsi3 PROJECT#<projectId>#INVOICES / <issuedOn>#<id>
 *   payment      pk PAYMENT#<id>  sk PROFILE
 *                gsi1 ACCOUNT#<accountId>#PAYMENTS / <receivedOn>#<id>  (collection credit by account and date)
 *                gsi3 INVOICE#<invoiceId>#PAYMENTS / <receivedOn>#<id>
 */
const PROFILE = 'PROFILE';
const oppKey = (id: string) => ({ pk: `OPP#${id}`, sk: PROFILE });
const projectKey = (id: string) => ({ pk: `PROJECT#${id}`, sk: PROFILE });
const invoiceKey = (id: string) => ({ pk: `INVOICE#${id}`, sk: PROFILE });
const status = (o: Opportunity) => (o.stage === 'won' || o.stage === 'lost' ? o.stage : 'open');

const oppItem = (o: Opportunity) => ({
  ...oppKey(o.id),
  gsi1pk: `ACCOUNT#${o.accountId}#OPPS`,
  gsi1sk: `${o.createdAt}#${o.id}`,
  gsi2pk: `OPPS#${status(o)}`,
  gsi2sk: `${o.lastActivityOn}#${o.id}`,
  gsi3pk: `OWNER#${o.ownerId}#OPPS`,
  gsi3sk: `${o.createdAt}#${o.id}`,
  kind: 'opportunity',
  ...o,
});

const projectItem = (p: Project) => ({
  ...projectKey(p.id),
  gsi1pk: `ACCOUNT#${p.accountId}#PROJECTS`,
  gsi1sk: `${p.wonOn}#${p.id}`,
  gsi2pk: `DEPT#${p.department}#PROJECTS`,
  gsi2sk: `${p.wonOn}#${p.id}`,
  gsi3pk: `WON#${p.wonOn.slice(0, 4)}`,
  gsi3sk: `ACCOUNT#${p.accountId}#${p.id}`,
  kind: 'project',
  ...p,
});

const invoiceItem = (i: Invoice) => ({
  ...invoiceKey(i.id),
  gsi1pk: `ACCOUNT#${i.accountId}#INVOICES`,
  gsi1sk: `${i.issuedOn}#${i.id}`,
  ...(i.status === 'open' ? { gsi2pk: 'RECEIVABLES', gsi2sk: `${i.dueOn}#${i.id}` } : {}),
  gsi3pk: `PROJECT#${i.projectId}#INVOICES`,
  gsi3sk: `${i.issuedOn}#${i.id}`,
  kind: 'invoice',
  ...i,
});

const pick = <T>(item: Record<string, unknown>, fields: readonly (keyof T)[]): T =>
  Object.fromEntries(fields.map((f) => [f, item[f as string]])) as T;
const oppFields = ['id', 'accountId', 'title', 'source', 'ownerId', 'stage', 'estimatedAmount', 'expectedCloseOn', 'lastActivityOn', 'wonOn', 'lostOn', 'lostReason', 'projectIds', 'createdAt', 'version'] as const;
const projectFields = ['id', 'opportunityId', 'accountId', 'name', 'department', 'contractAmount', 'wonOn', 'deliveredOn', 'invoicedAmount', 'paidAmount', 'version'] as const;
const invoiceFields = ['id', 'projectId', 'accountId', 'amount', 'issuedOn', 'dueOn', 'paidAmount', 'status', 'version'] as const;
const paymentFields = ['id', 'invoiceId', 'projectId', 'accountId', 'amount', 'receivedOn', 'recordedBy'] as const;
const updateFields = ['id', 'opportunityId', 'note', 'stage', 'by', 'on', 'at'] as const;
export const toOpportunity = (item: Record<string, unknown>) => pick<Opportunity>(item, oppFields);
export const toProject = (item: Record<string, unknown>) => pick<Project>(item, projectFields);
const toInvoice = (item: Record<string, unknown>) => pick<Invoice>(item, invoiceFields);
const toPayment = (item: Record<string, unknown>) => pick<Payment>(item, paymentFields);

const getOne = async <T>(key: Record<string, string>, to: (item: Record<string, unknown>) => T): Promise<T | undefined> => {
  const out = await db.send(new GetCommand({ TableName: tableName, Key: key }));
  return out.Item === undefined ? undefined : to(out.Item);
};

/** Access patterns: one opportunity, project or invoice by id. */
export const getOpportunityById = (id: string) => getOne(oppKey(id), toOpportunity);
export const getProjectById = (id: string) => getOne(projectKey(id), toProject);
export const getInvoiceById = (id: string) => getOne(invoiceKey(id), toInvoice);

const onIndex = (index: 'gsi1' | 'gsi2' | 'gsi3', pk: string, range?: { from?: string; to?: string; before?: string }): QueryCommandInput => {
  const values: Record<string, string> = { ':pk': pk };
  let condition = `${index}pk = :pk`;
  if (range?.before !== undefined) {
    condition += ` AND ${index}sk < :before`;
    values[':before'] = range.before;
  } else if (range?.from !== undefined && range.to !== undefined) {
    condition += ` AND ${index}sk BETWEEN :from AND :to`;
    values[':from'] = range.from;
    // Sort keys are `<date>#<id>`: the day itself is included up to its last id.
    values[':to'] = `${range.to}#\uffff`;
  }
  return { TableName: tableName, IndexName: index, KeyConditionExpression: condition, ExpressionAttributeValues: values };
};

const versioned = (item: Record<string, unknown>, expected: number | 'new'): TransactItem => ({
  Put: {
    TableName: tableName,
    Item: item,
    ...(expected === 'new'
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expected } }),
  },
});

/** Writes all or nothing; the first item is the versioned one: 412 when it changed, 404 when gone. */
const commit = async (items: TransactItem[], what: string): Promise<void> => {
  try {
    await transactWrite(items);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) {
      throw error.existing === undefined ? new NotFound(`No ${what}`) : new PreconditionFailed();
    }
    throw error;
  }
};

export const insertOpportunity = (o: Opportunity, ctx: AuditContext) =>
  commit([versioned(oppItem(o), 'new'), auditPut(ctx, { entity: 'opportunity', entityId: o.id, action: 'create', after: o })], `opportunity ${o.id}`);

export const saveOpportunityUpdate = (before: Opportunity, after: Opportunity, update: OpportunityUpdate, ctx: AuditContext) =>
  commit(
    [
      versioned(oppItem(after), before.version),
      { Put: { TableName: tableName, Item: { pk: `OPP#${after.id}`, sk: `UPDATE#${update.at}#${update.id}`, kind: 'opportunity-update', ...update } } },
      auditPut(ctx, { entity: 'opportunity', entityId: after.id, action: 'update', before, after }),
    ],
    `opportunity ${after.id}`,
  );

/** Win: the opportunity and all its projects in one transaction, or nothing. */
export const saveWin = (before: Opportunity, after: Opportunity, projects: readonly Project[], ctx: AuditContext) =>
  commit(
    [
      versioned(oppItem(after), before.version),
      ...projects.map((p) => versioned(projectItem(p), 'new')),
      auditPut(ctx, { entity: 'opportunity', entityId: after.id, action: 'win', before, after: { ...after, projects } }),
    ],
    `opportunity ${after.id}`,
  );

export const saveOpportunity = (before: Opportunity, after: Opportunity, action: string, ctx: AuditContext) =>
  commit([versioned(oppItem(after), before.version), auditPut(ctx, { entity: 'opportunity', entityId: after.id, action, before, after })], `opportunity ${after.id}`);

export const saveProject = (before: Project, after: Project, action: string, ctx: AuditContext) =>
  commit([versioned(projectItem(after), before.version), auditPut(ctx, { entity: 'project', entityId: after.id, action, before, after })], `project ${after.id}`);

/** A new delivering department, with the change kept in the project's history, together. */
export const saveDepartmentChange = (before: Project, after: Project, change: DepartmentChange & { id: string }, ctx: AuditContext) =>
  commit(
    [
      versioned(projectItem(after), before.version),
      { Put: { TableName: tableName, Item: { ...projectKey(after.id), sk: `DEPT#${change.effectiveOn}#${change.id}`, kind: 'department-change', ...change } } },
      auditPut(ctx, { entity: 'project', entityId: after.id, action: 'change-department', before, after }),
    ],
    `project ${after.id}`,
  );

/** Access pattern: a project's delivering-department changes, oldest first. */
export const listDepartmentChanges = async (projectId: string): Promise<DepartmentChange[]> =>
  (await queryAll({
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': `PROJECT#${projectId}`, ':prefix': 'DEPT#' },
  })).map((item) => pick<DepartmentChange>(item, ['projectId', 'from', 'to', 'effectiveOn', 'reason', 'changedBy', 'changedAt']));

/**
 * An invoice, with the project's invoiced total raised in the same transaction on the
 * condition that it stays within the contract amount (so two racing invoices cannot
 * together exceed it). False when that condition failed.
 */
export const insertInvoice = async (project: Project, invoice: Invoice, ctx: AuditContext): Promise<boolean> => {
  try {
    await transactWrite([
      {
        Update: {
          TableName: tableName,
          Key: projectKey(project.id),
          UpdateExpression: 'SET invoicedAmount = invoicedAmount + :amount, version = version + :one',
          ConditionExpression: 'invoicedAmount <= :limit',
          ExpressionAttributeValues: { ':amount': invoice.amount, ':one': 1, ':limit': project.contractAmount - invoice.amount },
        },
      },
      versioned(invoiceItem(invoice), 'new'),
      auditPut(ctx, { entity: 'invoice', entityId: invoice.id, action: 'create', after: invoice }),
    ]);
    return true;
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) return false;
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
  await commit(
    [
      versioned(invoiceItem(after), invoice.version),
      {
        Update: {
          TableName: tableName,
          Key: projectKey(payment.projectId),
          UpdateExpression: 'SET paidAmount = paidAmount + :amount, version = version + :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':amount': payment.amount, ':one': 1 },
        },
      },
      versioned(
        {
          pk: `PAYMENT#${payment.id}`,
          sk: PROFILE,
          gsi1pk: `ACCOUNT#${payment.accountId}#PAYMENTS`,
          gsi1sk: `${payment.receivedOn}#${payment.id}`,
          gsi3pk: `INVOICE#${payment.invoiceId}#PAYMENTS`,
          gsi3sk: `${payment.receivedOn}#${payment.id}`,
          kind: 'payment',
          ...payment,
        },
        'new',
      ),
      auditPut(ctx, { entity: 'payment', entityId: payment.id, action: 'create', after: payment }),
    ],
    `invoice ${invoice.id}`,
  );
  return after;
};

export const listOpportunityUpdates = (opportunityId: string, limit: number, cursor?: string): Promise<Page<OpportunityUpdate>> =>
  queryPage(
    { TableName: tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': `OPP#${opportunityId}`, ':prefix': 'UPDATE#' } },
    limit,
    cursor,
    (item) => pick<OpportunityUpdate>(item, updateFields),
  );

/** Access patterns: opportunities by account (gsi1), by owner (gsi3), by status (gsi2), stale (gsi2, activity before a day). */
export const listOpportunitiesByAccount = (accountId: string, limit: number, cursor?: string) =>
  queryPage(onIndex('gsi1', `ACCOUNT#${accountId}#OPPS`), limit, cursor, toOpportunity);
export const listOpportunitiesByOwner = (ownerId: string, limit: number, cursor?: string) =>
  queryPage(onIndex('gsi3', `OWNER#${ownerId}#OPPS`), limit, cursor, toOpportunity);
export const listOpportunitiesByStatus = (status: 'open' | 'won' | 'lost', limit: number, cursor?: string, activityBefore?: string) =>
  queryPage(onIndex('gsi2', `OPPS#${status}`, activityBefore === undefined ? undefined : { before: activityBefore }), limit, cursor, toOpportunity);

/** Access pattern: open opportunities at one open stage (gsi2 `OPPS#open`, the stage as a filter; pages are filled). */
export const listOpportunitiesAtStage = (stage: string, limit: number, cursor?: string) => {
  const input = onIndex('gsi2', 'OPPS#open');
  return queryPage(
    {
      ...input,
      FilterExpression: '#stage = :stage',
      ExpressionAttributeNames: { '#stage': 'stage' },
      ExpressionAttributeValues: { ...input.ExpressionAttributeValues, ':stage': stage },
    },
    limit,
    cursor,
    toOpportunity,
  );
};
export const allOpportunitiesOfAccount = async (accountId: string) => (await queryAll(onIndex('gsi1', `ACCOUNT#${accountId}#OPPS`))).map(toOpportunity);

/** Access patterns: projects by account (gsi1) and by delivering department (gsi2). */
export const listProjectsByAccount = (accountId: string, limit: number, cursor?: string) =>
  queryPage(onIndex('gsi1', `ACCOUNT#${accountId}#PROJECTS`), limit, cursor, toProject);
export const listProjectsByDepartment = (department: string, limit: number, cursor?: string) =>
  queryPage(onIndex('gsi2', `DEPT#${department}#PROJECTS`), limit, cursor, toProject);
/** Access pattern: an account's projects one department delivers (gsi1, filtered on the department). */
export const listProjectsOfAccountByDepartment = (accountId: string, department: string, limit: number, cursor?: string) => {
  const input = onIndex('gsi1', `ACCOUNT#${accountId}#PROJECTS`);
  return queryPage(
    { ...input, FilterExpression: '#department = :department', ExpressionAttributeNames: { '#department': 'department' }, ExpressionAttributeValues: { ...input.ExpressionAttributeValues, ':department': department } },
    limit,
    cursor,
    toProject,
  );
};
export const allProjectsOfAccount = async (accountId: string) => (await queryAll(onIndex('gsi1', `ACCOUNT#${accountId}#PROJECTS`))).map(toProject);

/** Access pattern (pay close): projects of an account whose opportunity was won in [from, to]. */
export const listProjectsWonBetween = async (accountId: string, from: string, to: string) =>
  (await queryAll(onIndex('gsi1', `ACCOUNT#${accountId}#PROJECTS`, { from, to }))).map(toProject);

/** Access pattern (pay close): payments on an account's invoices received in [from, to]. */
export const listPaymentsReceivedBetween = async (accountId: string, from: string, to: string) =>
  (await queryAll(onIndex('gsi1', `ACCOUNT#${accountId}#PAYMENTS`, { from, to }))).map(toPayment);

/** Access pattern: the payments of one invoice. */
export const listPaymentsOfInvoice = async (invoiceId: string) => (await queryAll(onIndex('gsi3', `INVOICE#${invoiceId}#PAYMENTS`))).map(toPayment);

/** Access pattern: every unpaid invoice (gsi2 RECEIVABLES, sparse), oldest due first. */
export const listOpenInvoices = async () => (await queryAll(onIndex('gsi2', 'RECEIVABLES'))).map(toInvoice);

/** Access pattern: contract revenue won in a year, summed per account (gsi3 WON#<year>). */
export const wonRevenueByAccount = async (year: number): Promise<Map<string, number>> => {
  const sums = new Map<string, number>();
  for (const item of await queryAll(onIndex('gsi3', `WON#${year}`))) {
    const project = toProject(item);
    sums.set(project.accountId, (sums.get(project.accountId) ?? 0) + project.contractAmount);
  }
  return sums;
};

/** Access pattern: an account's unpaid invoices (gsi1 ACCOUNT#<id>#INVOICES, kept while open). */
export const listOpenInvoicesOfAccount = async (accountId: string) =>
  (await queryAll({ ...onIndex('gsi1', `ACCOUNT#${accountId}#INVOICES`), FilterExpression: '#status = :open', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':pk': `ACCOUNT#${accountId}#INVOICES`, ':open': 'open' } })).map(toInvoice);
