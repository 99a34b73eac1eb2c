/**
 * `npm run bench:close [-- ACCOUNTS[/STAFF] ...]`: times the period close on synthetic
 * organisations in DynamoDB Local (in memory). Default sizes: 2,000 and 10,000 key
 * accounts (200 and 1,000 staff: a tenth unless given); each size given replaces the list,
 * e.g. `npm run bench:close -- 2000 10000 20000`. BENCH_CLOSE_RERUNS (default 3) sets the
 * re-runs per period; BENCH_CLOSE_PERIODS=year|quarter closes one period only;
 * BENCH_CLOSE_HEAP_MB=N caps the closes' V8 heap (see below).
 *
 * Per size, in a fresh table and a fresh Node process (the table name is read at import):
 * generates a year of data (bench/synthetic.ts); then, for the year and for one quarter, a
 * read-only pass that makes exactly the keyed reads the close makes to gather its inputs,
 * the close itself (closePeriod, in-process), and three times over a read-only pass and the
 * close again on the same data. Prints records per second, close time ÷ read-only time (how
 * close to the I/O floor the close runs), where the close's time goes, and Node's peak RSS.
 * Prints figures; asserts nothing.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable, localClient, startDynamoLocal } from '#local/dynamo.ts';
import { handlerEnv } from '#local/settings.ts';

const year = 2025;
const quarter = `${year}-Q3`;
/** Writes in flight while generating. */
const width = 16;
const defaultSizes = [
  { staff: 200, accounts: 2_000 },
  { staff: 1_000, accounts: 10_000 },
];
const limits = { staff: 5_000, accounts: 20_000 };
const resultTag = 'BENCH_CLOSE_RESULT ';
/** Re-runs of the close on the same data per period, each after a read-only pass (medians are reported). */
const reruns = Number(process.env.BENCH_CLOSE_RERUNS ?? 3);
/** The periods closed per size: the year and one quarter, or one of them (BENCH_CLOSE_PERIODS=year|quarter). */
const closedPeriods = process.env.BENCH_CLOSE_PERIODS === 'quarter' ? [quarter] : process.env.BENCH_CLOSE_PERIODS === 'year' ? [String(year)] : [String(year), quarter];
/**
 * BENCH_CLOSE_HEAP_MB=N runs the closes' process with V8's old space capped at N MB
 * (`--max-old-space-size`). Uncapped, V8 on this 24 GB machine lets the heap grow to ~4 GB
 * before it collects hard, so peak RSS counts garbage not yet collected as well as what the
 * close holds; under a cap the close either fits (and its RSS is near what it needs) or stops
 * with V8's out-of-memory error, which the bench reports as a failed size.
 */
const heapCapMb = process.env.BENCH_CLOSE_HEAP_MB === undefined ? undefined : Number(process.env.BENCH_CLOSE_HEAP_MB);
if (heapCapMb !== undefined && (!Number.isInteger(heapCapMb) || heapCapMb < 64)) throw new Error('BENCH_CLOSE_HEAP_MB must be a whole number of MB, at least 64');

// ---------------------------------------------------------------- request tally (worker)

interface Tally {
  requests: Record<string, number>;
  itemsRead: number;
  itemsWritten: number;
}

interface RequestEvent {
  start: number;
  end: number;
  /** The close's own statement list (after the calculation) or the talent pool writes. */
  tag?: 'statements' | 'talent';
  /** The command and the kind of item it names (pk and sk up to their first `#`), for the write-phase breakdown. */
  label: string;
}

const newTally = (): Tally => ({ requests: {}, itemsRead: 0, itemsWritten: 0 });
const requestCount = (t: Tally) => Object.values(t.requests).reduce((a, b) => a + b, 0);
const minus = (after: Tally, before: Tally): Tally => ({
  requests: Object.fromEntries(Object.entries(after.requests).map(([k, v]) => [k, v - (before.requests[k] ?? 0)]).filter(([, v]) => (v as number) > 0)),
  itemsRead: after.itemsRead - before.itemsRead,
  itemsWritten: after.itemsWritten - before.itemsWritten,
});
const copy = (t: Tally): Tally => ({ requests: { ...t.requests }, itemsRead: t.itemsRead, itemsWritten: t.itemsWritten });

