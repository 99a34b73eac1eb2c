/**
 * The one catalogue of what the API says to people: every problem title, detail and field
 * message, in English and Chinese. Chinese follows the glossary of domain.md (大客户, 联系领导,
 * 市场协同小组, 商机, 回款, 档案, 资料交接表, 绩效工资 …); ids, dates, codes and field names
 * stay as they are, so a message reads the same values in both languages.
 */

/** One message: an English and a Chinese rendering over the same typed params. */
export interface Entry<P> {
  readonly en: (params: P) => string;
  readonly zh: (params: P) => string;
}
// Pure (esbuild drops an unused entry with its texts): a route carries only the messages it can say.
const entry = /* @__NO_SIDE_EFFECTS__ */ <P = void>(en: (params: P) => string, zh: (params: P) => string): Entry<P> => ({ en, zh });

/** A catalogue message: its id and its two renderings. */
export interface MessageEntry<I extends string = string, P = never> extends Entry<P> {
  readonly id: I;
}
const said = /* @__NO_SIDE_EFFECTS__ */ <const I extends string, P>(id: I, e: Entry<P>): MessageEntry<I, P> => ({ id, en: e.en, zh: e.zh });

/** A message's own English or Chinese text, for params that are messages themselves. */
export interface Said {
  text(lang: 'en' | 'zh'): string;
}
/** A field error as the composite details see it (errors.ts FieldError). */
interface PathAndSaid {
  readonly path: string;
  readonly message: string;
  readonly said?: Said;
}
const fieldIn = (e: PathAndSaid, lang: 'en' | 'zh') => e.said?.text(lang) ?? e.message;

const roleZh: Record<string, string> = {
  leadership: '公司层领导',
  coordinator: '市场协同小组',
  contact_leader: '联系领导',
  sales_manager: '销售经理',
  department_staff: '业务部门人员',
  finance: '财务',
};
const role = (r: string) => roleZh[r] ?? r;
const levelZh: Record<string, string> = { junior: '初级', intermediate: '中级', senior: '高级', none: '无' };
const tierZh: Record<string, string> = { not_completed: '未完成', basically_completed: '基本完成', exceeded: '超额完成', outstanding: '突出完成' };
const tier = (t: string) => (tierZh[t] === undefined ? t : `${t}（${tierZh[t]}）`);
const scoreTargetZh: Record<string, string> = { staff: '人员', department: '部门' };

/* zod's words (its English locale) and ours for them. */
const typeZh: Record<string, string> = {
  string: '字符串',
  number: '数字',
  bigint: '大整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  null: 'null',
  undefined: 'undefined',
  date: '日期',
  NaN: 'NaN',
  set: '集合',
  map: '映射',
  file: '文件',
  value: '值',
};
const typeName = (t: string) => typeZh[t] ?? t;
export const formatEn: Record<string, string> = {
  regex: 'input', email: 'email address', url: 'URL', emoji: 'emoji', uuid: 'UUID', uuidv4: 'UUIDv4', uuidv6: 'UUIDv6',
  nanoid: 'nanoid', guid: 'GUID', cuid: 'cuid', cuid2: 'cuid2', ulid: 'ULID', xid: 'XID', ksuid: 'KSUID',
  datetime: 'ISO datetime', date: 'ISO date', time: 'ISO time', duration: 'ISO duration', ipv4: 'IPv4 address',
  ipv6: 'IPv6 address', mac: 'MAC address', cidrv4: 'IPv4 range', cidrv6: 'IPv6 range', base64: 'base64-encoded string',
  base64url: 'base64url-encoded string', json_string: 'JSON string', e164: 'E.164 number', currency_code: 'currency code',
  credit_card: 'credit card number', iban: 'IBAN', jwt: 'JWT', template_literal: 'input',
};
const formatZh: Record<string, string> = {
  regex: '输入', email: '电子邮件地址', url: 'URL', datetime: 'ISO 日期时间', date: 'ISO 日期', time: 'ISO 时间',
  duration: 'ISO 时长', ipv4: 'IPv4 地址', ipv6: 'IPv6 地址', base64: 'base64 编码字符串', json_string: 'JSON 字符串',
  template_literal: '输入',
};
export const unitEn = { string: 'characters', file: 'bytes', array: 'items', set: 'items', map: 'entries' } as const;
const unitZh: Record<string, string> = { string: '个字符', file: '字节', array: '项', set: '项', map: '个条目' };
type Relation = 'exactly' | 'inclusive' | 'exclusive';
interface Bound {
  origin: string | undefined;
  relation: Relation;
  limit: string;
}
const sized = (origin: string | undefined): origin is keyof typeof unitEn => origin !== undefined && origin in unitEn;
const bigEn = ({ origin, relation, limit }: Bound) => {
  const adj = relation === 'exactly' ? 'exactly ' : relation === 'inclusive' ? '<=' : '<';
  return sized(origin)
    ? `Too big: expected ${origin} to have ${adj}${limit} ${unitEn[origin]}`
    : `Too big: expected ${origin ?? 'value'} to be ${adj}${limit}`;
};
const smallEn = ({ origin, relation, limit }: Bound) => {
  const adj = relation === 'exactly' ? 'exactly ' : relation === 'inclusive' ? '>=' : '>';
  return sized(origin) ? `Too small: expected ${origin} to have ${adj}${limit} ${unitEn[origin]}` : `Too small: expected ${origin} to be ${adj}${limit}`;
};
const boundZh = (big: boolean, { origin, relation, limit }: Bound) => {
  const noun = typeName(origin ?? 'value');
  if (sized(origin)) {
    const rel = relation === 'exactly' ? '必须恰好为' : big ? (relation === 'inclusive' ? '最多' : '必须少于') : relation === 'inclusive' ? '至少' : '必须多于';
    return `${big ? '过长' : '过短'}：${noun}${rel} ${limit} ${unitZh[origin]}`;
  }
  const rel = relation === 'exactly' ? '必须等于' : big ? (relation === 'inclusive' ? '不得大于' : '必须小于') : relation === 'inclusive' ? '不得小于' : '必须大于';
  return `${big ? '过大' : '过小'}：${noun}${rel} ${limit}`;
};

/** Titles: one per problem type (its slug); the 422s share one, and so do most 403s and 409s. */
const stepZh: Record<string, string> = {
  received: '已接收', acknowledged: '已确认', rectifying: '整改中', rectified: '已整改', reported_back: '已反馈', closed: '已关闭', reopened: '重新打开',
};
const step = (s: string) => `${s}（${stepZh[s] ?? s}）`;
const kindZh: Record<string, string> = { discount: '折扣', rebate: '返利', reward: '奖励' };
const ruleBroken = entry(() => 'A business rule was broken', () => '违反了业务规则');
const forbidden = entry(() => 'Forbidden', () => '无权执行此操作');
const conflict = entry(() => 'Conflict', () => '与当前状态冲突');
const invalidRequest = entry(() => 'Your request is not valid', () => '请求无效');

