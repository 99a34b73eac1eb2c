import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { RuleViolation } from '#shared/errors.ts';
import { publicRoute } from '#shared/http/public-handler.ts';
import { defineRoute } from '#shared/http/route.ts';
import { metrics, recordClose } from '#shared/metrics.ts';
import { lambdaContext, sampleEvent } from '#test/support/events.ts';

/** Captures what would be emitted: each single metric's dimensions and values (Powertools is off in tests). */
const captureSingles = () => {
  const emitted: { dimensions: Record<string, string>; name: string; unit: string; value: number }[] = [];
  vi.spyOn(metrics, 'singleMetric').mockImplementation(() => {
    const dimensions: Record<string, string> = {};
    const single = {
      addDimension: (key: string, value: string) => {
        dimensions[key] = value;
        return single;
      },
      addMetric: (name: string, unit: string, value: number) => {
        emitted.push({ dimensions: { ...dimensions }, name, unit, value });
        return single;
      },
    };
    return single as unknown as ReturnType<typeof metrics.singleMetric>;
  });
  return emitted;
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

describe('business metrics (EMF through Powertools, no API call)', () => {
  it('counts a refusal once, by its rule, in the error middleware; bad input and success are not refusals', async () => {
    // Arrange
    const emitted = captureSingles();

    // Act
    const refused = await call({ outcome: 'rule' });
    const bad = await call({ outcome: 'nonsense' });
    const fine = await call({ outcome: 'fine' });

    // Assess
    expect([refused.statusCode, bad.statusCode, fine.statusCode]).toEqual([422, 400, 200]);
    expect(emitted).toEqual([{ dimensions: { rule: 'over-invoiced' }, name: 'Refusals', unit: MetricUnit.Count, value: 1 }]);
  });

  it('emits a finished close as one line: closes run, duration and statements changed, by period kind', () => {
    // Arrange
    const added: unknown[] = [];
    vi.spyOn(metrics, 'addMetric').mockImplementation((...args) => {
      added.push(args);
      return metrics;
    });
    const dimension = vi.spyOn(metrics, 'addDimension');
    const publish = vi.spyOn(metrics, 'publishStoredMetrics').mockImplementation(() => undefined as never);

    // Act
    recordClose('quarter', 1234, 7);

    // Assess
    expect(dimension).toHaveBeenCalledWith('periodKind', 'quarter');
    expect(added).toEqual([
      ['ClosesRun', MetricUnit.Count, 1],
      ['CloseDuration', MetricUnit.Milliseconds, 1234],
      ['StatementsChanged', MetricUnit.Count, 7],
    ]);
    expect(publish).toHaveBeenCalledTimes(1);
  });

  it('serialises as EMF: the stage namespace, the service and the rule as dimensions, the count as a value', async () => {
    // Arrange: a Metrics of its own with the deployed settings
    const { Metrics } = await import('@aws-lambda-powertools/metrics');
    const live = new Metrics({ namespace: 'kam-test', serviceName: 'kam-api' });

    // Act
    live.addDimension('rule', 'account-owned');
    live.addMetric('Refusals', MetricUnit.Count, 1);
    const emf = live.serializeMetrics();

    // Assess
    expect(emf._aws.CloudWatchMetrics).toEqual([{ Namespace: 'kam-test', Dimensions: [['service', 'rule']], Metrics: [{ Name: 'Refusals', Unit: 'Count' }] }]);
    expect(emf).toMatchObject({ service: 'kam-api', rule: 'account-owned', Refusals: 1 });
  });
});
