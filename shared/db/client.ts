import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '#shared/config.ts';

/** Module-level singletons: one client per cold start, reused by every invocation. */
export const dynamo = new DynamoDBClient(
  config.dynamoEndpoint === undefined ? {} : { endpoint: config.dynamoEndpoint },
);
export const db = DynamoDBDocumentClient.from(dynamo, {
  marshallOptions: { removeUndefinedValues: true },
});
export const tableName = config.tableName;