type Loose = Record<string, any>;
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof (v as Loose | undefined)?.S === 'string' ? (v as Loose).S : undefined);

/** The first item a write names, as `pk / sk`, for error messages. */
const describe = (input: Loose): string => {
  const first = (Object.values((input.RequestItems ?? {}) as Loose)[0] as Loose[] | undefined)?.[0];
  const item = (input.Key ?? input.Item ?? first?.PutRequest?.Item ?? first?.DeleteRequest?.Key ?? input.TransactItems?.[0]?.Put?.Item) as Loose | undefined;
  return item === undefined ? 'a request' : `${text(item.pk) ?? '?'} / ${text(item.sk) ?? '?'}`;
};

/** What kind of item a request names: its key's (or first item's) pk and sk up to their first `#`, or a Query's partition and prefix. */
const itemKind = (input: Loose): string => {
  const first = (Object.values((input.RequestItems ?? {}) as Loose)[0] as Loose[] | Loose | undefined);
  const one = Array.isArray(first) ? first[0] : first?.Keys?.[0];
  const item = (input.Key ?? input.Item ?? one?.PutRequest?.Item ?? one?.DeleteRequest?.Key ?? (one?.pk === undefined ? undefined : one) ?? input.TransactItems?.[0]?.Put?.Item ?? input.TransactItems?.[0]?.Update?.Key) as Loose | undefined;
  const cut = (v: unknown) => (text(v) ?? '?').split('#')[0];
  if (item !== undefined) return `${cut(item.pk)}/${cut(item.sk)}`;
  const values = (input.ExpressionAttributeValues ?? {}) as Loose;
  return `${cut(values[':pk'] ?? Object.values(values)[0])}/${cut(values[':prefix'] ?? '')}`;
};

/** CPU milliseconds a process has used, from /proc/<pid>/stat (utime + stime, at 100 ticks a second). */
const procCpuMs = (pid: number | undefined): number | undefined => {
  if (pid === undefined || !Number.isInteger(pid)) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
};

/** DynamoDB Local's JVM: the driver's `java` child, found through /proc (Linux only). */
const findDynamoPid = (): number | undefined => {
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      if (/^PPid:\s+(\d+)$/m.exec(status)?.[1] === String(process.pid) && /^Name:\s+java$/m.test(status)) return Number(entry);
    }
  } catch {
    // not Linux, or /proc unreadable: no DynamoDB Local CPU figures
  }
  return undefined;
};

/** Starts a CPU clock for this process and DynamoDB Local; the returned function reads it. */
const cpuClock = (dbPid: number | undefined) => {
  const node = process.cpuUsage();
  const db = procCpuMs(dbPid);
  return (): Cpu => {
    const used = process.cpuUsage(node);
    const dbNow = procCpuMs(dbPid);
    return { nodeMs: (used.user + used.system) / 1000, ...(db === undefined || dbNow === undefined ? {} : { dbMs: dbNow - db }) };
  };
};

/**
 * Counts every request the shared client sends, and the items it reads and writes, by a
 * middleware on the client's own stack (the document client shares it). With `events`
 * set, also keeps each request's start and end for the phase breakdown of a close.
 */
const instrument = (client: DynamoDBClient) => {
  const tally = newTally();
  const state: { events?: RequestEvent[]; lastFailure?: string } = {};
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const start = performance.now();
      const command = (context.commandName ?? 'Unknown').replace(/Command$/, '');
      const input = args.input as Loose;
      let result;
      try {
        result = await next(args);
      } catch (error) {
        state.lastFailure = `${command} of ${describe(input)}`;
        throw error;
      }
      const end = performance.now();
      const output = result.output as Loose;
      tally.requests[command] = (tally.requests[command] ?? 0) + 1;
      if (command === 'Query' || command === 'Scan') tally.itemsRead += Number(output.Count ?? output.Items?.length ?? 0);
      else if (command === 'GetItem') tally.itemsRead += output.Item === undefined ? 0 : 1;
      else if (command === 'BatchGetItem') tally.itemsRead += Object.values((output.Responses ?? {}) as Loose).reduce((n: number, items) => n + (items as unknown[]).length, 0);
      else if (command === 'TransactWriteItems') tally.itemsWritten += (input.TransactItems as unknown[]).length;
      else if (command === 'BatchWriteItem') tally.itemsWritten += Object.values(input.RequestItems as Loose).reduce((n: number, items) => n + (items as unknown[]).length, 0);
      else if (command === 'PutItem' || command === 'UpdateItem' || command === 'DeleteItem') tally.itemsWritten += 1;
      if (state.events !== undefined) {
        const pk = text(input.Key?.pk);
        const prefix = text(input.ExpressionAttributeValues?.[':prefix']);
        const tag = pk?.startsWith('TALENT#') === true ? 'talent' : command === 'Query' && (prefix === 'STATEMENT#' || prefix === 'DIGESTS#') ? 'statements' : undefined;
        state.events.push({ start, end, label: `${command} ${itemKind(input)}`, ...(tag === undefined ? {} : { tag }) });
      }
      return result;
    },
    { step: 'initialize', name: 'benchCloseTally' },
  );
  return { tally, state };
};

