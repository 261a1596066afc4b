/**
 * `npm start`: validates the configuration, prepares the database (migrations, demo catalog),
 * builds the app when its sources changed, and serves it. `--dev` serves Next.js in development mode.
 * Every expected failure ends in one line that says what to fix.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { migrate } from "../lib/database/migrate";
import { createDatabase } from "../lib/db";
import { seedDemoCatalog } from "../lib/demo/seed-demo-catalog";
import { ConfigError, databaseConfig, env, type DatabaseConfig } from "../lib/env";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");

function fail(message: string): never {
  console.error(`eventscope: ${message}`);
  process.exit(1);
}

function describeDatabase(config: DatabaseConfig): string {
  if (config.provider === "sqlite") return `SQLite file ${path.relative(root, config.filePath) || config.filePath}`;
  const url = new URL(config.url);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

async function prepareDatabase(config: DatabaseConfig): Promise<void> {
  try {
    const { applied } = await migrate(config, root);
    if (applied.length > 0) console.log(`eventscope: applied ${applied.length} migration(s) to the ${describeDatabase(config)}`);
    const database = createDatabase(config);
    try {
      await seedDemoCatalog(database);
    } finally {
      await database.$disconnect();
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    fail(`cannot prepare the ${describeDatabase(config)} (DATABASE_URL): ${reason}`);
  }
}

async function assertPortFree(port: number, host: string): Promise<void> {
  await new Promise<void>((resolve) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      fail(error.code === "EADDRINUSE" ? `PORT ${port} is already in use: stop the other process or set PORT` : `cannot listen on ${host}:${port}: ${error.message}`),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

const buildInputs = ["app", "lib", "prisma/schema.prisma", "instrumentation.ts", "next.config.mjs", "package-lock.json", "tsconfig.json"];

/** A hash of every source the production build depends on, to rebuild only when one changed. */
function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const visit = (relative: string): void => {
    const full = path.join(root, relative);
    if (!existsSync(full) || relative.startsWith("lib/generated")) return;
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full).sort()) visit(path.join(relative, entry));
    } else if (!/\.test\.ts$/.test(relative)) {
      hash.update(relative).update(readFileSync(full));
    }
  };
  buildInputs.forEach(visit);
  return hash.digest("hex");
}

function buildIfNeeded(): void {
  const stamp = path.join(root, ".next/eventscope-build-fingerprint");
  const fingerprint = sourceFingerprint();
  const current = existsSync(path.join(root, ".next/BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint;
  if (current) return;
  console.log("eventscope: building the app (once per source change)…");
  const build = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) fail("the build failed; see the output above");
  writeFileSync(stamp, fingerprint);
}

async function main(): Promise<void> {
  let settings;
  try {
    settings = env();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const config = databaseConfig(settings);
  await assertPortFree(settings.PORT, settings.HOSTNAME);
  await prepareDatabase(config);
  if (!dev) buildIfNeeded();

  // Next.js picks its production or development build of React from NODE_ENV when it loads.
  Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });
  const { startAppServer } = await import("../lib/http/app-server");
  const server = await startAppServer({ dev, dir: root, port: settings.PORT, hostname: settings.HOSTNAME });
  console.log(`eventscope: serving on http://localhost:${settings.PORT} with the ${describeDatabase(config)}`);
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.once(signal, () => {
      // A client that keeps its connection busy must not keep the process from stopping.
      setTimeout(() => process.exit(code), 5000).unref();
      void server.close().finally(() => process.exit(code));
    });
  }
}

await main();
