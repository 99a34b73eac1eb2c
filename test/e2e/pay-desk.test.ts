import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditTrail } from '#shared/db/audit.ts';
import { getPeriodState } from '#shared/db/pay.ts';
import type { Staff } from '#shared/schemas/staff.ts';
import { createKeyAccount, seedTrainedSalesManager } from '#test/support/accounts.ts';
import { type Api, startApi } from '#test/support/api.ts';
import { closedResult } from '#test/support/close.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

/*
 * The pay desk (issue 11 items 2–4) through the HTTP API: four-eyes manual adjustments,
 * inquiries that hold finalise back (or a forced finalise, its reason kept), and sign-off
 * of statements and of the year's pay policy.
 */

let api: Api;
let c1: Staff;
let c2: Staff;
let finance: Staff;
let k: Staff;
let l: Staff;
const grades = [{ grade: 'P6', monthlyBase: 2_000_000, quarterlyPerformanceBase: 3_000_000, annualPerformanceBase: 12_000_000 }];

const post = (path: string, who: Staff, body?: unknown) => api.call('POST', path, who.id, body === undefined ? {} : { body });
const get = (path: string, who: Staff) => api.call('GET', path, who.id);

beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  c1 = await seedStaff(['coordinator']);
  c2 = await seedStaff(['coordinator']);
  finance = await seedStaff(['finance'], { department: '财务部' });
  k = await seedStaff(['contact_leader']);
  l = await seedTrainedSalesManager();
  expect((await api.call('PUT', '/v1/pay-policies/2026', c1.id, { body: { grades } })).status).toBe(201);
  const account = (await createKeyAccount(api, c1.id, k.id, l.id, '2026-01-01')).id;
  expect((await api.call('PUT', `/v1/accounts/${account}/targets/2026`, c1.id, { body: { contractAmount: 400_000_000, collectionAmount: 320_000_000 } })).status).toBe(201);
  await closedResult(api, '2026-Q1', c1.id);
}, 60_000);
afterAll(() => api.close());