// ---------------------------------------------------------------- results

interface ReadCounts {
  /** The plan lists the key accounts for its batch cursors; each batch reads its page again. */
  listedAccounts: number;
  accounts: number;
  assignments: number;
  visits: number;
  reports: number;
  targets: number;
  projects: number;
  payments: number;
  staff: number;
  peerScores: number;
  meetings: number;
}
const totalOf = (c: ReadCounts) => Object.values(c).reduce((a, b) => a + b, 0);

interface Phases {
  gatherMs: number;
  computeMs: number;
  writeMs: number;
  talentMs: number;
}

/** CPU time spent meanwhile by this Node process and by DynamoDB Local's JVM (Linux /proc; undefined elsewhere). */
interface Cpu {
  nodeMs: number;
  dbMs?: number;
}

interface ReadRun {
  ms: number;
  cpu: Cpu;
}

interface CloseRun {
  ms: number;
  cpu: Cpu;
  tally: Tally;
  phases: Phases;
  /** Requests from the statement list on, by command and kind of item: count, summed request time, and first start to last end (ms). */
  writes: Record<string, { n: number; ms: number; span: number }>;
  /** When the close finished. */
  changed?: number;
  statements?: number;
  /** When it failed: the error and the request that failed. */
  error?: string;
}

interface PeriodResult {
  period: string;
  keyAccounts: number;
  people: number;
  reads: ReadCounts;
  readTally: Tally;
  readRuns: ReadRun[];
  first: CloseRun;
  reruns: CloseRun[];
}

interface SizeResult {
  staff: number;
  accounts: number;
  records: Record<string, number>;
  generation: { ms: number; tally: Tally; sink: { taken: number; items: number; batches: number; updatesApplied: number; updatesSent: number; reads: number } };
  periods: PeriodResult[];
  peakRssBytes: number;
  generationRssBytes: number;
}
type Generated = Pick<SizeResult, 'records' | 'generation' | 'generationRssBytes'>;
type Closed = Pick<SizeResult, 'periods' | 'peakRssBytes'>;

// ---------------------------------------------------------------- worker: one size

