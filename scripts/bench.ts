/**
 * `npm run bench`: span ingestion and query latency, measured on this machine.
 *
 *  0. machine   protobuf decoding alone on one core, a yardstick for how fast this machine is right now
 *  1. ceiling   decode + prepared insert in-process, no HTTP, for as long as the ingest (the best the store can do)
 *  2. ingest    OTLP/HTTP protobuf+gzip batches from concurrent clients into the running app: spans/s,
 *              latency, memory, and the CPU time per span of the app and of a local PostgreSQL
 *  3. queries   one trace by id and one order flow through the API, with ≥ BENCH_QUERY_SPANS stored
 *              (on PostgreSQL after ANALYZE, as autovacuum would have run), after a few untimed requests
 *
 * Settings (environment): BENCH_SECONDS (60), BENCH_CLIENTS (4), BENCH_QUERY_SPANS (1000000),
 * BENCH_DATABASE_URL (a scratch SQLite file; a postgresql:// URL benchmarks PostgreSQL, and its spans are deleted).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { migrate } from "../lib/database/migrate";
import { createDatabase } from "../lib/db";
import { seedDemoCatalog } from "../lib/demo/seed-demo-catalog";
import { databaseConfig, parseEnv } from "../lib/env";
import { decodeTraceExport } from "../lib/otlp/decode-export-request";
import { loadCatalogBindingIndex } from "../lib/traces/ingest/event-type-resolver";
import { toSpanRecord } from "../lib/traces/ingest/to-span-record";
import { createSpanWriter } from "../lib/traces/span-store/create-span-writer";
import { generateOrderBatch, spansPerOrder, type GeneratedBatch } from "./bench/order-batches";

const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const clients = Number(process.env.BENCH_CLIENTS ?? 4);
const querySpans = Number(process.env.BENCH_QUERY_SPANS ?? 1_000_000);
const ordersPerBatch = Math.round(512 / spansPerOrder);
const warmUpRequests = 20;
const root = path.resolve(import.meta.dirname, "..");
const scratch = mkdtempSync(path.join(os.tmpdir(), "eventscope-bench-"));
const databaseUrl = process.env.BENCH_DATABASE_URL ?? `file:${path.join(scratch, "bench.db")}`;
const config = databaseConfig(parseEnv({ DATABASE_URL: databaseUrl }));
const port = 3290;
// The unit of /proc/<pid>/stat's CPU times (USER_HZ), 100 on Linux.
const clockTicksPerSecond = 100;

const rate = (spans: number, ms: number) => Math.round((spans / ms) * 1000);
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? NaN;
const fmt = (value: number) => value.toLocaleString("en");

let sequence = 0;
function batches(count: number): GeneratedBatch[] {
  return Array.from({ length: count }, () => generateOrderBatch(ordersPerBatch, sequence++));
}

/** Protobuf decoding alone on this thread for about two seconds: how fast this machine is right now. */
function measureDecodeRate(work: GeneratedBatch[]): number {
  const bodies = work.slice(0, 200).map((batch) => gunzipSync(batch.gzipped));
  const started = performance.now();
  let spans = 0;
  while (performance.now() - started < 2_000) {
    for (const body of bodies) {
      const decoded = decodeTraceExport(body, "application/x-protobuf");
      if (!decoded.ok) throw new Error(decoded.message);
      spans += decoded.spans.length;
    }
  }
  return rate(spans, performance.now() - started);
}

/**
 * A migrated store with the demo catalog, so that spans are attributed to its event types (through
 * its broker bindings) and counted per event type, as in real use.
 */
async function prepareStore(storeConfig: typeof config) {
  await migrate(storeConfig, root);
  const database = createDatabase(storeConfig);
  await seedDemoCatalog(database);
  return database;
}

/**
 * Decode + map + prepared insert, in this process, for as long as the ingest runs, so that both
 * fill the store alike (inserts slow down as it grows). Two batches are in the writer at once, as
 * under load, so that decoding one overlaps inserting the other. SQLite gets a file of its own;
 * on PostgreSQL the spans are deleted again, so that the ingest starts from an empty store too.
 */
