/*
 * Statements people can read (issue 11, item 6): explanation lines name accounts and people
 * by name and id, and read in Chinese on request. The close writes the English lines; the
 * Chinese ones are rendered from them at read time, word for word, so the numbers are the
 * very same characters.
 */

/** Replaces each id these names know by `name (id)`; once, at close time. */
export const nameIds = (line: string, names: ReadonlyMap<string, string>): string =>
  line.replace(/[0-9A-Za-z_-]{10,64}/g, (token) => {
    const name = names.get(token);
    return name === undefined || name === '' ? token : `${name} (${token})`;
  });

interface Explained {
  explanation: string[];
  assessments?: { explanation: string[]; demotionReason?: string }[];
}

/** A statement (or anything with explanation lines) whose lines name the accounts and people they mention. */
export const nameStatement = <T extends Explained>(s: T, names: ReadonlyMap<string, string>): T => ({
  ...s,
  explanation: s.explanation.map((l) => nameIds(l, names)),
  ...(s.assessments === undefined
    ? {}
    : {
        assessments: s.assessments.map((a) => ({
          ...a,
          explanation: a.explanation.map((l) => nameIds(l, names)),
          ...(a.demotionReason === undefined ? {} : { demotionReason: nameIds(a.demotionReason, names) }),
        })),
      }),
});

export type Language = 'en' | 'zh';

