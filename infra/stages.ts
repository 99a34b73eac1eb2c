import * as z from 'zod';
import { parseCorsOrigins } from '#shared/http/cors.ts';

/**
 * Every deployed stage and its settings, in one typed file. `npx cdk deploy -c stage=<name>`
 * deploys the named stage as an isolated copy: its stacks, table, user pool, topic,
 * schedules and dashboard all carry the name. Synth validates the chosen stage's settings
 * (stageSettings) and stops with the reason when one is wrong.
 */

/** CloudWatch Logs accepts these retention periods only. */
const retentionDays = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

const StageSettings = z.strictObject({
  /** Exact browser origins allowed to call the API (shared/http/cors.ts); empty: same-origin only. */
  corsOrigins: z.array(z.string()).max(20),
  /** Who the alarms e-mail (the SNS topic's subscriber); null: the topic has no subscriber yet. */
  alarmEmail: z.email().max(254).nullable(),
  /** Retention of every function's, the workflow's and the API's access log group. */
  logRetentionDays: z.union(retentionDays.map((days) => z.literal(days))),
  /** API Gateway's default route throttling: steady requests per second and burst. */
  throttle: z.strictObject({ rateLimit: z.int().min(1).max(10_000), burstLimit: z.int().min(1).max(5_000) }),
  /** Whether the job schedules (monthly compliance, quarter and year closes) fire; off, they exist disabled. */
  schedulesEnabled: z.boolean(),
  /**
   * What happens to the table, user pool, cursor key and logs when the stack goes:
   * `retain` keeps them and turns on deletion protection (prod); `destroy` removes them.
   */
  removal: z.enum(['retain', 'destroy']),
  /**
   * Use this existing table (e.g. one restored to a point in time, README runbook) instead
   * of the stage's own; null: the stateful stack creates and owns the table.
   */
  tableName: z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/).nullable(),
});
export type StageSettings = z.infer<typeof StageSettings>;

/** The stages. A new one is a new entry here (its name: lower case letters, digits, dashes). */
export const stages: Readonly<Record<string, StageSettings>> = {
  dev: {
    corsOrigins: [],
    alarmEmail: null,
    logRetentionDays: 14,
    throttle: { rateLimit: 20, burstLimit: 40 },
    schedulesEnabled: false,
    removal: 'destroy',
    tableName: null,
  },
  prod: {
    corsOrigins: ['https://kam.g-company.cn'],
    alarmEmail: 'kam-ops@g-company.cn',
    logRetentionDays: 365,
    throttle: { rateLimit: 50, burstLimit: 100 },
    schedulesEnabled: true,
    removal: 'retain',
    tableName: null,
  },
};

export const defaultStage = 'dev';
const stageName = /^[a-z][a-z0-9-]{0,19}$/;

export interface Stage extends StageSettings {
  readonly name: string;
  /** `kam-<stage>`: the prefix of every physical name. */
  readonly prefix: string;
}

/**
 * The stage named by `-c stage=<name>` (default `dev`), validated: an unknown name or a bad
 * setting throws one error that names the stage, the field and what is wrong.
 */
export const stageSettings = (name: unknown = defaultStage, table: Readonly<Record<string, unknown>> = stages): Stage => {
  if (typeof name !== 'string' || !stageName.test(name)) {
    throw new Error(`-c stage=${String(name)}: a stage name is 1-20 lower case letters, digits or dashes, starting with a letter`);
  }
  const raw = table[name];
  if (raw === undefined) {
    throw new Error(`-c stage=${name}: no such stage in infra/stages.ts (known: ${Object.keys(table).join(', ')})`);
  }
  const parsed = StageSettings.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(settings)'}: ${issue.message}`);
    throw new Error(`Stage ${name} in infra/stages.ts is invalid:\n  ${problems.join('\n  ')}`);
  }
  // The origins follow the same rule as the corsOrigins context (no "*", exact origins only).
  const corsOrigins = parseCorsOrigins(parsed.data.corsOrigins);
  return { ...parsed.data, corsOrigins, name, prefix: `kam-${name}` };
};
