/**
 * `npm run bench`: what every route carries and what a read costs, all against one DynamoDB
 * Local in one run. Prints figures; asserts nothing. Targets (issue 15):
 *   - every route bundle ≤ 280 KB (minified ESM, SDK bundled, built as infra/bundling.ts says);
 *     each route's largest modules are printed beside its size, so a regression can't hide;
 *   - cold start of GET /v1/staff/{id} ÷ bare-client floor (fresh Node process each) ≤ 1.15;
 *   - warm GET /v1/staff/{id} handler loop ÷ raw GetItem loop (same process kind, same item) ≤ 1.3.
 * Usage: `npm run bench [-- <cold runs> <warm iterations>]` (default 9 and 400);
 * `npm run bench -- sizes` prints the bundles only.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { bundling } from '#infra/bundling.ts';
import { ensureTable, startDynamoLocal } from '#local/dynamo.ts';
import { handlerEnv } from '#local/settings.ts';
import { catalogue } from '#shared/routes/index.ts';

const outDir = resolve('.bench');
const sizesOnly = process.argv[2] === 'sizes';
const runs = Number(process.argv[2] ?? 9);
const warmIterations = Number(process.argv[3] ?? 400);
const targetKb = 280;
const coldTarget = 1.15;
const warmTarget = 1.3;
const topModules = 5;

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

// One esbuild run, one independent bundle per entry (no code splitting), exactly as RouteFunction bundles each route.
const entries: Record<string, string> = { floor: resolve('bench/floor-handler.ts') };
for (const route of catalogue) entries[route.id] = resolve('functions', `${route.handler}.ts`);
const { metafile } = await build({
  entryPoints: entries,
  outdir: outDir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: bundling.format,
  target: bundling.target,
  mainFields: [...bundling.mainFields],
  minify: bundling.minify,
  sourcemap: bundling.sourceMap,
  sourcesContent: bundling.sourcesContent,
  charset: bundling.charset,
  banner: { js: bundling.banner },
  external: [...bundling.externalModules],
  metafile: true,
  logLevel: 'error',
});

/** A module group: an npm package (`@smithy/core`), or our file's folder (`shared/messages`) with its largest file. */
const groupOf = (input: string): string => {
  const path = relative(process.cwd(), resolve(input)).replaceAll('\\', '/');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
  if (pkg !== undefined) return pkg;
  const parts = path.split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : path;
};

interface BundleFigures { bytes: number; groups: [string, number][] }
const figuresOf = (meta: Metafile, id: string): BundleFigures => {
  const output = meta.outputs[relative(process.cwd(), resolve(outDir, `${id}.mjs`)).replaceAll('\\', '/')];
  if (output === undefined) throw new Error(`no output for ${id}`);
  const groups = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    groups.set(groupOf(input), (groups.get(groupOf(input)) ?? 0) + bytesInOutput);
  }
  return { bytes: output.bytes, groups: [...groups].sort((a, b) => b[1] - a[1]) };
};

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
console.log(`Route bundles (minified ESM, AWS SDK bundled, as RouteFunction builds them): KB, then the ${topModules} largest module groups`);
const sizes = catalogue.map((route) => ({ route, ...figuresOf(metafile, route.id) }));
for (const { route, bytes, groups } of sizes) {
  const top = groups.slice(0, topModules).map(([name, b]) => `${name} ${kb(b)}`).join(', ');
  console.log(`  ${`${route.method} ${route.path}`.padEnd(58)} ${kb(bytes).padStart(6)} ${bytes <= targetKb * 1024 ? '   ' : 'OVER'}  ${top}`);
}
const floor = figuresOf(metafile, 'floor');
console.log(`  ${'floor: bare DynamoDB client GetItem'.padEnd(58)} ${kb(floor.bytes).padStart(6)}      ${floor.groups.slice(0, topModules).map(([n, b]) => `${n} ${kb(b)}`).join(', ')}`);
const byteList = sizes.map((s) => s.bytes).sort((a, b) => a - b);
const over = sizes.filter((s) => s.bytes > targetKb * 1024).length;
console.log(
  `  ${sizes.length} routes: smallest ${kb(byteList[0] ?? 0)} KB, median ${kb(byteList[Math.floor(byteList.length / 2)] ?? 0)} KB, largest ${kb(byteList.at(-1) ?? 0)} KB; ${over} over ${targetKb} KB (target: none)`,
);

if (sizesOnly) process.exit(0);

// Both timings against one DynamoDB Local, started here.
const dynamo = await startDynamoLocal();
const tableName = 'bench';
await ensureTable(dynamo.endpoint, tableName);
const env = { ...process.env, ...handlerEnv(dynamo.endpoint, tableName), LOG_LEVEL: 'SILENT', NODE_NO_WARNINGS: '1' };
Object.assign(process.env, env);
const { ensureAdmin } = await import('#local/bootstrap.ts');
await ensureAdmin();
// Someone else's record too: the sample event reads the caller's own (one GetItem once the caller is known).
const { insertStaff, getStaffById } = await import('#shared/db/staff.ts');
const { newStaff } = await import('#shared/domain/staff.ts');
const otherId = 'bench-other';
if ((await getStaffById(otherId)) === undefined) {
  await insertStaff(newStaff(otherId, { name: 'Bench reader', department: 'Market coordination group', roles: ['department_staff'], grade: 'P5' }), {
    actorId: 'system',
    requestId: 'bench',
    at: new Date().toISOString(),
  });
}

