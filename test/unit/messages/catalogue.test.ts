import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { fieldError } from '#shared/errors.ts';
import { languageOf, type Message, msg, problemSlugs, titleOf } from '#shared/messages/index.ts';
import { catalogueIds, messages } from '#shared/messages/all.ts';
import { issueMessage } from '#shared/messages/zod.ts';
import { catalogue as routes } from '#shared/routes/index.ts';
import * as M from '#shared/messages/catalogue.ts';

const cjk = /[\u3400-\u9fff]/;

/** One value per param name the catalogue uses; each renderer reads its own. */
const sample = {
  id: 'A1', accountId: 'A1', entryId: 'E1', itemId: 'I1', meetingId: 'M1', followUpId: 'F1', checkId: 'C1', staffId: 'S1',
  ownerId: 'S2', code: '91440300192203821X', leftOn: '2026-02-28', receivedOn: '2026-03-01', doneOn: '2026-03-02', on: '2026-03-03',
  from: '2026-01-01', day: '2026-03-04', today: '2026-03-10', month: '2026-03', period: '2026-Q1', year: 2026, count: 2,
  roles: ['coordinator', 'finance'], role: 'sales_manager', department: '网络部', stage: 'won', field: 'revenue', sum: 90, annual: 100,
  rest: 300, contract: 1000, total: 100, max: 128, grade: 'P6', grades: ['P6', 'P7'], targetType: 'staff', received: 'text/plain',
  what: msg(M.thing_account, { id: 'A1' }), kind: 'account', errors: [fieldError('body.a', msg(M.field_required)), fieldError('body.b', msg(M.field_notBlank))],
  keys: ['colour', 'size'], missing: ['basic', 'rotation'], shapes: ['YYYY-Qn', 'YYYY'], names: ['accountId', 'department'],
  places: 2, limit: '200', value: '0', tier: 'exceeded', problem: msg(M.creditCode_check), bad: '!', other: 'to', items: 'roles',
  holds: 'junior', next: 'intermediate', expected: 'string', received_: 'number', origin: 'string', relation: 'inclusive',
  format: 'date', pattern: '/^x$/', prefix: 'a', suffix: 'b', includes: 'c', divisor: '5', list: 'a, b', options: "'a' | 'b'",
  values: "'a'|'b'", text: 'whatever zod said', runId: 'R1', error: 'TooManyRequestsException', number: 2, status: 'open', to: '2026-03-31', step: 'rectified', last: '2026-03-05',
};
const render = (id: keyof typeof messages, lang: 'en' | 'zh') => (messages[id][lang] as (p: unknown) => string)(sample);

