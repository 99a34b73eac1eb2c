import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Staff } from '#shared/schemas/staff.ts';
import { csvCell } from '#shared/usecases/pay.ts';
import { type Api, startApi, type Body, ok, yuan } from '#test/support/api.ts';
import { closedResult } from '#test/support/close.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

/*
 * Issue 11, items 1, 5 and 6 through HTTP: a payment recorded after 2026-Q1 was finalised
 * is paid once, by 2026-Q2's statement; a late score that lowers pay is a negative
 * adjustment; the what-if equals a close of the same data; statements name accounts and
 * people, read in Chinese on request, and the CSV is safe to open in Excel.
 */
let api: Api;
let coordinator: Staff;
let finance: Staff;
let department: Staff;
let k: Staff;
let l: Staff;
let account: string;
let invoice: string;
let latePayment: string;
const accountName = '华信科技';
const formulaName = '=HYPERLINK("http://evil.example","L")';


beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  coordinator = await seedStaff(['coordinator']);
  const hire = async (name: string, dept: string, roles: string[]) =>
    ok(await api.call('POST', '/v1/staff', coordinator.id, { body: { name, department: dept, roles, grade: 'P6' } })) as Staff;
  finance = await hire('财务', '财务部', ['finance']);
  department = await hire('交付', '交付一部', ['department_staff']);
  k = await hire('联系领导K', '市场部', ['contact_leader']);
  l = await hire(formulaName, '市场部', ['sales_manager']);
  for (const kind of ['basic', 'rotation']) ok(await api.call('POST', `/v1/staff/${l.id}/training`, coordinator.id, { body: { kind, passed: true, completedOn: '2025-06-30' } }));
  ok(await api.call('PUT', '/v1/pay-policies/2026', coordinator.id, {
    body: { grades: [{ grade: 'P6', monthlyBase: 2_000_000, quarterlyPerformanceBase: 3_000_000, annualPerformanceBase: 12_000_000 }] },
  }));
  account = ok(await api.call('POST', '/v1/accounts', coordinator.id, { body: { name: accountName, industry: '能源' } })).id;
  ok(await api.call('POST', `/v1/accounts/${account}/designation`, coordinator.id, { body: { contactLeaderId: k.id, salesManagerId: l.id, effectiveOn: '2026-01-01' } }));
  // Quarter targets: contract 1,000,000 yuan, collection 800,000 yuan.
  ok(await api.call('PUT', `/v1/accounts/${account}/targets/2026`, coordinator.id, { body: { contractAmount: yuan(4_000_000), collectionAmount: yuan(3_200_000) } }));
  const opportunity = ok(await api.call('POST', '/v1/opportunities', l.id, { body: { accountId: account, title: '项目', source: 'sales', estimatedAmount: yuan(1_000_000) } }));
  const won = ok(await api.call('POST', `/v1/opportunities/${opportunity.id}/win`, l.id, { body: { wonOn: '2026-02-10', projects: [{ name: '项目', department: '交付一部', contractAmount: yuan(1_000_000) }] } }));
  invoice = ok(await api.call('POST', `/v1/projects/${won.projects[0].id}/invoices`, finance.id, { body: { amount: yuan(800_000), issuedOn: '2026-02-10', dueOn: '2026-04-30' } })).id;
  ok(await api.call('POST', `/v1/invoices/${invoice}/payments`, finance.id, { body: { amount: yuan(400_000), receivedOn: '2026-03-20' } }));
  for (const day of ['2026-01-12', '2026-02-09', '2026-03-16']) ok(await api.call('POST', `/v1/accounts/${account}/visits`, l.id, { body: { type: 'routine_visit', visitedOn: day, summary: '拜访' } }));
  for (const month of ['2026-01', '2026-02', '2026-03']) ok(await api.call('POST', `/v1/accounts/${account}/reports`, l.id, { body: { month, summary: '月报' } }));
});
afterAll(() => api.close());

const close = (period: string) => closedResult(api, period, coordinator.id);
const finalize = (period: string) => api.call('POST', `/v1/periods/${period}/finalize`, coordinator.id);
const statementOf = async (period: string, who: Staff, headers: Record<string, string> = {}) => ok(await api.call('GET', `/v1/periods/${period}/statements/${who.id}`, coordinator.id, { headers }), 200);

