import * as z from 'zod/mini';
import { logger } from '#shared/logger.ts';

/**
 * A scheduled job's handler: the schedule's input validated, the job run, its result
 * logged and returned. A failure throws, so EventBridge Scheduler retries it and at last
 * sends it to the dead-letter queue.
 */
export const jobHandler =
  <S extends z.core.$ZodType>(schema: S, run: (input: z.output<S>) => Promise<Record<string, unknown>>) =>
  async (event: unknown, _context?: unknown): Promise<Record<string, unknown>> => {
    const input = z.parse(schema, event);
    const result = await run(input);
    logger.info('Job finished', { result });
    return result;
  };