const worker = async (staff: number, accounts: number, phase: 'generate' | 'close'): Promise<void> => {
  const label = `${staff}/${accounts}`;
  const log = (message: string) => process.stderr.write(`  [${label}] ${message}\n`);
  const { dynamo } = await import('#shared/db/client.ts');
  const { tally, state } = instrument(dynamo);
  const synthetic = await import('./synthetic.ts');
  const { parsePayPeriod } = await import('#shared/domain/pay/period.ts');
  const { closePeriod, gatherAll, keyAccountBatches } = await import('#shared/usecases/close.ts');

  if (phase === 'generate') {
  log('generating');
  const { batchSink } = await import('./batch-sink.ts');
  const sink = batchSink(dynamo, { width, flushAt: 2_500 });
  const genStart = performance.now();
  const genBefore = copy(tally);
  sink.start();
  const records = await synthetic.generateOrganisation({ staff, accounts }, year, quarter, width, (done, total) =>
    log(`accounts ${done}/${total} generated (${((performance.now() - genStart) / 1000).toFixed(0)} s)`),
  );
  await sink.finish();
  const generation = { ms: performance.now() - genStart, tally: minus(tally, genBefore), sink: { ...sink.stats } };
  log(`generated in ${(generation.ms / 1000).toFixed(1)} s`);
  const generated: Generated = { records, generation, generationRssBytes: process.resourceUsage().maxRSS * 1024 };
  process.stdout.write(`${resultTag}${JSON.stringify(generated)}\n`);
  return;
  }

  /**
   * The close's own gather (shared/usecases/close.ts gatherAll, the very function the close
   * runs) — the plan's listing of key accounts, then batch after batch each account's
   * assignments, visits, reports, targets, won projects and payments, with each person's
   * record and peer scores read as the gather meets them, and the quarterly reviews —
   * computing and writing nothing: it keeps the counts of what it read, not the records.
   * Not counted: the close's reads of the policy, and of its own statements.
   */
  const readPass = async (periodId: string) => {
    const period = parsePayPeriod(periodId);
    const batches = await keyAccountBatches();
    const n: ReadCounts = { listedAccounts: 0, accounts: 0, assignments: 0, visits: 0, reports: 0, targets: 0, projects: 0, payments: 0, staff: 0, peerScores: 0, meetings: 0 };
    let keyAccounts = 0;
    const { people, meetings } = await gatherAll(period, batches.map((b) => b.cursor), (accounts) => {
      keyAccounts += accounts.length;
      for (const a of accounts) {
        n.assignments += a.assignments.length;
        n.visits += a.visits.length;
        n.reports += a.reports.length;
        n.targets += a.targets === undefined ? 0 : 1;
        n.projects += a.projects.length;
        n.payments += a.payments.length;
      }
    });
    // Each batch reads its page of the listing again.
    n.listedAccounts = n.accounts = batches.reduce((sum, b) => sum + b.accounts, 0);
    n.staff = people.length;
    n.peerScores = people.reduce((total, p) => total + p.peerScores.length, 0);
    n.meetings = meetings.length;
    return { counts: n, keyAccounts, people: people.length };
  };

  const dbPid = Number(process.env.BENCH_CLOSE_DYNAMO_PID ?? Number.NaN);
  const timedRead = async (periodId: string) => {
    const before = copy(tally);
    const cpu = cpuClock(dbPid);
    const start = performance.now();
    const out = await readPass(periodId);
    return { ...out, ms: performance.now() - start, cpu: cpu(), tally: minus(tally, before) };
  };

  const timedClose = async (periodId: string): Promise<CloseRun> => {
    const before = copy(tally);
    const events: RequestEvent[] = [];
    state.events = events;
    delete state.lastFailure;
    const cpu = cpuClock(dbPid);
    const start = performance.now();
    let outcome: { changed: number; statements: number } | { error: string };
    try {
      const out = await closePeriod(periodId, { actorId: 'bench', requestId: `bench-close-${periodId}`, at: new Date().toISOString() });
      outcome = { changed: out.changed, statements: out.statementCount };
    } catch (error) {
      const name = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      outcome = { error: `${name}${state.lastFailure === undefined ? '' : ` (${state.lastFailure})`}` };
    }
    const end = performance.now();
    const used = cpu();
    delete state.events;
    // Phases from the request timeline: everything up to the last request before the close
    // lists its current statements is gathering; the quiet gap is the calculation.
    const firstList = events.find((e) => e.tag === 'statements');
    // A loop, not Math.max(...): 20,000 accounts make more events than a call's arguments may be.
    const gatherEnd = events.reduce((latest, e) => (firstList === undefined || e.start < firstList.start ? Math.max(latest, e.end) : latest), start);
    const talent = events.filter((e) => e.tag === 'talent');
    const talentMs = talent.length === 0 ? 0 : talent.reduce((m, e) => Math.max(m, e.end), -Infinity) - talent.reduce((m, e) => Math.min(m, e.start), Infinity);
    const writeFrom = firstList?.start ?? gatherEnd;
    const spans = new Map<string, { n: number; ms: number; from: number; to: number }>();
    for (const e of events) {
      if (e.start < writeFrom) continue;
      const k = spans.get(e.label) ?? { n: 0, ms: 0, from: e.start, to: e.end };
      spans.set(e.label, { n: k.n + 1, ms: k.ms + (e.end - e.start), from: Math.min(k.from, e.start), to: Math.max(k.to, e.end) });
    }
    const writes = Object.fromEntries([...spans].map(([label, k]) => [label, { n: k.n, ms: k.ms, span: k.to - k.from }]));
    return {
      writes,
      ms: end - start,
      cpu: used,
      tally: minus(tally, before),
      phases: { gatherMs: gatherEnd - start, computeMs: writeFrom - gatherEnd, writeMs: end - writeFrom - talentMs, talentMs },
      ...outcome,
    };
  };

  // Per period: a read-only pass, the close, then (read-only pass, close again) × reruns, so
  // drift in the machine's load falls on both alike.
  const periods: PeriodResult[] = [];
  for (const periodId of closedPeriods) {
    log(`${periodId}: read-only pass, close, then ${reruns} × (read-only pass, close again on the same data)`);
    const read = await timedRead(periodId);
    const readRuns: ReadRun[] = [{ ms: read.ms, cpu: read.cpu }];
    const first = await timedClose(periodId);
    const again: CloseRun[] = [];
    if (first.error !== undefined) log(`${periodId}: the close failed after ${s(first.ms)} s: ${first.error}`);
    for (let i = 0; i < reruns; i++) {
      const next = await timedRead(periodId);
      readRuns.push({ ms: next.ms, cpu: next.cpu });
      if (first.error === undefined) again.push(await timedClose(periodId));
    }
    periods.push({ period: periodId, keyAccounts: read.keyAccounts, people: read.people, reads: read.counts, readTally: read.tally, readRuns, first, reruns: again });
  }
  // This process only closed (the data was written by another): its peak RSS is the close's.
  const closed: Closed = { periods, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
  process.stdout.write(`${resultTag}${JSON.stringify(closed)}\n`);
};

// ---------------------------------------------------------------- parent: DynamoDB Local, one worker per size

/** Each argument a size: `ACCOUNTS` (staff a tenth of it, as domain.md §6's team) or `ACCOUNTS/STAFF`. */
const parseSizes = (args: readonly string[]) => {
  if (args.length === 0) return defaultSizes;
  return args.map((arg) => {
    const [accounts, staff] = arg.replaceAll(/[_,]/g, '').split('/').map(Number);
    const size = { accounts: accounts ?? Number.NaN, staff: staff ?? Math.round((accounts ?? Number.NaN) / 10) };
    if (!Number.isInteger(size.accounts) || !Number.isInteger(size.staff) || size.staff < 4 || size.staff > limits.staff || size.accounts < 1 || size.accounts > limits.accounts) {
      throw new Error(`Give each size as ACCOUNTS or ACCOUNTS/STAFF (4–${limits.staff} staff, at most ${limits.accounts} accounts), e.g. \`npm run bench:close -- 2000 10000 20000\``);
    }
    return size;
  });
};

/** A generous ceiling per size, so the bench always stops by itself. */
const timeLimitMs = (accounts: number) => (180 + accounts * 0.5) * 1000;

const runWorker = <T>(size: { staff: number; accounts: number }, env: NodeJS.ProcessEnv, phase: 'generate' | 'close'): Promise<T> =>
  new Promise((done, fail) => {
    const cap = phase === 'close' && heapCapMb !== undefined ? [`--max-old-space-size=${heapCapMb}`] : [];
    const child: ChildProcess = spawn(process.execPath, [...process.execArgv, ...cap, fileURLToPath(import.meta.url), '--worker', String(size.staff), String(size.accounts), phase], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const limit = timeLimitMs(size.accounts);
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      fail(new Error(`size ${size.staff}/${size.accounts} ran past ${limit / 1000} s and was stopped`));
    }, limit);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith(resultTag));
      if (code === 0 && line !== undefined) done(JSON.parse(line.slice(resultTag.length)) as T);
      else fail(new Error(`size ${size.staff}/${size.accounts} failed (exit ${code})`));
    });
  });

