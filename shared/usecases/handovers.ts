import { handovers, saveHandoverReceipt } from '#shared/db/accounts.ts';
import type { AuditContext } from '#shared/db/audit.ts';
import { listOpenInvoicesOfAccount } from '#shared/db/business.ts';
import * as business from '#shared/db/business.ts';
import { all, get } from '#shared/db/entity.ts';
import { dossierEntries } from '#shared/db/dossier.ts';
import { allOpenRequestsOfAccount } from '#shared/db/requests.ts';
import { stakeholders } from '#shared/db/stakeholders.ts';
import * as upkeep from '#shared/db/upkeep.ts';
import { todayInShanghai } from '#shared/domain/dates.ts';
import { isClosed } from '#shared/domain/business.ts';
import type { Caller } from '#shared/domain/staff.ts';
import { Conflict, Forbidden, NotFound } from '#shared/errors.ts';
import type { Handover } from '#shared/schemas/accounts.ts';
import { accountListScope, loadAccountFor } from '#shared/usecases/account-guard.ts';
import { planInForce } from '#shared/usecases/plans.ts';
import { withRetry } from '#shared/usecases/retry.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/**
 * What an account has open when it changes hands (资料交接表, domain.md §3.2): its dossier
 * entries, open opportunities, unpaid invoices and open action items of meetings that
 * discussed it. Read just before the reassignment's transaction.
 */
export const handoverSnapshot = async (
  accountId: string,
): Promise<Pick<Handover, 'dossierEntries' | 'openOpportunities' | 'openReceivables' | 'openActionItems' | 'openObjectives' | 'openRequests' | 'stakeholders'>> => {
  const year = Number(todayInShanghai().slice(0, 4));
  const [entries, opportunities, invoices, meetingIds, plan, requests, people] = await Promise.all([
    allDossierEntries(accountId),
    all(business.opportunities, 'byAccount', { accountId }),
    listOpenInvoicesOfAccount(accountId),
    upkeep.listMeetingIdsOfAccount(accountId),
    planInForce(accountId, year),
    allOpenRequestsOfAccount(accountId),
    all(stakeholders, 'ofAccount', { accountId }),
  ]);
  const meetings = (await Promise.all(meetingIds.map((id) => get(upkeep.meetings, { id })))).flatMap((m) => m ?? []);
  return {
    dossierEntries: entries.map((e) => ({ id: e.id, kind: e.kind, title: e.title })),
    openOpportunities: opportunities.filter((o) => !isClosed(o)).map((o) => ({ id: o.id, title: o.title, stage: o.stage, estimatedAmount: o.estimatedAmount })),
    openReceivables: invoices.map((i) => ({ invoiceId: i.id, projectId: i.projectId, amount: i.amount, paidAmount: i.paidAmount, dueOn: i.dueOn })),
    openActionItems: meetings.flatMap((m) =>
      m.actionItems.filter((a) => !a.done).map((a) => ({ meetingId: m.id, itemId: a.id, action: a.action, ownerId: a.ownerId, dueOn: a.dueOn })),
    ),
    // The plan of this year in force, its objectives neither done nor dropped; open requests; the stakeholders still at the customer.
    openObjectives: (plan?.objectives ?? []).flatMap((o) =>
      o.status === 'not_started' || o.status === 'in_progress' ? [{ year, number: plan?.number ?? 1, id: o.id, title: o.title, ownerId: o.ownerId, dueOn: o.dueOn, status: o.status }] : [],
    ),
    openRequests: requests.flatMap((r) => (r.status === 'open' || r.status === 'accepted' ? [{ id: r.id, kind: r.kind, department: r.department, dueOn: r.dueOn, status: r.status }] : [])),
    stakeholders: people.filter((p) => p.status === 'active').map((p) => ({ id: p.id, name: p.name, title: p.title, decisionRole: p.decisionRole, relationshipOwnerId: p.relationshipOwnerId })),
  };
};

/** Every current dossier entry of an account (titles only go on the form; the content stays behind its grant). */
const allDossierEntries = (accountId: string) => all(dossierEntries, 'current', { accountId });

const isParty = (caller: Caller, h: Handover) => h.fromStaffId === caller.id || h.toStaffId === caller.id;

/** All of an account's forms for those who read the account; the forms they handed over or took over for a party to them. */
export const accountHandovers = async (caller: Caller, accountId: string) => {
  let forms: Handover[] | undefined;
  const allForms = async () => (forms ??= await all(handovers, 'ofAccount', { accountId }));
  const { scope } = await accountListScope(caller, accountId, 'read', async () => (await allForms()).some((h) => isParty(caller, h)));
  const items = await allForms();
  return { items: scope === 'all' ? items : items.filter((h) => isParty(caller, h)), nextCursor: null };
};

/** A form: for its two parties, and for those who read the account. */
export const readHandover = async (caller: Caller, accountId: string, id: string): Promise<Handover> => {
  const handover = await get(handovers, { accountId, id });
  if (handover === undefined) throw new NotFound(msg(M.handover_notFound, { id }));
  if (!isParty(caller, handover)) await loadAccountFor(caller, accountId, 'read');
  return handover;
};

/** The new holder confirms receipt, once. */
export const confirmReceipt = (caller: Caller, accountId: string, id: string, input: { receivedOn: string; notes?: string }, audit: AuditContext) =>
  withRetry(msg(M.changing, { kind: 'handover', id }), async () => {
    const before = await readHandover(caller, accountId, id);
    if (before.toStaffId !== caller.id) throw new Forbidden(msg(M.handover_notRecipient, { staffId: before.toStaffId }), 'not-the-recipient');
    if (before.receipt !== null) throw new Conflict(msg(M.handover_receiptConfirmed, { receivedOn: before.receipt.receivedOn }), 'receipt-confirmed');
    const after: Handover = {
      ...before,
      receipt: { receivedBy: caller.id, receivedOn: input.receivedOn, notes: input.notes ?? null, recordedAt: audit.at },
      version: before.version + 1,
    };
    await saveHandoverReceipt(before, after, audit);
    return after;
  });
