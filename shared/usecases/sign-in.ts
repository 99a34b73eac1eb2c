import { ulid } from 'ulid';
import type { AuditContext } from '#shared/db/audit.ts';
import { page } from '#shared/db/entity.ts';
import { getStaffById, replaceStaff, staffMembers } from '#shared/db/staff.ts';
import { BadRequest, fieldError, NotFound, ServiceUnavailable } from '#shared/errors.ts';
import { identityProvider } from '#shared/identity/index.ts';
import type { IdentityProvider } from '#shared/identity/port.ts';
import { logger } from '#shared/logger.ts';
import { msg } from '#shared/messages/index.ts';
import { countOne, metricNames } from '#shared/metrics.ts';
import type { CreateStaffInput, PatchStaffInput, SignInPending, Staff } from '#shared/schemas/staff.ts';
import { withRetry } from '#shared/usecases/retry.ts';
import { type SignInChange, createStaff, recordDeparture, updateStaff } from '#shared/usecases/staff.ts';
import * as M from '#shared/messages/catalogue.ts';

/*
 * Sign-in follows the staff record, and the two never disagree silently:
 *
 * 1. the staff write records `signInPending` on the record, in the same transaction
 *    (the record then sits in the sparse index of pending changes);
 * 2. the identity provider is brought in step with the record (IdentityProvider.sync);
 * 3. on success the marker is cleared (a new version, audited); on failure it stays,
 *    with the attempt count and the provider's error name: visible on the record, counted
 *    (SignInSyncFailures, alarmed), retried every 15 minutes by the signInSync job and
 *    re-run on demand by a coordinator (POST /v1/staff/{id}/sign-in-sync).
 *
 * sync is idempotent and reads the record as it is then, so a retry after any failure,
 * or after a later change, does the right thing.
 */

const syncNeeded = (before: Staff | undefined, after: Staff): boolean =>
  before === undefined || before.email !== after.email || before.status !== after.status;

/** The marker a staff write records when the provider keeps users and the change concerns sign-in. */
const pendingFor =
  (idp: IdentityProvider, audit: AuditContext): SignInChange =>
  (before, after) =>
    idp.keepsUsers && syncNeeded(before, after) ? { id: ulid(), since: audit.at, attempts: 0, lastError: null } : undefined;

/** The error's name as the marker keeps it (a plain identifier: the record's schema allows nothing else). */
const errorName = (error: unknown): string => {
  const name = error instanceof Error ? error.name.replace(/[^A-Za-z0-9_.:-]/g, '') : '';
  return (name === '' ? 'UnknownError' : name).slice(0, 200);
};

/** Re-reads and replaces the record while its marker is still `pending` (another change may have replaced it). */
const settleMarker = (staffId: string, pending: SignInPending, audit: AuditContext, action: string, change: (staff: Staff) => Staff) =>
  withRetry(msg(M.changing, { kind: 'staff', id: staffId }), async () => {
    const before = await getStaffById(staffId);
    if (before?.signInPending?.id !== pending.id) return before;
    const after = { ...change(before), version: before.version + 1 };
    await replaceStaff(before, after, action, audit);
    return after;
  });

const withoutPending = (staff: Staff): Staff => {
  const { signInPending: _done, ...rest } = staff;
  return rest;
};

export interface SyncOutcome {
  readonly staff: Staff;
  readonly synced: boolean;
}

/**
 * Brings the provider in step with the record and settles its marker: cleared when the
 * provider did it, or its attempt and error kept when not. Never throws for a failure
 * of the provider: the outcome says so.
 */
export const syncSignIn = async (staff: Staff, audit: AuditContext, idp: IdentityProvider = identityProvider): Promise<SyncOutcome> => {
  const pending = staff.signInPending;
  try {
    await idp.sync(staff);
  } catch (error) {
    const name = errorName(error);
    logger.warn('Sign-in change left pending', { staffId: staff.id, error });
    countOne(metricNames.signInSyncFailures);
    if (pending === undefined) return { staff, synced: false };
    const kept = await settleMarker(staff.id, pending, audit, 'sign-in-sync-failed', (s) => ({
      ...s,
      signInPending: { ...pending, attempts: pending.attempts + 1, lastError: name },
    }));
    return { staff: kept ?? staff, synced: false };
  }
  if (pending === undefined) return { staff, synced: true };
  const cleared = await settleMarker(staff.id, pending, audit, 'sign-in-synced', withoutPending);
  return { staff: cleared ?? staff, synced: true };
};

