import { beforeAll, describe, expect, it } from 'vitest';
import { canonical } from '#shared/domain/pay/close.ts';
import { parsePayPeriod } from '#shared/domain/pay/period.ts';
import { type Gathered, type GatheredAccount, batchSize, emptyGathered, keepGathered, loadGathered, mergeGathered, summarise } from '#shared/usecases/close.ts';
import { account, held, policy, reports, visits } from '#test/unit/domain/pay/builders.ts';
import { createTestTable } from '#test/support/table.ts';

beforeAll(createTestTable);

const q1 = parsePayPeriod('2026-Q1');
const gatheredAccount = (id: string, name: string, staffIds: [string, string]): GatheredAccount => ({
  ...account(id, {
    assignments: [held('sales_manager', staffIds[0], '2026-01-20'), held('contact_leader', staffIds[1], '2025-07-01', '2026-03-03')],
    targets: { contract: [10_000_001, 3, 0, 0], collection: [7_777_777, 0, 0, 0] },
    projects: [{ contractAmount: 3_000_000, wonOn: '2026-03-01' }],
    payments: [{ amount: 1_234_567, receivedOn: '2026-02-16' }],
    visits: [...visits(staffIds[0], 'routine_visit', '2026-02-20'), ...visits(staffIds[1], 'formal_visit', '2026-01-05')],
    reports: reports(staffIds[0], '2026-02'),
  }),
  name,
  keySince: '2025-01-01',
});

/** DynamoDB keeps no key order in maps (nor does any statement it stores): compared with keys sorted, people by id. */
const asJson = (g: Gathered) =>
  canonical(JSON.parse(JSON.stringify({ people: [...g.people].sort(([a], [b]) => a.localeCompare(b)), team: g.team, names: [...g.names] }, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))));

describe('a distributed close’s working set', () => {
  it('gives the finish, batch by batch in the tier index’s order, the same partial sums the gather made in one process', async () => {
    // The tier index orders by the UTF-8 bytes of name#id: 'Ａ' (U+FF21) before '😀' (U+1F600), though UTF-16 puts them the other way.
    const first = [gatheredAccount('Z1', 'Ａcme', ['L', 'K']), gatheredAccount('Z2', 'Ａcme 2', ['M', 'K'])];
    const second = [gatheredAccount('B1', '😀 Smile', ['L', 'N'])];
    const [one, two] = [summarise(first, q1, policy), summarise(second, q1, policy)];
    // Written in the other order, as a Map may finish them; their keys (by first id) sort the other way too.
    await keepGathered(q1.id, 'run-work', { first: { name: '😀 Smile', id: 'B1' }, accounts: 1, gathered: two }, new Date());
    await keepGathered(q1.id, 'run-work', { first: { name: 'Ａcme', id: 'Z1' }, accounts: 2, gathered: one }, new Date());
    const expected = emptyGathered();
    mergeGathered(expected, summarise(first, q1, policy));
    mergeGathered(expected, summarise(second, q1, policy));
    const loaded = await loadGathered(q1.id, 'run-work');
    expect(loaded.people.get('L')?.sales_manager?.rows.map((r) => r.accountId)).toEqual(['Z1', 'B1']);
    expect(loaded.people.get('K')?.contact_leader?.rows.map((r) => r.accountId)).toEqual(['Z1', 'Z2']);
    expect(asJson(loaded)).toBe(asJson(expected));
  });

  it('keeps a whole batch held by one person within DynamoDB’s 400 KB an item, with the longest names', async () => {
    // One sales manager and one contact leader on every account of a batch: each person's part holds a row and lines per account.
    const longest = (i: number) => `${'客'.repeat(195)}${String(i).padStart(5, '0')}`;
    const accounts = Array.from({ length: batchSize }, (_, i) => gatheredAccount(`W${String(i).padStart(4, '0')}`, longest(i), ['L', 'K']));
    const gathered = summarise(accounts, q1, policy);
    await keepGathered(q1.id, 'run-big', { first: { name: longest(0), id: 'W0000' }, accounts: batchSize, gathered }, new Date());
    const loaded = await loadGathered(q1.id, 'run-big');
    expect(loaded.people.get('L')?.sales_manager?.rows).toHaveLength(batchSize);
    expect(asJson(loaded)).toBe(asJson(gathered));
  });
});

