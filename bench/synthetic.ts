/**
 * A synthetic organisation for `npm run bench:close`, written straight through the entity
 * modules (no HTTP, no use-case checks) with bounded concurrency. Deterministic: every
 * person and account draws from its own seeded generator, so the data does not depend on
 * the order the writes finish in.
 *
 * Import this module only after TABLE_NAME and the endpoint are in process.env
 * (shared/config.ts reads them at import); bench/close.ts imports it dynamically.
 */
import { insertAccount, openAssignment, closeAssignment, putTargets, replaceAccount } from '#shared/db/accounts.ts';
import type { AuditContext } from '#shared/db/audit.ts';
import { insertInvoice, insertOpportunity, insertPayment, saveWin } from '#shared/db/business.ts';
import { putPayPolicy, putPeerScore } from '#shared/db/pay.ts';
import { insertStaff } from '#shared/db/staff.ts';
import { insertMeeting, insertReport, insertVisit } from '#shared/db/upkeep.ts';
import { assignHolder, designate, newAccount } from '#shared/domain/accounts.ts';
import { type Assignment, reassign } from '#shared/domain/assignments.ts';
import { win } from '#shared/domain/business.ts';
import { addDays, daysInclusive } from '#shared/domain/dates.ts';
import { mergeWithDefaults } from '#shared/domain/pay/policy.ts';
import { newStaff } from '#shared/domain/staff.ts';
import { equalSplit } from '#shared/domain/targets.ts';
import type { Targets } from '#shared/schemas/accounts.ts';
import type { Invoice, Opportunity, Payment, Project } from '#shared/schemas/business.ts';
import type { Staff } from '#shared/schemas/staff.ts';
import type { VisitType } from '#shared/domain/pay/compliance.ts';
import { mapLimited } from '#shared/concurrency.ts';

export { mapLimited };

export interface OrgSize {
  staff: number;
  accounts: number;
}

/** Entity records written, by kind (each also writes its audit record and index copies). */
export type RecordCounts = Record<
  'payPolicy' | 'staff' | 'accounts' | 'assignments' | 'targets' | 'opportunities' | 'projects' | 'invoices' | 'payments' | 'visits' | 'reports' | 'meetings' | 'peerScores',
  number
>;

/** mulberry32: small, fast, and the same sequence on every machine. */
const generator = (seed: number) => {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, int, pick };
};
const seedOf = (kind: number, i: number) => Math.imul(i + 1, 2654435761) ^ Math.imul(kind, 40503) ^ 0x5eed;



const pad = (n: number, width: number) => String(n).padStart(width, '0');
const grades = ['P5', 'P6', 'P7', 'P8'] as const;
const industries = ['Manufacturing', 'Energy', 'Finance', 'Logistics', 'Retail', 'Telecom', 'Health', 'Public sector'];
const visitTypes: readonly VisitType[] = ['formal_visit', 'formal_reception', 'routine_visit'];

