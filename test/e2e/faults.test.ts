import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listAuditTrail } from '#shared/db/audit.ts';
import { db, dynamo } from '#shared/db/client.ts';
import { all } from '#shared/db/entity.ts';
import { getStaffById, trainingResults } from '#shared/db/staff.ts';
import { type Api, startApi } from '#test/support/api.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

let api: Api;
beforeAll(async () => {
  await createTestTable();
  api = await startApi();
});
afterAll(() => api.close());

/** A client of its own, untouched by the mock, so reads still reach DynamoDB Local. */
const realDb = DynamoDBDocumentClient.from(dynamo);
const throttled = () =>
  Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
    name: 'ThrottlingException',
    $fault: 'client',
    $retryable: { throttling: true },
  });

/** Fakes the shared client's transactions; reads pass through to DynamoDB Local. */
const failTransactions = (error: Error) => {
  const mock = mockClient(db);
  mock.on(GetCommand).callsFake((input) => realDb.send(new GetCommand(input)));
  mock.on(TransactWriteCommand).rejects(error);
  return mock;
};

describe('DynamoDB faults', () => {
  let mock: ReturnType<typeof mockClient> | undefined;
  afterEach(() => mock?.restore());

  it('answers 503 problem+json with Retry-After when throttling outlasts the retries, and writes nothing', async () => {
    const coordinator = await seedStaff(['coordinator']);
    const target = await seedStaff(['sales_manager']);
    mock = failTransactions(throttled());

    const patch = await api.call('PATCH', `/v1/staff/${target.id}`, coordinator.id, { body: { grade: 'P9' }, headers: { 'if-match': '"1"' } });
    const training = await api.call('POST', `/v1/staff/${target.id}/training`, coordinator.id, {
      body: { kind: 'basic', passed: true, completedOn: '2026-03-01' },
    });

    for (const reply of [patch, training]) {
      expect(reply.status).toBe(503);
      expect(reply.headers.get('content-type')).toBe('application/problem+json');
      expect(reply.headers.get('retry-after')).toBe('1');
      expect(reply.body).toMatchObject({ status: 503, type: expect.stringMatching(/service-unavailable$/) });
    }
    mock.restore();
    expect(await getStaffById(target.id)).toEqual(target);
    expect(await all(trainingResults, 'ofStaff', { staffId: target.id })).toEqual([]);
    expect((await listAuditTrail('staff', target.id)).map((a) => a.action)).toEqual(['create']);
  });

  it('answers a retryable 409 when DynamoDB reports a conflicting transaction, and writes nothing', async () => {
    const coordinator = await seedStaff(['coordinator']);
    const target = await seedStaff(['sales_manager']);
    mock = failTransactions(
      Object.assign(new Error('Transaction cancelled'), {
        name: 'TransactionCanceledException',
        CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }],
      }),
    );
    const reply = await api.call('PATCH', `/v1/staff/${target.id}`, coordinator.id, { body: { grade: 'P9' }, headers: { 'if-match': '"1"' } });
    mock.restore();
    expect(reply.status).toBe(409);
    expect(reply.body.type).toMatch(/transaction-conflict$/);
    expect(await getStaffById(target.id)).toEqual(target);
  });
});
