import { ensureTable } from '#local/dynamo.ts';

/** Creates this test file's table in DynamoDB Local (call in beforeAll). */
export const createTestTable = async (): Promise<void> => {
  const { DYNAMODB_ENDPOINT, TABLE_NAME } = process.env;
  if (DYNAMODB_ENDPOINT === undefined || TABLE_NAME === undefined) throw new Error('test/support/env.ts did not run');
  await ensureTable(DYNAMODB_ENDPOINT, TABLE_NAME);
};
