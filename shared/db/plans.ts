import { type AuditContext, audit } from '#shared/db/audit.ts';
import { commit, defineEntity, get, goneOr, paddedVersion, put } from '#shared/db/entity.ts';
import { accountPk } from '#shared/db/partitions.ts';
import { equals } from '#shared/db/query.ts';
import { Conflict, NotFound } from '#shared/errors.ts';
import { PlanHead, PlanVersion } from '#shared/schemas/plans.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/*
 * An account's plan of a year is a head (which version is in force, which is drafted)
 * and its versions, each an item of its own beside the account. The head and a version
 * change in one transaction whenever the head moves, each checked against the version read.
 */
export const planHeads = /* @__PURE__ */ defineEntity({
  kind: 'account-plan',
  label: 'account plan of a year (which version is in force, which is drafted)',
  schema: PlanHead,
  versioned: true,
  keys: { pk: accountPk, sk: 'PLAN#<year>' },
});

export const planVersions = /* @__PURE__ */ defineEntity({
  kind: 'account-plan-version',
  label: 'account plan version (draft or approved; every one kept)',
  schema: PlanVersion,
  versioned: true,
  audit: { kind: 'account-plan', id: '<accountId>#<year>' },
  derive: (v) => ({ paddedNumber: paddedVersion(v.number) }),
  keys: { pk: accountPk, sk: 'PLANV#<year>#<paddedNumber>' },
  patterns: { ofYear: { doc: "every version of an account's plan of a year, oldest first", sk: 'PLANV#<year>#' } },
});

const draftOnly = equals('status', 'draft');
const changed = (v: Pick<PlanVersion, 'accountId' | 'year' | 'number'>) => goneOr({ gone: () => new NotFound(msg(M.plan_versionNotFound, v)) });
const headChanged = (h: PlanHead) => goneOr({ gone: () => new NotFound(msg(M.plan_notFound, { accountId: h.accountId, year: h.year })) });

/** The first draft of a year's plan: one plan per account and year (409 for a second). */
export const insertPlan = (head: PlanHead, draft: PlanVersion, ctx: AuditContext) =>
  commit([
    put(planHeads, head, 'new', { onFail: () => new Conflict(msg(M.plan_exists, { accountId: head.accountId, year: head.year }), 'plan-exists') }),
    put(planVersions, draft, 'new'),
    audit(planVersions, ctx, 'draft', draft),
  ]);

/** An edit of a draft: still the version read, and still a draft. */
export const replaceDraft = (before: PlanVersion, after: PlanVersion, ctx: AuditContext) =>
  commit([put(planVersions, after, before.version, { condition: draftOnly, onFail: changed(before) }), audit(planVersions, ctx, 'edit', after, { before, after })]);

/** Approval, or the start of the next draft: the head and one version together. */
export const saveHeadAndVersion = (beforeHead: PlanHead, head: PlanHead, version: PlanVersion, expected: number | 'new', action: 'approve' | 'revise', ctx: AuditContext) =>
  commit([
    put(planHeads, head, beforeHead.version, { onFail: headChanged(beforeHead) }),
    put(planVersions, version, expected, expected === 'new' ? {} : { condition: draftOnly, onFail: changed(version) }),
    audit(planVersions, ctx, action, version, { before: beforeHead, after: { head, version } }),
  ]);

/** Access pattern: one version of an account's plan of a year (keyed Get). */
export const getPlanVersion = (accountId: string, year: number, number: number): Promise<PlanVersion | undefined> =>
  get(planVersions, { accountId, year, paddedNumber: paddedVersion(number) });