describe('the pay desk', () => {
  let adjustmentId = '';
  let before: { total: number; basePay: number; performancePay: number; teamShare: number };

  it('four eyes: the author cannot approve, a second coordinator can, once; finalise waits for it and for the re-close', async () => {
    before = (await get(`/v1/periods/2026-Q1/statements/${l.id}`, l)).body;
    expect(before.total).toBe(before.basePay + before.performancePay + before.teamShare);

    expect((await post('/v1/periods/2026-Q1/adjustments', c1, { staffId: l.id, amount: 0, category: 'bonus', reason: '零' })).status).toBe(400);
    expect((await post('/v1/periods/2026-Q3/adjustments', c1, { staffId: l.id, amount: 1, category: 'bonus', reason: '未结' })).status).toBe(404);
    expect((await post('/v1/periods/2026-Q1/adjustments', c1, { staffId: c2.id, amount: 1, category: 'bonus', reason: '无结算单' })).status).toBe(404);
    const created = await post('/v1/periods/2026-Q1/adjustments', c1, { staffId: l.id, amount: 123_456, category: 'correction', reason: '漏记回款' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'pending', createdBy: c1.id, approvedBy: null, amount: 123_456 });
    adjustmentId = created.body.id;

    const pending = await get('/v1/periods/2026-Q1/adjustments?status=pending', finance);
    expect(pending.body.items.map((a: { id: string }) => a.id)).toEqual([adjustmentId]);
    const finalise = await post('/v1/periods/2026-Q1/finalize', c1);
    expect(finalise.status).toBe(409);
    expect(finalise.body.type).toMatch(/adjustments-pending$/);

    const byAuthor = await post(`/v1/periods/2026-Q1/adjustments/${adjustmentId}/approval`, c1);
    expect(byAuthor.status).toBe(403);
    expect(byAuthor.body.type).toMatch(/four-eyes$/);
    const approved = await post(`/v1/periods/2026-Q1/adjustments/${adjustmentId}/approval`, c2);
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: c2.id });
    expect((await post(`/v1/periods/2026-Q1/adjustments/${adjustmentId}/approval`, finance)).status).toBe(409);
    expect((await get('/v1/periods/2026-Q1/adjustments?status=pending', c1)).body.items).toEqual([]);
    expect((await get('/v1/periods/2026-Q1/adjustments?status=approved', c1)).body.items).toHaveLength(1);

    // Approval changes no statement by itself: finalise asks for the close that carries it.
    const stale = await post('/v1/periods/2026-Q1/finalize', c1);
    expect(stale.status).toBe(409);
    expect(stale.body.type).toMatch(/reclose-needed$/);
    expect((await get(`/v1/periods/2026-Q1/statements/${l.id}`, l)).body.total).toBe(before.total);

    await closedResult(api, '2026-Q1', c1.id);
    const after = (await get(`/v1/periods/2026-Q1/statements/${l.id}`, l)).body;
    expect(after.adjustments).toEqual([{ kind: 'manual', id: adjustmentId, category: 'correction', amount: 123_456, reason: '漏记回款', approvedBy: c2.id }]);
    expect(after.total).toBe(after.basePay + after.performancePay + after.teamShare + 123_456);
    expect(after.total).toBe(before.total + 123_456);
    // One explanation for both kinds of adjustment (statement.ts withAdjustments): the line, then the total with it.
    expect(after.explanation).toContain('Adjustment manual: +123,456 fen (漏记回款)');
    expect(after.explanation.at(-1)).toMatch(/^Total: .* \+123,456 fen = /);
    const people = (await get('/v1/periods/2026-Q1/bulletin?section=people', c1)).body.items as { staffId: string; total: number }[];
    expect(people.find((p) => p.staffId === l.id)?.total).toBe(after.total);
    // The others' statements are untouched.
    const kStatement = (await get(`/v1/periods/2026-Q1/statements/${k.id}`, k)).body;
    expect(kStatement.adjustments).toEqual([]);
    const trail = await listAuditTrail('pay-adjustment', `2026-Q1#${adjustmentId}`);
    expect(trail.map((a) => a.action)).toEqual(['create', 'approve']);
  });

  it('inquiries: only the person raises one, coordinators list and answer it once, open ones hold finalise back', async () => {
    const path = `/v1/periods/2026-Q1/statements/${l.id}/inquiries`;
    expect((await post(path, k, { text: '不是我的' })).status).toBe(403);
    expect((await post(path, l, { text: '账户不对', accountId: 'NOSUCHACCOUNT' })).status).toBe(422);
    const raised = await post(path, l, { role: 'sales_manager', line: 0, text: '回款金额有误' });
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({ status: 'open', staffId: l.id, role: 'sales_manager', line: 0, answer: null, ageDays: 0 });
    const id = raised.body.id as string;

    const open = await get('/v1/inquiries?status=open', c1);
    expect(open.body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await get('/v1/inquiries', l)).body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await get('/v1/inquiries', k)).body.items).toEqual([]);
    expect((await get(`/v1/inquiries?staffId=${l.id}`, k)).status).toBe(403);

    const blocked = await post('/v1/periods/2026-Q1/finalize', c1);
    expect(blocked.status).toBe(409);
    expect(blocked.body.type).toMatch(/open-inquiries$/);

    expect((await post(`/v1/inquiries/${id}/answer`, c1, { outcome: 'accepted', action: 'adjusted', note: '已调整' })).status).toBe(400);
    expect((await post(`/v1/inquiries/${id}/answer`, c1, { outcome: 'accepted', action: 'adjusted', adjustmentId: 'NOSUCH', note: '已调整' })).status).toBe(404);
    const answered = await post(`/v1/inquiries/${id}/answer`, c1, { outcome: 'accepted', action: 'adjusted', adjustmentId, note: '已补记回款' });
    expect(answered.status).toBe(201);
    expect(answered.body).toMatchObject({ status: 'answered', answeredBy: c1.id, answer: { outcome: 'accepted', action: 'adjusted', adjustmentId } });
    const again = await post(`/v1/inquiries/${id}/answer`, c2, { outcome: 'rejected', reason: '重复' });
    expect(again.status).toBe(409);
    expect(again.body.type).toMatch(/already-answered$/);
    const read = await get(`/v1/inquiries/${id}`, l);
    expect(read.status).toBe(200);
    expect(read.body.answer).toEqual({ outcome: 'accepted', action: 'adjusted', adjustmentId, note: '已补记回款' });
    expect((await get(`/v1/inquiries/${id}`, k)).status).toBe(403);
    expect((await get('/v1/inquiries?status=open', c1)).body.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('sign-off of statements: not before final; a forced finalise keeps its reason; pending shrinks as people acknowledge, once each', async () => {
    expect((await post(`/v1/periods/2026-Q1/statements/${l.id}/acknowledgement`, l)).status).toBe(409);
    const second = await post(`/v1/periods/2026-Q1/statements/${k.id}/inquiries`, k, { text: '拜访次数不对' });
    expect(second.status).toBe(201);
    expect((await post('/v1/periods/2026-Q1/finalize', c1, { force: true })).status).toBe(400);
    // The body is optional only when left out: an empty one typed as JSON is still a 400.
    expect((await api.call('POST', '/v1/periods/2026-Q1/finalize', c1.id, { rawBody: '' })).status).toBe(400);
    const forced = await post('/v1/periods/2026-Q1/finalize', c1, { force: true, reason: '发薪截止，查询下期处理' });
    expect(forced.status).toBe(201);
    expect(forced.body).toMatchObject({ status: 'final', forced: { reason: '发薪截止，查询下期处理', by: c1.id, openInquiries: 1 } });
    expect((await getPeriodState('2026-Q1'))?.forced).toMatchObject({ reason: '发薪截止，查询下期处理', openInquiries: 1 });
    const trail = await listAuditTrail('period', '2026-Q1');
    expect(trail.find((a) => a.action === 'finalize')?.after).toMatchObject({ forced: { reason: '发薪截止，查询下期处理' } });
    // A final period takes no more adjustments; its statement still takes inquiries.
    expect((await post('/v1/periods/2026-Q1/adjustments', c1, { staffId: l.id, amount: 1, category: 'other', reason: '晚了' })).status).toBe(409);
    expect((await post(`/v1/periods/2026-Q1/statements/${l.id}/inquiries`, l, { text: '终稿也可查询' })).status).toBe(201);
    const csv = await fetch(`${api.base}/v1/periods/2026-Q1/statements.csv`, { headers: { authorization: `Bearer ${await api.token(finance.id)}` } });
    // The payroll row carries the manual adjustment in its own column and in the total (the CSV gained adjustment columns, issue 11 item 6).
    const [header = '', ...rows] = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    const columns = header.split(',');
    const row = rows.map((r) => r.split(',')).find((cells) => cells[0] === l.id) ?? [];
    expect(row[columns.indexOf('manualAdjustments (fen)')]).toBe('123456');
    expect(row[columns.indexOf('total (fen)')]).toBe(String(before.total + 123_456));

    const pendingOf = async () => ((await get('/v1/periods/2026-Q1/acknowledgements?pending=true', finance)).body.items as { staffId: string }[]).map((p) => p.staffId).sort();
    expect(await pendingOf()).toEqual([k.id, l.id].sort());
    expect((await post(`/v1/periods/2026-Q1/statements/${l.id}/acknowledgement`, k)).status).toBe(403);
    const ack = await post(`/v1/periods/2026-Q1/statements/${l.id}/acknowledgement`, l);
    expect(ack.status).toBe(201);
    expect(ack.body).toMatchObject({ staffId: l.id, total: before.total + 123_456 });
    expect(await pendingOf()).toEqual([k.id]);
    expect((await post(`/v1/periods/2026-Q1/statements/${l.id}/acknowledgement`, l)).status).toBe(409);
    const all = (await get('/v1/periods/2026-Q1/acknowledgements?pending=false', c1)).body;
    expect(all).toMatchObject({ statementCount: 2, acknowledged: 1 });
  });

  it('sign-off of the pay policy: those assessed acknowledge each version once; a new version asks again', async () => {
    const pendingOf = async () => ((await get('/v1/pay-policies/2026/acknowledgements?pending=true', finance)).body.items as { staffId: string }[]).map((p) => p.staffId).sort();
    expect(await pendingOf()).toEqual([k.id, l.id].sort());
    expect((await post('/v1/pay-policies/2026/acknowledgement', finance)).status).toBe(403);
    expect((await post('/v1/pay-policies/2026/acknowledgement', l)).body).toMatchObject({ policyVersion: 1 });
    expect((await post('/v1/pay-policies/2026/acknowledgement', l)).status).toBe(409);
    expect(await pendingOf()).toEqual([k.id]);

    const changed = await api.call('PUT', '/v1/pay-policies/2026', c1.id, { body: { grades, attainmentCap: '1.4' }, headers: { 'if-match': '"1"' } });
    expect(changed.status).toBe(200);
    expect(await pendingOf()).toEqual([k.id, l.id].sort());
    const listed = (await get('/v1/pay-policies/2026/acknowledgements?pending=true', c1)).body;
    expect(listed).toMatchObject({ policyVersion: 2, assessed: 2, acknowledged: 0 });
    expect(listed.items.find((p: { staffId: string }) => p.staffId === l.id)).toMatchObject({ acknowledgedVersion: 1 });
    expect((await post('/v1/pay-policies/2026/acknowledgement', l)).body).toMatchObject({ policyVersion: 2, version: 2 });
    expect((await post('/v1/pay-policies/2026/acknowledgement', k)).status).toBe(201);
    expect(await pendingOf()).toEqual([]);
  });
});
