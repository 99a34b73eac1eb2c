import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '#local/dynamo.ts';

// `npm start` and `npm run token` as a developer runs them, in a state folder of their own.
const dir = mkdtempSync(join(tmpdir(), 'kam-local-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tsx = (script: string, env: Record<string, string>, args: string[] = []) =>
  spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });

const start = async (port: number): Promise<ChildProcess> => {
  const child = tsx('scripts/start.ts', { KAM_LOCAL_DIR: dir, PORT: String(port), LOG_LEVEL: 'SILENT' });
  await new Promise<void>((ready, fail) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('KAM API on')) ready();
    });
    child.once('exit', (code) => fail(new Error(`npm start exited early (${code}): ${out}`)));
  });
  return child;
};

const stop = (child: ChildProcess) =>
  new Promise<number | null>((done) => {
    child.once('exit', (code) => done(code));
    child.kill('SIGINT');
  });

const token = (staffId: string) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/token.ts', staffId], {
    env: { ...process.env, KAM_LOCAL_DIR: dir, NODE_NO_WARNINGS: '1' },
    encoding: 'utf8',
  }).trim();

describe('local mode', () => {
  it('serves the API with a bootstrap admin, stops cleanly on Ctrl-C, and keeps its data across a restart', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}/v1`;
    let server = await start(port);
    const auth = { authorization: `Bearer ${token('admin')}`, 'content-type': 'application/json' };
    const list = await fetch(`${base}/staff`, { headers: auth });
    expect(list.status).toBe(200);
    const page = (await list.json()) as { items: { id: string }[] };
    expect(page.items.map((s) => s.id)).toEqual(['admin']);
    const created = await fetch(`${base}/staff`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: '李雷', department: '市场部', roles: ['sales_manager'], grade: 'P6' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(await stop(server)).toBe(0);

    server = await start(port);
    const again = await fetch(`${base}/staff/${id}`, { headers: auth });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { name: string }).name).toBe('李雷');
    expect(await stop(server)).toBe(0);
    // Two whole starts as separate processes (tsx, DynamoDB Local, every handler imported):
    // far more than one request's 30 s on a 2-core machine busy with the other test files.
  }, 120_000);

  it('says in one clear line that Java is missing, and how to fix it', async () => {
    // A PATH that holds node and nothing else.
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const child = tsx('scripts/start.ts', { KAM_LOCAL_DIR: dir, PATH: bin, NODE_NO_WARNINGS: '1' });
    setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toEqual([expect.stringMatching(/^Java 17 or newer is needed .* install it/)]);
  });
});