/** Phrases of the English lines and their Chinese, longest first where one contains another. */
const phrases: [RegExp, string][] = [
  [/re-priced with records made after it was finalised/g, '定稿后补录的记录重新核算'],
  [/no late record named/g, '未列出补录记录'],
  [/It pays (.+?) now, paid (.+?) when finalised/g, '现应发 $1，定稿时已发 $2'],
  [/ and (\S+ fen) since/g, '，其后已调整 $1'],
  [/No assessment changed/g, '考核结果未变'],
  [/Not assessed in (\S+): only adjustments for earlier periods/g, '$1 未参加考核：仅有以前期间的调整'],
  [/Adjustment prior period (\S+)/g, '以前期间调整 $1'],
  [/Adjustment manual/g, '人工调整'],
  [/ dated (\S+), recorded ([^;)]+)/g, '（日期 $1，录入于 $2）'],
  [/\bpayment (?=\S+（)/g, '回款 '],
  [/\bproject (?=\S+（)/g, '项目 '],
  [/\bvisit (?=\S+（)/g, '拜访 '],
  [/\breport (?=\S+（)/g, '月报 '],
  [/\bmeeting (?=\S+（)/g, '会议 '],
  [/\bpeer-score (?=\S+（)/g, '评分 '],
  [/\bdesignation (?=\S+（)/g, '指定大客户 '],
  [/\bassignment (?=\S+（)/g, '分工调整 '],
  [/\btargets (?=\S+（)/g, '目标调整 '],
  [/Base pay: monthly base of grade/g, '基本工资：职级'],
  [/Performance pay: not assessed in the period, 0 fen/g, '绩效工资：本期未考核，0 分'],
  [/Performance pay = annual performance base of grade/g, '绩效工资 = 年度绩效基数，职级'],
  [/Performance pay = quarterly performance base of grade/g, '绩效工资 = 季度绩效基数，职级'],
  [/Performance pay:/g, '绩效工资：'],
  [/performance pay/g, '绩效工资'],
  [/Team share:/g, '团队奖金份额：'],
  [/Total:/g, '合计：'],
  [/Assessment of (.+?) as (sales_manager|contact_leader) in/g, '$1 作为 $2 在以下期间的考核：'],
  [/Team bonus for (\S+):/g, '$1 团队奖金：'],
  [/member\(s\)/g, '名成员'],
  [/key account\(s\)/g, '个重点客户'],
  [/Team contract:/g, '团队合同：'],
  [/Team collection:/g, '团队回款：'],
  [/Team management:/g, '团队管理：'],
  [/no member has an M, left out/g, '无成员有 M，不计'],
  [/mean of (\d+) members' M/g, '$1 名成员 M 的平均值'],
  [/Team tier/g, '团队档位'],
  [/Pool = annual team pool/g, '奖金池 = 年度团队奖金池'],
  [/Pool = quarterly team pool/g, '奖金池 = 季度团队奖金池'],
  [/Top ceil/g, '前 ceil'],
  [/weigh/g, '权重'],
  [/the others/g, '其余'],
  [/shares = pool × weight ÷/g, '份额 = 奖金池 × 权重 ÷'],
  [/to the fen by largest remainder/g, '按最大余数法精确到分'],
  [/exact share/g, '精确份额'],
  [/Account /g, '客户 '],
  [/held (.+?), (\d+) of (\d+) days/g, '持有 $1，$2/$3 天'],
  [/contract target/g, '合同目标'],
  [/collection target/g, '回款目标'],
  [/credit/g, '业绩'],
  [/from (\d+) project\(s\) won on held days/g, '来自持有期间签约的 $1 个项目'],
  [/from (\d+) payment\(s\) received on held days/g, '来自持有期间收到的 $1 笔回款'],
  [/target 0, left out and the other weights scaled up/g, '目标为 0，不计，其余权重按比例放大'],
  [/target 0, left out/g, '目标为 0，不计'],
  [/Contract:/g, '合同：'],
  [/Collection:/g, '回款：'],
  [/cap/g, '上限'],
  [/visits required/g, '应拜访'],
  [/formal visits and receptions made on held days/g, '持有期间的正式拜访与接待'],
  [/visits made on held days/g, '持有期间的拜访'],
  [/counted/g, '计入'],
  [/reports required/g, '应交月报'],
  [/filed for held months/g, '持有月份已交'],
  [/round-half-up/g, '四舍五入'],
  [/quarters/g, '个季度'],
  [/months/g, '个月'],
  [/days/g, '天'],
  [/Visits:/g, '拜访：'],
  [/Reports:/g, '月报：'],
  [/Meetings: no quarterly review required in/g, '会议：本期无需季度例会'],
  [/Meetings: quarterly reviews attended/g, '会议：出席季度例会'],
  [/required/g, '应有'],
  [/Σ min\(made, 应有\)/g, 'Σ min(实际, 应有)'],
  [/Σ min\(filed, 应有\)/g, 'Σ min(已交, 应有)'],
  [/Management M = mean/g, '管理 M = 平均'],
  [/rounded half-up/g, '四舍五入'],
  [/Tier:/g, '档位：'],
  [/\(the highest whose minimum/g, '（下限 ≤ R 的最高档位：'],
  [/none received in the period, no demotion/g, '本期无人评分，不降档'],
  [/Peer scores:/g, '双向评分：'],
  [/average peer score/g, '平均评分'],
  [/from (\d+) scores?/g, '共 $1 个评分'],
  [/is below/g, '低于'],
  [/not below/g, '不低于'],
  [/one tier down from (\S+) to (\S+)/g, '降一档：由 $1 降为 $2'],
  [/is already the lowest tier/g, '已是最低档'],
  [/but /g, '但 '],
  [/coefficient/g, '系数'],
  [/minimum/g, '下限'],
  [/tier/g, '档位'],
  [/exactly/g, '精确值'],
  [/ fen\b/g, ' 分'],
  [/ to /g, ' 至 '],
];

/** One explanation line in the language asked for; the numbers are not touched. */
export const renderLine = (line: string, language: Language): string => (language === 'en' ? line : phrases.reduce((text, [pattern, zh]) => text.replace(pattern, zh), line));

interface Readable {
  explanation: string[];
  assessments: { explanation: string[]; demotionReason?: string }[];
  adjustments?: { reason: string }[];
}

/** A stored statement as read in `language`: every explanation line and reason rendered, the numbers the same. */
export const inLanguage = <T extends Readable>(s: T, language: Language): T =>
  language === 'en'
    ? s
    : {
        ...s,
        explanation: s.explanation.map((l) => renderLine(l, language)),
        assessments: s.assessments.map((a) => ({
          ...a,
          explanation: a.explanation.map((l) => renderLine(l, language)),
          ...(a.demotionReason === undefined ? {} : { demotionReason: renderLine(a.demotionReason, language) }),
        })),
        ...(s.adjustments === undefined ? {} : { adjustments: s.adjustments.map((a) => ({ ...a, reason: renderLine(a.reason, language) })) }),
      };
