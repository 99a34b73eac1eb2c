import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { RuleViolation } from '#shared/errors.ts';
import { publicRoute } from '#shared/http/public-handler.ts';
import { defineRoute } from '#shared/http/route.ts';
import { lambdaContext, sampleEvent } from '#test/support/events.ts';

// A public route (no staff lookup, so no database) that exercises every other layer.
const echoRoute = defineRoute({
  id: 'echo',
  method: 'PATCH',
  path: '/v1/echo/{id}',
  handler: 'test/echo',
  summary: 'echo',
  tag: 'Test',
  auth: 'public',
  tableAccess: 'none',
  params: z.strictObject({ id: z.string().regex(/^E\d+$/) }),
  query: z.strictObject({ limit: z.coerce.number().int().max(200).default(50) }),
  body: z.strictObject({ name: z.string().min(1), amount: z.number().int() }),
  ifMatch: 'required',
  response: { status: 200, schema: z.unknown(), description: 'echo' },
});

const echo = publicRoute(echoRoute, async ({ params, query, body, ifMatch }) => {
  if (body.name === 'rule') throw new RuleViolation('sales-manager-untrained', 'Not trained');
  if (body.name === 'boom') throw new Error('secret internal detail');
  return { body: { params, query, body, ifMatch, version: ifMatch + 1 } };
});

const request = (changes: { path?: string; body?: string; headers?: Record<string, string>; query?: Record<string, string> }) => {
  const event = sampleEvent('http-get-staff.json');
  event.routeKey = 'PATCH /v1/echo/{id}';
  event.pathParameters = { id: changes.path ?? 'E1' };
  event.headers = { 'if-match': '"3"', 'content-type': 'application/json', ...changes.headers };
  if (changes.query !== undefined) event.queryStringParameters = changes.query;
  event.body = changes.body ?? JSON.stringify({ name: '张三', amount: 100 });
  return echo(event, lambdaContext('test'));
};
const json = (result: { body?: string }) => JSON.parse(result.body ?? 'null');

describe('the shared middleware chain', () => {
  it('hands the handler validated, typed input and returns JSON with an ETag', async () => {
    const result = await request({ query: { limit: '20' } });
    expect(result.statusCode).toBe(200);
    expect(result.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', etag: '"4"' });
    expect(json(result)).toEqual({ params: { id: 'E1' }, query: { limit: 20 }, body: { name: '张三', amount: 100 }, ifMatch: 3, version: 4 });
  });

  it('names every bad field of path, query and body in one 400 problem, unknown fields included', async () => {
    const result = await request({ path: 'X', query: { limit: '500', extra: '1' }, body: JSON.stringify({ amount: 1.5, colour: 'red' }) });
    expect(result.statusCode).toBe(400);
    expect(result.headers).toMatchObject({ 'content-type': 'application/problem+json' });
    const problem = json(result);
    expect(problem).toMatchObject({ status: 400, type: expect.stringMatching(/validation-error$/) });
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      ['body.amount', 'body.colour', 'body.name', 'params.id', 'query.extra', 'query.limit'].sort(),
    );
  });

  it('refuses a body that is not JSON, or missing, with a 400 on `body`', async () => {
    for (const body of ['{not json', '']) {
      const result = await request({ body });
      expect(result.statusCode).toBe(400);
      expect(json(result).errors).toEqual([{ path: 'body', message: expect.any(String) }]);
    }
  });

  it('says "required" for a missing field, and the expected type for a wrong one', async () => {
    const result = await request({ body: JSON.stringify({ amount: 'ten' }) });
    expect(result.statusCode).toBe(400);
    expect(json(result).errors).toEqual([
      { path: 'body.name', message: 'required' },
      { path: 'body.amount', message: 'Invalid input: expected number, received string' },
    ]);
    const nulls = await request({ body: JSON.stringify({ name: null, amount: 1 }) });
    expect(json(nulls).errors).toEqual([{ path: 'body.name', message: 'Invalid input: expected string, received null' }]);
  });

  it('refuses a body not sent as JSON with a 415 problem, and takes JSON types with parameters', async () => {
    for (const contentType of ['text/plain', 'text/plain;charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', 'text/json', '']) {
      const result = await request({ headers: { 'content-type': contentType } });
      expect(result.statusCode, contentType).toBe(415);
      expect(result.headers).toMatchObject({ 'content-type': 'application/problem+json' });
      expect(json(result)).toMatchObject({ status: 415, type: expect.stringMatching(/unsupported-media-type$/) });
    }
    const event = sampleEvent('http-get-staff.json');
    event.pathParameters = { id: 'E1' };
    event.headers = { 'if-match': '"3"' };
    event.body = JSON.stringify({ name: 'a', amount: 1 });
    expect((await echo(event, lambdaContext('test'))).statusCode).toBe(415);
    for (const contentType of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8', 'application/merge-patch+json']) {
      expect((await request({ headers: { 'content-type': contentType } })).statusCode, contentType).toBe(200);
    }
  });

  it('requires If-Match (428) and refuses one that names no version (412)', async () => {
    expect((await request({ headers: { 'if-match': '' } })).statusCode).toBe(428);
    const noHeader = sampleEvent('http-get-staff.json');
    noHeader.pathParameters = { id: 'E1' };
    noHeader.headers = { 'content-type': 'application/json' }; // no If-Match at all
    noHeader.body = JSON.stringify({ name: 'a', amount: 1 });
    expect((await echo(noHeader, lambdaContext('test'))).statusCode).toBe(428);
    expect((await request({ headers: { 'if-match': '*' } })).statusCode).toBe(412);
    expect(json(await request({ headers: { 'if-match': 'W/"7"' } })).ifMatch).toBe(7);
  });

  it('turns a broken business rule into a 422 whose type names the rule', async () => {
    const result = await request({ body: JSON.stringify({ name: 'rule', amount: 1 }) });
    expect(result.statusCode).toBe(422);
    expect(json(result)).toMatchObject({ type: expect.stringMatching(/\/sales-manager-untrained$/), detail: 'Not trained' });
  });

  it('answers an unexpected error with a generic 500 that leaks nothing', async () => {
    const result = await request({ body: JSON.stringify({ name: 'boom', amount: 1 }) });
    expect(result.statusCode).toBe(500);
    expect(result.body).not.toContain('secret');
    expect(json(result)).toMatchObject({ status: 500, title: 'Internal server error' });
  });
});
