import type { AuditContext } from '#shared/db/audit.ts';
import * as store from '#shared/db/pay.ts';
import { getStaffById } from '#shared/db/staff.ts';
import { type Language, inLanguage } from '#shared/domain/pay/explain.ts';
import { parsePayPeriod } from '#shared/domain/pay/period.ts';
import { type PayPolicyInput, mergeWithDefaults } from '#shared/domain/pay/policy.ts';
import { formatRatio } from '#shared/domain/ratio.ts';
import { type Caller, hasAnyRole } from '#shared/domain/staff.ts';
import { Conflict, fieldError, Forbidden, NotFound, PreconditionFailed, PreconditionRequired, RuleViolation } from '#shared/errors.ts';
import type { FinalizeInput } from '#shared/schemas/pay-desk.ts';
import type { PeerScore, PeerScoreInput, PeriodState, StoredPayPolicy, StoredStatement, TalentEntry } from '#shared/schemas/pay.ts';
import { finaliseDeskCheck } from '#shared/usecases/pay-desk.ts';
import { withRetry } from '#shared/usecases/retry.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/** PUT of a yearly record: If-Match only once it exists. */
const nextVersion = (existing: { version: number } | undefined, ifMatch: number | undefined): number => {
  if (existing === undefined) return 1;
  if (ifMatch === undefined) throw new PreconditionRequired();
  if (ifMatch !== existing.version) throw new PreconditionFailed();
  return existing.version + 1;
};

export const setPayPolicy = async (year: number, ifMatch: number | undefined, input: PayPolicyInput, audit: AuditContext) => {
  const existing = await store.getPayPolicy(year);
  const policy: StoredPayPolicy = { ...mergeWithDefaults(input), year, version: nextVersion(existing, ifMatch), updatedBy: audit.actorId, updatedAt: audit.at };
  await store.putPayPolicy(policy, existing?.version ?? null, audit, existing);
  return { policy, created: existing === undefined };
};

export const readPayPolicy = async (year: number) => {
  const policy = await store.getPayPolicy(year);
  if (policy === undefined) throw new NotFound(msg(M.pay_policyNotFound, { year }));
  return policy;
};

const teamRoles = ['sales_manager', 'contact_leader'] as const;

/**
 * Two-way scoring (domain.md §5): department staff score members of the key-account team;
 * team members score departments. Nobody scores themselves or their own department.
 */
export const scorePeer = async (caller: Caller, input: PeerScoreInput, audit: AuditContext): Promise<PeerScore> => {
  parsePayPeriod(input.period);
  let targetType: 'staff' | 'department';
  let target: string;
  if (input.targetStaffId !== undefined) {
    if (!hasAnyRole(caller, ['department_staff'])) throw new Forbidden(msg(M.pay_departmentScoresTeam), 'role-not-allowed');
    const person = await getStaffById(input.targetStaffId);
    if (person === undefined || !teamRoles.some((r) => person.roles.includes(r)) || person.id === caller.id) {
      throw new RuleViolation('not-a-team-member', msg(M.pay_notTeamMember), [fieldError('body.targetStaffId', msg(M.field_notTeamMember))]);
    }
    targetType = 'staff';
    target = person.id;
  } else {
    if (!hasAnyRole(caller, teamRoles)) throw new Forbidden(msg(M.pay_teamScoresDepartments), 'role-not-allowed');
    target = input.targetDepartment ?? '';
    if (target === caller.department) {
      throw new RuleViolation('own-department', msg(M.pay_ownDepartment), [fieldError('body.targetDepartment', msg(M.field_ownDepartment))]);
    }
    targetType = 'department';
  }
  const score: PeerScore = { period: input.period, targetType, target, scorerId: caller.id, score: input.score, comment: input.comment ?? null, version: 1, scoredAt: audit.at };
  await store.putPeerScore(score, null, audit);
  return score;
};

