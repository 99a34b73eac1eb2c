import { readFileSync } from 'node:fs';
import type { Context } from 'aws-lambda';
import type { HttpEvent } from '#shared/http/middleware.ts';

/** A sample event from events/, as a fresh copy a test may change. */
export const sampleEvent = (file: string): HttpEvent =>
  JSON.parse(readFileSync(new URL(`../../events/${file}`, import.meta.url), 'utf8')) as HttpEvent;

export const lambdaContext = (name = 'test'): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName: name,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${name}`,
  memoryLimitInMB: '256',
  awsRequestId: crypto.randomUUID(),
  logGroupName: `/aws/lambda/${name}`,
  logStreamName: 'test',
  getRemainingTimeInMillis: () => 10_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});
