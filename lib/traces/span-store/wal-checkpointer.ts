import { Worker } from "node:worker_threads";

/**
 * How often the WAL is copied back into the database file. Seldom enough that a page written by
 * many batches is copied once; often enough to keep the WAL to a few hundred MiB at full load.
 */
const intervalMs = 1000;

// The worker's source, run as a script so that it works alike under tsx, vitest and Next.js's
// server bundle (which cannot point a Worker at a TypeScript file).
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const Sqlite = require("better-sqlite3");
const database = new Sqlite(workerData.filePath);
// A restart pass waits for readers and holds new writers meanwhile: give up soon, retry next time.
database.pragma("busy_timeout = 100");
let timer;
function checkpoint() {
  try {
    // The passive pass copies most of the log while the writer goes on; the restart pass copies
    // what was committed meanwhile, holding the writer only for that, so that the next commit can
    // start the log over instead of growing it.
    database.pragma("wal_checkpoint(PASSIVE)");
    database.pragma("wal_checkpoint(RESTART)");
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
  timer = setTimeout(checkpoint, workerData.intervalMs);
}
timer = setTimeout(checkpoint, workerData.intervalMs);
parentPort.on("message", () => {
  clearTimeout(timer);
  database.close();
  parentPort.close();
});
`;

/**
 * Checkpoints a SQLite database's WAL from a thread and connection of its own, so that the
 * writer (which sets `wal_autocheckpoint = 0`) never waits for a checkpoint's fsync inside a
 * commit. Readers and the writer go on while a passive checkpoint runs.
 */
export function startWalCheckpointer(filePath: string): { stop(): Promise<void> } {
  const worker = new Worker(workerSource, { eval: true, workerData: { filePath, intervalMs } });
  worker.on("message", (message: { error: string }) => console.error("[eventscope] WAL checkpoint failed:", message.error));
  worker.on("error", (error) => console.error("[eventscope] WAL checkpointer stopped:", error));
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return {
    async stop() {
      worker.ref();
      worker.postMessage("stop");
      await exited;
    },
  };
}
