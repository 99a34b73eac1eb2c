import { daysBetween } from '#shared/domain/dates.ts';
import { Conflict } from '#shared/errors.ts';
import type {
  Buckets,
  CreateOpportunityInput,
  LoopAmounts,
  Opportunity,
  OpportunityUpdateInput,
  Project,
  Stage,
} from '#shared/schemas/business.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

const closedStages: readonly Stage[] = ['won', 'lost'];
export const isClosed = (opportunity: Opportunity): boolean => closedStages.includes(opportunity.stage);

export const newOpportunity = (id: string, input: CreateOpportunityInput, ownerId: string, today: string, createdAt: string): Opportunity => ({
  id,
  accountId: input.accountId,
  title: input.title,
  source: input.source,
  ownerId,
  stage: 'open',
  estimatedAmount: input.estimatedAmount,
  expectedCloseOn: input.expectedCloseOn ?? null,
  lastActivityOn: today,
  wonOn: null,
  lostOn: null,
  lostReason: null,
  projectIds: [],
  createdAt,
  version: 1,
});

const closed = (opportunity: Opportunity) =>
  new Conflict(msg(M.business_opportunityClosed, { id: opportunity.id, stage: opportunity.stage, on: opportunity.wonOn ?? opportunity.lostOn }), 'opportunity-closed');

/** A dated note; it may move an open opportunity between open stages, never a closed one. */
export const applyUpdate = (opportunity: Opportunity, update: OpportunityUpdateInput, today: string): Opportunity => {
  if (update.stage !== undefined && isClosed(opportunity)) throw closed(opportunity);
  return {
    ...opportunity,
    stage: update.stage ?? opportunity.stage,
    lastActivityOn: today > opportunity.lastActivityOn ? today : opportunity.lastActivityOn,
    version: opportunity.version + 1,
  };
};

export const win = (opportunity: Opportunity, wonOn: string, projectIds: string[]): Opportunity => {
  if (isClosed(opportunity)) throw closed(opportunity);
  return { ...opportunity, stage: 'won', wonOn, projectIds, lastActivityOn: wonOn, version: opportunity.version + 1 };
};

export const lose = (opportunity: Opportunity, lostOn: string, reason: string): Opportunity => {
  if (isClosed(opportunity)) throw closed(opportunity);
  return { ...opportunity, stage: 'lost', lostOn, lostReason: reason, lastActivityOn: lostOn, version: opportunity.version + 1 };
};

/** The amounts along the loop: contracted → delivered → invoiced → paid, and what is still to do at each step. */
export const loopAmounts = (projects: readonly Project[]): LoopAmounts => {
  const sum = (pick: (p: Project) => number) => projects.reduce((total, p) => total + pick(p), 0);
  const contractAmount = sum((p) => p.contractAmount);
  const deliveredAmount = sum((p) => (p.deliveredOn === null ? 0 : p.contractAmount));
  const invoicedAmount = sum((p) => p.invoicedAmount);
  const paidAmount = sum((p) => p.paidAmount);
  return {
    contractAmount,
    deliveredAmount,
    invoicedAmount,
    paidAmount,
    toDeliverAmount: contractAmount - deliveredAmount,
    toInvoiceAmount: contractAmount - invoicedAmount,
    toCollectAmount: invoicedAmount - paidAmount,
  };
};

/** The furthest step every project of a won opportunity has reached. */
export const loopStep = (opportunity: Opportunity, amounts: LoopAmounts): 'open' | 'lost' | 'won' | 'delivered' | 'invoiced' | 'paid' => {
  if (opportunity.stage === 'lost') return 'lost';
  if (opportunity.stage !== 'won') return 'open';
  if (amounts.contractAmount > 0 && amounts.paidAmount === amounts.contractAmount) return 'paid';
  if (amounts.contractAmount > 0 && amounts.invoicedAmount === amounts.contractAmount) return 'invoiced';
  if (amounts.contractAmount > 0 && amounts.toDeliverAmount === 0) return 'delivered';
  return 'won';
};

export type Bucket = 'current' | 'days1to30' | 'days31to90' | 'days90plus';

/** Days past due on `asOf` (0 or less: not yet due) and the aging bucket. */
export const aging = (dueOn: string, asOf: string): { daysOverdue: number; bucket: Bucket } => {
  const daysOverdue = daysBetween(dueOn, asOf);
  const bucket: Bucket = daysOverdue <= 0 ? 'current' : daysOverdue <= 30 ? 'days1to30' : daysOverdue <= 90 ? 'days31to90' : 'days90plus';
  return { daysOverdue, bucket };
};

export const emptyBuckets = (): Buckets => ({ current: 0, days1to30: 0, days31to90: 0, days90plus: 0, total: 0 });

export const addToBuckets = (buckets: Buckets, bucket: Bucket, amount: number): void => {
  buckets[bucket] += amount;
  buckets.total += amount;
};
