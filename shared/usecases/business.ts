import { ulid } from 'ulid';
import { getAccountById, getAccountsByIds } from '#shared/db/accounts.ts';
import type { AuditContext } from '#shared/db/audit.ts';
import * as store from '#shared/db/business.ts';
import { all, get, page } from '#shared/db/entity.ts';
import type { Page } from '#shared/db/pagination.ts';
import { assertAccount, seesAllAccounts } from '#shared/domain/accounts.ts';
import * as rules from '#shared/domain/business.ts';
import { addDays, todayInShanghai } from '#shared/domain/dates.ts';
import { type Caller, hasAnyRole } from '#shared/domain/staff.ts';
import { fieldError, Forbidden, NotFound, RuleViolation } from '#shared/errors.ts';
import type { Account } from '#shared/schemas/accounts.ts';
import type {
  Buckets,
  CreateOpportunityInput,
  Invoice,
  InvoiceInput,
  ListOpportunitiesQuery,
  Opportunity,
  OpportunityUpdateInput,
  Project,
  WinInput,
} from '#shared/schemas/business.ts';
import { accountListScope, guardAccount, loadAccountFor } from '#shared/usecases/account-guard.ts';
import { discountInForce } from '#shared/usecases/loyalty/incentives.ts';
import { withRetry } from '#shared/usecases/retry.ts';
import { type Message, msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

export const opportunityLocation = (id: string) => `/v1/opportunities/${encodeURIComponent(id)}`;
export const projectLocation = (id: string) => `/v1/projects/${encodeURIComponent(id)}`;
export const invoiceLocation = (id: string) => `/v1/invoices/${encodeURIComponent(id)}`;

const mustExist = <T>(value: T | undefined, what: Message): T => {
  if (value === undefined) throw new NotFound(msg(M.notFound_thing, { what }));
  return value;
};
const accountOf = async (accountId: string) => mustExist(await getAccountById(accountId), msg(M.thing_account, { id: accountId }));

/** An object of an account: seen by those its own tie lets in (`own`), else as the account guard says for `purpose`. */
const assertSees = async (caller: Caller, account: Account, purpose: 'read' | 'records', what: Message, own = false): Promise<void> => {
  if (!own) await guardAccount(caller, account, purpose, { hidden: () => new NotFound(msg(M.notFound_thing, { what })) });
};

export const createOpportunity = async (caller: Caller, input: CreateOpportunityInput, audit: AuditContext): Promise<Opportunity> => {
  await loadAccountFor(caller, input.accountId, 'act', {
    missing: () => new RuleViolation('unknown-account', msg(M.account_notFound, { id: input.accountId }), [fieldError('body.accountId', msg(M.field_noSuchAccount))]),
  });
  const opportunity = rules.newOpportunity(ulid(), input, caller.id, todayInShanghai(), audit.at);
  await store.insertOpportunity(opportunity, audit);
  return opportunity;
};

/** The opportunity and its account, if the caller may see them. */
const seeOpportunity = async (caller: Caller, id: string) => {
  const opportunity = mustExist(await get(store.opportunities, { id: id }), msg(M.thing_opportunity, { id }));
  const account = await accountOf(opportunity.accountId);
  await assertSees(caller, account, 'read', msg(M.thing_opportunity, { id }), opportunity.ownerId === caller.id);
  return { opportunity, account };
};

/** The closed-loop view: where the opportunity is, and what is outstanding at each step. */
export const viewOpportunity = async (caller: Caller, id: string) => {
  const { opportunity } = await seeOpportunity(caller, id);
  const projects = (await Promise.all(opportunity.projectIds.map((id) => get(store.projects, { id })))).flatMap((p) => p ?? []);
  const amounts = rules.loopAmounts(projects);
  const discount = await discountInForce(opportunity.accountId, opportunity.wonOn ?? todayInShanghai());
  return { opportunity, step: rules.loopStep(opportunity, amounts), amounts, projects, discountInForce: discount };
};

/** Changes an opportunity the caller may act on; a concurrent change makes it re-read and retry. */
const changeOpportunity = (caller: Caller, id: string, change: (o: Opportunity) => Promise<Opportunity>) =>
  withRetry(msg(M.changing, { kind: 'opportunity', id }), async () => {
    const { opportunity, account } = await seeOpportunity(caller, id);
    // Seeing it, the caller knows the account: a refusal is a 403.
    assertAccount(caller, account, 'act', true);
    return change(opportunity);
  });

export const addOpportunityUpdate = (caller: Caller, id: string, input: OpportunityUpdateInput, audit: AuditContext) =>
  changeOpportunity(caller, id, async (before) => {
    const today = todayInShanghai();
    const after = rules.applyUpdate(before, input, today);
    const update = { id: ulid(), opportunityId: id, note: input.note, stage: input.stage ?? null, by: caller.id, on: today, at: audit.at };
    await store.saveOpportunityUpdate(before, after, update, audit);
    return after;
  });

export const listUpdates = async (caller: Caller, id: string, limit: number, cursor?: string) => {
  await seeOpportunity(caller, id);
  return page(store.opportunityUpdates, 'ofOpportunity', { opportunityId: id }, limit, cursor);
};

/**
 * Win: the opportunity becomes won and its projects are created, in one transaction
 * conditional on the opportunity's version — a retried win finds it won (409) and
 * creates nothing; with the same Idempotency-Key it gets the first reply again.
 */
export const winOpportunity = async (caller: Caller, id: string, input: WinInput, audit: AuditContext) => {
  let projects: Project[] = [];
  const opportunity = await changeOpportunity(caller, id, async (before) => {
    projects = input.projects.map((p) => ({
      id: ulid(),
      opportunityId: id,
      accountId: before.accountId,
      name: p.name,
      department: p.department,
      contractAmount: p.contractAmount,
      wonOn: input.wonOn,
      deliveredOn: null,
      invoicedAmount: 0,
      paidAmount: 0,
      version: 1,
      recordedAt: audit.at,
    }));
    const after = rules.win(before, input.wonOn, projects.map((p) => p.id));
    await store.saveWin(before, after, projects, audit);
    return after;
  });
  return { opportunity, projects };
};

export const loseOpportunity = (caller: Caller, id: string, lostOn: string, reason: string, audit: AuditContext) =>
  changeOpportunity(caller, id, async (before) => {
    const after = rules.lose(before, lostOn, reason);
    await store.saveOpportunity(before, after, 'lose', audit);
    return after;
  });

export const findOpportunities = async (caller: Caller, query: ListOpportunitiesQuery): Promise<Page<Opportunity>> => {
  const { limit, cursor } = query;
  if (query.accountId !== undefined) {
    await loadAccountFor(caller, query.accountId, 'read');
    return page(store.opportunities, 'byAccount', { accountId: query.accountId }, limit, cursor);
  }
  if (query.ownerId !== undefined && (query.ownerId === caller.id || seesAllAccounts(caller))) {
    return page(store.opportunities, 'byOwner', { ownerId: query.ownerId }, limit, cursor);
  }
  if (!seesAllAccounts(caller)) throw new Forbidden(msg(M.business_listOpportunities), 'role-not-allowed');
  if (query.staleDays !== undefined) {
    return store.listOpportunitiesByStatus('open', limit, cursor, addDays(todayInShanghai(), -query.staleDays + 1));
  }
  const stage = query.stage ?? 'open';
  if (stage === 'won' || stage === 'lost') return store.listOpportunitiesByStatus(stage, limit, cursor);
  return store.listOpportunitiesAtStage(stage, limit, cursor);
};

/** A project: for those who may read its account's records, and for the staff of the department that delivers it. */
const seeProject = async (caller: Caller, id: string) => {
  const project = mustExist(await get(store.projects, { id }), msg(M.thing_project, { id }));
  const account = await accountOf(project.accountId);
  await assertSees(caller, account, 'records', msg(M.thing_project, { id }), caller.department === project.department);
  return { project, account };
};

export const readProject = async (caller: Caller, id: string) => {
  const { project } = await seeProject(caller, id);
  return { ...project, discountInForce: await discountInForce(project.accountId, project.wonOn) };
};

export const findProjects = async (caller: Caller, query: { accountId?: string; department?: string; limit: number; cursor?: string }) => {
  const { accountId } = query;
  if (accountId !== undefined) {
    // All of them for those who read the account's records; its projects they deliver for a department's staff.
    const delivers = async () => (await all(store.projects, 'byAccount', { accountId })).some((p) => p.department === caller.department);
    const { scope } = await accountListScope(caller, accountId, 'records', delivers);
    return scope === 'all'
      ? page(store.projects, 'byAccount', { accountId }, query.limit, query.cursor)
      : store.listProjectsOfAccountByDepartment(accountId, caller.department, query.limit, query.cursor);
  }
  const department = query.department ?? '';
  if (department !== caller.department && !seesAllAccounts(caller)) {
    throw new Forbidden(msg(M.business_listProjects), 'role-not-allowed');
  }
  return page(store.projects, 'byDepartment', { department }, query.limit, query.cursor);
};

/** Delivery is recorded by the delivering department, the account's people or the coordination group. */
export const recordDelivery = (caller: Caller, id: string, deliveredOn: string, audit: AuditContext) =>
  withRetry(msg(M.changing, { kind: 'project', id }), async () => {
    const { project, account } = await seeProject(caller, id);
    if (caller.department !== project.department) assertAccount(caller, account, 'act', true);
    if (project.deliveredOn !== null) throw new RuleViolation('already-delivered', msg(M.business_alreadyDelivered, { id, on: project.deliveredOn }));
    if (deliveredOn < project.wonOn) {
      throw new RuleViolation('delivered-before-won', msg(M.business_wonOn, { id, on: project.wonOn }), [fieldError('body.deliveredOn', msg(M.field_onOrAfter, { day: project.wonOn }))]);
    }
    const after = { ...project, deliveredOn, version: project.version + 1 };
    await store.saveProject(project, after, 'deliver', audit);
    return after;
  });

/**
 * The coordination group replaces a project's delivering department (domain.md §2) when it
 * judges it unfit or the customer asks; the change and its reason are kept. A delivered
 * project keeps the department that delivered it.
 */
export const changeDepartment = (caller: Caller, id: string, input: { department: string; effectiveOn: string; reason: string }, audit: AuditContext) =>
  withRetry(msg(M.changing, { kind: 'project', id }), async () => {
    const { project } = await seeProject(caller, id);
    if (project.deliveredOn !== null) throw new RuleViolation('already-delivered', msg(M.business_alreadyDeliveredBy, { id, on: project.deliveredOn, department: project.department }));
    if (input.department === project.department) {
      throw new RuleViolation('same-department', msg(M.business_sameDepartment, { id, department: input.department }), [fieldError('body.department', msg(M.field_alreadyDelivering))]);
    }
    const last = (await all(store.departmentChanges, 'ofProject', { projectId: id })).at(-1)?.effectiveOn ?? project.wonOn;
    if (input.effectiveOn < last) {
      throw new RuleViolation('department-change-before-current', msg(M.business_departmentChangeBefore, { from: last }), [fieldError('body.effectiveOn', msg(M.field_onOrAfter, { day: last }))]);
    }
    const after = { ...project, department: input.department, version: project.version + 1 };
    const change = { id: ulid(), projectId: id, from: project.department, to: input.department, effectiveOn: input.effectiveOn, reason: input.reason, changedBy: caller.id, changedAt: audit.at };
    await store.saveDepartmentChange(project, after, change, audit);
    return after;
  });

export const departmentChanges = async (caller: Caller, id: string) => {
  await seeProject(caller, id);
  return { items: await all(store.departmentChanges, 'ofProject', { projectId: id }), nextCursor: null };
};

/** An invoice never takes the project's invoiced total past its contract amount (422). */
export const issueInvoice = async (caller: Caller, projectId: string, input: InvoiceInput, audit: AuditContext): Promise<Invoice> => {
  const { project, account } = await seeProject(caller, projectId);
  assertAccount(caller, account, 'money', true);
  const invoice: Invoice = {
    id: ulid(),
    projectId,
    accountId: project.accountId,
    amount: input.amount,
    issuedOn: input.issuedOn,
    dueOn: input.dueOn,
    paidAmount: 0,
    status: 'open',
    version: 1,
  };
  if (!(await store.insertInvoice(project, invoice, audit))) {
    const current = mustExist(await get(store.projects, { id: projectId }), msg(M.thing_project, { id: projectId }));
    const rest = current.contractAmount - current.invoicedAmount;
    throw new RuleViolation('over-invoiced', msg(M.business_overInvoiced, { id: projectId, rest, contract: current.contractAmount }), [
      fieldError('body.amount', msg(M.field_notExceed, { max: rest })),
    ]);
  }
  return invoice;
};

const seeInvoice = async (caller: Caller, id: string) => {
  const invoice = mustExist(await get(store.invoices, { id }), msg(M.thing_invoice, { id }));
  const account = await accountOf(invoice.accountId);
  await assertSees(caller, account, 'records', msg(M.thing_invoice, { id }));
  return { invoice, account };
};

export const readInvoice = async (caller: Caller, id: string) => {
  const { invoice } = await seeInvoice(caller, id);
  return { ...invoice, payments: await all(store.payments, 'ofInvoice', { invoiceId: id }) };
};

/** A payment never exceeds the invoice's unpaid rest (422); partial payments add up. */
export const recordPayment = (caller: Caller, invoiceId: string, amount: number, receivedOn: string, audit: AuditContext) =>
  withRetry(msg(M.changing, { kind: 'invoice', id: invoiceId }), async () => {
    const { invoice, account } = await seeInvoice(caller, invoiceId);
    assertAccount(caller, account, 'money', true);
    const rest = invoice.amount - invoice.paidAmount;
    if (amount > rest) {
      throw new RuleViolation('over-paid', msg(M.business_overPaid, { id: invoiceId, rest }), [fieldError('body.amount', msg(M.field_notExceed, { max: rest }))]);
    }
    if (receivedOn < invoice.issuedOn) {
      throw new RuleViolation('paid-before-invoiced', msg(M.business_issuedOn, { id: invoiceId, on: invoice.issuedOn }), [fieldError('body.receivedOn', msg(M.field_onOrAfter, { day: invoice.issuedOn }))]);
    }
    const payment = { id: ulid(), invoiceId, projectId: invoice.projectId, accountId: invoice.accountId, amount, receivedOn, recordedBy: caller.id, recordedAt: audit.at };
    return { payment, invoice: await store.insertPayment(invoice, payment, audit) };
  });

/**
 * Receivables aged on `asOf`, per account and per sales manager. Finance and the
 * coordination group see all; a sales manager or contact leader their own accounts.
 */
export const receivables = async (caller: Caller, query: { overdue?: 'true' | 'false'; asOf?: string }) => {
  const asOf = query.asOf ?? todayInShanghai();
  const overdueOnly = query.overdue === 'true';
  if (!seesAllAccounts(caller) && !hasAnyRole(caller, ['sales_manager', 'contact_leader'])) {
    throw new Forbidden(msg(M.business_receivables), 'role-not-allowed');
  }
  const open = await all(store.invoices, 'receivables', {});
  const accounts = new Map((await getAccountsByIds([...new Set(open.map((i) => i.accountId))])).map((a) => [a.id, a]));
  const visible = (account: Account | undefined) =>
    account !== undefined && (seesAllAccounts(caller) || account.salesManagerId === caller.id || account.contactLeaderId === caller.id);
  const items = open
    .filter((i) => visible(accounts.get(i.accountId)))
    .map((i) => ({ invoiceId: i.id, projectId: i.projectId, accountId: i.accountId, amount: i.amount, paidAmount: i.paidAmount, outstandingAmount: i.amount - i.paidAmount, dueOn: i.dueOn, ...rules.aging(i.dueOn, asOf) }))
    .filter((i) => !overdueOnly || i.daysOverdue > 0);
  const totals = rules.emptyBuckets();
  const byAccount = new Map<string, Buckets>();
  const byManager = new Map<string | null, Buckets>();
  const bump = <K>(map: Map<K, Buckets>, key: K, bucket: rules.Bucket, amount: number) => {
    const buckets = map.get(key) ?? rules.emptyBuckets();
    rules.addToBuckets(buckets, bucket, amount);
    map.set(key, buckets);
  };
  for (const item of items) {
    bump(byAccount, item.accountId, item.bucket, item.outstandingAmount);
    bump(byManager, accounts.get(item.accountId)?.salesManagerId ?? null, item.bucket, item.outstandingAmount);
    rules.addToBuckets(totals, item.bucket, item.outstandingAmount);
  }
  return {
    asOf,
    overdueOnly,
    totals,
    byAccount: [...byAccount].map(([accountId, buckets]) => ({
      accountId,
      name: accounts.get(accountId)?.name ?? '',
      salesManagerId: accounts.get(accountId)?.salesManagerId ?? null,
      buckets,
    })),
    bySalesManager: [...byManager].map(([salesManagerId, buckets]) => ({ salesManagerId, buckets })),
    items,
  };
};

/** The loop summed over one account: open pipeline, and won work through to cash. */
export const accountPipeline = async (caller: Caller, accountId: string) => {
  await loadAccountFor(caller, accountId, 'read');
  const [opportunities, projects] = await Promise.all([all(store.opportunities, 'byAccount', { accountId }), all(store.projects, 'byAccount', { accountId })]);
  const open = opportunities.filter((o) => !rules.isClosed(o));
  return {
    accountId,
    open: { count: open.length, estimatedAmount: open.reduce((sum, o) => sum + o.estimatedAmount, 0) },
    won: { count: opportunities.filter((o) => o.stage === 'won').length },
    lost: { count: opportunities.filter((o) => o.stage === 'lost').length },
    amounts: rules.loopAmounts(projects),
  };
};
