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
];
