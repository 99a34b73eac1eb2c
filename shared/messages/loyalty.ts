/*
 * The catalogue's entries of Loyalty, part 2 (issue 13): feedback, surveys, pilots,
 * customer incentives and account health. Spread into `messages` and `titles` of
 * catalogue.ts, so there is still one catalogue.
 */
import type { Entry } from '#shared/messages/catalogue.ts';

const entry = <P = void>(en: (params: P) => string, zh: (params: P) => string): Entry<P> => ({ en, zh });
const ruleBroken = entry(() => 'A business rule was broken', () => '违反了业务规则');
const conflict = entry(() => 'Conflict', () => '与当前状态冲突');

const stepZh: Record<string, string> = {
  received: '已接收', acknowledged: '已确认', rectifying: '整改中', rectified: '已整改', reported_back: '已反馈', closed: '已关闭', reopened: '重新打开',
};
const step = (s: string) => `${s}（${stepZh[s] ?? s}）`;
const kindZh: Record<string, string> = { discount: '折扣', rebate: '返利', reward: '奖励' };

type Id = { id: string };

export const loyaltyTitles = {
  'feedback-step-out-of-order': entry(() => 'Step out of order', () => '处理步骤顺序不符'),
  'step-before-last': ruleBroken,
  'incentive-overlap': entry(() => 'Incentives overlap', () => '优惠政策时间重叠'),
  'pilot-key-accounts-first': entry(() => 'Key accounts first', () => '试点优先向大客户开放'),
  'outside-pilot': ruleBroken,
  'pilot-full': entry(() => 'Pilot full', () => '试点名额已满'),
  'already-enrolled': conflict,
  'survey-exists': conflict,
  'outcome-recorded': conflict,
  'no-surveys': ruleBroken,
  'outside-year': ruleBroken,
  'not-account-project': ruleBroken,
  'forum-executives': ruleBroken,
  'unknown-opportunity': ruleBroken,
} as const;

