import { type AuditContext, auditPut } from '#shared/db/audit.ts';
import { commit, defineEntity, get, paddedVersion, put } from '#shared/db/entity.ts';
import { equals } from '#shared/db/query.ts';
import { accountPk } from '#shared/db/partitions.ts';
import { Conflict, NotFound, PreconditionFailed } from '#shared/errors.ts';
import { PlanHead, PlanVersion } from '#shared/schemas/plans.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';
import { built } from '#shared/built.ts';

/*
 * An account's plan of a year is a head (which version is in force, which is drafted)
 * and its versions, each an item of its own beside the account. The head and a version
 * change in one transaction whenever the head moves, each checked against the version read.
 */
export const planHeads = /* @__PURE__ */ defineEntity({
  kind: 'account-plan', label: 'account plan of a year (which version is in force, which is drafted)', schema: PlanHead, versioned: true,
  keys: { pk: accountPk, sk: 'PLAN#<year>' },
});

export const planVersions = /* @__PURE__ */ built(() => defineEntity({
  kind: 'account-plan-version', label: 'account plan version (draft or approved; every one kept)', schema: PlanVersion, versioned: true,
  derive: (v) => ({ paddedNumber: paddedVersion(v.number) }),
  keys: { pk: accountPk, sk: 'PLANV#<year>#<paddedNumber>' },
  patterns: { ofYear: { doc: "every version of an account's plan of a year, oldest first", pk: accountPk, sk: 'PLANV#<year>#' } },
}));

const changed = (v: Pick<PlanVersion, 'accountId' | 'year' | 'number'>) => (old: Record<string, unknown> | undefined) =>
  old === undefined ? new NotFound(msg(M.plan_versionNotFound, v)) : new PreconditionFailed();
const headChanged = (h: PlanHead) => (old: Record<string, unknown> | undefined) =>
  old === undefined ? new NotFound(msg(M.plan_notFound, { accountId: h.accountId, year: h.year })) : new PreconditionFailed();
const entityId = (v: Pick<PlanVersion, 'accountId' | 'year'>) => `${v.accountId}#${v.year}`;

/** The first draft of a year's plan: one plan per account and year (409 for a second). */
export const insertPlan = (head: PlanHead, draft: PlanVersion, ctx: AuditContext) =>
  commit([
    put(planHeads, head, 'new', { onFail: () => new Conflict(msg(M.plan_exists, { accountId: head.accountId, year: head.year }), 'plan-exists') }),
    put(planVersions, draft, 'new'),
    auditPut(ctx, { entity: 'account-plan', entityId: entityId(draft), action: 'draft', after: draft }),
  ]);

/** An edit of a draft: still the version read, and still a draft. */
export const replaceDraft = (before: PlanVersion, after: PlanVersion, ctx: AuditContext) =>
  commit([
    put(planVersions, after, before.version, {
      condition: equals('status', 'draft'),
      onFail: changed(before),
    }),
    auditPut(ctx, { entity: 'account-plan', entityId: entityId(after), action: 'edit', before, after }),
  ]);

/** Approval, or the start of the next draft: the head and one version together. */
export const saveHeadAndVersion = (beforeHead: PlanHead, head: PlanHead, version: PlanVersion, expected: number | 'new', action: 'approve' | 'revise', ctx: AuditContext) =>
  commit([
    put(planHeads, head, beforeHead.version, { onFail: headChanged(beforeHead) }),
    put(planVersions, version, expected, expected === 'new' ? {} : {
      condition: equals('status', 'draft'),
      onFail: changed(version),
    }),
    auditPut(ctx, { entity: 'account-plan', entityId: entityId(version), action, before: beforeHead, after: { head, version } }),
  ]);

/** Access pattern: one version of an account's plan of a year (keyed Get). */
export const getPlanVersion = (accountId: string, year: number, number: number): Promise<PlanVersion | undefined> =>
  get(planVersions, { accountId, year, paddedNumber: paddedVersion(number) });