/** Who the organisation is: 10 % department staff (the peer scorers), the rest contact leaders and sales managers. */
export const plan = (size: OrgSize) => {
  if (size.staff < 4 || size.accounts < 1) throw new Error('A synthetic organisation needs at least 4 staff and 1 account');
  const departmentStaff = Math.max(2, Math.round(size.staff * 0.1));
  const contactLeaders = Math.max(1, Math.round((size.staff - departmentStaff) * 0.45));
  const salesManagers = size.staff - departmentStaff - contactLeaders;
  const ids = (prefix: string, from: number, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${pad(from + i, 5)}`);
  return {
    contactLeaders: ids('S', 0, contactLeaders),
    salesManagers: ids('S', contactLeaders, salesManagers),
    departmentStaff: ids('S', contactLeaders + salesManagers, departmentStaff),
  };
};

/**
 * Writes the organisation for `year`: a pay policy, the staff, every account designated
 * key (70 % before the year, 30 % during it; 10 % change sales manager in the year) with
 * targets, 1–3 won projects, invoices and payments, ~12 visits and monthly reports; the
 * contact leaders' quarterly reviews; and peer scores for the year and `quarterId`.
 */
export const generateOrganisation = async (
  size: OrgSize,
  year: number,
  quarterId: string,
  width: number,
  progress: (done: number, total: number) => void = () => {},
): Promise<RecordCounts> => {
  const counts: RecordCounts = {
    payPolicy: 0, staff: 0, accounts: 0, assignments: 0, targets: 0, opportunities: 0, projects: 0, invoices: 0, payments: 0, visits: 0, reports: 0, meetings: 0, peerScores: 0,
  };
  const at = `${year + 1}-01-15T02:00:00.000Z`;
  const ctx: AuditContext = { actorId: 'bench', requestId: 'bench-generate', at };
  const people = plan(size);

  await putPayPolicy(
    {
      ...mergeWithDefaults({
        grades: grades.map((grade, i) => ({ grade, monthlyBase: 1_500_000 + 500_000 * i, quarterlyPerformanceBase: 2_000_000 + 1_000_000 * i, annualPerformanceBase: 8_000_000 + 4_000_000 * i })),
        team: { quarterlyPool: 20_000_000, annualPool: 100_000_000 },
      }),
      year,
      version: 1,
      updatedBy: 'bench',
      updatedAt: at,
    },
    null,
    ctx,
  );
  counts.payPolicy++;

  const roster: { id: string; roles: Staff['roles']; department: string }[] = [
    ...people.contactLeaders.map((id) => ({ id, roles: ['contact_leader' as const], department: 'Key accounts' })),
    ...people.salesManagers.map((id) => ({ id, roles: ['sales_manager' as const], department: 'Key accounts' })),
    ...people.departmentStaff.map((id, i) => ({ id, roles: ['department_staff' as const], department: `Delivery ${(i % 5) + 1}` })),
  ];
  await mapLimited(roster, width, async (person, i) => {
    const r = generator(seedOf(1, i));
    const staff: Staff = {
      ...newStaff(person.id, { name: `Staff ${person.id}`, department: person.department, roles: person.roles, grade: r.pick(grades) }),
      training: { basicPassed: true, rotationPassed: true },
    };
    if (!(await insertStaff(staff, ctx))) throw new Error(`staff ${person.id} exists already: use a fresh table`);
    counts.staff++;
  });

  let done = 0;
  const total = size.accounts;
  await mapLimited(
    Array.from({ length: size.accounts }, (_, i) => i),
    width,
    async (i) => {
      await writeAccount(i, generator(seedOf(2, i)), people, year, ctx, counts);
      done++;
      if (done % Math.max(1, Math.floor(total / 10)) === 0 || done === total) progress(done, total);
    },
  );

  // The contact leaders' quarterly reviews, in sessions of at most 50 (a meeting and its
  // attendance items are one transaction of at most 100 items).
  const r = generator(seedOf(3, 0));
  for (let quarter = 1; quarter <= 4; quarter++) {
    const attendees = people.contactLeaders.filter(() => r.next() < 0.85);
    for (let s = 0; s * 50 < attendees.length; s++) {
      await insertMeeting(
        {
          id: `M${year}Q${quarter}S${s + 1}`, type: 'contact_leader_quarterly_review', heldOn: `${year}-${pad(quarter * 3, 2)}-20`,
          attendeeIds: attendees.slice(s * 50, s * 50 + 50), accountIds: [], minutes: null, decisions: [], actionItems: [],
          recordedBy: people.departmentStaff[0] ?? 'bench', version: 1,
        },
        ctx,
      );
      counts.meetings++;
    }
  }

  // Two-way scores from department staff for about a third of the team, for both periods closed.
  const team = [...people.contactLeaders, ...people.salesManagers];
  await mapLimited(team, width, async (staffId, i) => {
    const g = generator(seedOf(4, i));
    if (g.next() >= 0.3) return;
    for (const period of [String(year), quarterId]) {
      const scorers = new Set(Array.from({ length: g.int(1, 2) }, () => g.pick(people.departmentStaff)));
      for (const scorerId of scorers) {
        await putPeerScore({ period, targetType: 'staff', target: staffId, scorerId, score: g.int(45, 100), comment: null, version: 1, scoredAt: at }, null, ctx);
        counts.peerScores++;
      }
    }
  });
  return counts;
};

type Rng = ReturnType<typeof generator>;

const writeAccount = async (i: number, r: Rng, people: ReturnType<typeof plan>, year: number, ctx: AuditContext, counts: RecordCounts): Promise<void> => {
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const id = `A${pad(i, 6)}`;
  const created = newAccount(id, { name: `Account ${pad(i, 6)}`, industry: r.pick(industries) }, 'bench', `${year - 1}-01-02T01:00:00.000Z`);
  await insertAccount(created, ctx);
  counts.accounts++;

  const keySince = r.next() < 0.7 ? addDays(`${year - 1}-01-01`, r.int(0, 364)) : addDays(yearStart, r.int(0, 272));
  const leader = r.pick(people.contactLeaders);
  const manager = r.pick(people.salesManagers);
  const designated = designate(created, leader, manager, keySince);
  const opened = (role: Assignment['role'], staffId: string): Assignment => ({ role, staffId, from: keySince, to: null, reason: 'designation' });
  await replaceAccount(created, designated, { action: 'designate', ctx, onlyIfNormal: true, with: [openAssignment(id, opened('contact_leader', leader)), openAssignment(id, opened('sales_manager', manager))] });
  counts.assignments += 2;

  // One account in ten changes sales manager during the year.
  let handoverOn: string | undefined;
  let successor = manager;
  const earliest = keySince > yearStart ? addDays(keySince, 30) : addDays(yearStart, 30);
  if (r.next() < 0.1 && earliest < `${year}-11-30` && people.salesManagers.length > 1) {
    handoverOn = addDays(earliest, r.int(0, daysInclusive(earliest, `${year}-11-30`) - 1));
    while (successor === manager) successor = r.pick(people.salesManagers);
    const { closed, opened: next } = reassign(opened('sales_manager', manager), successor, handoverOn, 'other');
    await replaceAccount(designated, assignHolder(designated, 'sales_manager', successor), { action: 'reassign', ctx, with: [closeAssignment(id, closed), openAssignment(id, next)] });
    counts.assignments++;
  }
  const managerOn = (day: string) => (handoverOn !== undefined && day >= handoverOn ? successor : manager);

  const activeFrom = keySince > yearStart ? keySince : yearStart;
  const activeDays = daysInclusive(activeFrom, yearEnd);
  const dayInYear = () => addDays(activeFrom, r.int(0, activeDays - 1));

  // Won projects, invoices and payments (some invoices and payments fall after the year).
  let wonInYear = 0;
  let paidInYear = 0;
  const projectCount = r.int(1, 3);
  for (let p = 0; p < projectCount; p++) {
    const wonOn = dayInYear();
    const contractAmount = r.int(50_000, 2_000_000) * 100;
    const opportunity: Opportunity = {
      id: `O${id}-${p}`, accountId: id, title: `Opportunity ${p + 1}`, source: 'sales', ownerId: managerOn(wonOn), stage: 'open',
      estimatedAmount: contractAmount, expectedCloseOn: null, lastActivityOn: addDays(wonOn, -30), wonOn: null, lostOn: null, lostReason: null,
      projectIds: [], createdAt: `${addDays(wonOn, -30)}T01:00:00.000Z`, version: 1,
    };
    await insertOpportunity(opportunity, ctx);
    const project: Project = {
      id: `P${id}-${p}`, opportunityId: opportunity.id, accountId: id, name: `Project ${p + 1}`, department: `Delivery ${r.int(1, 5)}`,
      contractAmount, wonOn, deliveredOn: null, invoicedAmount: 0, paidAmount: 0, version: 1,
    };
    await saveWin(opportunity, win(opportunity, wonOn, [project.id]), [project], ctx);
    counts.opportunities++;
    counts.projects++;
    wonInYear += contractAmount;

    const invoiceCount = r.int(1, 2);
    const invoiced = Math.floor((contractAmount * r.int(60, 100)) / 100);
    let issuedOn = addDays(wonOn, r.int(10, 45));
    for (let k = 0; k < invoiceCount; k++) {
      const amount = k === invoiceCount - 1 ? invoiced - Math.floor(invoiced / invoiceCount) * k : Math.floor(invoiced / invoiceCount);
      const invoice: Invoice = { id: `I${project.id}-${k}`, projectId: project.id, accountId: id, amount, issuedOn, dueOn: addDays(issuedOn, 30), paidAmount: 0, status: 'open', version: 1 };
      if (!(await insertInvoice(project, invoice, ctx))) throw new Error(`invoice ${invoice.id} over the contract`);
      counts.invoices++;
      const receivedOn = addDays(issuedOn, r.int(5, 60));
      const payment: Payment = {
        id: `Y${invoice.id}`, invoiceId: invoice.id, projectId: project.id, accountId: id,
        amount: r.next() < 0.8 ? amount : Math.max(1, Math.floor(amount / 2)), receivedOn, recordedBy: 'bench',
      };
      await insertPayment(invoice, payment, ctx);
      counts.payments++;
      if (receivedOn <= yearEnd) paidInYear += payment.amount;
      issuedOn = addDays(issuedOn, r.int(20, 90));
    }
  }

  const contractAmount = Math.max(1_000_000, Math.round((wonInYear * r.int(60, 150)) / 100));
  const collectionAmount = Math.max(1_000_000, Math.round((paidInYear * r.int(60, 150)) / 100));
  const targets: Targets = {
    accountId: id, year, contractAmount, collectionAmount,
    quarters: { contract: equalSplit(contractAmount), collection: equalSplit(collectionAmount) }, split: 'equal', version: 1,
  };
  await putTargets(targets, null, ctx);
  counts.targets++;

  // About 12 visits over the held part of the year, a third by the contact leader.
  const visits = Math.max(1, Math.round((r.int(10, 14) * activeDays) / daysInclusive(yearStart, yearEnd)));
  for (let v = 0; v < visits; v++) {
    const visitedOn = dayInYear();
    const madeBy = v % 3 === 0 ? leader : managerOn(visitedOn);
    await insertVisit(
      { id: `V${id}-${v}`, accountId: id, type: r.pick(visitTypes), visitedOn, summary: 'Visit notes', participantIds: [], madeBy, recordedAt: `${visitedOn}T09:00:00.000Z` },
      ctx,
    );
    counts.visits++;
  }

  // A report for each held month, one in twenty missing.
  for (let month = Number(activeFrom.slice(5, 7)); month <= 12; month++) {
    if (r.next() < 0.05) continue;
    const monthId = `${year}-${pad(month, 2)}`;
    const filedBy = managerOn(`${monthId}-28`);
    await insertReport({ accountId: id, month: monthId, summary: 'Monthly report', keyFigures: { revenue: r.int(0, 1_000_000) }, filedBy, filedAt: `${monthId}-28T09:00:00.000Z`, version: 1 }, ctx);
    counts.reports++;
  }
};
