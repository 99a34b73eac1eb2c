/*
 * The pure rules of a period close (pay.md, domain.md §5): which period a schedule closes,
 * when a stored statement is unchanged, the quarterly bulletin and the talent-pool
 * suggestions. shared/usecases/close.ts gathers the data and keeps the results.
 */
import { createHash } from 'node:crypto';
import { previousMonthInShanghai } from '#shared/domain/dates.ts';
import type { AssessmentView } from '#shared/domain/pay/assessment.ts';
import type { Period } from '#shared/domain/pay/period.ts';
import { compare, parseDecimal } from '#shared/domain/pay/rational.ts';
import type { Statement, closeStatements } from '#shared/domain/pay/statement.ts';
import { formatRatio } from '#shared/domain/ratio.ts';
import type { Bulletin, StoredStatement, TalentEntry } from '#shared/schemas/pay.ts';
import type { Staff } from '#shared/schemas/staff.ts';

/** The period a schedule closes: the one that ended just before it fired (01:30 on the 1st in Shanghai looks back a month). */
export const periodToClose = (kind: 'quarter' | 'year', instant: Date): string => {
  const month = previousMonthInShanghai(instant);
  return kind === 'year' ? month.slice(0, 4) : `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5)) / 3)}`;
};

/** JSON with object keys sorted at every depth: DynamoDB keeps no key order in maps. */
export const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

/**
 * What a statement says, as a digest (SHA-256 of its canonical JSON, base64url): its own
 * version, status and close time aside, so a stored statement and a new computation that
 * say the same have the same digest.
 */
export const statementDigest = (statement: StoredStatement | Statement): string => {
  const { version: _v, status: _s, closedAt: _c, ...content } = statement as StoredStatement;
  return createHash('sha256').update(canonical(content)).digest('base64url');
};

/** Whether a stored statement says exactly what a new computation says (its own version and status aside). */
export const sameStatement = (stored: StoredStatement, computed: Statement): boolean => statementDigest(stored) === statementDigest(computed);

/** Ratios compared as the numbers they are ("10.0000" > "9.5000"), not as text. */
const byRatioDescending = (a: { ratio: string }, b: { ratio: string }) => compare(parseDecimal(b.ratio), parseDecimal(a.ratio));

/** A person's best assessment: the role with the highest attainment ratio R. */
export const bestAssessment = <A extends Pick<AssessmentView, 'ratio'>>(s: { assessments: readonly A[] }): A | undefined => [...s.assessments].sort(byRatioDescending)[0];

const tierGrade = { outstanding: 'A', exceeded: 'B', basically_completed: 'C', not_completed: 'D' } as const;

/** Whether the pool already holds this suggestion (the coordinator's confirmation and the version aside): then a re-run writes nothing. */
export const sameSuggestion = (kept: TalentEntry, next: TalentEntry): boolean =>
  kept.name === next.name && kept.annualTier === next.annualTier && kept.suggestedGrade === next.suggestedGrade &&
  kept.certification?.level === next.certification?.level && kept.certification?.awardedOn === next.certification?.awardedOn;

/** After an annual close, each assessed sales manager's suggested talent-pool grade (domain.md §5). */
export const talentSuggestions = (period: Period, statements: readonly Statement[], staff: ReadonlyMap<string, Staff>): TalentEntry[] =>
  statements.flatMap((s) => {
    const manager = s.assessments.find((a) => a.role === 'sales_manager');
    const person = staff.get(s.staffId);
    if (manager === undefined || person === undefined) return [];
    return [{
      year: period.year, staffId: s.staffId, name: person.name, annualTier: manager.tier, suggestedGrade: tierGrade[manager.tier],
      confirmedGrade: null, confirmedBy: null, certification: person.certification, version: 1,
    }];
  });

/** The quarterly bulletin (季度通报): per key account target, credits, attainment, visit compliance; per person tier; rankings. */
export const bulletinOf = (
  period: Period,
  version: number,
  accounts: readonly { accountId: string; name: string }[],
  statements: readonly Statement[],
  team: ReturnType<typeof closeStatements>['team'],
  staff: ReadonlyMap<string, Staff>,
): Bulletin => {
  const perAccount = new Map<string, Bulletin['accounts'][number]>();
  const nameOf = new Map(accounts.map((a) => [a.accountId, a.name]));
  const ratio = (num: number, den: number) => (den === 0 ? null : formatRatio(BigInt(num), BigInt(den)));
  for (const s of statements) {
    for (const assessment of s.assessments) {
      for (const row of assessment.accounts) {
        if (perAccount.has(row.accountId) && assessment.role !== 'sales_manager') continue;
        perAccount.set(row.accountId, {
          accountId: row.accountId,
          name: nameOf.get(row.accountId) ?? '',
          contractTargetAmount: row.contractTargetAmount,
          contractCreditAmount: row.contractCreditAmount,
          collectionTargetAmount: row.collectionTargetAmount,
          collectionCreditAmount: row.collectionCreditAmount,
          contractAttainment: ratio(row.contractCreditAmount, row.contractTargetAmount),
          collectionAttainment: ratio(row.collectionCreditAmount, row.collectionTargetAmount),
          visitCompliance: row.visitsRequired === 0 ? null : ratio(Math.min(row.visitsDone, row.visitsRequired), row.visitsRequired),
        });
      }
    }
  }
  // Best ratio first (someone with no assessment last), then by staff id.
  const byBest = (a: Statement, b: Statement) => {
    const [x, y] = [bestAssessment(a), bestAssessment(b)];
    if (x === undefined || y === undefined) return (x === undefined ? 1 : 0) - (y === undefined ? 1 : 0);
    return byRatioDescending(x, y);
  };
  const people = [...statements]
    .sort((a, b) => byBest(a, b) || a.staffId.localeCompare(b.staffId))
    .map((s, i) => ({
      rank: i + 1,
      staffId: s.staffId,
      name: staff.get(s.staffId)?.name ?? '',
      roles: s.assessments.map((a) => a.role),
      ratio: bestAssessment(s)?.ratio ?? '0.0000',
      tier: bestAssessment(s)?.tier ?? 'not_completed',
      total: s.total,
    }));
  return { period: period.id, version, accounts: [...perAccount.values()], people, team: { ...team } };
};