const event = readFileSync(resolve('events/http-get-staff.json'), 'utf8');
/** A fresh Node process: load the bundle, answer one request (cold), or `iterations` more in a loop (warm, after 50 unmeasured). */
const child = (file: string, iterations: number, staffId: string) => `
  const event = ${event};
  event.pathParameters = { id: ${JSON.stringify(staffId)} };
  event.rawPath = '/v1/staff/' + ${JSON.stringify(staffId)};
  const { handler } = await import(${JSON.stringify(file)});
  const context = () => ({ functionName: 'bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 10000 });
  const once = async () => {
    const result = await handler(structuredClone(event), context());
    if (result.statusCode !== 200) { console.error(JSON.stringify(result)); process.exit(1); }
  };
  await once();
  let perCallMs = 0;
  if (${iterations} > 0) {
    for (let i = 0; i < 50; i++) await once();
    const started = process.hrtime.bigint();
    for (let i = 0; i < ${iterations}; i++) await once();
    perCallMs = Number(process.hrtime.bigint() - started) / 1e6 / ${iterations};
  }
  process.stdout.write(JSON.stringify({ rss: process.memoryUsage().rss, perCallMs }));
`;

const runChild = (file: string, iterations = 0, staffId = 'admin') =>
  new Promise<{ ms: number; rssBytes: number; perCallMs: number }>((done, fail) => {
    const started = process.hrtime.bigint();
    const proc = spawn(process.execPath, ['--input-type=module', '--enable-source-maps', '-e', child(file, iterations, staffId)], { env });
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.on('exit', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) return fail(new Error(`bench child failed (${code}): ${err}`));
      const { rss, perCallMs } = JSON.parse(out) as { rss: number; perCallMs: number };
      done({ ms, rssBytes: rss, perCallMs });
    });
  });

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const routeFile = resolve(outDir, 'getStaff.mjs');
const floorFile = resolve(outDir, 'floor.mjs');
await runChild(routeFile); // warm the OS file cache and DynamoDB Local's JIT before timing
await runChild(floorFile);
const cold = { route: [] as number[], floor: [] as number[], routeRss: [] as number[], floorRss: [] as number[] };
for (let i = 0; i < runs; i++) {
  // Alternate, so drift in machine load falls on both alike.
  const r = await runChild(routeFile);
  const f = await runChild(floorFile);
  cold.route.push(r.ms);
  cold.routeRss.push(r.rssBytes);
  cold.floor.push(f.ms);
  cold.floorRss.push(f.rssBytes);
}
const warm = { route: [] as number[], floor: [] as number[], other: [] as number[], otherFloor: [] as number[] };
for (let i = 0; i < 3; i++) {
  warm.route.push((await runChild(routeFile, warmIterations)).perCallMs);
  warm.floor.push((await runChild(floorFile, warmIterations)).perCallMs);
  warm.other.push((await runChild(routeFile, warmIterations, otherId)).perCallMs);
  warm.otherFloor.push((await runChild(floorFile, warmIterations, otherId)).perCallMs);
}
await dynamo.stop();

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const spread = (values: number[]) => `(min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})`;
console.log(`\nCold start of GET /v1/staff/{id}: new Node process, load bundle, one request to DynamoDB Local (${runs} runs each)`);
console.log(`  route bundle   median ${median(cold.route).toFixed(0)} ms   ${spread(cold.route)}   RSS ${mb(median(cold.routeRss))}`);
console.log(`  bare client    median ${median(cold.floor).toFixed(0)} ms   ${spread(cold.floor)}   RSS ${mb(median(cold.floorRss))}`);
console.log(`  cold-start ratio ${(median(cold.route) / median(cold.floor)).toFixed(2)} (target ≤ ${coldTarget})`);
console.log(`\nWarm GET /v1/staff/{id}: ${warmIterations} requests in a loop after 50 unmeasured, same item, 3 processes each`);
console.log(`  route handler  median ${median(warm.route).toFixed(2)} ms a request   (${warm.route.map((v) => v.toFixed(2)).join(', ')})`);
console.log(`  raw GetItem    median ${median(warm.floor).toFixed(2)} ms a request   (${warm.floor.map((v) => v.toFixed(2)).join(', ')})`);
console.log(`  warm-read ratio ${(median(warm.route) / median(warm.floor)).toFixed(2)} (target ≤ ${warmTarget}): the caller reads their own record`);
console.log(`  admin reads another's record: route ${median(warm.other).toFixed(2)} ms, raw GetItem ${median(warm.otherFloor).toFixed(2)} ms, ratio ${(median(warm.other) / median(warm.otherFloor)).toFixed(2)} (two GetItems side by side)`);