async function measureCeiling(work: GeneratedBatch[]): Promise<{ spansPerSecond: number; spans: number; elapsedMs: number }> {
  const ceilingUrl = config.provider === "sqlite" ? `file:${path.join(scratch, "ceiling.db")}` : databaseUrl;
  const ceilingConfig = databaseConfig(parseEnv({ DATABASE_URL: ceilingUrl }));
  const database = await prepareStore(ceilingConfig);
  const writer = createSpanWriter(ceilingConfig);
  const index = await loadCatalogBindingIndex(database);
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  let spans = 0;
  const writing: Promise<void>[] = [];
  for (const batch of work) {
    if (performance.now() >= deadline) break;
    const decoded = decodeTraceExport(gunzipSync(batch.gzipped), "application/x-protobuf");
    if (!decoded.ok) throw new Error(decoded.message);
    writing.push(writer.write(decoded.spans.map((span) => toSpanRecord(span, index, ["order.id"]))));
    if (writing.length >= 2) await writing.shift();
    spans += decoded.spans.length;
  }
  await Promise.all(writing);
  const elapsed = performance.now() - started;
  await writer.close();
  if (config.provider === "postgresql") await database.$executeRawUnsafe(`TRUNCATE "Span", "SpanLink", "SpanKey", "MessagingUsage"`);
  await database.$disconnect();
  if (config.provider === "sqlite") for (const suffix of ["", "-wal", "-shm"]) rmSync(path.join(scratch, `ceiling.db${suffix}`), { force: true });
  return { spansPerSecond: rate(spans, elapsed), spans, elapsedMs: elapsed };
}

/** The app as `npm start` runs it (its Node flags included), in a process group of its own. */
function startServer() {
  const server = spawn("npm", ["start", "--silent"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOSTNAME: "127.0.0.1", EVENTSCOPE_DEMO: "off" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  return server;
}

async function waitForHealth(): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the app did not start within 5 minutes");
}

/** A process's children (Linux /proc). */
function childPids(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
}

/** CPU seconds (user + system) one process has used (Linux /proc). */
function processCpuSeconds(pid: number | string): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond;
}

/** Resident memory of a process and all its descendants, in MiB (Linux /proc). */
function treeRssMiB(pid: number): number {
  try {
    const kib = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    return kib / 1024 + childPids(pid).reduce((sum, child) => sum + treeRssMiB(child), 0);
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system) a process and all its descendants have used (Linux /proc). */
function treeCpuSeconds(pid: number): number {
  try {
    return processCpuSeconds(pid) + childPids(pid).reduce((sum, child) => sum + treeCpuSeconds(child), 0);
  } catch {
    return 0;
  }
}

/**
 * CPU seconds used by the PostgreSQL server processes on this machine (0 when it runs elsewhere,
 * or when the bench stores spans in SQLite: a local server's own background work is not the app's).
 */
function postgresCpuSeconds(): number {
  if (config.provider !== "postgresql") return 0;
  let seconds = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "postgres") seconds += processCpuSeconds(entry);
    } catch {
      // The process ended while being read.
    }
  }
  return seconds;
}

async function measureIngest(work: GeneratedBatch[], serverPid: number) {
  const latencies: number[] = [];
  let next = 0;
  let spans = 0;
  let retries = 0;
  let peakRss = 0;
  const deadline = performance.now() + seconds * 1000;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeRssMiB(serverPid))), 1000);
  const cpuBefore = { app: treeCpuSeconds(serverPid), postgres: postgresCpuSeconds() };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline && next < work.length) {
        const batch = work[next++]!;
        for (;;) {
          const sent = performance.now();
          const response = await fetch(`http://127.0.0.1:${port}/v1/traces`, {
            method: "POST",
            headers: { "content-type": "application/x-protobuf", "content-encoding": "gzip" },
            body: batch.gzipped as BodyInit,
          });
          await response.arrayBuffer();
          latencies.push(performance.now() - sent);
          if (response.status === 200) break;
          if (response.status !== 503 && response.status !== 429) throw new Error(`ingest answered ${response.status}`);
          retries++;
          await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get("retry-after") ?? 1) * 1000));
        }
        spans += batch.spanCount;
      }
    }),
  );
  const elapsed = performance.now() - started;
  const cpu = { app: treeCpuSeconds(serverPid) - cpuBefore.app, postgres: postgresCpuSeconds() - cpuBefore.postgres };
  clearInterval(sampler);
  return { spansPerSecond: rate(spans, elapsed), spans, batchesSent: next, elapsedMs: elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), retries, peakRss, cpu, ranOut: next >= work.length };
}

async function timeRequests(urls: string[]): Promise<{ p95: number; status: number }> {
  const times: number[] = [];
  let status = 200;
  for (const url of urls) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    times.push(performance.now() - started);
    if (!response.ok) status = response.status;
  }
  return { p95: percentile(times, 95), status };
}

