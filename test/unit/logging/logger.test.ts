import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs a few logger calls in a fresh process (the level is read at import) and returns what the console printed. */
const logged = (env: Record<string, string>) => {
  const script = `
    const { logger } = await import('#shared/logger.ts');
    console.debug = console.info = console.warn = console.error = (line) => process.stdout.write(JSON.stringify(line) + '\\n');
    logger.debug('d', { n: 1 });
    logger.info('i', { n: 2 });
    logger.warn('w', { error: new Error('boom', { cause: new TypeError('inner') }) });
    logger.error('e');
  `;
  const { LOG_LEVEL: _unused, AWS_LAMBDA_LOG_LEVEL: _alsoUnused, ...rest } = process.env;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...rest, ...env }, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
};

describe('logger (Lambda JSON lines through the console)', () => {
  it('writes one object per call: the message, the service and the fields; an Error keeps its name, message, stack and cause', () => {
    const lines = logged({ LOG_LEVEL: 'DEBUG' });
    expect(lines.map((l) => l.msg)).toEqual(['d', 'i', 'w', 'e']);
    expect(lines[1]).toEqual({ msg: 'i', service: 'kam-api', n: 2 });
    const error = lines[2]?.error as Record<string, unknown>;
    expect(error).toMatchObject({ name: 'Error', message: 'boom', cause: { name: 'TypeError', message: 'inner' } });
    expect(String(error.stack)).toContain('boom');
  });

  it('stops at start-up, naming the value, when LOG_LEVEL is one it does not know', () => {
    const { LOG_LEVEL: _unused, AWS_LAMBDA_LOG_LEVEL: _alsoUnused, ...rest } = process.env;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', "await import('#shared/logger.ts')"], { env: { ...rest, LOG_LEVEL: 'VERBOSE' }, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('LOG_LEVEL must be one of DEBUG, INFO, WARN, ERROR, SILENT, not "VERBOSE"');
  });

  it('drops the levels below LOG_LEVEL outside Lambda (INFO unless set; SILENT drops all)', () => {
    expect(logged({}).map((l) => l.msg)).toEqual(['i', 'w', 'e']);
    expect(logged({ LOG_LEVEL: 'warn' }).map((l) => l.msg)).toEqual(['w', 'e']);
    expect(logged({ LOG_LEVEL: 'SILENT' })).toEqual([]);
  });

  it('leaves the level to Lambda inside it (the runtime filters by the function’s own level)', () => {
    expect(logged({ AWS_LAMBDA_LOG_LEVEL: 'INFO', LOG_LEVEL: 'SILENT' }).map((l) => l.msg)).toEqual(['d', 'i', 'w', 'e']);
  });
});
