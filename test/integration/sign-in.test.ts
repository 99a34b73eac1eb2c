import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  CognitoIdentityProviderServiceException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listAuditTrail } from '#shared/db/audit.ts';
import { page } from '#shared/db/entity.ts';
import { getStaffById, replaceStaff, staffMembers } from '#shared/db/staff.ts';
import { BadRequest, ServiceUnavailable } from '#shared/errors.ts';
import { cognitoIdentityProvider } from '#shared/identity/cognito.ts';
import { localIdentityProvider } from '#shared/identity/local.ts';
import type { CreateStaffInput } from '#shared/schemas/staff.ts';
import {
  createStaffSignedIn,
  recordDepartureSignedIn,
  rerunSignInSync,
  retryGraceMs,
  retryPendingSignIns,
  updateStaffSignedIn,
} from '#shared/usecases/sign-in.ts';
import { createTestTable } from '#test/support/table.ts';

const cognito = mockClient(CognitoIdentityProviderClient);
const idp = cognitoIdentityProvider(new CognitoIdentityProviderClient({ region: 'cn-north-1' }), 'cn-north-1_POOL');
const audit = () => ({ actorId: 'coordinator-1', requestId: `req-${Math.random()}`, at: new Date().toISOString() });
/** A new member's body; `null`: without an e-mail address. */
const input = (email: string | null = 'han.mei@g-company.cn'): CreateStaffInput => ({
  name: '韩梅梅',
  department: '市场部',
  roles: ['sales_manager'],
  grade: 'P6',
  ...(email === null ? {} : { email }),
});
const awsError = (name: string) => new CognitoIdentityProviderServiceException({ name, $fault: 'server', $metadata: {}, message: name });
const userMissing = () => cognito.on(AdminGetUserCommand).rejects(awsError('UserNotFoundException'));
const pendingIds = async () => (await page(staffMembers, 'signInPending', {}, 100)).items.map((s) => s.id);
const later = () => new Date(Date.now() + retryGraceMs + 1_000);

beforeAll(createTestTable);
beforeEach(() => {
  cognito.reset();
});