async function main() {
  console.log(`Eventscope bench · ${config.provider} · ${clients} clients · ${seconds}s · batches of ${ordersPerBatch * spansPerOrder} spans (protobuf+gzip)\n`);
  // Enough batches for the run at up to ~80k spans/s, made before the clock starts; the ceiling
  // and the ingest each send them into a store of their own.
  const needed = Math.ceil((Math.max(80_000 * seconds, querySpans) / (ordersPerBatch * spansPerOrder)));
  process.stdout.write(`preparing ${fmt(needed)} batches… `);
  const work = batches(needed);
  console.log("done");
  const machine = measureDecodeRate(work);
  console.log(`machine   decode only, one core         ${fmt(machine)} spans/s (a yardstick: compare runs on other or busier machines by it)`);

  const ceiling = await measureCeiling(work);
  console.log(`ceiling   decode + insert, no HTTP      ${fmt(ceiling.spansPerSecond)} spans/s over ${(ceiling.elapsedMs / 1000).toFixed(1)} s (${fmt(ceiling.spans)} spans)`);

  await (await prepareStore(config)).$disconnect();
  const server = startServer();
  try {
    await waitForHealth();
    const ingest = await measureIngest(work, server.pid!);
    console.log(`ingest    OTLP/HTTP → store             ${fmt(ingest.spansPerSecond)} spans/s over ${(ingest.elapsedMs / 1000).toFixed(1)} s (${fmt(ingest.spans)} spans)`);
    console.log(`          request latency               p50 ${ingest.p50.toFixed(1)} ms · p99 ${ingest.p99.toFixed(1)} ms · ${ingest.retries} retried after 503/429`);
    console.log(`          server memory                 peak ${ingest.peakRss.toFixed(0)} MiB`);
    const microseconds = (cpuSeconds: number) => ((cpuSeconds / ingest.spans) * 1e6).toFixed(1);
    const cores = os.availableParallelism();
    console.log(
      `          CPU per span                  app ${microseconds(ingest.cpu.app)} µs` +
        (ingest.cpu.postgres > 0 ? ` · PostgreSQL ${microseconds(ingest.cpu.postgres)} µs` : "") +
        ` (together ${((100 * (ingest.cpu.app + ingest.cpu.postgres)) / ((cores * ingest.elapsedMs) / 1000)).toFixed(0)}% of ${cores} cores)`,
    );
    console.log(`ratio     ingest / ceiling              ${(ingest.spansPerSecond / ceiling.spansPerSecond).toFixed(2)}`);

    // Top up to the query volume through the same API, then measure reads.
    let stored = ingest.spans;
    let cursor = ingest.batchesSent;
    while (stored < querySpans && cursor < work.length) {
      const batch = work[cursor++]!;
      await fetch(`http://127.0.0.1:${port}/v1/traces`, { method: "POST", headers: { "content-type": "application/x-protobuf", "content-encoding": "gzip" }, body: batch.gzipped as BodyInit });
      stored += batch.spanCount;
    }
    if (config.provider === "postgresql") {
      // Statistics as autovacuum keeps them on a store in use: right after a bulk load PostgreSQL
      // has none, and plans the reads below on guesses (seconds instead of milliseconds).
      const database = createDatabase(config);
      await database.$executeRawUnsafe(`ANALYZE "Span", "SpanLink", "SpanKey"`);
      await database.$disconnect();
    }
    if (config.provider === "sqlite") {
      const file = config.filePath;
      const bytes = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
      console.log(`disk      bytes per span                ${fmt(Math.round(bytes / stored))} (database file and WAL, indexes included)`);
    }
    const step = Math.max(2, Math.floor(cursor / 200));
    const batchesAt = (offset: number) => work.slice(0, cursor).filter((_, index) => index % step === offset).slice(0, 200);
    const traceUrl = (batch: GeneratedBatch) => `http://127.0.0.1:${port}/api/traces/${batch.traceIds[0]}`;
    const flowUrl = (batch: GeneratedBatch) => `http://127.0.0.1:${port}/api/flows?key=order.id&value=${batch.orderIds[0]}`;
    // The first reads open the readers' database connections and prepare their statements: they
    // are made, untimed, for other traces and orders than the measured ones.
    const warmUp = batchesAt(1).slice(0, warmUpRequests);
    await timeRequests([...warmUp.map(traceUrl), ...warmUp.map(flowUrl)]);
    const sample = batchesAt(0);
    const traceTimes = await timeRequests(sample.map(traceUrl));
    const flowTimes = await timeRequests(sample.map(flowUrl));
    console.log(`queries   with ${fmt(stored)} spans stored, after ${warmUpRequests} untimed requests of each`);
    console.log(`          one trace by id               p95 ${traceTimes.p95.toFixed(1)} ms (target < 5 ms)${traceTimes.status === 200 ? "" : ` · HTTP ${traceTimes.status}`}`);
    console.log(`          one order flow                p95 ${flowTimes.p95.toFixed(1)} ms (target < 30 ms)${flowTimes.status === 200 ? "" : ` · HTTP ${flowTimes.status}`}`);
    console.log(`\ntargets   ingest ≥ ${config.provider === "sqlite" ? "40,000" : "30,000"} spans/s: ${ingest.spansPerSecond >= (config.provider === "sqlite" ? 40_000 : 30_000) ? "met" : "NOT met"} · p99 < 100 ms: ${ingest.p99 < 100 ? "met" : "NOT met"}`);
    if (ingest.ranOut) console.log("note      the prepared batches ran out before the time was up; raise BENCH_QUERY_SPANS to prepare more");
  } finally {
    process.kill(-server.pid!, "SIGTERM");
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
