import { expect } from 'vitest';
import type { Api, Reply } from '#test/support/api.ts';

/** What a close by hand gave: the reply's status, the run (when one started) and what it came to. */
export interface CloseReply {
  status: number;
  headers: Headers;
  /** The run as GET …/close-runs/{runId} shows it, when the reply was 202. */
  run?: any;
  /** Done: the close's result (api.md's reply fields); failed: the reason; refused: the problem. */
  body: any;
}

/**
 * `POST /v1/periods/{period}/close` as api.md has it: 202 with the run's Location; locally
 * the run is done (or failed) before the reply, so the status resource shows its outcome
 * at once, and the 202's body is that same run.
 */
export const closeRun = async (api: Api, period: string, as: string, options: { headers?: Record<string, string> } = {}): Promise<CloseReply> => {
  const started: Reply = await api.call('POST', `/v1/periods/${period}/close`, as, options);
  if (started.status !== 202) return { status: started.status, headers: started.headers, body: started.body };
  const location = started.headers.get('location') ?? '';
  expect(location).toMatch(new RegExp(`^/v1/periods/${period}/close-runs/[0-9a-f-]{36}$`));
  const run = await api.call('GET', location, as, options);
  expect(run.status).toBe(200);
  expect(run.body).toEqual(started.body);
  expect(run.body).toMatchObject({ period, runId: location.split('/').at(-1), status: expect.stringMatching(/^(done|failed)$/) });
  return { status: started.status, headers: started.headers, run: run.body, body: run.body.status === 'done' ? run.body.result : run.body.reason };
};

/** A close that must succeed: 202, the run done; its result (api.md's reply fields). */
export const closedResult = async (api: Api, period: string, as: string): Promise<any> => {
  const reply = await closeRun(api, period, as);
  expect(reply.status, JSON.stringify(reply.body)).toBe(202);
  expect(reply.run?.status, JSON.stringify(reply.run?.reason)).toBe('done');
  return reply.body;
};
