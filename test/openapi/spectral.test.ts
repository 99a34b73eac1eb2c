import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '#shared/openapi.ts';

const run = promisify(execFile);
const cli = createRequire(import.meta.url).resolve('@stoplight/spectral-cli/dist/index.js');
const ruleset = join(import.meta.dirname, '..', '..', '.spectral.yaml');
const severities = ['error', 'warn', 'info', 'hint'] as const;

interface Finding {
  code: string;
  severity: number;
  message: string;
  path: string[];
}

/** Spectral's findings for a document, through the CLI with the project's ruleset. */
const lint = async (document: object): Promise<Finding[]> => {
  const dir = await mkdtemp(join(tmpdir(), 'spectral-'));
  try {
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(document));
    // Spectral exits 1 when it finds errors; its JSON report is on stdout either way.
    const { stdout } = await run(process.execPath, [cli, 'lint', file, '--ruleset', ruleset, '--format', 'json', '--quiet'], { maxBuffer: 64 * 1024 * 1024 }).catch(
      (error: { stdout?: string; stderr?: string }) => {
        if (error.stdout === undefined || error.stdout.trim() === '') throw new Error(`Spectral failed: ${error.stderr ?? String(error)}`);
        return { stdout: error.stdout };
      },
    );
    return stdout.trim() === '' ? [] : (JSON.parse(stdout) as Finding[]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

const describeFindings = (findings: readonly Finding[]) =>
  findings.map((f) => `${severities[f.severity] ?? f.severity} ${f.code} at ${f.path.join('.')}: ${f.message}`).join('\n');

describe('the OpenAPI document under Spectral (spectral:oas and the OWASP API Security ruleset)', () => {
  it('has no finding of warning level or above, beyond the rules .spectral.yaml switches off', async () => {
    const findings = (await lint(buildOpenApi())).filter((f) => f.severity <= 1);
    expect(describeFindings(findings)).toBe('');
  }, 120_000);

  it('catches an unbounded input, so the test above can fail', async () => {
    // One operation of the real document, with its Account schema made unbounded: small, so quick to lint.
    type Document = { paths: Record<string, unknown>; components: { schemas: Record<string, { properties: Record<string, object> }> } };
    const full = buildOpenApi() as Document;
    const { Account, Problem, GatewayThrottled } = full.components.schemas;
    const document: Document = structuredClone({
      ...full,
      paths: { '/v1/accounts/{id}': full.paths['/v1/accounts/{id}'] },
      components: { ...full.components, schemas: { Account, Problem, GatewayThrottled } as Document['components']['schemas'] },
    });
    const account = document.components.schemas.Account;
    if (account === undefined) throw new Error('no Account schema');
    account.properties.name = { type: 'string' };
    account.properties.needsReassignment = { type: 'array', items: { type: 'integer' } };
    const codes = (await lint(document)).map((f) => f.code);
    expect(codes).toEqual(
      expect.arrayContaining(['owasp:api4:2023-string-limit', 'owasp:api4:2023-array-limit', 'owasp:api4:2023-integer-limit', 'owasp:api4:2023-integer-format']),
    );
  }, 120_000);
});
