import * as z from 'zod/mini';
import { Cursor, Month, PayPeriod } from '#shared/schemas/common.ts';
import { RunId } from '#shared/schemas/pay.ts';
import { built } from '#shared/built.ts';

/** What the monthly schedule sends (or `npm run job` passes): a month to check, else the one before `scheduledTime`. */
export const MonthlyJobInput = /* @__PURE__ */ built(() => z.strictObject({
  job: z.literal('monthly-compliance'),
  scheduledTime: z.optional(z.iso.datetime({ offset: true })),
  month: z.optional(Month),
}));

/** What the quarter and year schedules send (or `npm run job` passes): a period to close, else the one that ended before `scheduledTime`. */
export const PeriodCloseInput = /* @__PURE__ */ built(() => z.strictObject({
  job: z.literal('period-close'),
  periodKind: z.enum(['quarter', 'year']),
  scheduledTime: z.optional(z.iso.datetime({ offset: true })),
  period: z.optional(PayPeriod),
  /** Set when POST /v1/periods/{period}/close started the workflow: the run it already recorded. */
  runId: z.optional(RunId),
}));

/** The distributed close's steps pass the period and the run (its lock holder) along. */
export const CloseRunInput = /* @__PURE__ */ built(() => z.strictObject({ period: PayPeriod, runId: z.string().check(z.minLength(1), z.maxLength(64)) }));
export const CloseBatchInput = /* @__PURE__ */ built(() => z.extend(CloseRunInput, { cursor: z.nullable(Cursor) }));

/** What the sign-in retry schedule sends (or `npm run job -- sign-in-sync`). */
export const SignInSyncJobInput = /* @__PURE__ */ built(() => z.strictObject({
  job: z.literal('sign-in-sync'),
  scheduledTime: z.optional(z.iso.datetime({ offset: true })),
}));
