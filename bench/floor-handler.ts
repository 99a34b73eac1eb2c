import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

/**
 * The floor for a route that must read the database: a bare client reading the same item
 * as GET /v1/staff/{id}, with no validation, auth, logging or middleware.
 */
const client = new DynamoDBClient(process.env.DYNAMODB_ENDPOINT === undefined ? {} : { endpoint: process.env.DYNAMODB_ENDPOINT });

export const handler = async (event: { pathParameters?: { id?: string } }) => {
  const out = await client.send(
    new GetItemCommand({
      TableName: process.env.TABLE_NAME,
      Key: { pk: { S: `STAFF#${event.pathParameters?.id ?? ''}` }, sk: { S: 'PROFILE' } },
    }),
  );
  return { statusCode: out.Item === undefined ? 404 : 200, body: JSON.stringify(out.Item ?? null) };
};
