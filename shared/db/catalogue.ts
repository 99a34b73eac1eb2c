import * as accounts from '#shared/db/accounts.ts';
import * as alerts from '#shared/db/alerts.ts';
import * as business from '#shared/db/business.ts';
import * as disputes from '#shared/db/disputes.ts';
import * as dossier from '#shared/db/dossier.ts';
import type { EntityDoc } from '#shared/db/entity.ts';
import * as news from '#shared/db/news.ts';
import * as loyalty from '#shared/db/loyalty.ts';
import * as oversight from '#shared/db/oversight.ts';
import * as pay from '#shared/db/pay.ts';
import * as payChanges from '#shared/db/pay-changes.ts';
import * as payDesk from '#shared/db/pay-desk.ts';
import * as plans from '#shared/db/plans.ts';
import * as requests from '#shared/db/requests.ts';
import * as staff from '#shared/db/staff.ts';
import * as stakeholders from '#shared/db/stakeholders.ts';
import * as upkeep from '#shared/db/upkeep.ts';

/** Every declared entity of the table, module by module, in the README's order. */
export const entityModules: { module: string; entities: EntityDoc[] }[] = [
  { module: 'staff', entities: [staff.staffMembers, staff.staffRoles, staff.trainingResults, staff.certifications] },
  {
    module: 'accounts',
    entities: [accounts.accounts, accounts.creditCodeClaims, accounts.assignments, accounts.handovers, accounts.reassignmentFlags, accounts.targets, accounts.revenue],
  },
  {
    module: 'business',
    entities: [business.opportunities, business.opportunityUpdates, business.projects, business.departmentChanges, business.invoices, business.payments],
  },
  { module: 'disputes', entities: [disputes.disputes] },
  { module: 'upkeep', entities: [upkeep.visits, upkeep.reports, upkeep.meetings, upkeep.attendance, upkeep.meetingLinks, upkeep.actionItems] },
  { module: 'alerts', entities: [alerts.alerts] },
  { module: 'dossier', entities: [dossier.dossierEntries, dossier.dossierGrants, dossier.dossierAccessLog] },
  { module: 'oversight', entities: [oversight.spotChecks, oversight.majorMatters] },
  {
    module: 'loyalty',
    entities: [
      loyalty.holidayCalendars, loyalty.loyaltyPolicies, loyalty.feedback, loyalty.surveys, loyalty.pilots, loyalty.pilotOffers, loyalty.enrolments,
      loyalty.incentives, loyalty.incentiveLocks, loyalty.healthSnapshots,
    ],
  },
  {
    module: 'pay',
    entities: [pay.payPolicies, pay.peerScores, pay.periodStates, pay.statements, pay.statementDigests, pay.bulletins, pay.bulletinAccounts, pay.bulletinPeople, pay.legacyBulletinAccounts, pay.legacyBulletinPeople, pay.talentPool, pay.closeRuns, pay.closeWork],
  },
  { module: 'pay-changes', entities: [payChanges.payChanges] },
  { module: 'pay-desk', entities: [payDesk.adjustments, payDesk.inquiries, payDesk.statementAcks, payDesk.policyAcks] },
  { module: 'stakeholders', entities: [stakeholders.stakeholders, stakeholders.stakeholderContacts] },
  { module: 'plans', entities: [plans.planHeads, plans.planVersions] },
  { module: 'requests', entities: [requests.priorityRequests] },
  { module: 'news', entities: [news.accountNews] },
];

/** Records the entity modules do not declare: written by the audit helper and by Powertools. */
export const otherRecords = [
  { label: 'audit record', pk: 'AUDIT#<entity>#<id>', sk: '<timestamp>#<ulid>', module: 'audit' },
  { label: 'idempotency record (Powertools)', pk: 'IDEMPOTENCY#<routeId>', sk: '<routeId>#<hash of key>', module: 'http/idempotency' },
];