describe('sign-in follows the staff record (DynamoDB Local, Cognito mocked)', () => {
  it('creates the record and its Cognito user; the pending marker written with the record is cleared, audited', async () => {
    // Arrange
    userMissing();
    cognito.on(AdminCreateUserCommand).resolves({});

    // Act
    const staff = await createStaffSignedIn(input(), audit(), idp);

    // Assess
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input).toMatchObject({ Username: staff.id, DesiredDeliveryMediums: ['EMAIL'] });
    expect(staff.signInPending).toBeUndefined();
    expect(staff).toMatchObject({ email: 'han.mei@g-company.cn', version: 2 });
    expect(await getStaffById(staff.id)).toEqual(staff);
    expect(await pendingIds()).not.toContain(staff.id);
    const trail = await listAuditTrail('staff', staff.id);
    expect(trail.map((entry) => entry.action)).toEqual(['create', 'sign-in-synced']);
    expect((trail[0]?.after as { signInPending?: unknown }).signInPending).toMatchObject({ attempts: 0, lastError: null });
  });

  it('keeps the staff write when Cognito fails: the change stays pending, visible and listed; the job retries it', async () => {
    // Arrange
    cognito.on(AdminGetUserCommand).rejects(awsError('TooManyRequestsException'));

    // Act
    const staff = await createStaffSignedIn(input(), audit(), idp);

    // Assess: visible on the record and in the pending index
    expect(staff.signInPending).toMatchObject({ attempts: 1, lastError: 'TooManyRequestsException' });
    expect((await getStaffById(staff.id))?.signInPending).toEqual(staff.signInPending);
    expect(await pendingIds()).toContain(staff.id);

    // A job run within the grace leaves it to the request that made it.
    cognito.reset();
    userMissing();
    cognito.on(AdminCreateUserCommand).resolves({});
    const early = await retryPendingSignIns(audit(), idp, new Date());
    expect(early.pending).toBe(0);
    expect(cognito.commandCalls(AdminCreateUserCommand)).toHaveLength(0);

    // The next run after it brings Cognito in step and clears the marker.
    const run = await retryPendingSignIns(audit(), idp, later());
    expect(run).toMatchObject({ synced: run.pending, failed: 0 });
    expect(cognito.commandCalls(AdminCreateUserCommand).map((call) => call.args[0].input.Username)).toContain(staff.id);
    expect((await getStaffById(staff.id))?.signInPending).toBeUndefined();
    expect(await pendingIds()).not.toContain(staff.id);
    expect((await listAuditTrail('staff', staff.id)).map((entry) => entry.action)).toEqual(['create', 'sign-in-sync-failed', 'sign-in-synced']);
  });

  it('counts each failed retry on the marker, and a coordinator’s re-run answers 503 until Cognito answers, then clears it', async () => {
    // Arrange
    cognito.on(AdminGetUserCommand).rejects(awsError('InternalErrorException'));
    const staff = await createStaffSignedIn(input(), audit(), idp);
    await retryPendingSignIns(audit(), idp, later());
    expect((await getStaffById(staff.id))?.signInPending).toMatchObject({ attempts: 2, lastError: 'InternalErrorException' });

    // Act & Assess: the re-run fails again
    const failed = rerunSignInSync(staff.id, audit(), idp);
    await expect(failed).rejects.toBeInstanceOf(ServiceUnavailable);
    await expect(failed).rejects.toMatchObject({ status: 503, message: expect.stringContaining('InternalErrorException') });
    expect((await getStaffById(staff.id))?.signInPending?.attempts).toBe(3);

    // … and succeeds once Cognito does.
    cognito.reset();
    userMissing();
    cognito.on(AdminCreateUserCommand).resolves({});
    const synced = await rerunSignInSync(staff.id, audit(), idp);
    expect(synced.signInPending).toBeUndefined();
    expect(await pendingIds()).not.toContain(staff.id);
  });

  it('refuses a new member without an e-mail address when sign-in is by Cognito invitation (400 body.email), writing nothing', async () => {
    const act = createStaffSignedIn(input(null), audit(), idp);
    await expect(act).rejects.toBeInstanceOf(BadRequest);
    await expect(act).rejects.toMatchObject({ errors: [{ path: 'body.email', message: 'required: sign-in is by e-mail invitation in this deployment' }] });
    expect(cognito.calls()).toHaveLength(0);
  });

  it('carries a changed e-mail to Cognito, and leaves Cognito alone for a change that does not concern sign-in', async () => {
    // Arrange
    userMissing();
    cognito.on(AdminCreateUserCommand).resolves({});
    const staff = await createStaffSignedIn(input(), audit(), idp);
    cognito.reset();
    cognito.on(AdminGetUserCommand).resolves({ Username: staff.id, Enabled: true, UserAttributes: [{ Name: 'email', Value: 'han.mei@g-company.cn' }] });
    cognito.on(AdminUpdateUserAttributesCommand).resolves({});

    // Act
    const graded = await updateStaffSignedIn(staff.id, staff.version, { grade: 'P7' }, audit(), idp);
    const moved = await updateStaffSignedIn(staff.id, graded.version, { email: 'meimei.han@g-company.cn' }, audit(), idp);

    // Assess
    expect(graded).toMatchObject({ grade: 'P7', version: staff.version + 1 });
    expect(graded.signInPending).toBeUndefined();
    expect(cognito.commandCalls(AdminUpdateUserAttributesCommand)).toHaveLength(1);
    expect(cognito.commandCalls(AdminUpdateUserAttributesCommand)[0]?.args[0].input.UserAttributes).toContainEqual({ Name: 'email', Value: 'meimei.han@g-company.cn' });
    expect(moved).toMatchObject({ email: 'meimei.han@g-company.cn', version: graded.version + 2 });
    expect(moved.signInPending).toBeUndefined();
  });

  it('disables a departed member’s user and signs them out everywhere', async () => {
    // Arrange
    userMissing();
    cognito.on(AdminCreateUserCommand).resolves({});
    const staff = await createStaffSignedIn(input(), audit(), idp);
    cognito.reset();
    cognito.on(AdminGetUserCommand).resolves({ Username: staff.id, Enabled: true, UserAttributes: [{ Name: 'email', Value: 'han.mei@g-company.cn' }] });

    // Act
    const departed = await recordDepartureSignedIn(staff.id, '2026-11-30', audit(), idp);

    // Assess
    expect(departed).toMatchObject({ status: 'departed', leftOn: '2026-11-30' });
    expect(departed.signInPending).toBeUndefined();
    expect(cognito.commandCalls(AdminDisableUserCommand)[0]?.args[0].input).toMatchObject({ Username: staff.id });
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)[0]?.args[0].input).toMatchObject({ Username: staff.id });
  });

  it('never clears a newer change’s marker: a sync settles only the marker it was started for', async () => {
    // Arrange: a change left pending, then replaced by a newer pending change before the retry settles
    cognito.on(AdminGetUserCommand).rejects(awsError('TooManyRequestsException'));
    const staff = await createStaffSignedIn(input(), audit(), idp);
    const newer = { ...staff, signInPending: { id: 'NEWER', since: new Date().toISOString(), attempts: 0, lastError: null }, version: staff.version + 1 };
    await replaceStaff(staff, newer, 'update', audit());
    cognito.reset();
    userMissing();
    cognito.on(AdminCreateUserCommand).resolves({});

    // Act: the older sync (the record as it was) succeeds
    const { syncSignIn } = await import('#shared/usecases/sign-in.ts');
    await syncSignIn(staff, audit(), idp);

    // Assess: the newer marker is still there, for its own sync
    expect((await getStaffById(staff.id))?.signInPending?.id).toBe('NEWER');
    expect(await pendingIds()).toContain(staff.id);
  });

  it('locally (the signing key) records no marker and calls nothing: the record alone decides access', async () => {
    const staff = await createStaffSignedIn(input(null), audit(), localIdentityProvider);
    expect(staff.signInPending).toBeUndefined();
    expect(staff.version).toBe(1);
    expect(await pendingIds()).not.toContain(staff.id);
    expect(cognito.calls()).toHaveLength(0);
  });
});
