import { beforeAll, describe, expect, it } from 'vitest';
import { ensureAdmin } from '#local/bootstrap.ts';
import { handler as createStaff } from '#functions/staff/create-staff.ts';
import { handler as getStaff } from '#functions/staff/get-staff.ts';
import { listStaff } from '#shared/db/staff.ts';
import { lambdaContext, sampleEvent } from '#test/support/events.ts';
import { createTestTable } from '#test/support/table.ts';

beforeAll(async () => {
  await createTestTable();
  await ensureAdmin();
});

describe('handlers invoked directly with the sample events in events/', () => {
  it('GET /v1/staff/{id}: the bootstrap admin reads their own record', async () => {
    const result = await getStaff(sampleEvent('http-get-staff.json'), lambdaContext('get-staff'));
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body ?? '')).toMatchObject({ id: 'admin', roles: ['coordinator', 'leadership'], status: 'active' });
  });

  it('POST /v1/staff: creates once, and a redelivered event (same Idempotency-Key) gets the same reply', async () => {
    const first = await createStaff(sampleEvent('http-create-staff.json'), lambdaContext('create-staff'));
    const again = await createStaff(sampleEvent('http-create-staff.json'), lambdaContext('create-staff'));
    expect(first.statusCode).toBe(201);
    expect(again).toEqual(first);
    expect(JSON.parse(first.body ?? '')).toMatchObject({ name: '韩梅梅', department: '市场部' });
    expect((await listStaff({ department: '市场部', limit: 50 })).items).toHaveLength(1);
  });
});