export const loyaltyMessages = {
  'field.notBefore': entry<{ day: string }>((p) => `must not be before ${p.day}`, (p) => `不得早于 ${p.day}`),
  'field.notAfter': entry<{ day: string }>((p) => `must not be after ${p.day}`, (p) => `不得晚于 ${p.day}`),
  'field.requiredForStep': entry<{ step: string }>((p) => `required for the step ${p.step}`, (p) => `步骤 ${step(p.step)} 必填`),
  'field.someWeight': entry(() => 'at least one weight must be above 0', () => '至少一项权重须大于 0'),
  'field.requiredForKind': entry<{ kind: string }>((p) => `required for a ${p.kind}`, (p) => `${kindZh[p.kind] ?? p.kind}必填`),
  'field.notForKind': entry<{ kind: string }>((p) => `not for a ${p.kind}`, (p) => `不适用于${kindZh[p.kind] ?? p.kind}`),
  'field.amountOrRule': entry(() => 'give an amount or a rule', () => '须提供金额或规则'),
  'field.withinDates': entry<{ from: string; to: string }>((p) => `must be from ${p.from} to ${p.to}`, (p) => `须在 ${p.from} 至 ${p.to} 之间`),
  'field.keyAccountsOnlyUntil': entry<{ day: string }>((p) => `only key accounts may be enrolled until ${p.day}`, (p) => `${p.day} 前仅限大客户参加`),
  'field.inYear': entry<{ year: number }>((p) => `must be a day of ${p.year}`, (p) => `须为 ${p.year} 年内的日期`),
  'field.holidayAndWorkday': entry(() => 'a day cannot be both a holiday and a working day', () => '同一天不能既是假日又是工作日'),
  'loyalty.receivedInFuture': entry<{ on: string; today: string }>((p) => `Feedback received on ${p.on} is after today (${p.today})`, (p) => `接收日期 ${p.on} 晚于今天（${p.today}）`),
  'loyalty.stepOutOfOrder': entry<{ id: string; step: string; status: string }>(
    (p) => `Feedback ${p.id} is ${p.status}; the step ${p.step} does not follow it`,
    (p) => `意见 ${p.id} 当前为 ${step(p.status)}，不能进行步骤 ${step(p.step)}`,
  ),
  'loyalty.stepBeforeLast': entry<{ on: string; last: string }>((p) => `A step on ${p.on} comes before the last step (${p.last})`, (p) => `步骤日期 ${p.on} 早于上一步骤（${p.last}）`),
  'loyalty.stepInFuture': entry<{ on: string; today: string }>((p) => `A step on ${p.on} is after today (${p.today})`, (p) => `步骤日期 ${p.on} 晚于今天（${p.today}）`),
  'loyalty.feedbackNotFound': entry<Id>((p) => `No feedback ${p.id}`, (p) => `没有意见 ${p.id}`),
  'loyalty.feedbackChanged': entry<Id>((p) => `Feedback ${p.id} was changed meanwhile; read it and try again`, (p) => `意见 ${p.id} 已被他人修改；请重新读取后再试`),
  'loyalty.incentiveNotFound': entry<Id>((p) => `No incentive ${p.id}`, (p) => `没有优惠政策 ${p.id}`),
  'loyalty.incentiveApproved': entry<Id>((p) => `Incentive ${p.id} is already approved`, (p) => `优惠政策 ${p.id} 已审批`),
  'loyalty.incentiveOwnProposal': entry(() => 'A second person approves an incentive, not its proposer', () => '优惠政策须由提议人以外的另一人审批'),
  'loyalty.incentiveOverlap': entry<{ id: string; other: string; kind: string; from: string; to: string }>(
    (p) => `Incentive ${p.id} overlaps the approved ${p.kind} ${p.other} (${p.from} to ${p.to})`,
    (p) => `优惠政策 ${p.id} 与已批准的${kindZh[p.kind] ?? p.kind} ${p.other}（${p.from} 至 ${p.to}）时间重叠`,
  ),
  'loyalty.incentiveChanged': entry<Id>((p) => `Incentives of account ${p.id} were approved meanwhile; try again`, (p) => `客户 ${p.id} 的优惠政策刚被审批；请重试`),
  'loyalty.pilotNotFound': entry<Id>((p) => `No pilot ${p.id}`, (p) => `没有试点 ${p.id}`),
  'loyalty.pilotChanged': entry<Id>((p) => `Pilot ${p.id} was changed meanwhile; try again`, (p) => `试点 ${p.id} 已被他人修改；请重试`),
  'loyalty.outsidePilot': entry<{ on: string; from: string; to: string }>((p) => `${p.on} is outside the pilot (${p.from} to ${p.to})`, (p) => `${p.on} 不在试点期间（${p.from} 至 ${p.to}）内`),
  'loyalty.keyAccountsFirst': entry<{ id: string; day: string }>(
    (p) => `Pilot ${p.id} is offered to key accounts first: until ${p.day} only key accounts may be enrolled`,
    (p) => `试点 ${p.id} 优先向大客户开放：${p.day} 前仅限大客户参加`,
  ),
  'loyalty.pilotFull': entry<{ id: string; count: number }>((p) => `Pilot ${p.id} is full (${p.count} accounts)`, (p) => `试点 ${p.id} 名额已满（${p.count} 家）`),
  'loyalty.alreadyEnrolled': entry<{ id: string; accountId: string }>((p) => `Account ${p.accountId} is already enrolled in pilot ${p.id}`, (p) => `客户 ${p.accountId} 已参加试点 ${p.id}`),
  'loyalty.outcomeRecorded': entry<Id>((p) => `The outcome of pilot ${p.id} is already recorded`, (p) => `试点 ${p.id} 的结果已记录`),
  'loyalty.unknownOpportunity': entry<Id>((p) => `No opportunity ${p.id}`, (p) => `没有商机 ${p.id}`),
  'loyalty.surveyExists': entry<{ accountId: string; period: string; id: string }>(
    (p) => `Stakeholder ${p.id} already has a survey of account ${p.accountId} for ${p.period}`,
    (p) => `关键人 ${p.id} 已有客户 ${p.accountId} ${p.period} 的满意度调查`,
  ),
  'loyalty.noSurveys': entry<{ id: string; from: string; to: string }>(
    (p) => `No satisfaction survey of the accounts ${p.id} held from ${p.from} to ${p.to}: give the satisfaction score`,
    (p) => `${p.id} 在 ${p.from} 至 ${p.to} 负责的客户没有满意度调查：请填写满意度分数`,
  ),
  'field.noSurveys': entry(() => 'no survey to take it from: give a score', () => '没有可用的满意度调查：请填写分数'),
  'field.forumOnly': entry(() => 'only an executive_forum has customer executives', () => '仅高层座谈会（executive_forum）可记录客户高层'),
  'field.accountNotDiscussed': entry(() => 'not one of the meeting’s accountIds', () => '不在本次会议的 accountIds 中'),
  'loyalty.forumExecutives': entry(() => 'The customer executives named do not fit the meeting', () => '所列客户高层与会议不符'),
  'field.notAccountProject': entry(() => 'not a project of this account', () => '不是该客户的项目'),
  'loyalty.notAccountProject': entry<{ id: string; accountId: string }>((p) => `Project ${p.id} is not a project of account ${p.accountId}`, (p) => `项目 ${p.id} 不是客户 ${p.accountId} 的项目`),
  'thing.calendar': entry<{ year: number }>((p) => `holiday calendar of ${p.year}`, (p) => `${p.year} 年的节假日日历`),
  'loyalty.outsideYear': entry<{ year: number }>((p) => `Every day must be in ${p.year}`, (p) => `所有日期须在 ${p.year} 年内`),
} as const;
