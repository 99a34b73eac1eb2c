import { readFileSync } from 'node:fs';
import type { HttpEvent } from '#shared/http/middleware.ts';

/** A sample event from events/, as a fresh copy a test may change. */
export const sampleEvent = (file: string): HttpEvent =>
  JSON.parse(readFileSync(new URL(`../../events/${file}`, import.meta.url), 'utf8')) as HttpEvent;

export { lambdaContext } from '#local/lambda-context.ts';
