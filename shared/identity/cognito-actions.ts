/**
 * The Cognito actions the identity provider (shared/identity/cognito.ts) calls, and no
 * other: the IAM policy of each sign-in function allows exactly these, on its stage's user
 * pool only (infra/stateless-stack.ts; test/infra/stacks.test.ts checks both ways).
 */
export const cognitoActions = [
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminUserGlobalSignOut',
] as const;
