import type { Api } from '#test/support/api.ts';
import type { Staff } from '#shared/schemas/staff.ts';
import { seedStaff } from '#test/support/seed.ts';
import { recordTraining } from '#shared/domain/staff.ts';
import { replaceStaff } from '#shared/db/staff.ts';

let counter = 0;

/** A sales manager who has passed both trainings, so they may be assigned key accounts. */
export const seedTrainedSalesManager = async (extraRoles: Staff['roles'] = []): Promise<Staff> => {
  const staff = await seedStaff(['sales_manager', ...extraRoles]);
  const trained = recordTraining(recordTraining(staff, { kind: 'basic', passed: true, completedOn: '2025-06-01' }), {
    kind: 'rotation',
    passed: true,
    completedOn: '2025-12-01',
  });
  await replaceStaff(staff, { ...trained, version: staff.version + 1 }, 'training', { actorId: 'test-seed', requestId: 'seed', at: new Date().toISOString() });
  return { ...trained, version: staff.version + 1 };
};

/** A normal account created through the API by `as`. */
export const createAccount = async (api: Api, as: string, name = `客户-${++counter}-${Date.now()}`) => {
  const reply = await api.call('POST', '/v1/accounts', as, { body: { name, industry: '能源' } });
  if (reply.status !== 201) throw new Error(`create account: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as { id: string; name: string; version: number };
};

/** A key account with the given contact leader and sales manager, designated by `coordinator`. */
export const createKeyAccount = async (api: Api, coordinator: string, contactLeaderId: string, salesManagerId: string, effectiveOn = '2026-01-01') => {
  const account = await createAccount(api, coordinator);
  const reply = await api.call('POST', `/v1/accounts/${account.id}/designation`, coordinator, { body: { contactLeaderId, salesManagerId, effectiveOn } });
  if (reply.status !== 201) throw new Error(`designate: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as { id: string; name: string; version: number };
};
