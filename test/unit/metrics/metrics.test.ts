import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { RuleViolation } from '#shared/errors.ts';
import { publicRoute } from '#shared/http/public-handler.ts';
import { defineRoute } from '#shared/http/route.ts';
import { lineOf, logger } from '#shared/logger.ts';
import { metricFilters } from '#infra/metric-filters.ts';
import { recordClose } from '#shared/metrics.ts';
import { lambdaContext, sampleEvent } from '#test/support/events.ts';

/** Captures the metric lines the code logs (logs are silent in tests): what Lambda writes as each line's `message`. */
const captureMetricLines = () => {
  const lines: Record<string, unknown>[] = [];
  vi.spyOn(logger, 'info').mockImplementation((msg, fields) => {
    const line = lineOf(msg, fields);
    if ('metric' in line) lines.push(line);
  });
  return lines;
};

afterEach(() => {
  vi.restoreAllMocks();
});

const route = defineRoute({
  id: 'refuse',
  method: 'POST',
  path: '/v1/refuse',
  handler: 'test/refuse',
  summary: 'refuse',
  tag: 'Test',
  auth: 'public',
  tableAccess: 'none',
  body: z.strictObject({ outcome: z.enum(['rule', 'bad', 'fine']) }),
  response: { status: 200, schema: z.unknown(), description: 'refuse' },
});
const handler = publicRoute(route, async ({ body }) => {
  if (body.outcome === 'rule') throw new RuleViolation('over-invoiced', 'Invoiced beyond the contract');
  return { body: {} };
});
const call = (body: unknown) => {
  const event = sampleEvent('http-get-staff.json');
  event.routeKey = 'POST /v1/refuse';
  event.headers = { 'content-type': 'application/json' };
  event.body = JSON.stringify(body);
  return handler(event, lambdaContext('test'));
};

describe('business metrics (log lines that metric filters count, no API call)', () => {
  it('counts a refusal once, by its rule, in the error middleware; bad input and success are not refusals', async () => {
    // Arrange
    const lines = captureMetricLines();

    // Act
    const refused = await call({ outcome: 'rule' });
    const bad = await call({ outcome: 'nonsense' });
    const fine = await call({ outcome: 'fine' });

    // Assess
    expect([refused.statusCode, bad.statusCode, fine.statusCode]).toEqual([422, 400, 200]);
    expect(lines).toEqual([{ msg: 'Refusals', service: 'kam-api', metric: 'Refusals', rule: 'over-invoiced' }]);
  });

  it('logs a finished close as one line: closes run, duration and statements changed, by period kind', () => {
    // Arrange
    const lines = captureMetricLines();

    // Act
    recordClose('quarter', 1234, 7);

    // Assess
    expect(lines).toEqual([{ msg: 'Close finished', service: 'kam-api', metric: 'close-finished', periodKind: 'quarter', durationMs: 1234, statementsChanged: 7 }]);
    for (const name of ['ClosesRun', 'CloseDuration', 'StatementsChanged'] as const) expect(metricFilters[name].line).toBe('close-finished');
    expect([metricFilters.CloseDuration.value, metricFilters.StatementsChanged.value, metricFilters.ClosesRun.value]).toEqual(['durationMs', 'statementsChanged', '1']);
  });

  it('finds each metric’s value and dimensions in its line: the service and every dimension its filter names', () => {
    // Arrange
    const lines = captureMetricLines();

    // Act
    recordClose('year', 10, 2);
    void call({ outcome: 'rule' });

    // Assess
    return vi.waitFor(() => {
      expect(lines).toHaveLength(2);
      for (const [name, filter] of Object.entries(metricFilters)) {
        const line = lines.find((l) => l.metric === filter.line);
        if (line === undefined) continue; // the others' lines: sign-in and replays (tested where they are emitted)
        for (const dimension of ['service', ...filter.dimensions]) expect(typeof line[dimension], `${name}.${dimension}`).toBe('string');
        if (filter.value !== '1') expect(typeof line[filter.value], `${name} value`).toBe('number');
      }
    });
  });
});
