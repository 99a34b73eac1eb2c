/**
 * Configuration, read once per cold start by the module that uses it: each function is
 * given only the settings its code reads (infra/stateless-stack.ts), and a missing one
 * stops the function at once with its name.
 *
 * | setting | read by | given to |
 * | --- | --- | --- |
 * | `TABLE_NAME` | shared/db/client.ts | functions with table access |
 * | `CURSOR_KEY` | shared/db/pagination.ts | functions with table access |
 * | `STAFF_ID_CLAIM` | shared/http/authenticate.ts | routes that take a token |
 * | `USER_POOL_ID` | shared/identity/index.ts | routes and jobs that keep sign-in in step (`signIn`); unset: the local signing key |
 * | `DYNAMODB_ENDPOINT` | shared/db/client.ts | local mode and tests only |
 * | `CLOSE_STATE_MACHINE_ARN` | shared/usecases/close-run.ts | routes with `startsWorkflow` (absent locally: the steps run in-process) |
 */
export const requiredSetting = (key: string, minLength = 1): string => {
  const value = process.env[key];
  if (value === undefined || value.length < minLength) {
    throw new Error(`Missing required environment variable ${key}${minLength > 1 ? ` (at least ${minLength} characters)` : ''}`);
  }
  return value;
};

/** A setting only local mode and tests give (DynamoDB Local's endpoint); absent in AWS. */
export const localSetting = (key: string): string | undefined => process.env[key];

/** A setting AWS gives and local mode leaves out, where its absence means "do it in-process" (the close workflow's ARN). */
export const optionalSetting = (key: string): string | undefined => process.env[key];
