import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { localSetting, requiredSetting } from '#shared/config.ts';

export const tableName = requiredSetting('TABLE_NAME');
const endpoint = localSetting('DYNAMODB_ENDPOINT');

/** Module-level singletons: one client per cold start, reused by every invocation. */
export const dynamo = new DynamoDBClient(endpoint === undefined ? {} : { endpoint });
export const db = DynamoDBDocumentClient.from(dynamo, {
  marshallOptions: { removeUndefinedValues: true },
});
