/**
 * Scheduled jobs, like the route catalogue: the CDK stack makes one function and one
 * EventBridge Scheduler schedule per entry; local mode runs them with `npm run job`.
 * Cron fields are EventBridge Scheduler's (minute hour day-of-month month day-of-week year),
 * read in the company's time zone.
 */
export interface JobDefinition {
  readonly id: string;
  /** Handler file under `functions/`, without extension. */
  readonly handler: string;
  readonly summary: string;
  readonly cron: { readonly minute: string; readonly hour: string; readonly day: string; readonly month: string };
  readonly timeZone: 'Asia/Shanghai';
  /** What the schedule sends; the handler also receives `scheduledTime`. */
  readonly input: Readonly<Record<string, string>>;
  readonly timeoutSeconds: number;
  /**
   * In AWS the schedule starts this Step Functions workflow instead of calling `handler`,
   * which runs the same steps in one process (local mode, tests).
   */
  readonly workflow?: 'period-close';
  /** The job changes who may sign in: as a route's `signIn` (shared/http/route.ts). */
  readonly signIn?: true;
}

export const jobs: readonly JobDefinition[] = [
  {
    id: 'monthlyCompliance',
    handler: 'jobs/monthly-compliance',
    summary: 'On the 1st, store last month’s visit and report gaps as alerts',
    cron: { minute: '0', hour: '1', day: '1', month: '*' },
    timeZone: 'Asia/Shanghai',
    input: { job: 'monthly-compliance' },
    timeoutSeconds: 900,
  },
  {
    id: 'quarterClose',
    handler: 'jobs/period-close',
    summary: 'At 01:30 on 1 January, April, July and October, close the quarter that ended',
    cron: { minute: '30', hour: '1', day: '1', month: '1,4,7,10' },
    timeZone: 'Asia/Shanghai',
    input: { job: 'period-close', periodKind: 'quarter' },
    timeoutSeconds: 900,
    workflow: 'period-close',
  },
  {
    id: 'yearClose',
    handler: 'jobs/period-close',
    summary: 'At 02:30 on 1 January, close the year that ended',
    cron: { minute: '30', hour: '2', day: '1', month: '1' },
    timeZone: 'Asia/Shanghai',
    input: { job: 'period-close', periodKind: 'year' },
    timeoutSeconds: 900,
    workflow: 'period-close',
  },
  {
    id: 'signInSync',
    handler: 'jobs/sign-in-sync',
    summary: 'Every 15 minutes, retry each sign-in change left pending (Cognito kept in step with the staff records)',
    cron: { minute: '0/15', hour: '*', day: '*', month: '*' },
    timeZone: 'Asia/Shanghai',
    input: { job: 'sign-in-sync' },
    timeoutSeconds: 300,
    signIn: true,
  },
];
