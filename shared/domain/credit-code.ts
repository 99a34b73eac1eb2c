/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
 * 31-character alphabet (no I, O, S, V, Z); the last is a check character over the first 17.
 */
import { type Message, msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or undefined if one is outside the alphabet. */
export const creditCodeCheckCharacter = (first17: string): string | undefined => {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = alphabet.indexOf(first17.charAt(i));
    if (value < 0) return undefined;
    sum += value * (weights[i] ?? 0);
  }
  return alphabet.charAt((31 - (sum % 31)) % 31);
};

/** Why a code is not valid, or undefined when it is. */
export const creditCodeFault = (code: string): Message | undefined => {
  if (code.length !== 18) return msg(M.creditCode_length);
  const bad = [...code].find((c) => !alphabet.includes(c));
  if (bad !== undefined) return msg(M.creditCode_alphabet, { bad });
  if (!/^\d{6}$/.test(code.slice(2, 8))) return msg(M.creditCode_region);
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code.charAt(17)) return msg(M.creditCode_check);
  return undefined;
};
/** The same in English. */
export const creditCodeProblem = (code: string): string | undefined => creditCodeFault(code)?.text('en');