describe('the message catalogue', () => {
  it('renders every message in English and in Chinese: not empty, not the same, the Chinese in Chinese', () => {
    expect(catalogueIds.length).toBeGreaterThan(150);
    for (const id of catalogueIds) {
      const en = render(id, 'en');
      const zh = render(id, 'zh');
      expect(en, id).toMatch(/\S/);
      expect(zh, id).toMatch(cjk);
      expect(zh, id).not.toBe(en);
      expect(en, id).not.toMatch(/undefined|\[object/);
      expect(zh, id).not.toMatch(/undefined|\[object/);
    }
  });

  it('gives every problem type a title in both languages', () => {
    for (const slug of problemSlugs) {
      const title = titleOf(slug);
      expect(title.text('en'), slug).toMatch(/\S/);
      expect(title.text('zh'), slug).toMatch(cjk);
      expect(title.text('zh'), slug).not.toBe(title.text('en'));
    }
  });

  it('keeps the English text errors always had', () => {
    expect(msg(M.account_notFound, { id: 'A1' }).text('en')).toBe('No account A1');
    expect(msg(M.field_untrained, { missing: ['basic', 'rotation'] }).text('en')).toBe('has not passed basic and rotation training');
    expect(msg(M.rule_fields, { errors: sample.errors }).text('en')).toBe('body.a: required; body.b: must not be blank');
    expect(msg(M.rule_fields, { errors: sample.errors }).text('zh')).toBe('body.a：必填；body.b：不得为空');
    expect(msg(M.notFound_thing, { what: msg(M.thing_project, { id: 'P1' }) }).text('zh')).toBe('没有项目 P1');
  });
});

/* ---------- every problem type and every message the code uses is in the catalogue ---------- */

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
const code = ['shared', 'functions'].flatMap(sources).filter((p) => !p.startsWith(join('shared', 'messages')));
const text = (path: string) => readFileSync(path, 'utf8');

describe('the code says nothing outside the catalogue', () => {
  it('throws no error with a detail written in place', () => {
    const inPlace = /new (?:BadRequest|Unauthorized|Forbidden|NotFound|Conflict|PreconditionFailed|ServiceUnavailable)\(\s*['"`]|new RuleViolation\([^,]+,\s*['"`]|new HttpError\([^,]+,[^,]+,\s*['"`]/;
    expect(code.filter((p) => inPlace.test(text(p)))).toEqual([]);
  });

  it('makes no field error or schema message from plain text', () => {
    const plain = /message:\s*['"`]|error:\s*['"`]|\.(?:regex|min|max|minLength|maxLength|minimum|maximum|gte|lte|gt|lt|length|refine|superRefine)\((?:[^()]|\([^()]*\))*,\s*['"`]/;
    const offenders = code.flatMap((p) => text(p).split('\n').map((line, i) => [p, i + 1, line] as const)).filter(([, , line]) => plain.test(line));
    expect(offenders).toEqual([]);
  });

  it('uses only problem types with titles, and every titled type is used', () => {
    const all = code.map(text).join('\n');
    const slugArg = /new (?:Forbidden|Conflict|BadRequest)\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*,\s*'([a-z-]+)'|new (?:RuleViolation|HttpError)\((?:\d+,\s*)?'([a-z-]+)'|rule: '([a-z-]+)'|problem\('([a-z-]+)'/g;
    const used = new Set([...all.matchAll(slugArg)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]));
    expect(used.size).toBeGreaterThan(50);
    for (const slug of used) expect(problemSlugs, String(slug)).toContain(slug);
    const defaults = ['validation-error', 'forbidden', 'conflict', 'not-found', 'unauthorized', 'stale-version', 'unsupported-media-type', 'if-match-required', 'service-unavailable', 'internal-error'];
    for (const slug of problemSlugs) expect(all.includes(`'${slug}'`), slug).toBe(true);
    for (const slug of defaults) expect(problemSlugs).toContain(slug);
  });
});

/* ---------- validation messages: zod's own, and every schema's ---------- */

const issuesOf = (schema: z.core.$ZodType, input: unknown) => {
  const result = z.safeParse(schema, input, { reportInput: true });
  return result.success ? [] : result.error.issues;
};
const expectListed = (issue: z.core.$ZodIssue, where: string) => {
  const said: Message = issueMessage(issue);
  expect(said.id, `${where}: ${issue.message}`).not.toBe('zod.unlisted');
  expect(said.text('en'), where).toBe(issue.message);
  expect(said.text('zh'), where).toMatch(cjk);
};

describe('validation messages', () => {
  it('render every zod issue code we meet with zod’s English and its numbers in Chinese', () => {
    const cases: [string, z.core.$ZodType, unknown][] = [
      ['invalid_type', z.string(), 5],
      ['invalid_type null', z.number(), null],
      ['too_small string', z.string().min(3), 'ab'],
      ['too_small number', z.number().min(1), 0],
      ['too_small exclusive', z.number().gt(1), 1],
      ['too_small array', z.array(z.string()).min(1), []],
      ['too_big string', z.string().max(2), 'abc'],
      ['too_big number', z.number().max(200), 500],
      ['too_big array', z.array(z.number()).max(1), [1, 2]],
      ['too_big exact', z.array(z.number()).length(1), [1, 2]],
      ['invalid_format regex', z.string().regex(/^E\d+$/), 'X'],
      ['invalid_format datetime', z.iso.datetime(), 'x'],
      ['invalid_format starts_with', z.string().startsWith('a'), 'b'],
      ['invalid_format ends_with', z.string().endsWith('a'), 'b'],
      ['invalid_format includes', z.string().includes('a'), 'b'],
      ['invalid_value one', z.literal('a'), 'b'],
      ['invalid_value enum', z.enum(['a', 'b']), 'c'],
      ['unrecognized_keys', z.strictObject({}), { a: 1, b: 2 }],
      ['invalid_union', z.union([z.string(), z.number()]), true],
      ['not_multiple_of', z.number().multipleOf(5), 3],
      ['invalid_key', z.record(z.string().max(1), z.number()), { ab: 1 }],
      ['invalid_element', z.map(z.string(), z.number()), new Map([['a', 'x']])],
      ['int', z.number().int(), 1.5],
      ['custom', z.string().refine(() => false), 'x'],
    ];
    for (const [name, schema, input] of cases) {
      const issues = issuesOf(schema, input);
      expect(issues.length, name).toBeGreaterThan(0);
      for (const issue of issues) expectListed(issue, name);
    }
  });

  it('render every message of every route’s schemas from the catalogue', () => {
    // Junk at every level reaches each schema's own checks: types, bounds, formats, refinements.
    const junk: unknown[] = [{}, null, 'x', 1.5, -1, [], '', ' ', 'a'.repeat(20_000), '2026-13-45', '\u0000', { __proto__: 1 }];
    const seen = new Set<string>();
    for (const route of routes) {
      for (const schema of [route.params, route.query, route.body]) {
        if (schema === undefined) continue;
        const shape = schema._zod.def.type === 'object' ? Object.keys(schema._zod.def.shape) : [];
        for (const value of junk) {
          for (const input of [value, Object.fromEntries(shape.map((k) => [k, value]))]) {
            for (const issue of issuesOf(schema, input)) {
              expectListed(issue, `${route.method} ${route.path}`);
              seen.add(issueMessage(issue).id);
            }
          }
        }
      }
    }
    expect(seen.size).toBeGreaterThan(10);
  });
});

describe('the language of a request', () => {
  it('is Chinese for zh, zh-CN, zh-Hans and a zh range preferred by q-value; English otherwise', () => {
    for (const header of ['zh-CN', 'zh', 'zh-Hans', 'zh-CN;q=0.9,en;q=0.8', 'fr, zh;q=0.5', 'en;q=0.5, zh-CN', 'ZH-cn']) {
      expect(languageOf(header), header).toBe('zh');
    }
    for (const header of [undefined, '', 'en', 'en-US,zh;q=0.9', 'fr', '*', 'zh;q=0, en', 'zh;q=abc', 'de, *;q=0.1, zh;q=0.05', 'en;q=0.8, zh;q=0.8']) {
      expect(languageOf(header), String(header)).toBe('en');
    }
  });
});
