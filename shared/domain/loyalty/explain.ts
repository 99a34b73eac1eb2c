import type { Language } from '#shared/domain/pay/explain.ts';

/**
 * The loyalty figures' explanation lines (health, incentive cost) in Chinese: each English
 * line the rules write (shared/domain/loyalty/health.ts, incentives.ts) has one pattern
 * here, matched whole, so the numbers and ids are carried over untouched. A line no
 * pattern matches stays as written (a test holds every line the rules can write to one).
 */
const lines: [RegExp, string][] = [
  [/^as of (\S+)$/, '截至 $1'],
  [/^no visits were due$/, '无应拜访'],
  [/^(\d+) of (\d+) visits due were made$/, '应拜访 $2 次，已拜访 $1 次'],
  [/^no reports were due$/, '无应交月报'],
  [/^(\d+) of (\d+) monthly reports due were filed$/, '应交月报 $2 份，已交 $1 份'],
  [/^no account plan to judge$/, '无可评估的客户计划（一企一策）'],
  [/^the account plan is approved$/, '客户计划（一企一策）已批准'],
  [/^the account plan is not approved$/, '客户计划（一企一策）未批准'],
  [/^no plan objectives were due$/, '无到期的计划目标'],
  [/^(\d+) of (\d+) objectives due were met on time$/, '到期目标 $2 个，按时完成 $1 个'],
  [/^(\d+) complaint\(s\) open past their deadline: 1 ÷ \(1 \+ (\d+)\)$/, '逾期未结投诉 $1 件：1 ÷ (1 + $2)'],
  [/^no satisfaction survey in the period$/, '本期无满意度调查'],
  [/^mean overall satisfaction (.+) of 5 over (\d+) survey\(s\): \(mean − 1\) ÷ 4$/, '总体满意度平均 $1（满分 5），共 $2 份调查：(平均 − 1) ÷ 4'],
  [/^no open receivables$/, '无未收应收款'],
  [/^(\S+) fen overdue of (\S+) fen open: 1 − overdue ÷ open$/, '未收 $2 分中逾期 $1 分：1 − 逾期 ÷ 未收'],
  [/^no contract target for the year$/, '本年无合同目标'],
  [/^won (\S+) fen \+ open pipeline (\S+) fen against the target (\S+) fen, at most 1$/, '已签 $1 分 + 在谈商机 $2 分，对比目标 $3 分，最多为 1'],
  [/^parts with a value: none; their weights add up to (\d+)$/, '有值的部分：无；权重合计 $1'],
  [/^parts with a value: (.+); their weights add up to (\d+)$/, '有值的部分：$1；权重合计 $2'],
  [/^nothing to measure: the score is 0$/, '无可计量的部分：得分为 0'],
  [/^score = (.+)$/, '得分 = $1'],
  [/^(\d+) bp of (\d+) fen won in (\d+) project\(s\) while in force$/, '有效期内签约 $3 个项目共 $2 分的 $1 个基点'],
  [/^(\d+) fen, in force in (\d+)$/, '$1 分，$2 年有效'],
  [/^a rule without an amount: not counted$/, '仅有规则、没有金额：不计入'],
];

/** One line in the language asked for (English as written). */
export const loyaltyLine = (line: string, language: Language): string => {
  if (language === 'en') return line;
  for (const [pattern, zh] of lines) if (pattern.test(line)) return line.replace(pattern, zh);
  return line;
};

/** A health figure as read in `language`: its explanation and each part's, the numbers the same. */
export const healthIn = <H extends { explanation: string[]; parts: { explanation: string }[] }>(health: H, language: Language): H =>
  language === 'en'
    ? health
    : { ...health, explanation: health.explanation.map((l) => loyaltyLine(l, language)), parts: health.parts.map((p) => ({ ...p, explanation: loyaltyLine(p.explanation, language) })) };
