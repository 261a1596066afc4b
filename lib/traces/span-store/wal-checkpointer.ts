import { Worker } from "node:worker_threads";

/** How often the WAL is copied back into the database file. */
const intervalMs = 250;
/** WAL frames (pages) past which a checkpoint makes writers wait until the log can start over. */
const maxWalFrames = 16_384;

// The worker's source, run as a script so that it works alike under tsx, vitest and Next.js's
// server bundle (which cannot point a Worker at a TypeScript file).
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const Sqlite = require("better-sqlite3");
const database = new Sqlite(workerData.filePath);
database.pragma("busy_timeout = 10000");
let timer;
function checkpoint() {
  try {
    const [{ log }] = database.pragma("wal_checkpoint(PASSIVE)");
    // Under a steady write load a passive checkpoint may never find the log idle enough to restart it.
    if (log > workerData.maxWalFrames) database.pragma("wal_checkpoint(RESTART)");
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
  const worker = new Worker(workerSource, { eval: true, workerData: { filePath, intervalMs, maxWalFrames } });
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