describe('late records roll forward, paid exactly once', () => {
  it('pays a 2026-Q1 payment recorded after Q1 was finalised in 2026-Q2, with its cause; a re-close the same; Q3 pays it no second time', async () => {
    await close('2026-Q1');
    ok(await finalize('2026-Q1'));
    const q1Before = await statementOf('2026-Q1', l);
    // R = 0.6 × 1 + 0.25 × 0.5 + 0.15 × 1 = 0.8750: basically completed, 3,000,000 × 0.8.
    expect(q1Before).toMatchObject({ status: 'final', basePay: 6_000_000, performancePay: 2_400_000, teamShare: 0, total: 8_400_000, adjustments: [] });
    expect(q1Before.assessments[0]).toMatchObject({ ratio: '0.8750', tier: 'basically_completed' });

    latePayment = ok(await api.call('POST', `/v1/invoices/${invoice}/payments`, finance.id, { body: { amount: yuan(400_000), receivedOn: '2026-03-25' } })).payment.id;
    const closed = await close('2026-Q2');
    expect(closed.statementCount).toBe(2);

    const q2 = await statementOf('2026-Q2', l);
    expect(q2.adjustments).toHaveLength(1);
    expect(q2.adjustments[0]).toMatchObject({
      kind: 'prior_period',
      period: '2026-Q1',
      amount: 1_200_000,
      paidAmount: 8_400_000,
      carriedAmount: 0,
      repricedAmount: 9_600_000,
      records: [{ kind: 'payment', id: latePayment, date: '2026-03-25' }],
      changes: [{ role: 'sales_manager', ratioBefore: '0.8750', ratioAfter: '1.0000', tierBefore: 'basically_completed', tierAfter: 'exceeded', performancePayBefore: 2_400_000, performancePayAfter: 3_600_000 }],
    });
    expect(q2.adjustments[0].reason).toContain(`payment ${latePayment} dated 2026-03-25`);
    expect(q2.total).toBe(q2.basePay + q2.performancePay + q2.teamShare + 1_200_000);
    expect(q2.explanation.at(-1)).toBe('Total: 6,000,000 fen + 0 fen + 0 fen +1,200,000 fen = 7,200,000 fen');
    console.log('late payment, 2026-Q2 statement of L as the API printed it:', JSON.stringify({ basePay: q2.basePay, performancePay: q2.performancePay, teamShare: q2.teamShare, total: q2.total, adjustments: q2.adjustments }));

    // K, the contact leader, had no visit or review: R 0.7250 → 0.8500, not completed → basically completed.
    const kq2 = await statementOf('2026-Q2', k);
    expect(kq2.adjustments).toMatchObject([{ kind: 'prior_period', period: '2026-Q1', amount: 2_400_000, changes: [{ role: 'contact_leader', ratioBefore: '0.7250', ratioAfter: '0.8500', tierBefore: 'not_completed', tierAfter: 'basically_completed' }] }]);

    // The finalised statement never changes; the bulletin's totals include the adjustment.
    expect(await statementOf('2026-Q1', l)).toMatchObject({ version: 1, total: 8_400_000, adjustments: [] });
    const people = ok(await api.call('GET', '/v1/periods/2026-Q2/bulletin?section=people', coordinator.id), 200);
    expect(people.items.find((p: Body) => p.staffId === l.id).total).toBe(q2.total);

    const again = await close('2026-Q2');
    expect(again.changed).toBe(0);
    expect((await statementOf('2026-Q2', l)).adjustments).toEqual(q2.adjustments);

    ok(await finalize('2026-Q2'));
    await close('2026-Q3');
    expect((await statementOf('2026-Q3', l)).adjustments).toEqual([]);
    expect((await statementOf('2026-Q3', k)).adjustments).toEqual([]);
  });

  it('turns a late record that lowers pay into a negative adjustment: a late 2026-Q1 score below 60 demotes K, whose raise 2026-Q2 already paid', async () => {
    const score = ok(await api.call('POST', '/v1/peer-scores', department.id, { body: { period: '2026-Q1', targetStaffId: k.id, score: 50 } }));
    await close('2026-Q3');
    const kq3 = await statementOf('2026-Q3', k);
    expect(kq3.adjustments).toMatchObject([
      {
        kind: 'prior_period',
        period: '2026-Q1',
        amount: -2_400_000,
        paidAmount: 6_000_000,
        carriedAmount: 2_400_000,
        repricedAmount: 6_000_000,
        records: [{ kind: 'peer-score', id: `2026-Q1/${k.id}`, date: '2026-Q1', recordedAt: score.scoredAt }],
        changes: [{ role: 'contact_leader', tierBefore: 'not_completed', tierAfter: 'not_completed', performancePayBefore: 0, performancePayAfter: 0 }],
      },
    ]);
    expect(kq3.total).toBe(kq3.basePay + kq3.performancePay + kq3.teamShare - 2_400_000);
    // L's 2026-Q1 pay is unchanged by K's score: nothing for L.
    expect((await statementOf('2026-Q3', l)).adjustments).toEqual([]);
  });
});

