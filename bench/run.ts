/**
 * `npm run bench`: route bundle sizes (built as CDK builds them) and the cold start of
 * GET /v1/staff/{id} against DynamoDB Local, beside a bare-client floor. Prints figures;
 * asserts nothing (targets: every bundle ≤ 150 KB minified; cold-start ratio ≤ 1.5).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { bundling } from '#infra/bundling.ts';
import { ensureTable, startDynamoLocal } from '#local/dynamo.ts';
import { handlerEnv } from '#local/settings.ts';
import { catalogue } from '#shared/routes/index.ts';

const outDir = resolve('.bench');
const runs = Number(process.argv[2] ?? 9);
const targetBytes = 150 * 1024;

const bundle = async (entry: string, name: string): Promise<string> => {
  const outfile = resolve(outDir, name, 'index.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: bundling.format,
    target: bundling.target,
    mainFields: [...bundling.mainFields],
    minify: bundling.minify,
    sourcemap: bundling.sourceMap,
    banner: { js: bundling.banner },
    external: [...bundling.externalModules],
    logLevel: 'error',
  });
  return outfile;
};

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

console.log('Route bundles (minified ESM, AWS SDK bundled, as RouteFunction builds them)');
const sizes: { route: string; bytes: number }[] = [];
for (const route of catalogue) {
  const file = await bundle(resolve('functions', `${route.handler}.ts`), route.id);
  sizes.push({ route: `${route.method} ${route.path}`, bytes: statSync(file).size });
}
const floorFile = await bundle(resolve('bench/floor-handler.ts'), 'floor');
const floorBytes = statSync(floorFile).size;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
for (const { route, bytes } of sizes) {
  console.log(`  ${route.padEnd(40)} ${kb(bytes).padStart(10)}  ${bytes <= targetBytes ? 'within' : 'OVER'} 150 KB`);
}
console.log(`  ${'floor: bare DynamoDB client GetItem'.padEnd(40)} ${kb(floorBytes).padStart(10)}`);

// Cold start: a fresh Node process loads the bundle and answers one request.
const dynamo = await startDynamoLocal();
const tableName = 'bench';
await ensureTable(dynamo.endpoint, tableName);
const env = { ...process.env, ...handlerEnv(dynamo.endpoint, tableName), POWERTOOLS_LOG_LEVEL: 'SILENT', NODE_NO_WARNINGS: '1' };
Object.assign(process.env, env);
const { ensureAdmin } = await import('#local/bootstrap.ts');
await ensureAdmin();

const event = readFileSync(resolve('events/http-get-staff.json'), 'utf8');
const child = (file: string) => `
  const event = ${event};
  const { handler } = await import(${JSON.stringify(file)});
  const context = { functionName: 'bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 10000 };
  const result = await handler(event, context);
  if (result.statusCode !== 200) { console.error(JSON.stringify(result)); process.exit(1); }
  process.stdout.write(JSON.stringify(process.memoryUsage().rss));
`;

const coldStart = (file: string) =>
  new Promise<{ ms: number; rssBytes: number }>((done, fail) => {
    const started = process.hrtime.bigint();
    const proc = spawn(process.execPath, ['--input-type=module', '--enable-source-maps', '-e', child(file)], { env });
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.on('exit', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code === 0) done({ ms, rssBytes: Number(out) });
      else fail(new Error(`cold start failed (${code}): ${err}`));
    });
  });

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const routeFile = resolve(outDir, 'getStaff', 'index.mjs');
await coldStart(routeFile); // warm the OS file cache and DynamoDB Local's JIT before timing
await coldStart(floorFile);
const route: number[] = [];
const floor: number[] = [];
const routeRss: number[] = [];
const floorRss: number[] = [];
for (let i = 0; i < runs; i++) {
  // Alternate, so drift in machine load falls on both alike.
  const r = await coldStart(routeFile);
  const f = await coldStart(floorFile);
  route.push(r.ms);
  routeRss.push(r.rssBytes);
  floor.push(f.ms);
  floorRss.push(f.rssBytes);
}
await dynamo.stop();

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
console.log(`\nCold start of GET /v1/staff/{id}: new Node process, load bundle, one request to DynamoDB Local (${runs} runs each)`);
console.log(`  route bundle   median ${median(route).toFixed(0)} ms   (min ${Math.min(...route).toFixed(0)}, max ${Math.max(...route).toFixed(0)})   RSS ${mb(median(routeRss))}`);
console.log(`  bare client    median ${median(floor).toFixed(0)} ms   (min ${Math.min(...floor).toFixed(0)}, max ${Math.max(...floor).toFixed(0)})   RSS ${mb(median(floorRss))}`);
console.log(`  ratio of medians ${(median(route) / median(floor)).toFixed(2)} (target ≤ 1.5)`);
