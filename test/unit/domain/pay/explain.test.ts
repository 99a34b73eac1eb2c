import { describe, expect, it } from 'vitest';
import { assessRole } from '#shared/domain/pay/assessment.ts';
import { inLanguage, nameStatement, renderLine } from '#shared/domain/pay/explain.ts';
import { buildStatement, withAdjustments } from '#shared/domain/pay/statement.ts';
import { preferredLanguage } from '#shared/http/headers.ts';
import { policy, q1, workedExample } from '#test/unit/domain/pay/builders.ts';

const statement = () => buildStatement({ staffId: 'L', grade: 'P6', period: q1, policy, assessments: [assessRole(workedExample())], teamShare: 0 });
const digits = (line: string) => line.match(/\d+/g)?.join(' ') ?? '';

describe('statements people can read (issue 11, item 6)', () => {
  it('adds adjustments to the total and says so; the same adjustments in any order give the same statement', () => {
    const a = { kind: 'manual' as const, amount: -50_000, reason: 'b', id: 'ADJ2', category: 'deduction', approvedBy: 'F1' };
    const b = { kind: 'manual' as const, amount: 20_000, reason: 'a', id: 'ADJ1', category: 'bonus', approvedBy: 'F1' };
    const adjusted = withAdjustments(statement(), [a, b]);
    expect(adjusted.total).toBe(6_000_000 + 3_600_000 - 30_000);
    expect(adjusted.explanation.at(-1)).toBe('Total: 6,000,000 fen + 3,600,000 fen + 0 fen +20,000 fen -50,000 fen = 9,570,000 fen');
    expect(withAdjustments(statement(), [b, a])).toEqual(adjusted);
    expect(withAdjustments(adjusted, [])).toEqual(statement());
  });

  it('names the accounts and people a line mentions, once', () => {
    const names = new Map([['ACCOUNT0000A', '华信科技'], ['L', 'ignored: too short to be an id']]);
    expect(nameStatement({ explanation: ['Account ACCOUNT0000A: held 2026-01-01..2026-03-31'] }, names).explanation).toEqual(['Account 华信科技 (ACCOUNT0000A): held 2026-01-01..2026-03-31']);
  });

  it('renders every line of the worked example in Chinese with the very same numbers', () => {
    const s = statement();
    const zh = inLanguage(s, 'zh');
    const lines = [...s.explanation, ...(s.assessments[0]?.explanation ?? [])];
    const zhLines = [...zh.explanation, ...(zh.assessments[0]?.explanation ?? [])];
    expect(zhLines.map(digits)).toEqual(lines.map(digits));
    // No English sentence is left: only role, tier and formula names stay Latin.
    for (const line of zhLines) expect(line.replace(/sales_manager|contact_leader|basically_completed|not_completed|exceeded|outstanding|ceil|min|mean|round|Q\d|[A-Za-z]{1,2}\b/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    expect(renderLine('Total: 1 fen', 'en')).toBe('Total: 1 fen');
  });

  it('reads Accept-Language by preference: zh-CN first is Chinese, anything else English', () => {
    expect(preferredLanguage('zh-CN')).toBe('zh');
    expect(preferredLanguage('en-US,zh-CN;q=0.5')).toBe('en');
    expect(preferredLanguage('fr, zh;q=0.8, en;q=0.7')).toBe('zh');
    expect(preferredLanguage(undefined)).toBe('en');
    expect(preferredLanguage('zh'.padEnd(300, 'x'))).toBe('en');
  });
});

describe('a prior-period adjustment read in Chinese', () => {
  it('keeps its numbers and names its records and changes in Chinese', async () => {
    const { priorPeriodAdjustment } = await import('#shared/domain/pay/adjustments.ts');
    const pay = (performancePay: number, tier: string, ratio: string) => ({ basePay: 6_000_000, performancePay, teamShare: 0, assessments: [{ role: 'sales_manager', ratio, tier, performancePay }] });
    const adjustment = priorPeriodAdjustment({
      period: '2026-Q1', paid: pay(2_400_000, 'basically_completed', '0.8750'), repriced: pay(3_600_000, 'exceeded', '1.0000'), carriedAmount: -100,
      records: [{ kind: 'payment', id: '01PAYMENT000000000000000000', date: '2026-03-25', recordedAt: '2026-04-02T01:02:03.000Z' }],
    });
    const reason = adjustment?.reason ?? '';
    const zh = renderLine(reason, 'zh');
    expect(digits(zh)).toBe(digits(reason));
    expect(zh).toContain('回款 01PAYMENT000000000000000000（日期 2026-03-25，录入于 2026-04-02T01:02:03.000Z）');
    expect(zh.replace(/sales_manager|basically_completed|exceeded|PAYMENT|[A-Za-z]{1,2}\b/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });
});