describe('statements people can read', () => {
  it('names accounts and people, and reads in Chinese with Accept-Language: zh-CN (the same numbers)', async () => {
    const en = await statementOf('2026-Q2', l);
    const zh = await statementOf('2026-Q2', l, { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' });
    const named = `${accountName} (${account})`;
    expect(en.assessments[0].explanation).toContain(en.assessments[0].explanation.find((line: string) => line.startsWith(`Account ${named}: held`)));
    expect(zh.assessments[0].explanation.some((line: string) => line.startsWith(`客户 ${named}：`) || line.startsWith(`客户 ${named}: `))).toBe(true);
    expect(en.assessments[0].explanation[0]).toContain(`${formulaName} (${l.id})`);
    expect(zh.explanation.some((line: string) => line.startsWith('基本工资'))).toBe(true);
    expect(zh.adjustments[0].reason).toContain('定稿后补录的记录重新核算');
    const digits = (lines: string[]) => lines.map((line) => line.match(/\d+/g)?.join(' '));
    expect(digits(zh.explanation)).toEqual(digits(en.explanation));
    expect(digits(zh.assessments[0].explanation)).toEqual(digits(en.assessments[0].explanation));
    expect({ ...zh, explanation: [], assessments: [], adjustments: [] }).toEqual({ ...en, explanation: [], assessments: [], adjustments: [] });
    expect(zh.adjustments.map((a: Body) => a.amount)).toEqual(en.adjustments.map((a: Body) => a.amount));
    const page = ok(await api.call('GET', '/v1/periods/2026-Q2/statements', coordinator.id, { headers: { 'accept-language': 'zh-CN' } }), 200);
    expect(page.items.find((s: Body) => s.staffId === l.id).explanation).toEqual(zh.explanation);
  });

  it('exports the adjustment columns in a CSV that Excel will not run: BOM kept, a name like =HYPERLINK(…) prefixed with \'', async () => {
    const reply = await fetch(`${api.base}/v1/periods/2026-Q2/statements.csv`, { headers: { authorization: `Bearer ${await api.token(finance.id)}` } });
    expect(reply.status).toBe(200);
    const bytes = new Uint8Array(await reply.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const [header = '', ...rows] = text.trim().split('\r\n');
    const columns = header.split(',');
    expect(columns).toEqual(expect.arrayContaining(['priorPeriodAdjustments (yuan)', 'manualAdjustments (yuan)', 'priorPeriodAdjustments (fen)', 'manualAdjustments (fen)', 'adjustments']));
    const row = rows.find((r) => r.startsWith(l.id)) ?? '';
    expect(row).toContain(`,"'=HYPERLINK(""http://evil.example"",""L"")",`);
    expect(row).toContain(',12000.00,0.00,');
    expect(row).toContain(',1200000,0,7200000,prior_period 2026-Q1: 1200000');
    expect(text).not.toMatch(/(^|,)"?[=+@]/m);
  });

  it('guards every text cell that starts like a formula, and leaves plain numbers alone', () => {
    expect(['=1+1', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx', 'ok', '-12.00', '7'].map(csvCell)).toEqual(["'=1+1", "'+1", "'-1+2", "'@SUM(A1)", "'\tx", `"'\rx"`, 'ok', '-12.00', '7']);
    expect(csvCell(-5)).toBe('-5');
  });
});

describe('what-if', () => {
  it('answers the person, coordinators and leadership only; 404 for nobody; 409 for a finalised or not yet open period', async () => {
    expect((await api.call('GET', `/v1/periods/2026-Q4/estimate?staffId=${l.id}`, l.id)).status).toBe(200);
    expect((await api.call('GET', `/v1/periods/2026-Q4/estimate?staffId=${l.id}`, coordinator.id)).status).toBe(200);
    expect((await api.call('GET', `/v1/periods/2026-Q4/estimate?staffId=${l.id}`, k.id)).status).toBe(403);
    expect((await api.call('GET', `/v1/periods/2026-Q4/estimate?staffId=${l.id}`, finance.id)).status).toBe(403);
    expect((await api.call('GET', '/v1/periods/2026-Q4/estimate?staffId=01JNOBODY0000000000000000', coordinator.id)).status).toBe(404);
    const finalised = await api.call('GET', `/v1/periods/2026-Q1/estimate?staffId=${l.id}`, l.id);
    expect(finalised.status).toBe(409);
    expect(finalised.body.type).toMatch(/period-finalised$/);
    const notOpen = await api.call('GET', `/v1/periods/2099-Q1/estimate?staffId=${l.id}`, l.id);
    expect(notOpen.status).toBe(409);
    expect(notOpen.body.type).toMatch(/period-not-open$/);
  });

  it('gives the figures a close gives on the same data plus the added amounts, recorded for real; toNextTier is the least that lifts the tier', async () => {
    const adds = { addContractAmount: yuan(500_000), addCollectionAmount: yuan(300_000), addVisits: 2 };
    const estimate = ok(await api.call('GET', `/v1/periods/2026-Q4/estimate?staffId=${l.id}&addContractAmount=${adds.addContractAmount}&addCollectionAmount=${adds.addCollectionAmount}&addVisits=2`, l.id), 200);
    expect(estimate).toMatchObject({ period: '2026-Q4', staffId: l.id, teamShareEstimated: false, ...adds });
    const manager = estimate.assessments.find((a: Body) => a.role === 'sales_manager');
    expect(manager).toMatchObject({ ratio: '0.0000', tier: 'not_completed', performancePay: 0 });
    expect(manager.toNextTier).toMatchObject({ tier: 'basically_completed', minimum: '0.80' });

    // The least contract alone that reaches the next tier does; one fen less does not.
    const lever = manager.toNextTier.contractAmount as number;
    const at = async (amount: number) =>
      ok(await api.call('GET', `/v1/periods/2026-Q4/estimate?staffId=${l.id}&addContractAmount=${amount}`, l.id), 200).assessments.find((a: Body) => a.role === 'sales_manager').whatIf.tier;
    expect(await at(lever)).toBe('basically_completed');
    expect(await at(lever - 1)).toBe('not_completed');

    // Record the same amounts for real on the day the estimate put them, then close.
    const on = estimate.on as string;
    const opportunity = ok(await api.call('POST', '/v1/opportunities', l.id, { body: { accountId: account, title: '四季度', source: 'sales', estimatedAmount: adds.addContractAmount } }));
    const won = ok(await api.call('POST', `/v1/opportunities/${opportunity.id}/win`, l.id, { body: { wonOn: on, projects: [{ name: '四季度', department: '交付一部', contractAmount: adds.addContractAmount }] } }));
    const bill = ok(await api.call('POST', `/v1/projects/${won.projects[0].id}/invoices`, finance.id, { body: { amount: adds.addCollectionAmount, issuedOn: on, dueOn: on } }));
    ok(await api.call('POST', `/v1/invoices/${bill.id}/payments`, finance.id, { body: { amount: adds.addCollectionAmount, receivedOn: on } }));
    for (let i = 0; i < adds.addVisits; i++) ok(await api.call('POST', `/v1/accounts/${account}/visits`, l.id, { body: { type: 'formal_visit', visitedOn: on, summary: '拜访' } }));
    const now = ok(await api.call('GET', `/v1/periods/2026-Q4/estimate?staffId=${l.id}`, l.id), 200).assessments.find((a: Body) => a.role === 'sales_manager');
    await close('2026-Q4');
    const closed = (await statementOf('2026-Q4', l)).assessments.find((a: Body) => a.role === 'sales_manager');
    for (const figures of [manager.whatIf, { ratio: now.ratio, tier: now.tier, coefficient: now.coefficient, demoted: now.demoted, components: now.components, performancePay: now.performancePay }]) {
      expect(figures).toEqual({ ratio: closed.ratio, tier: closed.tier, coefficient: closed.coefficient, demoted: closed.demoted, components: closed.components, performancePay: closed.performancePay });
    }
    console.log('what-if vs close, L in 2026-Q4:', JSON.stringify({ whatIf: manager.whatIf, closed: { ratio: closed.ratio, tier: closed.tier, performancePay: closed.performancePay } }));
  });
});
