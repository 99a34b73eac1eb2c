/** Configuration read once per cold start; a missing variable stops the function at once. */
const required = (key: string): string => {
  const value = process.env[key];
  if (value === undefined || value === '') {
    throw new Error(`Missing required environment variable ${key}`);
  }
  return value;
};

export const config = {
  tableName: required('TABLE_NAME'),
  /** The JWT claim that carries the caller's staff id (`sub` locally, `username` with Cognito). */
  staffIdClaim: required('STAFF_ID_CLAIM'),
  /** Set only in local mode and tests, where DynamoDB Local stands in for DynamoDB. */
  dynamoEndpoint: process.env.DYNAMODB_ENDPOINT,
};
