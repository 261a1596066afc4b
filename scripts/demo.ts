/**
 * `npm run demo -- --broker embedded|rabbitmq|nats|redis [--url URL] [--otlp URL] [--rate N]`: the demo order
 * system as a standalone process against a real broker, exporting its spans over OTLP to a
 * running Eventscope — so each adapter can be seen working end to end. Ctrl-C stops it cleanly.
 */
import { parseArgs } from "node:util";
import type { BrokerConfig } from "../lib/brokers/create-broker";
import { createBroker } from "../lib/brokers/create-broker";
import { createDatabase, type Database } from "../lib/db";
import { runDemo } from "../lib/demo/run-demo";
import { ConfigError, databaseConfig, env } from "../lib/env";

function fail(message: string): never {
  console.error(`eventscope demo: ${message}`);
  process.exit(1);
}

interface BrokerChoice {
  /** `messaging.system` on the demo's spans. */
  system: string;
  /** Null while the adapter is not in `createBroker`. */
  config: ((url: string, database: () => Database) => BrokerConfig) | null;
  /** Where the broker is unless `--url` says otherwise. */
  defaultUrl: string;
}

/** `nats://user:pass@host:port` as the adapter takes it: credentials apart from the server. */
function natsConfig(url: string): BrokerConfig {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed?.username) return { kind: "nats", servers: url };
  const server = `${parsed.protocol}//${parsed.host}`;
  return { kind: "nats", servers: server, user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) };
}

const choices: Record<string, BrokerChoice> = {
  embedded: {
    system: "embedded",
    config: (_, database) => ({ kind: "embedded", database: database(), provider: databaseConfig().provider, pollIntervalMs: 200 }),
    defaultUrl: "the database in DATABASE_URL",
  },
  rabbitmq: { system: "rabbitmq", config: (url, database) => ({ kind: "rabbitmq", url, database: database() }), defaultUrl: "amqp://guest:guest@127.0.0.1:5672" },
  nats: { system: "nats", config: (url) => natsConfig(url), defaultUrl: "nats://127.0.0.1:4222" },
  redis: { system: "redis", config: null, defaultUrl: "redis://127.0.0.1:6379" },
};

function parseOptions() {
  try {
    const { values } = parseArgs({
      options: {
        broker: { type: "string", default: "embedded" },
        otlp: { type: "string", default: "http://127.0.0.1:3000/v1/traces" },
        rate: { type: "string" },
        url: { type: "string" },
      },
      strict: true,
    });
    return values;
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)} (usage: npm run demo -- --broker embedded|rabbitmq|nats|redis [--url BROKER-URL] [--otlp URL] [--rate orders-per-minute])`);
  }
}

async function main(): Promise<void> {
  const options = parseOptions();
  let settings;
  try {
    settings = env();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const choice = choices[options.broker];
  if (!choice) fail(`unknown broker "${options.broker}": choose embedded, rabbitmq, nats or redis`);
  if (!choice.config) fail(`the ${options.broker} adapter is not available yet (no ${options.broker} case in lib/brokers/create-broker.ts)`);
  if (!URL.canParse(options.otlp)) fail(`--otlp expects a URL such as http://127.0.0.1:3000/v1/traces (got "${options.otlp}")`);
  const rate = options.rate === undefined ? settings.EVENTSCOPE_DEMO_ORDERS_PER_MINUTE : Number(options.rate);
  if (!(rate > 0 && rate <= 6_000)) fail(`--rate expects a number of orders per minute from 1 to 6000 (got "${options.rate}")`);

  const url = options.url ?? choice.defaultUrl;
  // Idempotency keys of the external adapters live in Eventscope's database too.
  let database: Database | undefined;
  const broker = createBroker(choice.config(url, () => (database ??= createDatabase(databaseConfig(settings)))));
  const where = url.replace(/\/\/[^@/]*@/, "//");
  const health = await broker.checkHealth();
  if (health.status === "down") fail(`cannot use ${options.broker} at ${where}: ${health.error.message}`);

  // Each distinct problem at most once every ten seconds, so a stopped broker does not flood the terminal.
  const lastSaid = new Map<string, number>();
  const onProblem = (problem: string) => {
    if (Date.now() - (lastSaid.get(problem) ?? 0) < 10_000) return;
    lastSaid.set(problem, Date.now());
    console.error(`eventscope demo: ${problem}`);
  };
  const demo = await runDemo({ broker, system: choice.system, otlp: { endpoint: options.otlp, token: settings.EVENTSCOPE_INGEST_TOKEN }, ordersPerMinute: rate, onProblem });
  if (demo.status !== "ok") fail(`cannot subscribe on ${options.broker}: ${demo.error.message}`);
  console.log(`eventscope demo: ${rate} orders/min on ${options.broker} (${where}), spans to ${options.otlp}; Ctrl-C stops`);
  if (options.broker === "embedded") console.log("eventscope demo: a server on the same database runs its own demo unless started with EVENTSCOPE_DEMO=off");
  await fetch(new URL(options.otlp).origin, { signal: AbortSignal.timeout(2_000) }).catch(() =>
    console.error(`eventscope demo: nothing answers at ${new URL(options.otlp).origin} yet; spans are retried, then dropped`),
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await demo.value.stop();
    await broker.close();
    await database?.$disconnect();
    console.log(`eventscope demo: stopped after ${demo.value.ordersPlaced} orders`);
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop());
}

await main();
