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
import { beforeEach, describe, expect, it } from 'vitest';
import { cognitoIdentityProvider } from '#shared/identity/cognito.ts';
import { newStaff, recordDeparture } from '#shared/domain/staff.ts';
import type { Staff } from '#shared/schemas/staff.ts';

const cognito = mockClient(CognitoIdentityProviderClient);
const pool = 'cn-north-1_TESTPOOL';
const idp = cognitoIdentityProvider(new CognitoIdentityProviderClient({ region: 'cn-north-1' }), pool);

const member = (overrides: Partial<Staff> = {}): Staff => ({
  ...newStaff('01STAFF', { name: '李雷', department: '市场部', roles: ['sales_manager'], grade: 'P6', email: 'li.lei@g-company.cn' }),
  ...overrides,
});
const awsError = (name: string) => new CognitoIdentityProviderServiceException({ name, $fault: 'client', $metadata: {}, message: name });
const existing = (email: string, enabled = true) => ({ Username: '01STAFF', Enabled: enabled, UserAttributes: [{ Name: 'email', Value: email }] });
/** The commands sent, by name, in order. */
const sent = () => cognito.calls().map((call) => (call.args[0] as { constructor: { name: string } }).constructor.name);

beforeEach(() => {
  cognito.reset();
});

describe('Cognito identity provider (aws-sdk-client-mock)', () => {
  it('creates a new member’s user with the staff id as username and sends the invitation by e-mail', async () => {
    // Arrange
    cognito.on(AdminGetUserCommand).rejects(awsError('UserNotFoundException'));
    cognito.on(AdminCreateUserCommand).resolves({});

    // Act
    await idp.sync(member());

    // Assess
    expect(sent()).toEqual(['AdminGetUserCommand', 'AdminCreateUserCommand']);
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: pool,
      Username: '01STAFF',
      UserAttributes: [
        { Name: 'email', Value: 'li.lei@g-company.cn' },
        { Name: 'email_verified', Value: 'true' },
      ],
      DesiredDeliveryMediums: ['EMAIL'],
    });
    expect(cognito.commandCalls(AdminGetUserCommand)[0]?.args[0].input).toEqual({ UserPoolId: pool, Username: '01STAFF' });
  });

  it('changes the e-mail of an existing user when the record’s differs, and does nothing when they match', async () => {
    // Arrange
    cognito.on(AdminGetUserCommand).resolves(existing('old@g-company.cn'));

    // Act
    await idp.sync(member());

    // Assess
    expect(sent()).toEqual(['AdminGetUserCommand', 'AdminUpdateUserAttributesCommand']);
    expect(cognito.commandCalls(AdminUpdateUserAttributesCommand)[0]?.args[0].input).toEqual({
      UserPoolId: pool,
      Username: '01STAFF',
      UserAttributes: [
        { Name: 'email', Value: 'li.lei@g-company.cn' },
        { Name: 'email_verified', Value: 'true' },
      ],
    });

    cognito.reset();
    cognito.on(AdminGetUserCommand).resolves(existing('li.lei@g-company.cn'));
    await idp.sync(member());
    expect(sent()).toEqual(['AdminGetUserCommand']);
  });

  it('disables a departed member’s user and signs them out everywhere; again only signs out once disabled', async () => {
    // Arrange
    const departed = recordDeparture(member(), '2026-11-30');
    cognito.on(AdminGetUserCommand).resolves(existing('li.lei@g-company.cn'));

    // Act
    await idp.sync(departed);

    // Assess
    expect(sent()).toEqual(['AdminGetUserCommand', 'AdminDisableUserCommand', 'AdminUserGlobalSignOutCommand']);
    expect(cognito.commandCalls(AdminDisableUserCommand)[0]?.args[0].input).toEqual({ UserPoolId: pool, Username: '01STAFF' });
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)[0]?.args[0].input).toEqual({ UserPoolId: pool, Username: '01STAFF' });

    cognito.reset();
    cognito.on(AdminGetUserCommand).resolves(existing('li.lei@g-company.cn', false));
    await idp.sync(departed);
    expect(sent()).toEqual(['AdminGetUserCommand', 'AdminUserGlobalSignOutCommand']);
  });

  it('has nothing to disable for a departed member who never had a user', async () => {
    cognito.on(AdminGetUserCommand).rejects(awsError('UserNotFoundException'));
    await idp.sync(recordDeparture(member(), '2026-11-30'));
    expect(sent()).toEqual(['AdminGetUserCommand']);
  });

  it('throws when Cognito fails, so the change stays pending (any step: reading, creating, disabling)', async () => {
    cognito.on(AdminGetUserCommand).rejects(awsError('TooManyRequestsException'));
    await expect(idp.sync(member())).rejects.toMatchObject({ name: 'TooManyRequestsException' });
    expect(sent()).toEqual(['AdminGetUserCommand']);

    cognito.reset();
    cognito.on(AdminGetUserCommand).rejects(awsError('UserNotFoundException'));
    cognito.on(AdminCreateUserCommand).rejects(awsError('InvalidParameterException'));
    await expect(idp.sync(member())).rejects.toMatchObject({ name: 'InvalidParameterException' });

    cognito.reset();
    cognito.on(AdminGetUserCommand).resolves(existing('li.lei@g-company.cn'));
    cognito.on(AdminDisableUserCommand).rejects(awsError('InternalErrorException'));
    await expect(idp.sync(recordDeparture(member(), '2026-11-30'))).rejects.toMatchObject({ name: 'InternalErrorException' });
    expect(sent()).toEqual(['AdminGetUserCommand', 'AdminDisableUserCommand']);
  });

  it('refuses to invite an active member who has no e-mail address (EmailMissing), without creating anything', async () => {
    cognito.on(AdminGetUserCommand).rejects(awsError('UserNotFoundException'));
    const { email: _none, ...withoutEmail } = member();
    await expect(idp.sync(withoutEmail)).rejects.toMatchObject({ name: 'EmailMissing' });
    expect(cognito.commandCalls(AdminCreateUserCommand)).toHaveLength(0);
  });

  it('requires an e-mail address and keeps users; the local signing key does neither', async () => {
    const { localIdentityProvider } = await import('#shared/identity/local.ts');
    expect([idp.requiresEmail, idp.keepsUsers]).toEqual([true, true]);
    expect([localIdentityProvider.requiresEmail, localIdentityProvider.keepsUsers]).toEqual([false, false]);
    await localIdentityProvider.sync(member());
    expect(cognito.calls()).toHaveLength(0);
  });
});
