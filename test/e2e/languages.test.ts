import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Staff } from '#shared/schemas/staff.ts';
import { createAccount, createKeyAccount, seedTrainedSalesManager } from '#test/support/accounts.ts';
import { type Api, type CallOptions, type Reply, startApi } from '#test/support/api.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

/* Problems in the caller's language (Accept-Language); type, status and paths never change. */

let api: Api;
let coordinator: Staff;
let contactLeader: Staff;
let manager: Staff;
let otherManager: Staff;
let keyAccountId: string;

beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  coordinator = await seedStaff(['coordinator']);
  contactLeader = await seedStaff(['contact_leader']);
  manager = await seedTrainedSalesManager();
  otherManager = await seedTrainedSalesManager();
  keyAccountId = (await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id)).id;
});
afterAll(() => api.close());

const cjk = /[\u3400-\u9fff]/;
const zh = { 'accept-language': 'zh-CN' };

/** The same request in English (no header) and in Chinese. */
const both = async (method: string, path: string, as: string, options: CallOptions = {}): Promise<[Reply, Reply]> => [
  await api.call(method, path, as, options),
  await api.call(method, path, as, { ...options, headers: { ...options.headers, ...zh } }),
];

/** Same type, status and field paths; title, detail and every field message in Chinese. */
const expectSameProblemInChinese = (en: Reply, cn: Reply) => {
  expect(cn.status).toBe(en.status);
  expect(cn.body.type).toBe(en.body.type);
  expect(cn.headers.get('content-type')).toBe('application/problem+json');
  expect(en.headers.get('content-language')).toBe('en');
  expect(cn.headers.get('content-language')).toBe('zh-CN');
  for (const reply of [en, cn]) expect(reply.headers.get('vary') ?? '', 'vary').toMatch(/accept-language/i);
  for (const field of ['title', 'detail'] as const) {
    expect(cn.body[field], field).toMatch(cjk);
    expect(en.body[field], field).not.toMatch(cjk);
  }
  const paths = (r: Reply) => (r.body.errors ?? []).map((e: { path: string }) => e.path);
  expect(paths(cn)).toEqual(paths(en));
  for (const error of cn.body.errors ?? []) expect(error.message, error.path).toMatch(cjk);
};

describe('problems in Chinese for Accept-Language: zh-CN', () => {
  it('400: the title, detail and each field message in Chinese, with the same type and paths', async () => {
    const body = { name: '', industry: 5, colour: 'red', creditCode: '91440300192203821X' };
    const [en, cn] = await both('POST', '/v1/accounts', coordinator.id, { body });
    expect(en.status).toBe(400);
    expectSameProblemInChinese(en, cn);
    expect(en.body.errors.length).toBeGreaterThanOrEqual(3);
    expect(cn.body).toMatchObject({ title: '请求无效', detail: `${en.body.errors.length} 个字段无效` });
    const byPath = Object.fromEntries(cn.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
    expect(byPath['body.colour']).toBe('未知字段：colour');
    expect(byPath['body.name']).toBe('不得为空');
    expect(byPath['body.industry']).toBe('输入无效：应为字符串，实际为数字');
    expect(byPath['body.creditCode']).toBe('不是有效的统一社会信用代码：校验码错误');
  });

  it('403 account-owned: says in Chinese that the key account belongs to its team', async () => {
    const version = (await api.call('GET', `/v1/accounts/${keyAccountId}`, coordinator.id)).body.version;
    const [en, cn] = await both('PATCH', `/v1/accounts/${keyAccountId}`, otherManager.id, { body: { name: '抢客户' }, headers: { 'if-match': `"${version}"` } });
    expect(en.status).toBe(403);
    expect(cn.body.type).toMatch(/\/account-owned$/);
    expectSameProblemInChinese(en, cn);
    expect(cn.body.title).toBe('该大客户由其指定团队专属负责');
    expect(cn.body.detail).toContain('大客户');
    expect(cn.body.detail).toContain('市场协同小组');
    expect(en.body.detail).toMatch(/coordination group/);
  });

  it('404: the missing thing named in Chinese, its id unchanged', async () => {
    const [en, cn] = await both('GET', '/v1/accounts/NOSUCH1', coordinator.id);
    expect(en.status).toBe(404);
    expectSameProblemInChinese(en, cn);
    expect(en.body.detail).toBe('No account NOSUCH1');
    expect(cn.body).toMatchObject({ title: '未找到', detail: '没有客户 NOSUCH1' });
  });

  it('409: designating a key account again', async () => {
    const body = { contactLeaderId: contactLeader.id, salesManagerId: otherManager.id, effectiveOn: '2026-03-01' };
    const [en, cn] = await both('POST', `/v1/accounts/${keyAccountId}/designation`, coordinator.id, { body });
    expect(en.status).toBe(409);
    expectSameProblemInChinese(en, cn);
    expect(cn.body.detail).toContain(keyAccountId);
  });

  it('412: a stale If-Match', async () => {
    const account = await createAccount(api, coordinator.id);
    const [en, cn] = await both('PATCH', `/v1/accounts/${account.id}`, coordinator.id, { body: { name: '新名字' }, headers: { 'if-match': '"99"' } });
    expect(en.status).toBe(412);
    expect(cn.body.type).toMatch(/\/stale-version$/);
    expectSameProblemInChinese(en, cn);
    expect(cn.body.title).toBe('前提条件不成立');
  });

  it('422 sales-manager-untrained: the rule in Chinese, the field named as always', async () => {
    const untrained = await seedStaff(['sales_manager']);
    const account = await createAccount(api, coordinator.id);
    const body = { contactLeaderId: contactLeader.id, salesManagerId: untrained.id, effectiveOn: '2026-03-01' };
    const [en, cn] = await both('POST', `/v1/accounts/${account.id}/designation`, coordinator.id, { body });
    expect(en.status).toBe(422);
    expect(cn.body.type).toMatch(/\/sales-manager-untrained$/);
    expectSameProblemInChinese(en, cn);
    expect(en.body.errors).toEqual([{ path: 'body.salesManagerId', message: 'has not passed basic and rotation training' }]);
    expect(cn.body.errors).toEqual([{ path: 'body.salesManagerId', message: '尚未通过基础培训和轮岗培训' }]);
    expect(cn.body).toMatchObject({ title: '违反了业务规则', detail: 'body.salesManagerId：尚未通过基础培训和轮岗培训' });
  });
});

describe('choosing the language', () => {
  const languageFor = async (header: string) =>
    (await api.call('GET', '/v1/accounts/NOSUCH2', coordinator.id, { headers: { 'accept-language': header } })).headers.get('content-language');

  it('takes the best match by q-value; anything else is English', async () => {
    for (const header of ['zh', 'zh-Hans', 'zh-CN;q=0.9,en;q=0.8', 'fr, zh;q=0.5']) expect(await languageFor(header), header).toBe('zh-CN');
    for (const header of ['en-US', 'en;q=0.9,zh-CN;q=0.8', 'fr', 'de-DE,ja;q=0.5']) expect(await languageFor(header), header).toBe('en');
  });

  it('leaves the gateway’s own 401 body as API Gateway has it', async () => {
    const [en, cn] = [await api.call('GET', '/v1/accounts', null), await api.call('GET', '/v1/accounts', null, { headers: zh })];
    expect(en.status).toBe(401);
    expect(cn.status).toBe(401);
    expect(cn.body).toEqual(en.body);
  });
});