export const amendPeerScore = async (
  caller: Caller,
  key: { period: string; targetType: 'staff' | 'department'; target: string },
  ifMatch: number,
  patch: { score: number; comment?: string },
  audit: AuditContext,
): Promise<PeerScore> => {
  const before = await store.getPeerScore(key.period, key.targetType, key.target, caller.id);
  if (before === undefined) throw new NotFound(msg(M.pay_scoreNotFound));
  if (before.version !== ifMatch) throw new PreconditionFailed();
  const after: PeerScore = { ...before, score: patch.score, comment: patch.comment ?? before.comment, version: before.version + 1, scoredAt: audit.at };
  await store.putPeerScore(after, before.version, audit, before);
  return after;
};

/** Average received per target and period; individual scores only for the coordination group. */
export const peerScoreSummary = async (caller: Caller, q: { period: string; targetStaffId?: string; targetDepartment?: string }) => {
  const targetType = q.targetStaffId === undefined ? 'department' : 'staff';
  const target = q.targetStaffId ?? q.targetDepartment ?? '';
  const privileged = hasAnyRole(caller, ['coordinator', 'leadership']);
  if (!privileged && !(targetType === 'staff' && target === caller.id) && !(targetType === 'department' && target === caller.department)) {
    throw new Forbidden(msg(M.pay_scoresOwnOnly), 'role-not-allowed');
  }
  const scores = await store.listPeerScores(q.period, targetType, target);
  const hundredths = scores.reduce((sum, s) => sum + BigInt(Math.round(s.score * 100)), 0n);
  return {
    period: q.period,
    targetType,
    target,
    count: scores.length,
    average: scores.length === 0 ? null : formatRatio(hundredths, BigInt(scores.length) * 100n),
    scores: privileged ? scores : [],
  };
};

const payReaders = ['finance', 'leadership', 'coordinator'] as const;

/** Finance reads only finalised statements (pay.md, "Statements"); leadership and coordinators read drafts too. */
const assertReadable = async (caller: Caller, period: string): Promise<void> => {
  const state = await store.getPeriodState(period);
  if (state === undefined) throw new NotFound(msg(M.pay_periodNotClosed, { period }));
  if (state.status !== 'final' && !hasAnyRole(caller, ['leadership', 'coordinator'])) {
    throw new Conflict(msg(M.pay_periodNotFinal, { period }), 'period-not-final');
  }
};

/** A page of a period's statements (a close of 10,000 people would not fit one reply). */
export const periodStatements = async (caller: Caller, period: string, limit: number, cursor?: string, language: Language = 'en') => {
  parsePayPeriod(period);
  await assertReadable(caller, period);
  const page = await store.listStatementsPage(period, limit, cursor);
  return { ...page, items: page.items.map((s) => readable(s, language)) };
};

/** A stored statement as people read it: adjustments listed (none on one from before they existed), lines in their language. */
const readable = (s: StoredStatement, language: Language): StoredStatement => inLanguage({ ...s, adjustments: s.adjustments ?? [] }, language);

/** One statement: finance, leadership and coordinators, and the person themself (drafts included, marked so). */
export const personStatement = async (caller: Caller, period: string, staffId: string, language: Language = 'en') => {
  parsePayPeriod(period);
  if (caller.id !== staffId) {
    if (!hasAnyRole(caller, payReaders)) throw new Forbidden(msg(M.pay_statementReaders), 'role-not-allowed');
    await assertReadable(caller, period);
  }
  const statement = await store.getStatement(period, staffId);
  if (statement === undefined) throw new NotFound(msg(M.pay_statementNotFound, { staffId, period }));
  return { ...readable(statement, language), versions: (await store.listStatementVersions(period, staffId)).map((v) => ({ version: v.version, total: v.total, closedAt: v.closedAt })) };
};

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting with =, +, -, @,
 * tab or CR) gets a leading ' (OWASP "CSV injection"); a plain number (-12.00) is left a number.
 */
