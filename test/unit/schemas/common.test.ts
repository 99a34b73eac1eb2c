import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { BoundedRecord, Decimal, Fen, Line, RawText, Score, Text, decimalPlaces, linePattern, textPattern } from '#shared/schemas/common.ts';
import { TargetsBody } from '#shared/schemas/accounts.ts';
import { ReportBody } from '#shared/schemas/upkeep.ts';

const issues = (schema: z.core.$ZodType, value: unknown) => {
  const result = z.safeParse(schema, value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const ok = (schema: z.core.$ZodType, value: unknown) => z.safeParse(schema, value).success;

describe('single-line text (Line)', () => {
  it('refuses every C0 control character and DEL, and lone surrogates', () => {
    for (let code = 0; code <= 0x1f; code++) expect(ok(Line(20), `a${String.fromCharCode(code)}b`), `U+${code.toString(16)}`).toBe(false);
    expect(ok(Line(20), 'a\u007Fb')).toBe(false);
    expect(ok(Line(20), 'a\uD800b')).toBe(false);
    expect(ok(Line(20), 'a\uDC00b')).toBe(false);
    expect(ok(Line(20), '\uD83D')).toBe(false);
    expect(ok(Line(20), '\uDE00\uD83D')).toBe(false);
    expect(issues(Line(20), 'a\u0000b')).toEqual([': must be one line without control characters or lone surrogates']);
  });

  it('keeps Chinese text, emoji (a proper surrogate pair) and other scripts unchanged', () => {
    for (const text of ['王小明', '华东区·重点客户（一部）', '回款 60 万 😀', 'Zoë – naïve', 'ß→∑']) expect(Line(200).parse(text)).toBe(text);
  });

  it('trims, refuses blank and caps its length', () => {
    expect(Line(10).parse('  市场部  ')).toBe('市场部');
    expect(issues(Line(10), '   ')).toEqual([': must not be blank']);
    expect(ok(Line(3), 'abcd')).toBe(false);
  });
});

describe('multi-line text (Text, RawText)', () => {
  it('allows line feed and tab, and nothing else of the control characters', () => {
    expect(Text(100).parse('第一行\n\t第二行')).toBe('第一行\n\t第二行');
    expect(RawText(100).parse('  缩进\n\t保留  ')).toBe('  缩进\n\t保留  ');
    for (const bad of ['a\rb', 'a\r\nb', 'a\u0000b', 'a\u000Bb', 'a\u001Fb', 'a\u007Fb', 'a\uD800b']) {
      expect(ok(Text(100), bad), JSON.stringify(bad)).toBe(false);
      expect(ok(RawText(100), bad), JSON.stringify(bad)).toBe(false);
    }
    expect(ok(Line(100), 'a\nb')).toBe(false);
    expect(ok(Line(100), 'a\tb')).toBe(false);
    expect(issues(RawText(100), ' \n\t ')).toEqual([': must not be blank']);
  });

  it('has patterns that mean the same with and without the unicode flag (as OpenAPI tools may read them)', () => {
    for (const pattern of [linePattern, textPattern]) {
      const unicode = new RegExp(pattern.source, 'u');
      for (const s of ['abc', '中文😀', 'a\uD800', '\uDC00x', '😀\uDE00', 'a\u0000']) expect(unicode.test(s), JSON.stringify(s)).toBe(pattern.test(s));
    }
  });
});

describe('numbers', () => {
  it('counts the decimal places of a number as JSON writes it', () => {
    expect([0, 7, 0.07, 12.34, 99.99, 1e-300, 1.5e-7, 1e21, 0.1 + 0.2].map(decimalPlaces)).toEqual([0, 0, 2, 2, 2, 300, 8, 0, 17]);
  });

  it('takes scores 0–100 with at most 2 decimal places: 1e-300 never reaches DynamoDB', () => {
    for (const good of [0, 59.5, 99.99, 100]) expect(ok(Score, good), String(good)).toBe(true);
    expect(issues(Score, 1e-300)).toEqual([': must have at most 2 decimal places']);
    for (const bad of [0.001, 0.1 + 0.2, -0.01, 100.01, 1e308]) expect(ok(Score, bad), String(bad)).toBe(false);
  });

  it('refuses money that is not a safe integer (9007199254740993 parses to …992)', () => {
    expect(ok(Fen, JSON.parse('9007199254740991'))).toBe(true);
    expect(ok(Fen, JSON.parse('9007199254740993'))).toBe(false);
    expect(ok(Fen, 1.5)).toBe(false);
    expect(ok(Fen, -1)).toBe(false);
  });

  it('keeps each decimal within its range and places', () => {
    const rate = Decimal(-10, 10, 3);
    expect(rate.parse(-9.125)).toBe(-9.125);
    expect(ok(rate, 10.001)).toBe(false);
    expect(ok(rate, 0.0001)).toBe(false);
  });
});

describe('free-form objects (BoundedRecord, a report’s keyFigures)', () => {
  const figures = (json: string) => issues(ReportBody, JSON.parse(`{"month":"2026-01","summary":"月报","keyFigures":${json}}`));

  it('refuses __proto__, constructor and prototype keys by name instead of dropping them', () => {
    expect(figures('{"__proto__": 1, "visits": 2}')).toEqual([
      'keyFigures.__proto__: must be a key of 1–64 letters, digits, spaces or _ . - % ( ) /, not __proto__, constructor or prototype',
    ]);
    expect(figures('{"constructor": 1}')).toHaveLength(1);
    expect(figures('{"prototype": "x"}')).toHaveLength(1);
    expect(figures('{"a\\u0000b": 1}')).toHaveLength(1);
    expect(figures(`{"${'k'.repeat(65)}": 1}`)).toHaveLength(1);
  });

  it('refuses numbers DynamoDB cannot hold exactly, and too many keys', () => {
    expect(figures('{"revenue": 1e308}')).toEqual(['keyFigures.revenue: Too big: expected number to be <=1000000000000000']);
    expect(figures('{"revenue": 9007199254740993}')).toHaveLength(1);
    expect(figures('{"revenue": 1e-300}')).toEqual(['keyFigures.revenue: must have at most 6 decimal places']);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));
    expect(figures(JSON.stringify(many))).toEqual(['keyFigures: must have at most 50 keys']);
  });

  it('keeps Chinese keys and values as they were sent', () => {
    const body = ReportBody.parse({ month: '2026-01', summary: '一月回款正常\n下月跟进', keyFigures: { visits: 2, 回款: '60万', '毛利率 (%)': 12.5 } });
    expect(body.keyFigures).toEqual({ visits: 2, 回款: '60万', '毛利率 (%)': 12.5 });
    expect(body.summary).toBe('一月回款正常\n下月跟进');
  });

  it('states its bounds in the schema it is built from', () => {
    expect(ok(BoundedRecord(z.number(), 1), { a: 1, b: 2 })).toBe(false);
    expect(ok(BoundedRecord(z.number(), 1), [])).toBe(false);
  });
});

describe('fixed-length arrays', () => {
  it('takes quarters of exactly 4 amounts', () => {
    const body = (contract: number[]) => ({ contractAmount: 4, collectionAmount: 4, quarters: { contract, collection: [1, 1, 1, 1] } });
    expect(ok(TargetsBody, body([1, 1, 1, 1]))).toBe(true);
    expect(issues(TargetsBody, body([2, 1, 1]))).toEqual(['quarters.contract: Too small: expected array to have exactly 4 items']);
    expect(ok(TargetsBody, body([1, 1, 1, 1, 0]))).toBe(false);
  });
});