export const titles = {
  'validation-error': invalidRequest,
  'invalid-cursor': invalidRequest,
  unauthorized: entry(() => 'Unauthorized', () => '未通过身份验证'),
  forbidden,
  'role-not-allowed': forbidden,
  'not-the-sales-manager': forbidden,
  'not-the-owner': forbidden,
  'not-the-recipient': forbidden,
  'not-follow-up-owner': forbidden,
  'account-owned': entry(() => 'This key account is owned by its assigned team', () => '该大客户由其指定团队专属负责'),
  'dossier-grant-required': entry(() => 'Dossier grant required', () => '需要档案查阅授权'),
  'dossier-kept-by-sales-manager': entry(() => 'Only the sales manager keeps the dossier', () => '档案仅由销售经理维护'),
  'staff-departed': entry(() => 'Staff member has departed', () => '该员工已离职'),
  'not-found': entry(() => 'Not found', () => '未找到'),
  conflict,
  'no-current-holder': conflict,
  'concurrent-change': conflict,
  'transaction-conflict': conflict,
  'idempotency-in-progress': conflict,
  'receipt-confirmed': conflict,
  'report-exists': conflict,
  'peer-score-exists': conflict,
  'close-in-progress': conflict,
  'period-not-final': conflict,
  'period-finalised': entry(() => 'Period finalised', () => '考核期已定稿'),
  'credit-code-taken': entry(() => 'Credit code already registered', () => '统一社会信用代码已登记'),
  'already-key-account': entry(() => 'Already a key account', () => '已是大客户'),
  'dispute-already-decided': entry(() => 'Dispute already decided', () => '市场争议已裁决'),
  'opportunity-closed': entry(() => 'The opportunity is closed', () => '商机已关闭'),
  'follow-up-already-done': entry(() => 'Follow-up already done', () => '整改跟进已完成'),
  'matter-already-acknowledged': entry(() => 'Major matter already acknowledged', () => '重大事项已确认'),
  'stale-version': entry(() => 'Precondition failed', () => '前提条件不成立'),
  'unsupported-media-type': entry(() => 'Unsupported media type', () => '不支持的媒体类型'),
  'if-match-required': entry(() => 'Precondition required', () => '需要前提条件'),
  'internal-error': entry(() => 'Internal server error', () => '服务器内部错误'),
  'service-unavailable': entry(() => 'Service unavailable', () => '服务暂不可用'),
  // 422: the business rules.
  'too-large': ruleBroken,
  'idempotency-key-reused': ruleBroken,
  'unknown-or-departed-staff': ruleBroken,
  'visit-in-future': ruleBroken,
  'report-in-future': ruleBroken,
  'unknown-account': ruleBroken,
  'action-item-done': ruleBroken,
  'pay-policy-missing': ruleBroken,
  'grades-missing-from-policy': ruleBroken,
  'grade-not-in-policy': ruleBroken,
  'already-delivered': ruleBroken,
  'delivered-before-won': ruleBroken,
  'same-department': ruleBroken,
  'department-change-before-current': ruleBroken,
  'over-invoiced': ruleBroken,
  'over-paid': ruleBroken,
  'paid-before-invoiced': ruleBroken,
  'not-a-team-member': ruleBroken,
  'own-department': ruleBroken,
  'period-not-closed': ruleBroken,
  'person-lacks-role': ruleBroken,
  'person-departed': ruleBroken,
  'sales-manager-untrained': ruleBroken,
  'account-not-key': ruleBroken,
  'certification-out-of-order': ruleBroken,
  'dispute-against-own-department': ruleBroken,
  'reassignment-before-current': ruleBroken,
  'reassignment-to-same-person': ruleBroken,
  'grantee-unknown': ruleBroken,
  'grantee-departed': ruleBroken,
  'grant-expiry-past': ruleBroken,
  'quarters-must-add-up': ruleBroken,
  'date-in-future': ruleBroken,
  'follow-up-due-before-check': ruleBroken,
  'follow-up-owner-not-active': ruleBroken,
  'done-before-check': ruleBroken,
  'already-approved': conflict,
  'four-eyes': entry(() => 'Four eyes', () => '需另一人审批（四眼原则）'),
  'not-on-statement': ruleBroken,
  'already-answered': conflict,
  'adjustments-pending': entry(() => 'Adjustments pending', () => '有待审批的调整'),
  'reclose-needed': entry(() => 'Re-close needed', () => '需要重新结算'),
  'open-inquiries': entry(() => 'Open inquiries', () => '有未答复的查询'),
  'adjustment-without-statement': entry(() => 'Adjustment without a statement', () => '调整无对应的绩效工资单'),
  'not-own-statement': forbidden,
  'not-own-inquiry': forbidden,
  'not-assessed': forbidden,
  'already-acknowledged': conflict,
  'period-not-open': entry(() => 'Period not open', () => '考核期未开始'),
  // Loyalty (domain.md §4): stakeholders, the account plan, priority requests, account news.
  'stakeholder-left': conflict,
  'unknown-stakeholder': ruleBroken,
  'plan-exists': conflict,
  'plan-version-approved': entry(() => 'An approved plan is never changed', () => '已批准的计划不可修改'),
  'plan-draft-open': conflict,
  'plan-incomplete': ruleBroken,
  'objective-owner-not-on-account': ruleBroken,
  'not-a-holder': forbidden,
  'not-the-contact-leader': forbidden,
  'request-due-past': ruleBroken,
  'request-answered': conflict,
  'not-the-delivering-department': forbidden,
  'not-of-department': forbidden,
  'news-in-future': ruleBroken,
  'news-support-full': ruleBroken,
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

type Id = { id: string };
const changingEn = {
  account: 'Account', staff: 'Staff member', meeting: 'Meeting', handover: 'Handover', opportunity: 'Opportunity',
  project: 'Project', invoice: 'Invoice', talent: 'Talent entry', spotCheck: 'Spot check', stakeholder: 'Stakeholder', request: 'Request', news: 'Account news',
} as const;
const changingZh: Record<keyof typeof changingEn, string> = {
  account: '客户', staff: '员工', meeting: '例会', handover: '资料交接表', opportunity: '商机',
  project: '项目', invoice: '发票', talent: '人才储备库条目', spotCheck: '抽查', stakeholder: '客户关键人', request: '需求', news: '客户动态',
};

/**
 * Details and field messages: one export each, named after its id (`account.notFound` →
 * `account_notFound`), so that a route's bundle carries only the messages its code can say
 * (`msg(M.account_notFound, { id })`, with `import * as M from '#shared/messages/catalogue.ts'`).
 * All of them, by id: shared/messages/all.ts (tests and documents only).
 */
/* ---- the HTTP layer ---- */
export const auth_tokenRequired = /* @__PURE__ */ said('auth.tokenRequired', entry(() => 'A valid bearer token is required', () => '需要有效的 Bearer 令牌'));
export const auth_noStaffRecord = /* @__PURE__ */ said('auth.noStaffRecord', entry(() => 'Your token names no staff record', () => '令牌所指的员工记录不存在'));
export const auth_departed = /* @__PURE__ */ said('auth.departed', entry<{ leftOn: string | null }>((p) => `Your access ended when you left on ${p.leftOn}`, (p) => `您已于 ${p.leftOn} 离职，访问权限已终止`));
export const auth_needsRole = /* @__PURE__ */ said('auth.needsRole', entry<{ roles: readonly string[] }>(
  (p) => `This needs one of the roles: ${p.roles.join(', ')}`,
  (p) => `此操作需要以下角色之一：${p.roles.map((r) => `${role(r)}（${r}）`).join('、')}`,
));
export const body_required = /* @__PURE__ */ said('body.required', entry(() => 'This request needs a JSON body', () => '此请求需要 JSON 请求体'));
export const body_notJson = /* @__PURE__ */ said('body.notJson', entry(() => 'The body is not valid JSON', () => '请求体不是有效的 JSON'));
export const body_notJsonTypeNone = /* @__PURE__ */ said('body.notJsonTypeNone', entry(
  () => 'Send the body as JSON with Content-Type: application/json (none was sent)',
  () => '请以 JSON 发送请求体，并带上 Content-Type: application/json（未发送 Content-Type）',
));
export const body_notJsonType = /* @__PURE__ */ said('body.notJsonType', entry<{ received: string }>(
  (p) => `Send the body as JSON with Content-Type: application/json, not ${p.received}`,
  (p) => `请以 JSON 发送请求体，并带上 Content-Type: application/json，而不是 ${p.received}`,
));
export const validation_fieldsInvalid = /* @__PURE__ */ said('validation.fieldsInvalid', entry<{ count: number }>((p) => `${p.count} field(s) are not valid`, (p) => `${p.count} 个字段无效`));
export const cursor_invalid = /* @__PURE__ */ said('cursor.invalid', entry(() => 'The cursor is not one this list gave out', () => '该游标不是此列表给出的'));
export const precondition_stale = /* @__PURE__ */ said('precondition.stale', entry(
  () => 'The resource has changed since you read it; read it again and retry',
  () => '您读取之后该资源已被修改；请重新读取后再试',
));
export const precondition_badEtag = /* @__PURE__ */ said('precondition.badEtag', entry(() => 'If-Match must be an ETag this API gave out, e.g. "3"', () => 'If-Match 必须是本 API 给出的 ETag，例如 "3"'));
export const precondition_ifMatchRequired = /* @__PURE__ */ said('precondition.ifMatchRequired', entry(() => 'Send If-Match with the ETag you read', () => '请在 If-Match 中带上您读取到的 ETag'));
export const db_busy = /* @__PURE__ */ said('db.busy', entry(() => 'The database is busy; nothing was changed. Retry after a moment.', () => '数据库繁忙，未做任何更改。请稍后重试。'));
export const db_transactionConflict = /* @__PURE__ */ said('db.transactionConflict', entry(
  () => 'Another change to the same records was in progress; nothing was changed. Retry.',
  () => '同一记录正在进行另一项更改，未做任何更改。请重试。',
));
export const db_tooLarge = /* @__PURE__ */ said('db.tooLarge', entry(
  () => 'What you sent makes the record larger than can be stored; send less text',
  () => '所发送的内容使记录超出可存储的大小；请减少文字',
));
export const idempotency_reused = /* @__PURE__ */ said('idempotency.reused', entry(
  () => 'This Idempotency-Key was already used with a different request body; use a new key for a new request',
  () => '此 Idempotency-Key 已用于不同的请求体；新请求请使用新的键',
));
export const idempotency_inProgress = /* @__PURE__ */ said('idempotency.inProgress', entry(
  () => 'A request with this Idempotency-Key is still being processed; retry shortly',
  () => '使用此 Idempotency-Key 的请求仍在处理中；请稍后重试',
));
export const internal_error = /* @__PURE__ */ said('internal.error', entry(() => 'Something went wrong on our side; it has been logged', () => '服务端出现错误，已记录在日志中'));
export const rule_fields = /* @__PURE__ */ said('rule.fields', entry<{ errors: readonly PathAndSaid[] }>(
  (p) => p.errors.map((e) => `${e.path}: ${fieldIn(e, 'en')}`).join('; '),
  (p) => p.errors.map((e) => `${e.path}：${fieldIn(e, 'zh')}`).join('；'),
));
export const concurrent_retry = /* @__PURE__ */ said('concurrent.retry', entry<{ what: Said }>(
  (p) => `${p.what.text('en')} is being changed by others right now; retry`,
  (p) => `${p.what.text('zh')} 正在被他人修改；请重试`,
));
/** What a retried change was changing (usecases/retry.ts), as the sentence begins. */
export const changing = /* @__PURE__ */ said('changing', entry<{ kind: keyof typeof changingEn; id: string }>(
  (p) => `${changingEn[p.kind]} ${p.id}`,
  (p) => `${changingZh[p.kind]} ${p.id}`,
));

/* ---- things, for "No …" and "… is being changed" ---- */
export const thing_account = /* @__PURE__ */ said('thing.account', entry<Id>((p) => `account ${p.id}`, (p) => `客户 ${p.id}`));
export const thing_opportunity = /* @__PURE__ */ said('thing.opportunity', entry<Id>((p) => `opportunity ${p.id}`, (p) => `商机 ${p.id}`));
export const thing_project = /* @__PURE__ */ said('thing.project', entry<Id>((p) => `project ${p.id}`, (p) => `项目 ${p.id}`));
export const thing_invoice = /* @__PURE__ */ said('thing.invoice', entry<Id>((p) => `invoice ${p.id}`, (p) => `发票 ${p.id}`));
export const thing_meeting = /* @__PURE__ */ said('thing.meeting', entry<Id>((p) => `meeting ${p.id}`, (p) => `例会 ${p.id}`));
export const thing_spotCheck = /* @__PURE__ */ said('thing.spotCheck', entry<Id>((p) => `spot check ${p.id}`, (p) => `抽查 ${p.id}`));
export const thing_handover = /* @__PURE__ */ said('thing.handover', entry<Id>((p) => `handover ${p.id}`, (p) => `资料交接表 ${p.id}`));
export const thing_staff = /* @__PURE__ */ said('thing.staff', entry<Id>((p) => `staff member ${p.id}`, (p) => `员工 ${p.id}`));
export const notFound_thing = /* @__PURE__ */ said('notFound.thing', entry<{ what: Said }>((p) => `No ${p.what.text('en')}`, (p) => `没有${p.what.text('zh')}`));

/* ---- accounts, assignments, targets ---- */
export const account_notFound = /* @__PURE__ */ said('account.notFound', entry<Id>((p) => `No account ${p.id}`, (p) => `没有客户 ${p.id}`));
export const account_listAwaitingReassignment = /* @__PURE__ */ said('account.listAwaitingReassignment', entry(
  () => 'Only the coordination group and finance list accounts awaiting reassignment',
  () => '只有市场协同小组和财务可以列出待重新分配的客户',
));
export const account_listOwnOnly = /* @__PURE__ */ said('account.listOwnOnly', entry(() => 'You may list your own accounts only', () => '您只能列出自己的客户'));
export const account_noCurrentHolder = /* @__PURE__ */ said('account.noCurrentHolder', entry<{ id: string; role: string }>(
  (p) => `Account ${p.id} has no current ${p.role}`,
  (p) => `客户 ${p.id} 目前没有${role(p.role)}`,
));
export const account_owned = /* @__PURE__ */ said('account.owned', entry<Id>(
  (p) =>
    `Account ${p.id} is a key account: only its contact leader, its sales manager and the coordinators may act on it. Take any dispute over it to the coordination group.`,
  (p) => `客户 ${p.id} 是大客户：只有其联系领导、销售经理和市场协同小组可以对其操作。如有争议，请提交市场协同小组。`,
));
export const account_purpose_act = /* @__PURE__ */ said('account.purpose.act', entry(() => 'Only the account’s people and the coordinators act on this account', () => '只有该客户的负责人员和市场协同小组可以对该客户操作'));
export const account_purpose_money = /* @__PURE__ */ said('account.purpose.money', entry(
  () => 'Only the account’s people, finance and the coordinators move money on this account',
  () => '只有该客户的负责人员、财务和市场协同小组可以办理该客户的开票与回款',
));
export const account_purpose_read = /* @__PURE__ */ said('account.purpose.read', entry(
  () => 'Finance and department staff do not read an account’s opportunities, visits, reports or handovers',
  () => '财务和业务部门人员不查阅客户的商机、走访、报告或资料交接表',
));
export const account_purpose_records = /* @__PURE__ */ said('account.purpose.records', entry(
  () => 'Only the account’s people, the coordination group and finance read this account’s records',
  () => '只有该客户的负责人员、市场协同小组和财务可以查阅该客户的记录',
));
export const account_purpose_held = /* @__PURE__ */ said('account.purpose.held', entry(
  () => 'Only the account’s holders and the coordination group see these records of the account',
  () => '只有该客户的负责人和市场协同小组可以查看该客户的这些记录',
));
export const account_purpose_oversee = /* @__PURE__ */ said('account.purpose.oversee', entry(() => 'Only the coordination group does this', () => '只有市场协同小组可以执行此操作'));
export const account_notKey = /* @__PURE__ */ said('account.notKey', entry<Id>((p) => `Account ${p.id} is not a key account; designate it first`, (p) => `客户 ${p.id} 不是大客户；请先将其认定为大客户`));
export const account_notKeyForMatter = /* @__PURE__ */ said('account.notKeyForMatter', entry<Id>(
  (p) => `Account ${p.id} is not a key account; major matters are reported on key accounts`,
  (p) => `客户 ${p.id} 不是大客户；重大事项只针对大客户报告`,
));
export const account_alreadyKey = /* @__PURE__ */ said('account.alreadyKey', entry<Id>((p) => `Account ${p.id} is already a key account`, (p) => `客户 ${p.id} 已是大客户`));
export const account_creditCodeTaken = /* @__PURE__ */ said('account.creditCodeTaken', entry<{ code: string; accountId: string }>(
  (p) => `Credit code ${p.code} already belongs to account ${p.accountId}`,
  (p) => `统一社会信用代码 ${p.code} 已属于客户 ${p.accountId}`,
));
export const targets_notFound = /* @__PURE__ */ said('targets.notFound', entry<{ accountId: string; year: number }>(
  (p) => `No targets for account ${p.accountId} in ${p.year}`,
  (p) => `客户 ${p.accountId} 没有 ${p.year} 年的年度指标`,
));
export const targets_quartersSum = /* @__PURE__ */ said('targets.quartersSum', entry<{ field: string; sum: number; annual: number }>(
  (p) => `The ${p.field} quarters add up to ${p.sum} fen, not the annual ${p.annual} fen`,
  (p) => `${p.field} 的四个季度合计 ${p.sum} 分，而不是全年的 ${p.annual} 分`,
));
export const assignment_beforeCurrent = /* @__PURE__ */ said('assignment.beforeCurrent', entry<{ role: string; from: string }>(
  (p) => `The current ${p.role} holds the account from ${p.from}; a reassignment must take effect after that day`,
  (p) => `现任${role(p.role)}自 ${p.from} 起负责该客户；重新分配必须在该日之后生效`,
));
export const assignment_samePerson = /* @__PURE__ */ said('assignment.samePerson', entry<{ staffId: string }>((p) => `${p.staffId} already holds the role`, (p) => `${p.staffId} 已担任该角色`));

/* ---- staff ---- */
export const staff_notFound = /* @__PURE__ */ said('staff.notFound', entry<Id>((p) => `No staff member ${p.id}`, (p) => `没有员工 ${p.id}`));
export const staff_idTaken = /* @__PURE__ */ said('staff.idTaken', entry<Id>((p) => `Staff id ${p.id} is taken`, (p) => `员工 ID ${p.id} 已被占用`));
export const staff_readOwn = /* @__PURE__ */ said('staff.readOwn', entry(
  () => 'You may read your own record; leadership, coordinators and finance read all',
  () => '您只能查阅自己的记录；公司层领导、市场协同小组和财务可查阅全部',
));
export const staff_departed = /* @__PURE__ */ said('staff.departed', entry<{ id: string; leftOn: string | null }>(
  (p) => `Staff member ${p.id} left on ${p.leftOn}; their record can no longer change`,
  (p) => `员工 ${p.id} 已于 ${p.leftOn} 离职；其记录不能再更改`,
));
export const staff_certificationOrder = /* @__PURE__ */ said('staff.certificationOrder', entry<{ id: string; holds: string; next: string }>(
  (p) => `Certification goes one level at a time: ${p.id} holds ${p.holds}, so the next is ${p.next}`,
  (p) => `认证须逐级晋升：${p.id} 目前为${levelZh[p.holds] ?? p.holds}，下一级是${p.next === 'none (already senior)' ? '无（已是高级）' : (levelZh[p.next] ?? p.next)}`,
));
export const staff_certificationPredates = /* @__PURE__ */ said('staff.certificationPredates', entry(() => 'A certification cannot predate the one it follows', () => '认证日期不能早于上一级认证'));

/* ---- disputes ---- */
export const dispute_notFound = /* @__PURE__ */ said('dispute.notFound', entry<Id>((p) => `No dispute ${p.id}`, (p) => `没有市场争议 ${p.id}`));
export const dispute_listAcross = /* @__PURE__ */ said('dispute.listAcross', entry(
  () => 'Only the coordination group and leadership list disputes across accounts; name an accountId',
  () => '只有市场协同小组和公司层领导可以跨客户列出市场争议；请指定 accountId',
));
export const dispute_ownDepartment = /* @__PURE__ */ said('dispute.ownDepartment', entry<{ department: string }>(
  (p) => `A dispute is between departments; ${p.department} is your own`,
  (p) => `市场争议发生在部门之间；${p.department} 是您自己的部门`,
));
export const dispute_decided = /* @__PURE__ */ said('dispute.decided', entry<Id>(
  (p) => `Dispute ${p.id} has been decided; the decision binds and is not made twice`,
  (p) => `市场争议 ${p.id} 已裁决；裁决具有约束力，不会重复作出`,
));
export const dispute_idTaken = /* @__PURE__ */ said('dispute.idTaken', entry<Id>((p) => `Dispute id ${p.id} is taken`, (p) => `市场争议 ID ${p.id} 已被占用`));
export const dispute_changedWhileDeciding = /* @__PURE__ */ said('dispute.changedWhileDeciding', entry<Id>(
  (p) => `Dispute ${p.id} changed while it was being decided; read it again`,
  (p) => `市场争议 ${p.id} 在裁决过程中被修改；请重新读取`,
));

/* ---- dossier ---- */
export const dossier_entryNotFound = /* @__PURE__ */ said('dossier.entryNotFound', entry<{ entryId: string; accountId: string }>(
  (p) => `No dossier entry ${p.entryId} on account ${p.accountId}`,
  (p) => `客户 ${p.accountId} 的档案中没有条目 ${p.entryId}`,
));
export const dossier_grantRequired = /* @__PURE__ */ said('dossier.grantRequired', entry<{ accountId: string }>(
  (p) => `Reading the dossier of account ${p.accountId} needs a grant from the coordination group; yours is missing or has expired`,
  (p) => `查阅客户 ${p.accountId} 的台账、档案需要市场协同小组授权；您没有授权或授权已过期`,
));
export const dossier_keptBySalesManager = /* @__PURE__ */ said('dossier.keptBySalesManager', entry<{ accountId: string }>(
  (p) => `The dossier of account ${p.accountId} is kept by the account’s sales manager alone; send changes to them or to the coordination group`,
  (p) => `客户 ${p.accountId} 的档案只由该客户的销售经理维护；如需修改请联系销售经理或市场协同小组`,
));
export const dossier_entryIdTaken = /* @__PURE__ */ said('dossier.entryIdTaken', entry<Id>((p) => `Dossier entry id ${p.id} is taken`, (p) => `档案条目 ID ${p.id} 已被占用`));
export const dossier_grantIdTaken = /* @__PURE__ */ said('dossier.grantIdTaken', entry<Id>((p) => `Dossier grant id ${p.id} is taken`, (p) => `档案授权 ID ${p.id} 已被占用`));

/* ---- upkeep: visits, reports, meetings ---- */
export const upkeep_staffNotActive = /* @__PURE__ */ said('upkeep.staffNotActive', entry(() => 'Some people named are not active staff', () => '所列人员中有人不是在职员工'));
export const upkeep_visitInFuture = /* @__PURE__ */ said('upkeep.visitInFuture', entry(() => 'A visit is recorded once it has been made', () => '走访须在完成后才能登记'));
export const upkeep_listOwnVisits = /* @__PURE__ */ said('upkeep.listOwnVisits', entry(() => 'You may list your own visits; the coordination group lists anyone’s', () => '您只能列出自己的走访；市场协同小组可列出任何人的'));
export const upkeep_notSalesManager = /* @__PURE__ */ said('upkeep.notSalesManager', entry<{ accountId: string }>(
  (p) => `Only account ${p.accountId}'s sales manager files its monthly report`,
  (p) => `只有客户 ${p.accountId} 的销售经理可以提交其月度报告`,
));
export const upkeep_reportInFuture = /* @__PURE__ */ said('upkeep.reportInFuture', entry(() => 'A month is reported once it has begun', () => '月份开始后才能提交该月报告'));
export const upkeep_reportNotFound = /* @__PURE__ */ said('upkeep.reportNotFound', entry<{ accountId: string; month: string }>(
  (p) => `No report for account ${p.accountId} in ${p.month}`,
  (p) => `客户 ${p.accountId} 没有 ${p.month} 的报告`,
));
export const upkeep_reportNotFoundMonth = /* @__PURE__ */ said('upkeep.reportNotFoundMonth', entry<{ month: string }>((p) => `No report for ${p.month}`, (p) => `没有 ${p.month} 的报告`));
export const upkeep_reportAmenders = /* @__PURE__ */ said('upkeep.reportAmenders', entry(
  () => 'The report’s author or the account’s sales manager amends it',
  () => '只有报告的作者或该客户的销售经理可以修改报告',
));
export const upkeep_reportExists = /* @__PURE__ */ said('upkeep.reportExists', entry<{ accountId: string; month: string }>(
  (p) => `Account ${p.accountId} already has its report for ${p.month}; amend it with PATCH and If-Match`,
  (p) => `客户 ${p.accountId} 已有 ${p.month} 的报告；请用 PATCH 和 If-Match 修改`,
));
export const upkeep_unknownAccounts = /* @__PURE__ */ said('upkeep.unknownAccounts', entry(() => 'Some accounts named do not exist', () => '所列客户中有的不存在'));
export const upkeep_meetingNotFound = /* @__PURE__ */ said('upkeep.meetingNotFound', entry<Id>((p) => `No meeting ${p.id}`, (p) => `没有例会 ${p.id}`));
export const upkeep_actionItemNotFound = /* @__PURE__ */ said('upkeep.actionItemNotFound', entry<{ itemId: string; meetingId: string }>(
  (p) => `No action item ${p.itemId} in meeting ${p.meetingId}`,
  (p) => `例会 ${p.meetingId} 中没有待办事项 ${p.itemId}`,
));
export const upkeep_actionItemMarkers = /* @__PURE__ */ said('upkeep.actionItemMarkers', entry(
  () => 'The owner of an action item or a coordinator marks it done',
  () => '只有待办事项的负责人或市场协同小组成员可以将其标记为完成',
));
export const upkeep_actionItemDone = /* @__PURE__ */ said('upkeep.actionItemDone', entry<{ itemId: string; doneOn: string | null }>(
  (p) => `Action item ${p.itemId} was done on ${p.doneOn}`,
  (p) => `待办事项 ${p.itemId} 已于 ${p.doneOn} 完成`,
));
export const upkeep_listOwnActionItems = /* @__PURE__ */ said('upkeep.listOwnActionItems', entry(
  () => 'You may list your own action items; the coordination group lists anyone’s',
  () => '您只能列出自己的待办事项；市场协同小组可列出任何人的',
));
export const alerts_ownOnly = /* @__PURE__ */ said('alerts.ownOnly', entry(() => 'You may see your own alerts; the coordination group sees everyone’s', () => '您只能查看自己的提醒；市场协同小组可查看所有人的'));
export const compliance_ownOnly = /* @__PURE__ */ said('compliance.ownOnly', entry(
  () => 'You may see your own compliance; the coordination group sees everyone’s',
  () => '您只能查看自己的履职情况；市场协同小组可查看所有人的',
));

/* ---- handovers ---- */
export const handover_notFound = /* @__PURE__ */ said('handover.notFound', entry<Id>((p) => `No handover ${p.id}`, (p) => `没有资料交接表 ${p.id}`));
export const handover_notRecipient = /* @__PURE__ */ said('handover.notRecipient', entry<{ staffId: string }>(
  (p) => `Only ${p.staffId}, who takes the account over, confirms receipt`,
  (p) => `只有接手该客户的 ${p.staffId} 可以确认接收资料交接表`,
));
export const handover_receiptConfirmed = /* @__PURE__ */ said('handover.receiptConfirmed', entry<{ receivedOn: string }>(
  (p) => `Receipt was confirmed on ${p.receivedOn}`,
  (p) => `资料交接表已于 ${p.receivedOn} 确认接收`,
));

/* ---- business: opportunities, projects, invoices, payments ---- */
export const business_opportunityClosed = /* @__PURE__ */ said('business.opportunityClosed', entry<{ id: string; stage: string; on: string | null }>(
  (p) => `Opportunity ${p.id} was ${p.stage} on ${p.on}; a closed opportunity does not reopen`,
  (p) => `商机 ${p.id} 已于 ${p.on} ${p.stage === 'won' ? '赢单' : p.stage === 'lost' ? '丢单' : p.stage}；已关闭的商机不能重新打开`,
));
export const business_listOpportunities = /* @__PURE__ */ said('business.listOpportunities', entry(
  () => 'You may list the opportunities of your accounts, and your own',
  () => '您只能列出您所负责客户的商机以及您自己的商机',
));
export const business_listProjects = /* @__PURE__ */ said('business.listProjects', entry(
  () => 'Department staff see the projects their own department delivers',
  () => '业务部门人员只能查看本部门承接的项目',
));
export const business_alreadyDelivered = /* @__PURE__ */ said('business.alreadyDelivered', entry<{ id: string; on: string }>(
  (p) => `Project ${p.id} was delivered on ${p.on}`,
  (p) => `项目 ${p.id} 已于 ${p.on} 交付`,
));
export const business_alreadyDeliveredBy = /* @__PURE__ */ said('business.alreadyDeliveredBy', entry<{ id: string; on: string; department: string }>(
  (p) => `Project ${p.id} was delivered on ${p.on} by ${p.department}`,
  (p) => `项目 ${p.id} 已于 ${p.on} 由 ${p.department} 交付`,
));
export const business_wonOn = /* @__PURE__ */ said('business.wonOn', entry<{ id: string; on: string }>((p) => `Project ${p.id} was won on ${p.on}`, (p) => `项目 ${p.id} 于 ${p.on} 赢单`));
export const business_sameDepartment = /* @__PURE__ */ said('business.sameDepartment', entry<{ id: string; department: string }>(
  (p) => `${p.department} already delivers project ${p.id}`,
  (p) => `${p.department} 已在承接项目 ${p.id}`,
));
export const business_departmentChangeBefore = /* @__PURE__ */ said('business.departmentChangeBefore', entry<{ from: string }>(
  (p) => `The current department delivers from ${p.from}`,
  (p) => `当前部门自 ${p.from} 起承接`,
));
export const business_overInvoiced = /* @__PURE__ */ said('business.overInvoiced', entry<{ id: string; rest: number; contract: number }>(
  (p) => `Project ${p.id} has ${p.rest} fen left to invoice of its ${p.contract} fen contract`,
  (p) => `项目 ${p.id} 合同金额 ${p.contract} 分，尚可开票 ${p.rest} 分`,
));
export const business_overPaid = /* @__PURE__ */ said('business.overPaid', entry<{ id: string; rest: number }>(
  (p) => `Invoice ${p.id} has ${p.rest} fen unpaid`,
  (p) => `发票 ${p.id} 尚有 ${p.rest} 分未回款`,
));
export const business_issuedOn = /* @__PURE__ */ said('business.issuedOn', entry<{ id: string; on: string }>((p) => `Invoice ${p.id} was issued on ${p.on}`, (p) => `发票 ${p.id} 于 ${p.on} 开具`));
export const business_receivables = /* @__PURE__ */ said('business.receivables', entry(
  () => 'Receivables are for finance, the coordination group and the accounts’ own people',
  () => '应收账款仅供财务、市场协同小组和各客户的负责人员查看',
));

/* ---- oversight: spot checks, major matters ---- */
export const oversight_spotCheckNotFound = /* @__PURE__ */ said('oversight.spotCheckNotFound', entry<Id>((p) => `No spot check ${p.id}`, (p) => `没有抽查 ${p.id}`));
export const oversight_majorMatterNotFound = /* @__PURE__ */ said('oversight.majorMatterNotFound', entry<Id>((p) => `No major matter ${p.id}`, (p) => `没有重大事项 ${p.id}`));
export const oversight_followUpNotFound = /* @__PURE__ */ said('oversight.followUpNotFound', entry<{ followUpId: string; checkId: string }>(
  (p) => `No follow-up ${p.followUpId} on spot check ${p.checkId}`,
  (p) => `抽查 ${p.checkId} 中没有整改跟进 ${p.followUpId}`,
));
export const oversight_followUpDone = /* @__PURE__ */ said('oversight.followUpDone', entry<{ followUpId: string; checkId: string; doneOn: string | null }>(
  (p) => `Follow-up ${p.followUpId} of spot check ${p.checkId} was done on ${p.doneOn}`,
  (p) => `抽查 ${p.checkId} 的整改跟进 ${p.followUpId} 已于 ${p.doneOn} 完成`,
));
export const oversight_notFollowUpOwner = /* @__PURE__ */ said('oversight.notFollowUpOwner', entry<{ followUpId: string; ownerId: string }>(
  (p) => `Follow-up ${p.followUpId} is ${p.ownerId}'s; only they or a coordinator mark it done`,
  (p) => `整改跟进 ${p.followUpId} 由 ${p.ownerId} 负责；只有其本人或市场协同小组成员可以标记完成`,
));
export const oversight_matterAcknowledged = /* @__PURE__ */ said('oversight.matterAcknowledged', entry<Id>((p) => `Major matter ${p.id} has already been acknowledged`, (p) => `重大事项 ${p.id} 已被确认`));
export const oversight_spotCheckIdTaken = /* @__PURE__ */ said('oversight.spotCheckIdTaken', entry<Id>((p) => `Spot check id ${p.id} is taken`, (p) => `抽查 ID ${p.id} 已被占用`));
export const oversight_majorMatterIdTaken = /* @__PURE__ */ said('oversight.majorMatterIdTaken', entry<Id>((p) => `Major matter id ${p.id} is taken`, (p) => `重大事项 ID ${p.id} 已被占用`));
export const oversight_matterChanged = /* @__PURE__ */ said('oversight.matterChanged', entry<Id>(
  (p) => `Major matter ${p.id} changed while it was being acknowledged; read it again`,
  (p) => `重大事项 ${p.id} 在确认过程中被修改；请重新读取`,
));

/* ---- pay ---- */
export const pay_policyNotFound = /* @__PURE__ */ said('pay.policyNotFound', entry<{ year: number }>((p) => `No pay policy for ${p.year}`, (p) => `没有 ${p.year} 年的绩效工资政策`));
export const pay_policyMissing = /* @__PURE__ */ said('pay.policyMissing', entry<{ year: number }>(
  (p) => `There is no pay policy for ${p.year}; set one with PUT /v1/pay-policies/${p.year}`,
  (p) => `${p.year} 年没有绩效工资政策；请用 PUT /v1/pay-policies/${p.year} 设置`,
));
export const pay_gradesMissing = /* @__PURE__ */ said('pay.gradesMissing', entry<{ grades: readonly string[] }>(
  (p) => `The pay policy has no pay for grade(s) ${p.grades.join(', ')}; add them before closing`,
  (p) => `绩效工资政策中没有职级 ${p.grades.join('、')} 的薪酬；请在结算前补充`,
));
export const pay_gradeNotInPolicy = /* @__PURE__ */ said('pay.gradeNotInPolicy', entry<{ grade: string }>(
  (p) => `The pay policy has no grade ${p.grade}; add it before closing the period`,
  (p) => `绩效工资政策中没有职级 ${p.grade}；请在考核期结算前补充`,
));
export const pay_departmentScoresTeam = /* @__PURE__ */ said('pay.departmentScoresTeam', entry(() => 'Department staff score the key-account team', () => '由业务部门人员为大客户团队评分'));
export const pay_notTeamMember = /* @__PURE__ */ said('pay.notTeamMember', entry(
  () => 'Scores go to members of the key-account team (not oneself)',
  () => '评分对象必须是大客户团队成员（不能是自己）',
));
export const pay_teamScoresDepartments = /* @__PURE__ */ said('pay.teamScoresDepartments', entry(() => 'Members of the key-account team score departments', () => '由大客户团队成员为业务部门评分'));
export const pay_ownDepartment = /* @__PURE__ */ said('pay.ownDepartment', entry(() => 'You may not score your own department', () => '您不能为自己的部门评分'));
export const pay_scoreNotFound = /* @__PURE__ */ said('pay.scoreNotFound', entry(() => 'You have not scored this target for this period', () => '您在本考核期尚未为该对象评分'));
export const pay_scoresOwnOnly = /* @__PURE__ */ said('pay.scoresOwnOnly', entry(
  () => 'You may see the scores you received; the coordination group sees all',
  () => '您只能查看自己收到的评分；市场协同小组可查看全部',
));
export const pay_periodNotClosed = /* @__PURE__ */ said('pay.periodNotClosed', entry<{ period: string }>((p) => `${p.period} has not been closed`, (p) => `${p.period} 尚未结算`));
export const pay_periodNotFinal = /* @__PURE__ */ said('pay.periodNotFinal', entry<{ period: string }>(
  (p) => `${p.period} is not finalised yet; finance reads finalised statements only`,
  (p) => `${p.period} 尚未定稿；财务只查阅已定稿的绩效工资单`,
));
export const pay_statementReaders = /* @__PURE__ */ said('pay.statementReaders', entry(
  () => 'A statement is read by its person, finance, leadership and coordinators',
  () => '绩效工资单只供本人、财务、公司层领导和市场协同小组查阅',
));
export const pay_statementNotFound = /* @__PURE__ */ said('pay.statementNotFound', entry<{ staffId: string; period: string }>(
  (p) => `No statement for ${p.staffId} in ${p.period}`,
  (p) => `${p.staffId} 在 ${p.period} 没有绩效工资单`,
));
export const pay_closeFirst = /* @__PURE__ */ said('pay.closeFirst', entry<{ period: string }>((p) => `${p.period} has not been closed; close it first`, (p) => `${p.period} 尚未结算；请先结算`));
export const pay_talentNotFound = /* @__PURE__ */ said('pay.talentNotFound', entry<{ staffId: string; year: number }>(
  (p) => `No talent-pool suggestion for ${p.staffId} in ${p.year}; it comes from the annual close`,
  (p) => `${p.staffId} 在 ${p.year} 年没有人才储备库建议；建议来自年度结算`,
));
export const pay_closeInProgress = /* @__PURE__ */ said('pay.closeInProgress', entry<{ period: string }>(
  (p) => `A close of ${p.period} is already running; try again when it has finished`,
  (p) => `${p.period} 的结算正在进行；请在完成后再试`,
));
export const pay_finalised = /* @__PURE__ */ said('pay.finalised', entry<{ period: string }>(
  (p) => `${p.period} is finalised: its statements never change`,
  (p) => `${p.period} 已定稿：其绩效工资单不再更改`,
));
export const pay_scoreExists = /* @__PURE__ */ said('pay.scoreExists', entry<{ targetType: string; period: string }>(
  (p) => `You already scored this ${p.targetType} for ${p.period}; amend the score with PATCH and If-Match`,
  (p) => `您已在 ${p.period} 为该${scoreTargetZh[p.targetType] ?? p.targetType}评分；请用 PATCH 和 If-Match 修改`,
));
export const period_notAPeriod = /* @__PURE__ */ said('period.notAPeriod', entry<{ id: string }>((p) => `"${p.id}" is not a period`, (p) => `“${p.id}”不是考核期`));

/* ---- field messages (errors[].message) ---- */
export const field_required = /* @__PURE__ */ said('field.required', entry(() => 'required', () => '必填'));
export const field_unknown = /* @__PURE__ */ said('field.unknown', entry<{ keys: readonly string[] }>(
  (p) => `unknown field${p.keys.length > 1 ? 's' : ''}: ${p.keys.join(', ')}`,
  (p) => `未知字段：${p.keys.join('、')}`,
));
export const field_notJson = /* @__PURE__ */ said('field.notJson', entry(() => 'not valid JSON', () => '不是有效的 JSON'));
export const field_mustBeJson = /* @__PURE__ */ said('field.mustBeJson', entry(() => 'must be application/json', () => '必须是 application/json'));
export const field_cursorInvalid = /* @__PURE__ */ said('field.cursorInvalid', entry(() => 'not a valid cursor for this list', () => '不是此列表的有效游标'));
export const field_idempotencyKey = /* @__PURE__ */ said('field.idempotencyKey', entry<{ max: number }>(
  (p) => `must be 1–${p.max} visible ASCII characters`,
  (p) => `必须是 1–${p.max} 个可见 ASCII 字符`,
));
export const field_idempotencyKeyUsed = /* @__PURE__ */ said('field.idempotencyKeyUsed', entry(() => 'already used for another request', () => '已用于另一个请求'));
export const field_noSuchStaff = /* @__PURE__ */ said('field.noSuchStaff', entry(() => 'no such staff member', () => '没有此员工'));
export const field_noSuchAccount = /* @__PURE__ */ said('field.noSuchAccount', entry(() => 'no such account', () => '没有此客户'));
export const field_leftOn = /* @__PURE__ */ said('field.leftOn', entry<{ leftOn: string | null }>((p) => `left on ${p.leftOn}`, (p) => `已于 ${p.leftOn} 离职`));
export const field_notInFuture = /* @__PURE__ */ said('field.notInFuture', entry(() => 'must not be in the future', () => '不得晚于今天'));
export const field_notFutureMonth = /* @__PURE__ */ said('field.notFutureMonth', entry(() => 'must not be a future month', () => '不得是未来的月份'));
export const field_notAfterToday = /* @__PURE__ */ said('field.notAfterToday', entry<{ today: string }>((p) => `must not be after today (${p.today})`, (p) => `不得晚于今天（${p.today}）`));
export const field_todayOrLater = /* @__PURE__ */ said('field.todayOrLater', entry<{ today: string }>((p) => `must be today (${p.today}) or later`, (p) => `必须是今天（${p.today}）或之后`));
export const field_onOrAfter = /* @__PURE__ */ said('field.onOrAfter', entry<{ day: string }>((p) => `must be on or after ${p.day}`, (p) => `必须在 ${p.day} 当天或之后`));
export const field_after = /* @__PURE__ */ said('field.after', entry<{ day: string }>((p) => `must be after ${p.day}`, (p) => `必须在 ${p.day} 之后`));
export const field_onOrAfterCheckedOn = /* @__PURE__ */ said('field.onOrAfterCheckedOn', entry<{ day: string }>(
  (p) => `must be on or after checkedOn (${p.day})`,
  (p) => `必须在 checkedOn（${p.day}）当天或之后`,
));
export const field_onOrAfterCheckDay = /* @__PURE__ */ said('field.onOrAfterCheckDay', entry<{ day: string }>(
  (p) => `must be on or after the check day (${p.day})`,
  (p) => `必须在抽查日（${p.day}）当天或之后`,
));
export const field_notExceed = /* @__PURE__ */ said('field.notExceed', entry<{ max: number }>((p) => `must not exceed ${p.max}`, (p) => `不得超过 ${p.max}`));
export const field_addUpTo = /* @__PURE__ */ said('field.addUpTo', entry<{ total: number }>((p) => `must add up to ${p.total}`, (p) => `合计必须等于 ${p.total}`));
export const field_alreadyHoldsRole = /* @__PURE__ */ said('field.alreadyHoldsRole', entry(() => 'already holds the role', () => '已担任该角色'));
export const field_alreadyDelivering = /* @__PURE__ */ said('field.alreadyDelivering', entry(() => 'already the delivering department', () => '已是承接部门'));
export const field_notTeamMember = /* @__PURE__ */ said('field.notTeamMember', entry(() => 'not a key-account team member', () => '不是大客户团队成员'));
export const field_ownDepartment = /* @__PURE__ */ said('field.ownDepartment', entry(() => 'your own department', () => '是您自己的部门'));
export const field_otherDepartment = /* @__PURE__ */ said('field.otherDepartment', entry(() => 'must be another department than your own', () => '必须是您本部门以外的部门'));
export const field_notNextLevel = /* @__PURE__ */ said('field.notNextLevel', entry(() => 'not the next level', () => '不是下一级'));
export const field_missingGrade = /* @__PURE__ */ said('field.missingGrade', entry<{ grade: string }>((p) => `missing grade ${p.grade}`, (p) => `缺少职级 ${p.grade}`));
export const field_lacksRole = /* @__PURE__ */ said('field.lacksRole', entry<{ role: string }>((p) => `does not have the role ${p.role}`, (p) => `不具有${role(p.role)}（${p.role}）角色`));
export const field_untrained = /* @__PURE__ */ said('field.untrained', entry<{ missing: readonly ('basic' | 'rotation')[] }>(
  (p) => `has not passed ${p.missing.join(' and ')} training`,
  (p) => `尚未通过${p.missing.map((m) => (m === 'basic' ? '基础培训' : '轮岗培训')).join('和')}`,
));
export const field_notAPeriod = /* @__PURE__ */ said('field.notAPeriod', entry(() => 'not a period', () => '不是考核期'));
export const field_periodShapes = /* @__PURE__ */ said('field.periodShapes', entry<{ shapes: readonly string[] }>(
  (p) => `must be a period ${p.shapes.join(' or ')}`,
  (p) => `必须是考核期 ${p.shapes.join(' 或 ')}`,
));
export const field_periodOrMonth = /* @__PURE__ */ said('field.periodOrMonth', entry(() => 'must be a period YYYY-Qn, YYYY or YYYY-MM', () => '必须是考核期 YYYY-Qn、YYYY 或月份 YYYY-MM'));
export const field_notBlank = /* @__PURE__ */ said('field.notBlank', entry(() => 'must not be blank', () => '不得为空'));
export const field_oneLine = /* @__PURE__ */ said('field.oneLine', entry(() => 'must be one line without control characters or lone surrogates', () => '必须是单行文本，不得包含控制字符或孤立代理项'));
export const field_text = /* @__PURE__ */ said('field.text', entry(
  () => 'must not hold control characters (other than line feed and tab) or lone surrogates',
  () => '不得包含控制字符（换行符和制表符除外）或孤立代理项',
));
export const field_date = /* @__PURE__ */ said('field.date', entry(() => 'must be a date YYYY-MM-DD', () => '必须是日期 YYYY-MM-DD'));
export const field_id = /* @__PURE__ */ said('field.id', entry(() => 'must be an id', () => '必须是 ID'));
export const field_month = /* @__PURE__ */ said('field.month', entry(() => 'must be a month YYYY-MM', () => '必须是月份 YYYY-MM'));
export const field_decimalPlaces = /* @__PURE__ */ said('field.decimalPlaces', entry<{ places: number }>((p) => `must have at most ${p.places} decimal places`, (p) => `最多保留 ${p.places} 位小数`));
export const field_recordKey = /* @__PURE__ */ said('field.recordKey', entry(
  () => 'must be a key of 1–64 letters, digits, spaces or _ . - % ( ) /, not __proto__, constructor or prototype',
  () => '键必须由 1–64 个字母、数字、空格或 _ . - % ( ) / 组成，且不能是 __proto__、constructor 或 prototype',
));
export const field_maxKeys = /* @__PURE__ */ said('field.maxKeys', entry<{ max: number }>((p) => `must have at most ${p.max} keys`, (p) => `最多 ${p.max} 个键`));
export const field_cursor = /* @__PURE__ */ said('field.cursor', entry(() => 'must be a cursor this API gave out', () => '必须是本 API 给出的游标'));
export const field_creditCode = /* @__PURE__ */ said('field.creditCode', entry<{ problem: Said }>(
  (p) => `not a valid unified social credit code: ${p.problem.text('en')}`,
  (p) => `不是有效的统一社会信用代码：${p.problem.text('zh')}`,
));
export const creditCode_length = /* @__PURE__ */ said('creditCode.length', entry(() => 'must be 18 characters', () => '必须是 18 个字符'));
export const creditCode_alphabet = /* @__PURE__ */ said('creditCode.alphabet', entry<{ bad: string }>(
  (p) => `has a character outside the code alphabet: ${p.bad}`,
  (p) => `含有代码字符集以外的字符：${p.bad}`,
));
export const creditCode_region = /* @__PURE__ */ said('creditCode.region', entry(() => 'characters 3–8 must be a region code of 6 digits', () => '第 3–8 位必须是 6 位数字的行政区划码'));
export const creditCode_check = /* @__PURE__ */ said('creditCode.check', entry(() => 'has a wrong check character', () => '校验码错误'));
export const field_notBeforeField = /* @__PURE__ */ said('field.notBeforeField', entry<{ other: string }>((p) => `must not be before ${p.other}`, (p) => `不得早于 ${p.other}`));
export const field_notAfterField = /* @__PURE__ */ said('field.notAfterField', entry<{ other: string }>((p) => `must not be after ${p.other}`, (p) => `不得晚于 ${p.other}`));
export const field_exactlyOneOf = /* @__PURE__ */ said('field.exactlyOneOf', entry<{ names: readonly string[] }>(
  (p) => `give exactly one of ${p.names.join(', ')}`,
  (p) => `必须且只能提供以下之一：${p.names.join('、')}`,
));
export const field_noRepeat = /* @__PURE__ */ said('field.noRepeat', entry<{ items?: 'scope items' | 'roles' }>(
  (p) => (p.items === undefined ? 'must not repeat' : `${p.items} must not repeat`),
  (p) => (p.items === undefined ? '不得重复' : `${p.items === 'roles' ? '角色' : '抽查范围'}不得重复`),
));
export const field_nothingToChange = /* @__PURE__ */ said('field.nothingToChange', entry(() => 'send at least one field to change', () => '请至少发送一个要修改的字段'));
export const field_noRepeatGrade = /* @__PURE__ */ said('field.noRepeatGrade', entry(() => 'must not repeat a grade', () => '职级不得重复'));
export const field_rate = /* @__PURE__ */ said('field.rate', entry(() => 'must be a non-negative decimal such as 0.2 or "0.20"', () => '必须是非负小数，例如 0.2 或 "0.20"'));
export const field_lessThan = /* @__PURE__ */ said('field.lessThan', entry<{ limit: number }>((p) => `must be less than ${p.limit}`, (p) => `必须小于 ${p.limit}`));
export const field_moreThan = /* @__PURE__ */ said('field.moreThan', entry<{ limit: number }>((p) => `must be more than ${p.limit}`, (p) => `必须大于 ${p.limit}`));
export const field_atMost = /* @__PURE__ */ said('field.atMost', entry<{ limit: string }>((p) => `must be at most ${p.limit}`, (p) => `不得大于 ${p.limit}`));
export const field_mustBe = /* @__PURE__ */ said('field.mustBe', entry<{ value: string }>((p) => `must be ${p.value}`, (p) => `必须为 ${p.value}`));
export const field_tier = /* @__PURE__ */ said('field.tier', entry<{ tier: string }>((p) => `must be ${p.tier}`, (p) => `必须为 ${tier(p.tier)}`));
export const field_tierMinimum = /* @__PURE__ */ said('field.tierMinimum', entry<{ tier: string }>(
  (p) => `must be more than the ${p.tier} minimum`,
  (p) => `必须大于 ${tier(p.tier)} 的下限`,
));
export const field_tierCoefficient = /* @__PURE__ */ said('field.tierCoefficient', entry<{ tier: string }>(
  (p) => `must not be less than the ${p.tier} coefficient`,
  (p) => `不得小于 ${tier(p.tier)} 的系数`,
));

/* ---- zod's own issues, by code, with their numbers as params (English as zod says it) ---- */
export const zod_invalid_type = /* @__PURE__ */ said('zod.invalid_type', entry<{ expected: string; received: string }>(
  (p) => `Invalid input: expected ${p.expected}, received ${p.received}`,
  (p) => `输入无效：应为${typeName(p.expected)}，实际为${typeName(p.received)}`,
));
export const zod_invalid_value = /* @__PURE__ */ said('zod.invalid_value', entry<{ value: string }>((p) => `Invalid input: expected ${p.value}`, (p) => `输入无效：应为 ${p.value}`));
export const zod_invalid_option = /* @__PURE__ */ said('zod.invalid_option', entry<{ values: string }>((p) => `Invalid option: expected one of ${p.values}`, (p) => `选项无效：应为 ${p.values} 之一`));
export const zod_too_big = /* @__PURE__ */ said('zod.too_big', entry<Bound>(bigEn, (p) => boundZh(true, p)));
export const zod_too_small = /* @__PURE__ */ said('zod.too_small', entry<Bound>(smallEn, (p) => boundZh(false, p)));
export const zod_invalid_format = /* @__PURE__ */ said('zod.invalid_format', entry<{ format: string }>(
  (p) => `Invalid ${formatEn[p.format] ?? p.format}`,
  (p) => `${formatZh[p.format] ?? p.format} 格式无效`,
));
export const zod_invalid_format_regex = /* @__PURE__ */ said('zod.invalid_format.regex', entry<{ pattern: string }>(
  (p) => `Invalid string: must match pattern ${p.pattern}`,
  (p) => `字符串无效：必须匹配模式 ${p.pattern}`,
));
export const zod_invalid_format_starts_with = /* @__PURE__ */ said('zod.invalid_format.starts_with', entry<{ prefix: string }>(
  (p) => `Invalid string: must start with "${p.prefix}"`,
  (p) => `字符串无效：必须以 "${p.prefix}" 开头`,
));
export const zod_invalid_format_ends_with = /* @__PURE__ */ said('zod.invalid_format.ends_with', entry<{ suffix: string }>(
  (p) => `Invalid string: must end with "${p.suffix}"`,
  (p) => `字符串无效：必须以 "${p.suffix}" 结尾`,
));
export const zod_invalid_format_includes = /* @__PURE__ */ said('zod.invalid_format.includes', entry<{ includes: string }>(
  (p) => `Invalid string: must include "${p.includes}"`,
  (p) => `字符串无效：必须包含 "${p.includes}"`,
));
export const zod_not_multiple_of = /* @__PURE__ */ said('zod.not_multiple_of', entry<{ divisor: string }>(
  (p) => `Invalid number: must be a multiple of ${p.divisor}`,
  (p) => `数字无效：必须是 ${p.divisor} 的倍数`,
));
export const zod_unrecognized_keys = /* @__PURE__ */ said('zod.unrecognized_keys', entry<{ count: number; list: string }>(
  (p) => `Unrecognized key${p.count > 1 ? 's' : ''}: ${p.list}`,
  (p) => `无法识别的键：${p.list}`,
));
export const zod_invalid_key = /* @__PURE__ */ said('zod.invalid_key', entry<{ origin: string }>((p) => `Invalid key in ${p.origin}`, (p) => `${typeName(p.origin)}中的键无效`));
export const zod_invalid_element = /* @__PURE__ */ said('zod.invalid_element', entry<{ origin: string }>((p) => `Invalid value in ${p.origin}`, (p) => `${typeName(p.origin)}中的值无效`));
export const zod_invalid_union_options = /* @__PURE__ */ said('zod.invalid_union.options', entry<{ options: string }>(
  (p) => `Invalid discriminator value. Expected ${p.options}`,
  (p) => `判别值无效。应为 ${p.options}`,
));
export const zod_invalid_union_many = /* @__PURE__ */ said('zod.invalid_union.many', entry(() => 'Invalid input: more than one option matched', () => '输入无效：匹配了多个选项'));
export const zod_invalid = /* @__PURE__ */ said('zod.invalid', entry(() => 'Invalid input', () => '输入无效'));
/** A zod message the catalogue does not list (a test keeps the schemas from making one). */
export const zod_unlisted = /* @__PURE__ */ said('zod.unlisted', entry<{ text: string }>((p) => p.text, (p) => `输入无效（${p.text}）`));
/* ---- the pay desk: manual adjustments, inquiries, sign-off; the what-if ---- */
export const desk_alreadyApproved = /* @__PURE__ */ said('desk.alreadyApproved', entry<Id>((p) => `Adjustment ${p.id} is already approved`, (p) => `调整 ${p.id} 已审批`));
export const desk_notTheAuthor = /* @__PURE__ */ said('desk.notTheAuthor', entry(() => 'A second person approves an adjustment, not its author', () => '调整须由作者以外的另一人审批'));
export const desk_notOwnPay = /* @__PURE__ */ said('desk.notOwnPay', entry(() => 'Nobody approves an adjustment of their own pay', () => '任何人不得审批自己绩效工资的调整'));
export const desk_notOnStatement = /* @__PURE__ */ said('desk.notOnStatement', entry(() => 'The inquiry names something the statement does not have', () => '查询所指内容不在该绩效工资单中'));
export const desk_alreadyAnswered = /* @__PURE__ */ said('desk.alreadyAnswered', entry<Id>((p) => `Inquiry ${p.id} is already answered`, (p) => `查询 ${p.id} 已答复`));
export const desk_adjustmentsPending = /* @__PURE__ */ said('desk.adjustmentsPending', entry<{ period: string }>((p) => `An adjustment of ${p.period} awaits approval; approve it before finalising`, (p) => `${p.period} 有调整待审批；请先审批再定稿`));
export const desk_recloseNeeded = /* @__PURE__ */ said('desk.recloseNeeded', entry<{ period: string }>((p) => `An adjustment of ${p.period} was approved after its last close; close it again so the statements carry it`, (p) => `${p.period} 有调整在最近一次结算后获批；请重新结算，使绩效工资单包含该调整`));
export const desk_withoutStatement = /* @__PURE__ */ said('desk.withoutStatement', entry<{ period: string; names: readonly string[] }>((p) => `Approved adjustments of ${p.period} pay ${p.names.join(', ')}, who have no statement in it; reject or move them before finalising`, (p) => `${p.period} 已批准的调整涉及 ${p.names.join('、')}，但其在该期没有绩效工资单；请先处理再定稿`));
export const desk_openInquiries = /* @__PURE__ */ said('desk.openInquiries', entry<{ period: string; count: number }>((p) => `${p.count} inquiry(ies) on ${p.period} are open; answer them, or finalise with force and a reason`, (p) => `${p.period} 有 ${p.count} 条查询未答复；请先答复，或说明理由后强制定稿`));
export const desk_adjustmentNotFound = /* @__PURE__ */ said('desk.adjustmentNotFound', entry<{ id: string; period: string }>((p) => `No adjustment ${p.id} in ${p.period}`, (p) => `${p.period} 没有调整 ${p.id}`));
export const desk_adjustmentOfNotFound = /* @__PURE__ */ said('desk.adjustmentOfNotFound', entry<{ id: string; staffId: string; period: string }>((p) => `No adjustment ${p.id} of ${p.staffId} in ${p.period}`, (p) => `${p.period} 没有 ${p.staffId} 的调整 ${p.id}`));
export const desk_adjustmentGone = /* @__PURE__ */ said('desk.adjustmentGone', entry<Id>((p) => `No adjustment ${p.id}`, (p) => `没有调整 ${p.id}`));
export const desk_adjustmentIdTaken = /* @__PURE__ */ said('desk.adjustmentIdTaken', entry<Id>((p) => `Adjustment id ${p.id} is taken`, (p) => `调整 ID ${p.id} 已被占用`));
export const desk_ownInquiriesOnly = /* @__PURE__ */ said('desk.ownInquiriesOnly', entry(() => 'A person raises inquiries on their own statement only', () => '只能就本人的绩效工资单提出查询'));
export const desk_listOwnInquiries = /* @__PURE__ */ said('desk.listOwnInquiries', entry(() => 'You list your own inquiries; coordinators list everyone’s', () => '您只能查看本人的查询；市场协同小组可查看所有人的'));
export const desk_inquiryNotFound = /* @__PURE__ */ said('desk.inquiryNotFound', entry<Id>((p) => `No inquiry ${p.id}`, (p) => `没有查询 ${p.id}`));
export const desk_inquiryReaders = /* @__PURE__ */ said('desk.inquiryReaders', entry(() => 'An inquiry is read by its person and coordinators', () => '查询仅限本人及市场协同小组查看'));
export const desk_inquiryIdTaken = /* @__PURE__ */ said('desk.inquiryIdTaken', entry<Id>((p) => `Inquiry id ${p.id} is taken`, (p) => `查询 ID ${p.id} 已被占用`));
export const desk_ownStatementOnly = /* @__PURE__ */ said('desk.ownStatementOnly', entry(() => 'A person acknowledges their own statement only', () => '只能确认本人的绩效工资单'));
export const desk_notFinalYet = /* @__PURE__ */ said('desk.notFinalYet', entry<{ period: string }>((p) => `${p.period} is not finalised yet; acknowledge the final statement`, (p) => `${p.period} 尚未定稿；请确认定稿后的绩效工资单`));
export const desk_notAssessed = /* @__PURE__ */ said('desk.notAssessed', entry<{ year: number }>((p) => `You were not assessed in ${p.year}; the pay policy is acknowledged by those it pays`, (p) => `您 ${p.year} 年未参与考核；绩效工资政策由被考核人确认`));
export const desk_policyAcknowledged = /* @__PURE__ */ said('desk.policyAcknowledged', entry<{ year: number; count: number }>((p) => `You already acknowledged version ${p.count} of the ${p.year} pay policy`, (p) => `您已确认 ${p.year} 年绩效工资政策第 ${p.count} 版`));
export const desk_statementAcknowledged = /* @__PURE__ */ said('desk.statementAcknowledged', entry<{ period: string }>((p) => `You already acknowledged your ${p.period} statement`, (p) => `您已确认 ${p.period} 的绩效工资单`));
export const desk_policyAckRetry = /* @__PURE__ */ said('desk.policyAckRetry', entry<{ year: number }>((p) => `You already acknowledged the ${p.year} pay policy; try again`, (p) => `您已确认 ${p.year} 年绩效工资政策；请重试`));
export const desk_writtenWhileFinalising = /* @__PURE__ */ said('desk.writtenWhileFinalising', entry<{ period: string }>((p) => `An adjustment or inquiry of ${p.period} was written while it was being finalised; check and finalise again`, (p) => `${p.period} 定稿期间有调整或查询写入；请检查后重新定稿`));
export const estimate_readers = /* @__PURE__ */ said('estimate.readers', entry(() => 'An estimate is read by its person, coordinators and leadership', () => '测算结果仅限本人、市场协同小组及公司层领导查看'));
export const estimate_notBegun = /* @__PURE__ */ said('estimate.notBegun', entry<{ period: string }>((p) => `${p.period} has not begun; there is nothing to estimate yet`, (p) => `${p.period} 尚未开始，暂无可测算内容`));
export const field_notOnStatementRole = /* @__PURE__ */ said('field.notOnStatementRole', entry(() => 'not an assessment on this statement', () => '不是该绩效工资单中的考核'));
export const field_notOnStatementAccount = /* @__PURE__ */ said('field.notOnStatementAccount', entry(() => 'not an account on this statement', () => '不是该绩效工资单中的客户'));
export const field_explanationLines = /* @__PURE__ */ said('field.explanationLines', entry<{ count: number }>((p) => `the explanation has ${p.count} lines (from 0)`, (p) => `说明共有 ${p.count} 行（从 0 起）`));
export const field_notZero = /* @__PURE__ */ said('field.notZero', entry(() => 'must not be 0', () => '不得为 0'));
export const field_forceWithReason = /* @__PURE__ */ said('field.forceWithReason', entry(() => 'give force: true and a reason together', () => 'force: true 与理由须同时提供'));
export const staff_signInSyncFailed = /* @__PURE__ */ said('staff.signInSyncFailed', entry<{ id: string; error: string }>(
    (p) => `The sign-in of staff member ${p.id} could not be brought in step (${p.error}); it stays pending and is retried every 15 minutes`,
    (p) => `员工 ${p.id} 的登录账号未能同步（${p.error}）；该变更保持待处理，每 15 分钟重试一次`,
  ));
export const pay_closeRunNotFound = /* @__PURE__ */ said('pay.closeRunNotFound', entry<{ period: string; runId: string }>(
    (p) => `No close run ${p.runId} of ${p.period}`,
    (p) => `${p.period} 没有结算运行 ${p.runId}`,
  ));
export const pay_closeStepFailed = /* @__PURE__ */ said('pay.closeStepFailed', entry<{ period: string }>(
    (p) => `A step of the close of ${p.period} failed; its lock was released and the period is as it was before`,
    (p) => `${p.period} 的结算有一步失败；锁已释放，考核期保持结算前的状态`,
  ));
export const field_email = /* @__PURE__ */ said('field.email', entry(() => 'must be an e-mail address such as name@example.com', () => '必须是电子邮件地址，例如 name@example.com'));
export const field_emailRequired = /* @__PURE__ */ said('field.emailRequired', entry(
    () => 'required: sign-in is by e-mail invitation in this deployment',
    () => '必填：本部署通过电子邮件邀请登录',
  ));
export const stakeholder_notFound = /* @__PURE__ */ said('stakeholder.notFound', entry<{ id: string; accountId: string }>(
    (p) => `No stakeholder ${p.id} of account ${p.accountId}`,
    (p) => `客户 ${p.accountId} 没有关键人 ${p.id}`,
  ));
export const stakeholder_left = /* @__PURE__ */ said('stakeholder.left', entry<{ leftOn: string | null }>((p) => `The stakeholder left the customer on ${p.leftOn}`, (p) => `该关键人已于 ${p.leftOn} 离开客户单位`));
export const stakeholder_ownerNotActive = /* @__PURE__ */ said('stakeholder.ownerNotActive', entry(() => 'The relationship owner must be an active staff member', () => '关系负责人必须是在职员工'));
export const stakeholder_unknown = /* @__PURE__ */ said('stakeholder.unknown', entry(() => 'Some stakeholders named are not the account’s', () => '所列关键人中有的不属于该客户'));
export const field_notStakeholderOfAccount = /* @__PURE__ */ said('field.notStakeholderOfAccount', entry(() => 'not a stakeholder of this account', () => '不是该客户的关键人'));
export const plan_exists = /* @__PURE__ */ said('plan.exists', entry<{ accountId: string; year: number }>(
    (p) => `Account ${p.accountId} already has a plan for ${p.year}; change it with a new version`,
    (p) => `客户 ${p.accountId} 已有 ${p.year} 年的一企一策；请以新版本修改`,
  ));
export const plan_notFound = /* @__PURE__ */ said('plan.notFound', entry<{ accountId: string; year: number }>((p) => `No plan of account ${p.accountId} for ${p.year}`, (p) => `客户 ${p.accountId} 没有 ${p.year} 年的一企一策`));
export const plan_versionNotFound = /* @__PURE__ */ said('plan.versionNotFound', entry<{ accountId: string; year: number; number: number }>(
    (p) => `No version ${p.number} of account ${p.accountId}'s ${p.year} plan`,
    (p) => `客户 ${p.accountId} 的 ${p.year} 年一企一策没有第 ${p.number} 版`,
  ));
export const plan_versionApproved = /* @__PURE__ */ said('plan.versionApproved', entry<{ accountId: string; year: number; number: number }>(
    (p) => `Version ${p.number} of account ${p.accountId}'s ${p.year} plan is approved and is never changed; start a new version`,
    (p) => `客户 ${p.accountId} 的 ${p.year} 年一企一策第 ${p.number} 版已批准，不可修改；请新建版本`,
  ));
export const plan_draftOpen = /* @__PURE__ */ said('plan.draftOpen', entry<{ accountId: string; year: number; number: number }>(
    (p) => `Version ${p.number} of account ${p.accountId}'s ${p.year} plan is an open draft; change that one`,
    (p) => `客户 ${p.accountId} 的 ${p.year} 年一企一策第 ${p.number} 版是未批准的草稿；请修改该草稿`,
  ));
export const plan_incomplete = /* @__PURE__ */ said('plan.incomplete', entry<{ number: number }>(
    (p) => `Version ${p.number} cannot be approved yet: it needs the customer's situation and at least one objective`,
    (p) => `第 ${p.number} 版尚不能批准：须有客户情况和至少一个目标`,
  ));
export const plan_draftedByHolders = /* @__PURE__ */ said('plan.draftedByHolders', entry<{ accountId: string }>(
    (p) => `The plan of account ${p.accountId} is drafted by its sales manager or contact leader`,
    (p) => `客户 ${p.accountId} 的一企一策由其销售经理或联系领导起草`,
  ));
export const plan_approvedByContactLeader = /* @__PURE__ */ said('plan.approvedByContactLeader', entry<{ accountId: string }>(
    (p) => `The plan of account ${p.accountId} is approved by its contact leader`,
    (p) => `客户 ${p.accountId} 的一企一策由其联系领导批准`,
  ));
export const plan_ownersNotOnAccount = /* @__PURE__ */ said('plan.ownersNotOnAccount', entry(() => 'Objective owners must be the account’s contact leader or sales manager', () => '目标负责人须为该客户的联系领导或销售经理'));
export const field_notAccountHolder = /* @__PURE__ */ said('field.notAccountHolder', entry(() => 'not the account’s contact leader or sales manager', () => '不是该客户的联系领导或销售经理'));
export const field_atLeastOne = /* @__PURE__ */ said('field.atLeastOne', entry(() => 'needs at least one', () => '至少需要一项'));
export const field_planNumber = /* @__PURE__ */ said('field.planNumber', entry(() => 'must be a plan version number (1, 2, …)', () => '必须是计划版本号（1、2……）'));
export const request_notFound = /* @__PURE__ */ said('request.notFound', entry<{ id: string; accountId: string }>((p) => `No request ${p.id} of account ${p.accountId}`, (p) => `客户 ${p.accountId} 没有需求 ${p.id}`));
export const request_duePast = /* @__PURE__ */ said('request.duePast', entry(() => 'A request is due today or later', () => '需求的期限须为今天或之后'));
export const request_answered = /* @__PURE__ */ said('request.answered', entry<{ id: string; status: string }>(
    (p) => `Request ${p.id} is ${p.status}; it is not answered that way again`,
    (p) => `需求 ${p.id} 的状态为 ${p.status}，不能再次如此答复`,
  ));
export const request_answeredByDepartment = /* @__PURE__ */ said('request.answeredByDepartment', entry<{ department: string }>(
    (p) => `The request is answered by ${p.department}, the department it is routed to, or the coordination group`,
    (p) => `该需求由其承接部门 ${p.department} 或市场协同小组答复`,
  ));
export const request_ownDepartmentQueue = /* @__PURE__ */ said('request.ownDepartmentQueue', entry<{ department: string }>(
    (p) => `The queue of ${p.department} is read by its own staff, the coordination group and leadership`,
    (p) => `${p.department} 的需求队列仅限本部门人员、市场协同小组及公司层领导查看`,
  ));
export const field_requiredWhenDone = /* @__PURE__ */ said('field.requiredWhenDone', entry(() => 'say what was delivered when the outcome is done', () => '答复为 done 时须说明交付内容'));
export const field_requiredWhenDeclined = /* @__PURE__ */ said('field.requiredWhenDeclined', entry(() => 'give the reason when the outcome is declined', () => '答复为 declined 时须说明理由'));
export const news_notFound = /* @__PURE__ */ said('news.notFound', entry<{ id: string; accountId: string }>((p) => `No news ${p.id} of account ${p.accountId}`, (p) => `客户 ${p.accountId} 没有动态 ${p.id}`));
export const news_inFuture = /* @__PURE__ */ said('news.inFuture', entry(() => 'News is recorded once it has happened', () => '动态须在发生后登记'));
export const news_supportFull = /* @__PURE__ */ said('news.supportFull', entry<{ max: number }>((p) => `An item of news holds at most ${p.max} support records`, (p) => `每条动态最多记录 ${p.max} 项支持`));
export const field_stakeholderLeft = /* @__PURE__ */ said('field.stakeholderLeft', entry<{ leftOn: string | null }>((p) => `left the customer on ${p.leftOn}`, (p) => `已于 ${p.leftOn} 离开客户单位`));
export const field_notBefore = /* @__PURE__ */ said('field.notBefore', entry<{ day: string }>((p) => `must not be before ${p.day}`, (p) => `不得早于 ${p.day}`));
export const field_notAfter = /* @__PURE__ */ said('field.notAfter', entry<{ day: string }>((p) => `must not be after ${p.day}`, (p) => `不得晚于 ${p.day}`));
export const field_requiredForStep = /* @__PURE__ */ said('field.requiredForStep', entry<{ step: string }>((p) => `required for the step ${p.step}`, (p) => `步骤 ${step(p.step)} 必填`));
export const field_someWeight = /* @__PURE__ */ said('field.someWeight', entry(() => 'at least one weight must be above 0', () => '至少一项权重须大于 0'));
export const field_requiredForKind = /* @__PURE__ */ said('field.requiredForKind', entry<{ kind: string }>((p) => `required for a ${p.kind}`, (p) => `${kindZh[p.kind] ?? p.kind}必填`));
export const field_notForKind = /* @__PURE__ */ said('field.notForKind', entry<{ kind: string }>((p) => `not for a ${p.kind}`, (p) => `不适用于${kindZh[p.kind] ?? p.kind}`));
export const field_amountOrRule = /* @__PURE__ */ said('field.amountOrRule', entry(() => 'give an amount or a rule', () => '须提供金额或规则'));
export const field_withinDates = /* @__PURE__ */ said('field.withinDates', entry<{ from: string; to: string }>((p) => `must be from ${p.from} to ${p.to}`, (p) => `须在 ${p.from} 至 ${p.to} 之间`));
export const field_keyAccountsOnlyUntil = /* @__PURE__ */ said('field.keyAccountsOnlyUntil', entry<{ day: string }>((p) => `only key accounts may be enrolled until ${p.day}`, (p) => `${p.day} 前仅限大客户参加`));
export const field_inYear = /* @__PURE__ */ said('field.inYear', entry<{ year: number }>((p) => `must be a day of ${p.year}`, (p) => `须为 ${p.year} 年内的日期`));
export const field_holidayAndWorkday = /* @__PURE__ */ said('field.holidayAndWorkday', entry(() => 'a day cannot be both a holiday and a working day', () => '同一天不能既是假日又是工作日'));
export const loyalty_receivedInFuture = /* @__PURE__ */ said('loyalty.receivedInFuture', entry<{ on: string; today: string }>((p) => `Feedback received on ${p.on} is after today (${p.today})`, (p) => `接收日期 ${p.on} 晚于今天（${p.today}）`));
export const loyalty_stepOutOfOrder = /* @__PURE__ */ said('loyalty.stepOutOfOrder', entry<{ id: string; step: string; status: string }>(
    (p) => `Feedback ${p.id} is ${p.status}; the step ${p.step} does not follow it`,
    (p) => `意见 ${p.id} 当前为 ${step(p.status)}，不能进行步骤 ${step(p.step)}`,
  ));
export const loyalty_stepBeforeLast = /* @__PURE__ */ said('loyalty.stepBeforeLast', entry<{ on: string; last: string }>((p) => `A step on ${p.on} comes before the last step (${p.last})`, (p) => `步骤日期 ${p.on} 早于上一步骤（${p.last}）`));
export const loyalty_stepInFuture = /* @__PURE__ */ said('loyalty.stepInFuture', entry<{ on: string; today: string }>((p) => `A step on ${p.on} is after today (${p.today})`, (p) => `步骤日期 ${p.on} 晚于今天（${p.today}）`));
export const loyalty_feedbackNotFound = /* @__PURE__ */ said('loyalty.feedbackNotFound', entry<Id>((p) => `No feedback ${p.id}`, (p) => `没有意见 ${p.id}`));
export const loyalty_feedbackChanged = /* @__PURE__ */ said('loyalty.feedbackChanged', entry<Id>((p) => `Feedback ${p.id} was changed meanwhile; read it and try again`, (p) => `意见 ${p.id} 已被他人修改；请重新读取后再试`));
export const loyalty_incentiveNotFound = /* @__PURE__ */ said('loyalty.incentiveNotFound', entry<Id>((p) => `No incentive ${p.id}`, (p) => `没有优惠政策 ${p.id}`));
export const loyalty_incentiveApproved = /* @__PURE__ */ said('loyalty.incentiveApproved', entry<Id>((p) => `Incentive ${p.id} is already approved`, (p) => `优惠政策 ${p.id} 已审批`));
export const loyalty_incentiveOwnProposal = /* @__PURE__ */ said('loyalty.incentiveOwnProposal', entry(() => 'A second person approves an incentive, not its proposer', () => '优惠政策须由提议人以外的另一人审批'));
export const loyalty_incentiveOverlap = /* @__PURE__ */ said('loyalty.incentiveOverlap', entry<{ id: string; other: string; kind: string; from: string; to: string }>(
    (p) => `Incentive ${p.id} overlaps the approved ${p.kind} ${p.other} (${p.from} to ${p.to})`,
    (p) => `优惠政策 ${p.id} 与已批准的${kindZh[p.kind] ?? p.kind} ${p.other}（${p.from} 至 ${p.to}）时间重叠`,
  ));
export const loyalty_incentiveChanged = /* @__PURE__ */ said('loyalty.incentiveChanged', entry<Id>((p) => `Incentives of account ${p.id} were approved meanwhile; try again`, (p) => `客户 ${p.id} 的优惠政策刚被审批；请重试`));
export const loyalty_pilotNotFound = /* @__PURE__ */ said('loyalty.pilotNotFound', entry<Id>((p) => `No pilot ${p.id}`, (p) => `没有试点 ${p.id}`));
export const loyalty_pilotChanged = /* @__PURE__ */ said('loyalty.pilotChanged', entry<Id>((p) => `Pilot ${p.id} was changed meanwhile; try again`, (p) => `试点 ${p.id} 已被他人修改；请重试`));
export const loyalty_outsidePilot = /* @__PURE__ */ said('loyalty.outsidePilot', entry<{ on: string; from: string; to: string }>((p) => `${p.on} is outside the pilot (${p.from} to ${p.to})`, (p) => `${p.on} 不在试点期间（${p.from} 至 ${p.to}）内`));
export const loyalty_keyAccountsFirst = /* @__PURE__ */ said('loyalty.keyAccountsFirst', entry<{ id: string; day: string }>(
    (p) => `Pilot ${p.id} is offered to key accounts first: until ${p.day} only key accounts may be enrolled`,
    (p) => `试点 ${p.id} 优先向大客户开放：${p.day} 前仅限大客户参加`,
  ));
export const loyalty_pilotFull = /* @__PURE__ */ said('loyalty.pilotFull', entry<{ id: string; count: number }>((p) => `Pilot ${p.id} is full (${p.count} accounts)`, (p) => `试点 ${p.id} 名额已满（${p.count} 家）`));
export const loyalty_alreadyEnrolled = /* @__PURE__ */ said('loyalty.alreadyEnrolled', entry<{ id: string; accountId: string }>((p) => `Account ${p.accountId} is already enrolled in pilot ${p.id}`, (p) => `客户 ${p.accountId} 已参加试点 ${p.id}`));
export const loyalty_outcomeRecorded = /* @__PURE__ */ said('loyalty.outcomeRecorded', entry<Id>((p) => `The outcome of pilot ${p.id} is already recorded`, (p) => `试点 ${p.id} 的结果已记录`));
export const loyalty_unknownOpportunity = /* @__PURE__ */ said('loyalty.unknownOpportunity', entry<Id>((p) => `No opportunity ${p.id}`, (p) => `没有商机 ${p.id}`));
export const loyalty_surveyExists = /* @__PURE__ */ said('loyalty.surveyExists', entry<{ accountId: string; period: string; id: string }>(
    (p) => `Stakeholder ${p.id} already has a survey of account ${p.accountId} for ${p.period}`,
    (p) => `关键人 ${p.id} 已有客户 ${p.accountId} ${p.period} 的满意度调查`,
  ));
export const loyalty_noSurveys = /* @__PURE__ */ said('loyalty.noSurveys', entry<{ id: string; from: string; to: string }>(
    (p) => `No satisfaction survey of the accounts ${p.id} held from ${p.from} to ${p.to}: give the satisfaction score`,
    (p) => `${p.id} 在 ${p.from} 至 ${p.to} 负责的客户没有满意度调查：请填写满意度分数`,
  ));
export const field_noSurveys = /* @__PURE__ */ said('field.noSurveys', entry(() => 'no survey to take it from: give a score', () => '没有可用的满意度调查：请填写分数'));
export const field_forumOnly = /* @__PURE__ */ said('field.forumOnly', entry(() => 'only an executive_forum has customer executives', () => '仅高层座谈会（executive_forum）可记录客户高层'));
export const field_accountNotDiscussed = /* @__PURE__ */ said('field.accountNotDiscussed', entry(() => 'not one of the meeting’s accountIds', () => '不在本次会议的 accountIds 中'));
export const loyalty_forumExecutives = /* @__PURE__ */ said('loyalty.forumExecutives', entry(() => 'The customer executives named do not fit the meeting', () => '所列客户高层与会议不符'));
export const field_notAccountProject = /* @__PURE__ */ said('field.notAccountProject', entry(() => 'not a project of this account', () => '不是该客户的项目'));
export const loyalty_notAccountProject = /* @__PURE__ */ said('loyalty.notAccountProject', entry<{ id: string; accountId: string }>((p) => `Project ${p.id} is not a project of account ${p.accountId}`, (p) => `项目 ${p.id} 不是客户 ${p.accountId} 的项目`));
export const thing_calendar = /* @__PURE__ */ said('thing.calendar', entry<{ year: number }>((p) => `holiday calendar of ${p.year}`, (p) => `${p.year} 年的节假日日历`));
export const loyalty_outsideYear = /* @__PURE__ */ said('loyalty.outsideYear', entry<{ year: number }>((p) => `Every day must be in ${p.year}`, (p) => `所有日期须在 ${p.year} 年内`));
