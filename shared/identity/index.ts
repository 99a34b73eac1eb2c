import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoIdentityProvider } from '#shared/identity/cognito.ts';
import { localIdentityProvider } from '#shared/identity/local.ts';
import type { IdentityProvider } from '#shared/identity/port.ts';

/**
 * This deployment's identity provider: Cognito when the function was given its user pool
 * (USER_POOL_ID, only the sign-in functions: infra/stateless-stack.ts), else the local
 * signing key. Imported only by the modules of those functions, so no other bundle
 * carries the Cognito client.
 */
const userPoolId = process.env.USER_POOL_ID;
export const identityProvider: IdentityProvider =
  userPoolId === undefined || userPoolId === '' ? localIdentityProvider : cognitoIdentityProvider(new CognitoIdentityProviderClient({}), userPoolId);