const s = (ms: number) => (ms / 1000).toFixed(2);
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
/** The run with the median time (the lower middle one of an even number). */
const middle = <T extends { ms: number }>(runs: readonly T[]): T | undefined => [...runs].sort((a, b) => a.ms - b.ms)[Math.floor((runs.length - 1) / 2)];
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const row = (cells: readonly (string | number)[], widths: readonly number[]) =>
  `  ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i] ?? 0) : String(c).padStart(widths[i] ?? 0))).join('  ')}`;

const report = (results: readonly SizeResult[], totalMs: number) => {
  const sizeName = (r: SizeResult) => `${r.staff}/${r.accounts}`;
  console.log(`\nGeneration (staff/accounts; year ${year}; the entity modules' own items sent as BatchWriteItem of 25, ${width} in flight: bench/batch-sink.ts)`);
  const g = [13, 9, 9, 9, 9, 9, 9];
  console.log(row(['size', 'records', 'DB items', 'requests', 'seconds', 'rec/s', 'items/s'], g));
  for (const r of results) {
    const records = Object.values(r.records).reduce((a, b) => a + b, 0);
    const secs = r.generation.ms / 1000;
    console.log(row([sizeName(r), int(records), int(r.generation.tally.itemsWritten), int(requestCount(r.generation.tally)), secs.toFixed(1), int(records / secs), int(r.generation.tally.itemsWritten / secs)], g));
  }
  for (const r of results) console.log(`    ${sizeName(r)}: ${Object.entries(r.records).map(([k, v]) => `${k} ${int(v)}`).join(', ')}`);
  for (const r of results) {
    const k = r.generation.sink;
    console.log(`    ${sizeName(r)}: ${int(k.taken)} writes taken, ${int(k.items)} items in ${int(k.batches)} batches; updates applied to kept items ${int(k.updatesApplied)}, sent as they were ${int(k.updatesSent)}; reads ${int(k.reads)}`);
  }

  console.log('\nThe close (closePeriod in-process) against a read-only pass making exactly the reads of its gather');
  console.log(`  records = items the gather reads; read s = median of ${reruns + 1} read-only passes; rerun s = median of ${reruns} closes on unchanged data;`);
  console.log('  ratio = close time ÷ read-only time');
  const w = [11, 7, 5, 6, 7, 6, 7, 7, 11, 11, 6, 6];
  console.log(row(['size', 'period', 'key', 'people', 'records', 'read s', 'close s', 'rerun s', 'close rec/s', 'rerun rec/s', 'ratio', 'rerun'], w));
  const failures: string[] = [];
  for (const r of results) {
    for (const p of r.periods) {
      const records = totalOf(p.reads);
      const read = median(p.readRuns.map((x) => x.ms));
      const { first } = p;
      const ok = first.error === undefined;
      const again = p.reruns.length === 0 ? undefined : median(p.reruns.map((x) => x.ms));
      if (!ok) failures.push(`${sizeName(r)} ${p.period}: the close failed after ${s(first.ms)} s — ${first.error}`);
      console.log(
        row(
          [
            sizeName(r), p.period, p.keyAccounts, p.people, int(records), s(read),
            ok ? s(first.ms) : 'FAILED', again === undefined ? '–' : s(again),
            ok ? int(records / (first.ms / 1000)) : '–', again === undefined ? '–' : int(records / (again / 1000)),
            ok ? (first.ms / read).toFixed(2) : '–', again === undefined ? '–' : (again / read).toFixed(2),
          ],
          w,
        ),
      );
    }
  }
  for (const f of failures) console.log(`  ${f}`);
  console.log('  Every run, in seconds (read-only passes | first close, re-runs):');
  for (const r of results) {
    for (const p of r.periods) {
      console.log(`    ${sizeName(r).padEnd(11)} ${p.period.padEnd(8)} ${p.readRuns.map((x) => s(x.ms)).join(' ')} | ${[p.first, ...p.reruns].map((x) => s(x.ms)).join(' ')}`);
    }
  }

  console.log("\nWhere the time goes (seconds): phases of the close from its request timeline, and CPU used meanwhile");
  console.log('  gather = lock, policy and the gather\'s reads; compute = the quiet gap before it reads what it compares with (negative: the gather\'s last reads were still in flight);');
  console.log('  write = statements, period state, bulletin, final list; talent = talent-pool suggestions (year only, one by one);');
  console.log('  node cpu / db cpu = CPU seconds of this Node process / of DynamoDB Local\'s JVM over the run (2 cores = 2 CPU s per s)');
  const q = [11, 7, 9, 6, 6, 7, 6, 6, 8, 6, 15, 7, 7];
  console.log(row(['size', 'period', 'run', 'total', 'gather', 'compute', 'write', 'talent', 'node cpu', 'db cpu', 'requests', 'written', 'changed'], q));
  const cpuCells = (cpu: Cpu) => [s(cpu.nodeMs), cpu.dbMs === undefined ? '–' : s(cpu.dbMs)];
  for (const r of results) {
    for (const p of r.periods) {
      const readRun = middle(p.readRuns);
      if (readRun !== undefined) {
        console.log(row([sizeName(r), p.period, 'read-only', s(readRun.ms), s(readRun.ms), '', '', '', ...cpuCells(readRun.cpu), int(requestCount(p.readTally)), '0', ''], q));
      }
      const runs = [['first', p.first], ['rerun', middle(p.reruns)]] as const;
      for (const [name, run] of runs) {
        if (run === undefined) continue;
        console.log(
          row(
            [sizeName(r), p.period, name, s(run.ms), s(run.phases.gatherMs), s(run.phases.computeMs), s(run.phases.writeMs), s(run.phases.talentMs), ...cpuCells(run.cpu),
              int(requestCount(run.tally)), int(run.tally.itemsWritten), run.error === undefined ? `${run.changed}/${run.statements}` : 'failed'],
            q,
          ),
        );
      }
    }
  }

  console.log('\nAfter the gather, by request (from the statement list on): command, kind of item (pk/sk up to "#"): count, summed request s, span s');
  for (const r of results) {
    for (const p of r.periods) {
      for (const [name, run] of [['first', p.first], ['rerun', middle(p.reruns)]] as const) {
        if (run === undefined) continue;
        const parts = Object.entries(run.writes).sort((a, b) => b[1].ms - a[1].ms);
        console.log(`  ${sizeName(r).padEnd(11)} ${p.period.padEnd(8)} ${name.padEnd(6)} ${parts.map(([k, v]) => `${k} ${int(v.n)}: ${s(v.ms)}/${s(v.span)}`).join('; ')}`);
      }
    }
  }

  console.log('\nRecords the gather reads, by kind');
  for (const r of results) {
    for (const p of r.periods) console.log(`  ${sizeName(r).padEnd(13)} ${p.period.padEnd(8)} ${Object.entries(p.reads).map(([k, v]) => `${k} ${int(v)}`).join(', ')}`);
  }
  const last = results.at(-1);
  const lastYear = last?.periods[0];
  if (last !== undefined && lastYear !== undefined) {
    console.log(`\nRequests by command (${sizeName(last)}, ${lastYear.period}, first close)`);
    console.log(`  close:     ${Object.entries(lastYear.first.tally.requests).map(([k, v]) => `${k} ${int(v)}`).join(', ')}`);
    console.log(`  read-only: ${Object.entries(lastYear.readTally.requests).map(([k, v]) => `${k} ${int(v)}`).join(', ')}`);
  }

  console.log('\nGrowth from one size to the next (target: 10× the data in at most 11× the time)');
  console.log('  data × = records read ÷ the smaller size\'s; time × = first close ÷ the smaller size\'s; time per record × = time × ÷ data ×');
  const gw = [23, 7, 8, 8, 8, 17];
  console.log(row(['sizes', 'period', 'data ×', 'read ×', 'time ×', 'time per record ×'], gw));
  for (let i = 1; i < results.length; i++) {
    const [small, large] = [results[i - 1], results[i]];
    if (small === undefined || large === undefined) continue;
    for (const p of large.periods) {
      const q = small.periods.find((x) => x.period === p.period);
      if (q === undefined || p.first.error !== undefined || q.first.error !== undefined) continue;
      const data = totalOf(p.reads) / totalOf(q.reads);
      const time = p.first.ms / q.first.ms;
      const read = median(p.readRuns.map((x) => x.ms)) / median(q.readRuns.map((x) => x.ms));
      console.log(row([`${sizeName(small)} → ${sizeName(large)}`, p.period, data.toFixed(2), read.toFixed(2), time.toFixed(2), (time / data).toFixed(2)], gw));
    }
  }

  console.log(`\nPeak RSS of Node (process.resourceUsage().maxRSS)${heapCapMb === undefined ? '' : `; the closes ran with V8's old space capped at ${heapCapMb} MB (BENCH_CLOSE_HEAP_MB)`}`);
  for (const r of results) console.log(`  ${sizeName(r).padEnd(13)} the closes' process: ${mb(r.peakRssBytes)}; the generation's (its own process): ${mb(r.generationRssBytes)}`);
  console.log(`  ${'driver'.padEnd(13)} ${mb(process.resourceUsage().maxRSS * 1024)} (DynamoDB Local's JVM is not counted)`);
  console.log(`\nTotal wall time ${(totalMs / 1000).toFixed(0)} s on ${cpus().length} CPU(s)`);
};

/** What DynamoDB Local itself takes, for scale: plain BatchWriteItem of small items with two index keys, as fast as it goes. */
const batchWriteCeiling = async (endpoint: string): Promise<number> => {
  const { BatchWriteItemCommand } = await import('@aws-sdk/client-dynamodb');
  const tableName = 'bench-close-ceiling';
  await ensureTable(endpoint, tableName);
  const client = localClient(endpoint);
  const chunks = Array.from({ length: 400 }, (_, b) =>
    Array.from({ length: 25 }, (_, i) => ({
      PutRequest: { Item: { pk: { S: `CEILING#${b}` }, sk: { S: `ITEM#${i}` }, gsi1pk: { S: `G#${b % 50}` }, gsi1sk: { S: `${b}#${i}` }, text: { S: 'x'.repeat(300) } } },
    })),
  );
  const start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let chunk = chunks[next++]; chunk !== undefined; chunk = chunks[next++]) {
        let pending: typeof chunk | undefined = chunk;
        while (pending !== undefined && pending.length > 0) {
          const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
          pending = out.UnprocessedItems?.[tableName] as typeof chunk | undefined;
        }
      }
    }),
  );
  client.destroy();
  return (chunks.length * 25) / ((performance.now() - start) / 1000);
};

