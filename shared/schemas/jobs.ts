import * as z from 'zod';
import { Month } from '#shared/schemas/upkeep.ts';

/** What the monthly schedule sends (or `npm run job` passes): a month to check, else the one before `scheduledTime`. */
export const MonthlyJobInput = z.strictObject({
  job: z.literal('monthly-compliance'),
  scheduledTime: z.iso.datetime({ offset: true }).optional(),
  month: Month.optional(),
});
