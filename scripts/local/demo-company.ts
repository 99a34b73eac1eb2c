/**
 * Company G as data: who works there, its accounts and a year of their business, drawn
 * from a seeded generator so that every run of `npm run demo` plans exactly the same
 * records (and so can recognise the ones an earlier run already wrote).
 */
import { creditCodeCheckCharacter } from '#shared/domain/credit-code.ts';
import type { Role } from '#shared/schemas/common.ts';

/** mulberry32: small, fast and the same on every machine. */
export const seeded = (seed: number) => {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return { next, int, pick };
};
export type Random = ReturnType<typeof seeded>;

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞';
const givenChars = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建红文斌宇浩凯晨欣怡婷颖佳琳峰亮波宁雪梅海龙飞云志刚毅思远嘉慧晓东俊杰';

/** Distinct Chinese personal names, two or three characters. */
const personNames = (random: Random, count: number): string[] => {
  const names = new Set<string>();
  while (names.size < count) {
    const given = random.next() < 0.6 ? random.pick([...givenChars]) + random.pick([...givenChars]) : random.pick([...givenChars]);
    names.add(random.pick([...surnames]) + given);
  }
  return [...names];
};

export interface DemoPerson {
  readonly key: string;
  readonly name: string;
  readonly department: string;
  readonly roles: Role[];
  readonly grade: string;
}

export const deliveryDepartments = ['交付一部', '交付二部', '解决方案部', '运维服务部', '软件开发部'] as const;
const coordinationDepartment = '市场协调组';
const marketDepartment = '市场部';

/** The region codes (行政区划代码) the accounts are registered in, with the place name they carry. */
const regions = [
  ['110105', '北京'], ['110108', '北京'], ['310115', '上海'], ['310104', '上海'], ['440305', '深圳'], ['440106', '广州'],
  ['320102', '南京'], ['320505', '苏州'], ['330106', '杭州'], ['330203', '宁波'], ['370102', '济南'], ['370202', '青岛'],
  ['420106', '武汉'], ['430104', '长沙'], ['510107', '成都'], ['500103', '重庆'], ['610113', '西安'], ['350203', '厦门'],
  ['340104', '合肥'], ['410105', '郑州'], ['120101', '天津'], ['210102', '大连'],
] as const;
const words = ['华信', '恒通', '中联', '瑞达', '天成', '宏远', '金桥', '新元', '博睿', '汇丰', '东方', '长江', '启明', '鼎盛', '安泰', '信诚', '海纳', '华泰', '广厦', '众邦', '同创', '卓越', '九州', '联创', '世纪', '泰和', '盛世', '万方', '星河', '蓝海'];
const industries = [
  ['能源', ['电力', '新能源', '燃气', '石化']],
  ['制造', ['机械', '汽车零部件', '精密制造', '装备']],
  ['金融', ['银行', '保险', '证券', '融资租赁']],
  ['交通', ['物流', '港口', '轨道交通', '航运']],
  ['医疗', ['医药', '医疗器械', '健康管理']],
  ['政务', ['城市建设投资', '大数据', '公共服务']],
  ['零售', ['商贸', '连锁超市', '电子商务']],
  ['教育', ['教育科技', '职业培训']],
] as const;
const forms = ['有限公司', '股份有限公司', '集团有限公司', '有限责任公司'];

const codeAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * A unified social credit code (GB 32100-2015): 9 (registered with industry and commerce)
 * 1 (a company), the region, an organisation code with its GB 11714 check digit, and the
 * GB 32100 check character over the first 17.
 */
export const creditCode = (region: string, random: Random): string => {
  const body = Array.from({ length: 8 }, () => String(random.int(0, 9))).join('');
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * (orgWeights[i] ?? 0), 0);
  const check = 11 - (sum % 11);
  const organisation = body + (check === 10 ? 'X' : check === 11 ? '0' : String(check));
  const first17 = `91${region}${organisation}`;
  const last = creditCodeCheckCharacter(first17);
  if (last === undefined || !codeAlphabet.includes(last)) throw new Error(`no check character for ${first17}`);
  return first17 + last;
};

export interface DemoAccount {
  readonly key: string;
  readonly name: string;
  readonly industry: string;
  readonly creditCode: string;
}

export interface DemoSize {
  readonly leadership: number;
  readonly coordinators: number;
  readonly contactLeaders: number;
  readonly salesManagers: number;
  readonly finance: number;
  readonly departmentStaffPerDepartment: number;
  readonly accounts: number;
  readonly keyAccounts: number;
}

/** The full company at scale 1; a test runs a tenth of it. */
export const demoSize = (scale: number): DemoSize => {
  const at = (full: number, least: number) => Math.max(least, Math.round(full * scale));
  return {
    leadership: at(3, 1),
    coordinators: at(4, 1),
    contactLeaders: at(12, 2),
    salesManagers: at(30, 3),
    finance: at(3, 1),
    departmentStaffPerDepartment: at(2, 1),
    accounts: at(300, 30),
    keyAccounts: at(60, 6),
  };
};

export const planPeople = (random: Random, size: DemoSize) => {
  const departments = deliveryDepartments;
  const total = size.leadership + size.coordinators + size.contactLeaders + size.salesManagers + size.finance + size.departmentStaffPerDepartment * departments.length;
  const names = personNames(random, total);
  let n = 0;
  const person = (key: string, department: string, roles: Role[], grade: string): DemoPerson => ({ key, name: names[n++] ?? key, department, roles, grade });
  const range = (count: number) => Array.from({ length: count }, (_, i) => i);
  return {
    leadership: range(size.leadership).map((i) => person(`leadership-${i}`, '公司领导', ['leadership'], 'P9')),
    coordinators: range(size.coordinators).map((i) => person(`coordinator-${i}`, coordinationDepartment, ['coordinator'], 'P7')),
    contactLeaders: range(size.contactLeaders).map((i) => person(`contact-leader-${i}`, i % 2 === 0 ? marketDepartment : (departments[i % departments.length] ?? marketDepartment), ['contact_leader'], 'P8')),
    salesManagers: range(size.salesManagers).map((i) => person(`sales-manager-${i}`, marketDepartment, ['sales_manager'], random.pick(['P5', 'P6', 'P6', 'P7']))),
    finance: range(size.finance).map((i) => person(`finance-${i}`, '财务部', ['finance'], 'P6')),
    departmentStaff: departments.flatMap((department, d) =>
      range(size.departmentStaffPerDepartment).map((i) => person(`department-${d}-${i}`, department, ['department_staff'], 'P6')),
    ),
  };
};
export type DemoPeople = ReturnType<typeof planPeople>;

export const planAccounts = (random: Random, count: number): DemoAccount[] => {
  const names = new Set<string>();
  const accounts: DemoAccount[] = [];
  while (accounts.length < count) {
    const [region, place] = random.pick(regions);
    const [industry, trades] = random.pick(industries);
    const name = `${place}${random.pick(words)}${random.pick(trades)}${random.pick(forms)}`;
    if (names.has(name)) continue;
    names.add(name);
    accounts.push({ key: `account-${accounts.length}`, name, industry, creditCode: creditCode(region, random) });
  }
  return accounts;
};