const main = async () => {
  const sizes = parseSizes(process.argv.slice(2));
  const started = performance.now();
  console.log(`Close benchmark: sizes ${sizes.map((z) => `${z.staff} staff / ${z.accounts} accounts`).join(', ')}; periods ${year} and ${quarter}`);
  const dynamo = await startDynamoLocal();
  const dynamoPid = findDynamoPid();
  const ceiling = await batchWriteCeiling(dynamo.endpoint);
  console.log(`DynamoDB Local's own ceiling on this machine now: ${int(ceiling)} items/s (10,000 small items, BatchWriteItem of 25, ${width} in flight, no SDK entity code)`);
  const stop = () => void dynamo.stop().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const results: SizeResult[] = [];
  const crashed: string[] = [];
  try {
    for (const [i, size] of sizes.entries()) {
      const tableName = `bench-close-${i + 1}`;
      await ensureTable(dynamo.endpoint, tableName);
      console.log(`\nSize ${size.staff} staff / ${size.accounts} accounts (table ${tableName})`);
      const env = {
        ...process.env, ...handlerEnv(dynamo.endpoint, tableName), POWERTOOLS_LOG_LEVEL: 'SILENT', NODE_NO_WARNINGS: '1',
        ...(dynamoPid === undefined ? {} : { BENCH_CLOSE_DYNAMO_PID: String(dynamoPid) }),
      };
      try {
        const generated = await runWorker<Generated>(size, env, 'generate');
        const closed = await runWorker<Closed>(size, env, 'close');
        results.push({ ...size, ...generated, ...closed });
      } catch (error) {
        crashed.push(error instanceof Error ? error.message : String(error));
        console.log(`  ${crashed.at(-1)}`);
      }
    }
  } finally {
    await dynamo.stop();
  }
  report(results, performance.now() - started);
  if (crashed.length > 0) {
    console.log(`\nNo figures for: ${crashed.join('; ')}`);
    process.exitCode = 1;
  }
};

if (process.argv[2] === '--worker') await worker(Number(process.argv[3]), Number(process.argv[4]), process.argv[5] === 'generate' ? 'generate' : 'close');
else await main();