export const csvCell = (value: string | number): string => {
  const text = typeof value === 'number' || /^-?\d+(\.\d+)?$/.test(value) ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const yuan = (fen: number): string => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/** The payroll export: UTF-8 with a BOM (so Excel shows Chinese names), one row per person, yuan and fen. */
export const statementsCsv = async (caller: Caller, period: string): Promise<string> => {
  parsePayPeriod(period);
  await assertReadable(caller, period);
  const statements = await store.listStatements(period);
  const names = new Map(await Promise.all(statements.map(async (s) => [s.staffId, (await getStaffById(s.staffId))?.name ?? ''] as const)));
  const header = [
    'staffId', 'name', 'period', 'version', 'status', 'grade', 'tiers', 'basePay (yuan)', 'performancePay (yuan)', 'teamShare (yuan)',
    'priorPeriodAdjustments (yuan)', 'manualAdjustments (yuan)', 'total (yuan)',
    'basePay (fen)', 'performancePay (fen)', 'teamShare (fen)', 'priorPeriodAdjustments (fen)', 'manualAdjustments (fen)', 'total (fen)', 'adjustments',
  ];
  const rows = statements.map((s) => {
    const adjustments = s.adjustments ?? [];
    const sum = (kind: string) => adjustments.filter((a) => a.kind === kind).reduce((total, a) => total + a.amount, 0);
    const [prior, manual] = [sum('prior_period'), sum('manual')];
    return [
      s.staffId, names.get(s.staffId) ?? '', s.period, s.version, s.status, s.grade, s.assessments.map((a) => `${a.role}:${a.tier}`).join(' '),
      yuan(s.basePay), yuan(s.performancePay), yuan(s.teamShare), yuan(prior), yuan(manual), yuan(s.total),
      s.basePay, s.performancePay, s.teamShare, prior, manual, s.total,
      adjustments.map((a) => `${a.kind}${a.period === undefined ? '' : ` ${a.period}`}: ${a.amount}`).join('; '),
    ];
  });
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
};

/** Finalising locks the period: its statements never change again. */
export const finalizePeriod = async (period: string, audit: AuditContext, input: FinalizeInput = {}) => {
  parsePayPeriod(period);
  const holder = `finalize-${audit.requestId}`;
  await store.acquirePeriodLock(period, holder, Date.now(), 300);
  try {
    const state = await store.getPeriodState(period);
    if (state === undefined || state.closedAt === undefined) throw new RuleViolation('period-not-closed', msg(M.pay_closeFirst, { period }));
    const statements = await store.listStatements(period);
    const desk = await finaliseDeskCheck(state, input, audit, new Set(statements.map((s) => s.staffId)));
    await store.markFinal(state, statements, audit, desk);
    const { lock: _lock, deskChanges: _changes, ...shown } = state as PeriodState & { lock?: unknown; deskChanges?: number };
    return { ...shown, status: 'final' as const, finalizedAt: audit.at, finalizedBy: audit.actorId, forced: desk.forced };
  } finally {
    await store.releasePeriodLock(period, holder);
  }
};

export const periodBulletin = async (period: string, q: { section: 'accounts' | 'people'; limit: number; cursor?: string }) => {
  parsePayPeriod(period);
  const header = await store.getBulletinHeader(period);
  if (header === undefined) throw new NotFound(msg(M.pay_periodNotClosed, { period }));
  const page = await store.listBulletinRows(period, q.section, q.limit, q.cursor);
  return { ...header, section: q.section, items: page.items, nextCursor: page.nextCursor };
};

export const talentPool = async (year: number) => ({ items: await store.listTalentPool(year), nextCursor: null });

export const confirmTalent = (year: number, staffId: string, grade: TalentEntry['suggestedGrade'], audit: AuditContext) =>
  withRetry(msg(M.changing, { kind: 'talent', id: staffId }), async () => {
    const before = await store.getTalentEntry(year, staffId);
    if (before === undefined) throw new NotFound(msg(M.pay_talentNotFound, { staffId, year }));
    const after = { ...before, confirmedGrade: grade, confirmedBy: audit.actorId, version: before.version + 1 };
    await store.confirmTalentGrade(before, after, audit);
    return after;
  });
