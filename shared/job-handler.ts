import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { logger } from '#shared/logger.ts';

/**
 * A scheduled job's handler: the schedule's input validated, the job run, its result
 * logged and returned. A failure throws, so EventBridge Scheduler retries it and at last
 * sends it to the dead-letter queue.
 */
export const jobHandler = <S extends z.core.$ZodType>(schema: S, run: (input: z.output<S>) => Promise<Record<string, unknown>>) =>
  middy<unknown, Record<string, unknown>, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      const input = z.parse(schema, event);
      const result = await run(input);
      logger.info('Job finished', { result });
      return result;
    });
