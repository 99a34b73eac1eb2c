import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const settings = ['TABLE_NAME', 'CURSOR_KEY', 'STAFF_ID_CLAIM', 'DYNAMODB_ENDPOINT'];

/** Loads a handler module in a fresh process with only the given settings, as its Lambda would start. */
const load = async (handler: string, given: Record<string, string>) => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !settings.includes(key)));
  const script = `import(${JSON.stringify(join(root, 'functions', `${handler}.ts`))}).then(() => console.log('loaded'));`;
  return run(tsx, ['--eval', script], { cwd: root, env: { ...env, ...given, LOG_LEVEL: 'SILENT' } });
};

const cursorKey = 'k'.repeat(32);

describe('each function checks only the settings it uses (shared/config.ts)', () => {
  it('starts the public OpenAPI route with no table, cursor key or token claim', async () => {
    await expect(load('meta/get-openapi', {})).resolves.toMatchObject({ stdout: 'loaded\n' });
  });

  it('starts a job with the table and cursor key but no token claim', async () => {
    await expect(load('jobs/monthly-compliance', { TABLE_NAME: 't', CURSOR_KEY: cursorKey })).resolves.toMatchObject({ stdout: 'loaded\n' });
  });

  it('stops a route that takes a token at once when its claim setting is missing, naming it', async () => {
    await expect(load('staff/get-staff', { TABLE_NAME: 't', CURSOR_KEY: cursorKey })).rejects.toThrow(/STAFF_ID_CLAIM/);
    await expect(load('staff/get-staff', { TABLE_NAME: 't', CURSOR_KEY: cursorKey, STAFF_ID_CLAIM: 'sub' })).resolves.toMatchObject({ stdout: 'loaded\n' });
  });

  it('stops a route that reads the table at once when the table name is missing', async () => {
    await expect(load('staff/get-staff', { CURSOR_KEY: cursorKey, STAFF_ID_CLAIM: 'sub' })).rejects.toThrow(/TABLE_NAME/);
  });
});
