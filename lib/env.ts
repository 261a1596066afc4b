import path from "node:path";
import { z } from "zod";
import { parseWatchedConsumers } from "./brokers/connections/broker-connection";
import { maskPassword } from "./format/mask-password";
import { DEFAULT_BUSINESS_KEY_ATTRIBUTES } from "./otlp/business-keys";
import { DEFAULT_EVENT_TYPE_ATTRIBUTES } from "./otlp/classify-messaging";

/**
 * The only reader of `process.env`. Every setting Eventscope understands is declared here,
 * with its default; `.env.example` documents the same list. (instrumentation.ts reads
 * NEXT_RUNTIME, which Next.js sets and inlines per runtime; it is not configuration.)
 */
const databaseUrlSchema = z
  .string()
  .trim()
  .refine((value) => value.startsWith("file:") || isPostgresUrl(value), {
    message: "expected file:<path> (SQLite) or postgresql://user@host:port/database (PostgreSQL)",
  });

const portSchema = z.coerce
  .number({ message: "expected a whole number from 1 to 65535" })
  .int("expected a whole number from 1 to 65535")
  .min(1, "expected a whole number from 1 to 65535")
  .max(65535, "expected a whole number from 1 to 65535");

const commaList = z
  .string()
  .transform((value) => value.split(",").map((item) => item.trim()).filter(Boolean))
  .pipe(z.array(z.string()).min(1, "expected a comma-separated list of attribute names"));

function brokerUrl(schemes: string[], example: string) {
  return z
    .string()
    .trim()
    .refine((value) => URL.canParse(value) && schemes.includes(new URL(value).protocol), { message: `expected a URL such as ${example}` })
    .optional();
}

const watchList = z.string().transform((value, context) => {
  const parsed = parseWatchedConsumers(value);
  if (parsed.ok) return parsed.value;
  context.addIssue({ code: "custom", message: `expected exchange/consumer pairs, comma-separated: ${parsed.message}` });
  return z.NEVER;
});

const envSchema = z.object({
  DATABASE_URL: databaseUrlSchema.default("file:./data/eventscope.db"),
  PORT: portSchema.default(3000),
  HOSTNAME: z.string().min(1).default("0.0.0.0"),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ message: "expected an http(s) URL such as http://localhost:4318" }).optional(),
  EVENTSCOPE_INGEST_TOKEN: z.string().min(16, "expected at least 16 characters").optional(),
  EVENTSCOPE_OTLP_PORT: portSchema.optional(),
  EVENTSCOPE_OTLP_MAX_BODY_MB: z.coerce.number({ message: "expected a number of MiB" }).positive("expected a positive number of MiB").max(1024).default(64),
  EVENTSCOPE_RETENTION_HOURS: z.coerce.number({ message: "expected a number of hours" }).positive("expected a positive number of hours").default(72),
  EVENTSCOPE_EVENT_TYPE_ATTRIBUTES: commaList.default([...DEFAULT_EVENT_TYPE_ATTRIBUTES]),
  EVENTSCOPE_BUSINESS_KEYS: commaList.default([...DEFAULT_BUSINESS_KEY_ATTRIBUTES]),
  EVENTSCOPE_RABBITMQ_URL: brokerUrl(["amqp:", "amqps:"], "amqp://guest:guest@127.0.0.1:5672"),
  EVENTSCOPE_RABBITMQ_WATCH: watchList.default([]),
  EVENTSCOPE_NATS_URL: brokerUrl(["nats:", "tls:"], "nats://127.0.0.1:4222"),
  EVENTSCOPE_REDIS_URL: brokerUrl(["redis:", "rediss:"], "redis://127.0.0.1:6379"),
  EVENTSCOPE_DEMO: z.enum(["on", "off"], { message: 'expected "on" or "off"' }).default("on"),
  EVENTSCOPE_DEMO_ORDERS_PER_MINUTE: z.coerce
    .number({ message: "expected a number of orders per minute" })
    .positive("expected a positive number of orders per minute")
    .max(600, "expected at most 600 orders per minute")
    .default(20),
});

export type Env = z.infer<typeof envSchema>;

export type DatabaseConfig =
  | { provider: "sqlite"; url: string; filePath: string }
  | { provider: "postgresql"; url: string };

/** Thrown when the environment does not parse; its message is one line naming the variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

function isPostgresUrl(value: string): boolean {
  if (!/^postgres(ql)?:\/\//.test(value)) return false;
  try {
    const url = new URL(value);
    return url.hostname.length > 0 && url.pathname.length > 1;
  } catch {
    return false;
  }
}

/** Parses a raw environment; exported for tests, everything else uses {@link env}. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const blankAsUnset = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(blankAsUnset);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const variable = String(issue.path[0]);
  // A bad value is echoed back, but never a password in it.
  const got = raw[variable];
  throw new ConfigError(`Invalid configuration: ${variable} ${issue.message} (got "${got !== undefined && URL.canParse(got) ? maskPassword(got) : got}")`);
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function databaseConfig(settings: Env = env()): DatabaseConfig {
  const url = settings.DATABASE_URL;
  if (url.startsWith("file:")) {
    return { provider: "sqlite", url, filePath: path.resolve(url.slice("file:".length)) };
  }
  return { provider: "postgresql", url };
}