const requireEmail = (idp: IdentityProvider, email: string | undefined): void => {
  if (idp.requiresEmail && email === undefined) {
    throw new BadRequest(msg(M.validation_fieldsInvalid, { count: 1 }), [fieldError('body.email', msg(M.field_emailRequired))]);
  }
};

/** POST /v1/staff: the record, then (with Cognito) its user, invited by e-mail. */
export const createStaffSignedIn = async (input: CreateStaffInput, audit: AuditContext, idp: IdentityProvider = identityProvider): Promise<Staff> => {
  requireEmail(idp, input.email);
  const staff = await createStaff(input, audit, pendingFor(idp, audit));
  return staff.signInPending === undefined ? staff : (await syncSignIn(staff, audit, idp)).staff;
};

/** PATCH /v1/staff/{id}: a changed e-mail address is carried to the user. */
export const updateStaffSignedIn = async (id: string, ifMatch: number, patch: PatchStaffInput, audit: AuditContext, idp: IdentityProvider = identityProvider): Promise<Staff> => {
  const staff = await updateStaff(id, ifMatch, patch, audit, pendingFor(idp, audit));
  return staff.signInPending === undefined ? staff : (await syncSignIn(staff, audit, idp)).staff;
};

/** POST /v1/staff/{id}/departure: the API refuses them at once; the user is disabled and signed out everywhere. */
export const recordDepartureSignedIn = async (id: string, leftOn: string, audit: AuditContext, idp: IdentityProvider = identityProvider): Promise<Staff> => {
  const staff = await recordDeparture(id, leftOn, audit, pendingFor(idp, audit));
  return staff.signInPending === undefined ? staff : (await syncSignIn(staff, audit, idp)).staff;
};

/**
 * POST /v1/staff/{id}/sign-in-sync (coordinator): brings the sign-in in step with the
 * record now, pending or not (a hand-made change in the console is undone too). 503 when
 * the provider fails again; the marker then keeps the attempt.
 */
export const rerunSignInSync = async (id: string, audit: AuditContext, idp: IdentityProvider = identityProvider): Promise<Staff> => {
  const staff = await getStaffById(id);
  if (staff === undefined) throw new NotFound(msg(M.staff_notFound, { id }));
  const outcome = await syncSignIn(staff, audit, idp);
  if (!outcome.synced) {
    throw new ServiceUnavailable(msg(M.staff_signInSyncFailed, { id, error: outcome.staff.signInPending?.lastError ?? 'error' }), 60);
  }
  return outcome.staff;
};

/** A change this young is left to the request that made it (its own sync may still be running). */
export const retryGraceMs = 60_000;

/**
 * The signInSync job: every pending change older than the grace, a page at a time, retried
 * once each run. Each record is read again by key first (the index may lag the table),
 * so the provider gets the record as it is now.
 */
export const retryPendingSignIns = async (
  audit: AuditContext,
  idp: IdentityProvider = identityProvider,
  now: Date = new Date(),
): Promise<{ pending: number; synced: number; failed: number }> => {
  let cursor: string | undefined;
  let pending = 0;
  let synced = 0;
  do {
    const listedPage = await page(staffMembers, 'signInPending', {}, 100, cursor);
    for (const listed of listedPage.items) {
      if (listed.signInPending === undefined || Date.parse(listed.signInPending.since) > now.getTime() - retryGraceMs) continue;
      const staff = await getStaffById(listed.id);
      if (staff?.signInPending === undefined) continue;
      pending++;
      if ((await syncSignIn(staff, audit, idp)).synced) synced++;
    }
    cursor = listedPage.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return { pending, synced, failed: pending - synced };
};
