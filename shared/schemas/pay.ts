import * as z from 'zod';
import { type PayPolicy, PayPolicySettings } from '#shared/domain/pay/policy.ts';
import type { Statement as DomainStatement } from '#shared/domain/pay/statement.ts';
import { Id, IsoDate, PageQuery, Version, page } from '#shared/schemas/common.ts';

export const PayPeriod = z.string().regex(/^\d{4}(-Q[1-4])?$/, 'must be a period YYYY-Qn or YYYY');
export const YearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const PeriodParams = z.strictObject({ period: PayPeriod });
export const StatementParams = z.strictObject({ period: PayPeriod, staffId: Id });

export const StoredPayPolicy = PayPolicySettings.extend({ year: z.number().int(), version: Version, updatedBy: Id, updatedAt: z.string() }).meta({ id: 'PayPolicy' });
export type StoredPayPolicy = PayPolicy & { year: number; version: number; updatedBy: string; updatedAt: string };

const Score = z.number().min(0).max(100);
const Department = z.string().trim().min(1).max(100);
export const PeerScoreBody = z
  .strictObject({ period: PayPeriod, targetStaffId: Id.optional(), targetDepartment: Department.optional(), score: Score, comment: z.string().trim().min(1).max(2000).optional() })
  .refine((b) => (b.targetStaffId === undefined) !== (b.targetDepartment === undefined), { message: 'give exactly one of targetStaffId, targetDepartment', path: ['targetStaffId'] });
export type PeerScoreInput = z.infer<typeof PeerScoreBody>;
export const PeerScoreParams = z.strictObject({ period: PayPeriod, targetType: z.enum(['staff', 'department']), target: z.string().min(1).max(100) });
export const PeerScorePatchBody = z.strictObject({ score: Score, comment: z.string().trim().min(1).max(2000).optional() });
export const PeerScore = z
  .object({
    period: PayPeriod,
    targetType: z.enum(['staff', 'department']),
    target: z.string(),
    scorerId: Id,
    score: Score,
    comment: z.string().nullable(),
    version: Version,
    scoredAt: z.string(),
  })
  .meta({ id: 'PeerScore' });
export type PeerScore = z.infer<typeof PeerScore>;
export const PeerScoresQuery = z
  .strictObject({ period: PayPeriod, targetStaffId: Id.optional(), targetDepartment: Department.optional() })
  .refine((q) => (q.targetStaffId === undefined) !== (q.targetDepartment === undefined), { message: 'give exactly one of targetStaffId, targetDepartment', path: ['targetStaffId'] });
export const PeerScoreSummary = z
  .object({ period: PayPeriod, targetType: z.enum(['staff', 'department']), target: z.string(), count: z.number().int(), average: z.string().nullable(), scores: z.array(PeerScore) })
  .meta({ id: 'PeerScoreSummary' });

const Ratio = z.string();
const Assessment = z.object({
  role: z.enum(['contact_leader', 'sales_manager']),
  ratio: Ratio,
  tier: z.enum(['not_completed', 'basically_completed', 'exceeded', 'outstanding']),
  coefficient: z.string(),
  demoted: z.boolean(),
  demotionReason: z.string().optional(),
  components: z.object({ contract: Ratio.optional(), collection: Ratio.optional(), management: Ratio.optional() }),
  accounts: z.array(z.record(z.string(), z.unknown())),
  explanation: z.array(z.string()),
}).loose();
export const Statement = z
  .object({
    staffId: Id,
    period: PayPeriod,
    version: Version,
    status: z.enum(['draft', 'final']),
    grade: z.string(),
    basePay: z.number().int(),
    performancePay: z.number().int(),
    teamShare: z.number().int(),
    total: z.number().int(),
    assessments: z.array(Assessment),
    explanation: z.array(z.string()),
    closedAt: z.string(),
  })
  .meta({ id: 'Statement' });
/** A statement as the close computed it (statement.ts), with its version and status. */
export type StoredStatement = DomainStatement & { version: number; status: 'draft' | 'final'; closedAt: string };
export const StatementPage = page(Statement).meta({ id: 'StatementPage' });

export const PeriodState = z
  .object({
    period: PayPeriod,
    status: z.enum(['draft', 'final']),
    /** Goes up whenever a close changes any statement. */
    version: Version,
    closedAt: z.string(),
    finalizedAt: z.string().nullable(),
    finalizedBy: Id.nullable(),
  })
  .meta({ id: 'PeriodState' });
export type PeriodState = z.infer<typeof PeriodState>;
/** The close's reply: the period, how many statements changed, and the first page of statements (GET …/statements pages on). */
export const CloseResult = PeriodState.extend({
  changed: z.number().int(),
  statementCount: z.number().int(),
  statements: z.array(Statement),
  nextCursor: z.string().nullable(),
}).meta({ id: 'CloseResult' });

const BulletinAccount = z.object({
  accountId: Id, name: z.string(), contractTargetAmount: z.number().int(), contractCreditAmount: z.number().int(),
  collectionTargetAmount: z.number().int(), collectionCreditAmount: z.number().int(),
  contractAttainment: Ratio.nullable(), collectionAttainment: Ratio.nullable(), visitCompliance: Ratio.nullable(),
});
const BulletinPerson = z.object({ rank: z.number().int(), staffId: Id, name: z.string(), roles: z.array(z.string()), ratio: Ratio, tier: z.string(), total: z.number().int() });
/** The whole bulletin as the close computes it; it is kept as one item per row, so it has no size limit. */
export interface Bulletin {
  period: string;
  version: number;
  accounts: z.infer<typeof BulletinAccount>[];
  people: z.infer<typeof BulletinPerson>[];
  team: Record<string, unknown>;
}
export const BulletinQuery = z.strictObject({ section: z.enum(['accounts', 'people']).default('accounts'), ...PageQuery });
/** One page of one section of the bulletin, with the team's result. */
export const BulletinPage = z
  .object({
    period: PayPeriod,
    version: Version,
    team: z.record(z.string(), z.unknown()),
    accountCount: z.number().int(),
    peopleCount: z.number().int(),
    section: z.enum(['accounts', 'people']),
    items: z.array(z.union([BulletinAccount, BulletinPerson])),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'Bulletin' });

export const TalentEntry = z
  .object({ year: z.number().int(), staffId: Id, name: z.string(), annualTier: z.string(), suggestedGrade: z.enum(['A', 'B', 'C', 'D']), confirmedGrade: z.enum(['A', 'B', 'C', 'D']).nullable(), confirmedBy: Id.nullable(), certification: z.object({ level: z.string(), awardedOn: IsoDate }).nullable(), version: Version })
  .meta({ id: 'TalentEntry' });
export type TalentEntry = z.infer<typeof TalentEntry>;
export const TalentQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const TalentParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100), staffId: Id });
export const TalentConfirmBody = z.strictObject({ grade: z.enum(['A', 'B', 'C', 'D']) });
