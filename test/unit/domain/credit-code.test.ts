import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, creditCodeProblem } from '#shared/domain/credit-code.ts';

// Published codes: Huawei Technologies, Tencent (Shenzhen), and GB 32100-2015's own example.
const valid = ['914403001922038216', '9144030071526726XG', '91350100M000100Y43'];

describe('unified social credit code check (GB 32100-2015)', () => {
  it.each(valid)('accepts %s', (code) => {
    expect(creditCodeProblem(code)).toBeUndefined();
  });

  it('refuses a wrong check character, for every other character in its place', () => {
    const code = '914403001922038216';
    for (const c of '0123456789ABCDEFGHJKLMNPQRTUWXY'.replace('6', '')) {
      expect(creditCodeProblem(code.slice(0, 17) + c)).toBe('has a wrong check character');
    }
  });

  it('catches any single changed character and a swap of two neighbours', () => {
    const code = '9144030071526726XG';
    for (let i = 0; i < 17; i++) {
      const changed = code.slice(0, i) + (code[i] === '1' ? '2' : '1') + code.slice(i + 1);
      expect(creditCodeProblem(changed)).toBe('has a wrong check character');
    }
    expect(creditCodeProblem('9144030017526726XG')).toBe('has a wrong check character');
  });

  it('refuses the wrong length, letters outside the alphabet, lower case and a non-numeric region', () => {
    expect(creditCodeProblem('91440300192203821')).toBe('must be 18 characters');
    expect(creditCodeProblem('9144030019220382160')).toBe('must be 18 characters');
    expect(creditCodeProblem('91440300192203821I')).toMatch(/outside the code alphabet: I/);
    expect(creditCodeProblem('9144030071526726xg')).toMatch(/outside the code alphabet/);
    const region = '91A40300192203821';
    expect(creditCodeProblem(region + (creditCodeCheckCharacter(region) ?? ''))).toMatch(/region code/);
  });

  it('maps a weighted sum that is a multiple of 31 to check character 0', () => {
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
  });
});
