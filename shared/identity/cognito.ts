import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { IdentityProvider } from '#shared/identity/port.ts';
import type { Staff } from '#shared/schemas/staff.ts';

/** An active member without an e-mail address (recorded before the deployment used Cognito): no invitation can be sent. */
export class EmailMissing extends Error {
  constructor(staffId: string) {
    super(`Staff member ${staffId} has no e-mail address; add one with PATCH /v1/staff/{id}`);
    this.name = 'EmailMissing';
  }
}

interface CognitoUser {
  readonly enabled: boolean;
  readonly email: string | undefined;
}

/**
 * Cognito as the identity provider: the user pool's username is the staff id (access
 * tokens carry it as `username`, STAFF_ID_CLAIM). Only the calls of
 * shared/identity/cognito-actions.ts, which is all its IAM policy allows.
 */
export const cognitoIdentityProvider = (client: CognitoIdentityProviderClient, userPoolId: string): IdentityProvider => {
  const getUser = async (username: string): Promise<CognitoUser | undefined> => {
    try {
      const user = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
      return { enabled: user.Enabled ?? true, email: user.UserAttributes?.find((a) => a.Name === 'email')?.Value };
    } catch (error) {
      if (error instanceof Error && error.name === 'UserNotFoundException') return undefined;
      throw error;
    }
  };
  const emailAttributes = (email: string) => [
    { Name: 'email', Value: email },
    // The coordinator vouches for the address; the invitation itself proves it reaches the person.
    { Name: 'email_verified', Value: 'true' },
  ];

  return {
    kind: 'cognito',
    requiresEmail: true,
    keepsUsers: true,
    sync: async (staff: Staff) => {
      const user = await getUser(staff.id);
      if (staff.status === 'departed') {
        if (user === undefined) return;
        if (user.enabled) await client.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: staff.id }));
        // Refresh tokens revoked; access tokens already issued expire within the hour, and the API refuses them at once anyway.
        await client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: staff.id }));
        return;
      }
      if (staff.email === undefined) throw new EmailMissing(staff.id);
      if (user === undefined) {
        await client.send(
          new AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: staff.id,
            UserAttributes: emailAttributes(staff.email),
            DesiredDeliveryMediums: ['EMAIL'],
          }),
        );
        return;
      }
      if (user.email !== staff.email) {
        await client.send(new AdminUpdateUserAttributesCommand({ UserPoolId: userPoolId, Username: staff.id, UserAttributes: emailAttributes(staff.email) }));
      }
    },
  };
};
