/**
 * One structured JSON logger per cold start, in the shape of Powertools' Logger (whose 25 KB
 * every route carried for three calls): one JSON line per entry with `level`, `message`,
 * `timestamp`, `service`, the Lambda context (`cold_start`, `function_name`,
 * `function_memory_size`, `function_arn`, `function_request_id`), `xray_trace_id`, the keys
 * appended for this request and the entry's own; an `error` as name, location, message and
 * stack. The level comes from POWERTOOLS_LOG_LEVEL (DEBUG, INFO, WARN, ERROR, CRITICAL,
 * SILENT; default INFO), the service name given here (else POWERTOOLS_SERVICE_NAME),
 * as Powertools reads them.
 */
import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';

const levels = { DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, CRITICAL: 24, SILENT: 28 } as const;
type Level = Exclude<keyof typeof levels, 'SILENT'>;

const levelOf = (value: string | undefined): number => levels[(value ?? '').toUpperCase() as keyof typeof levels] ?? levels.INFO;

const errorJson = (error: Error): Record<string, unknown> => ({
  name: error.name,
  location: /\((.*):(\d+):\d+\)/.exec(error.stack ?? '')?.slice(1, 3).join(':') ?? '',
  message: error.message,
  stack: error.stack,
  ...(error.cause === undefined ? {} : { cause: error.cause instanceof Error ? errorJson(error.cause) : error.cause }),
});

const plain = (key: string, value: unknown) => (value instanceof Error ? errorJson(value) : typeof value === 'bigint' ? value.toString() : value);

export class Logger {
  private readonly threshold = levelOf(process.env.POWERTOOLS_LOG_LEVEL ?? process.env.AWS_LAMBDA_LOG_LEVEL);
  private readonly service: string;
  private lambda: Record<string, unknown> = {};
  private keys: Record<string, unknown> = {};
  private coldStart = true;

  constructor(options: { serviceName?: string } = {}) {
    this.service = options.serviceName ?? process.env.POWERTOOLS_SERVICE_NAME ?? 'service_undefined';
  }

  /** The Lambda context of this invocation (the first one is the cold start). */
  addContext(context: Context): void {
    this.lambda = {
      cold_start: this.coldStart,
      function_arn: context.invokedFunctionArn,
      function_memory_size: context.memoryLimitInMB,
      function_name: context.functionName,
      function_request_id: context.awsRequestId,
    };
    this.coldStart = false;
  }

  appendKeys(keys: Record<string, unknown>): void {
    Object.assign(this.keys, keys);
  }

  resetKeys(): void {
    this.keys = {};
  }

  debug(message: string, extra?: Record<string, unknown>): void {
    this.write('DEBUG', message, extra);
  }
  info(message: string, extra?: Record<string, unknown>): void {
    this.write('INFO', message, extra);
  }
  warn(message: string, extra?: Record<string, unknown>): void {
    this.write('WARN', message, extra);
  }
  error(message: string, extra?: Record<string, unknown>): void {
    this.write('ERROR', message, extra);
  }

  private write(level: Level, message: string, extra: Record<string, unknown> = {}): void {
    if (levels[level] < this.threshold) return;
    const trace = /Root=([^;]+)/.exec(process.env._X_AMZN_TRACE_ID ?? '')?.[1];
    const line = {
      level,
      message,
      timestamp: new Date().toISOString(),
      service: this.service,
      ...this.lambda,
      ...(trace === undefined ? {} : { xray_trace_id: trace }),
      ...this.keys,
      ...extra,
    };
    process.stdout.write(`${JSON.stringify(line, plain)}\n`);
  }
}

/** middy: the invocation's context on every entry; `resetKeys` drops the keys the last request appended. */
export const injectLambdaContext = (target: Logger, options: { resetKeys?: boolean } = {}): MiddlewareObj<unknown, unknown, Error, Context> => {
  const reset = () => {
    if (options.resetKeys === true) target.resetKeys();
  };
  return {
    before: (request) => {
      target.addContext(request.context);
    },
    after: reset,
    onError: reset,
  };
};

export const logger = new Logger({ serviceName: 'kam-api' });
