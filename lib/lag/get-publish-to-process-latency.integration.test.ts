import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "../db";
import { databaseConfig, parseEnv } from "../env";
import { createSpanWriter } from "../traces/span-store/create-span-writer";
import type { SpanRecord } from "../traces/span-store/span-record";
import { getPublishToProcessLatency } from "./get-publish-to-process-latency";

const config = databaseConfig(parseEnv({ DATABASE_URL: inject("databaseUrl") }));
const database = createDatabase(config);
const writer = createSpanWriter(config);
const traces = ["eeeeeeeeeeeeeeeeeeeeeeeeeeeeee01", "eeeeeeeeeeeeeeeeeeeeeeeeeeeeee02"];

afterAll(async () => {
  await database.span.deleteMany({ where: { traceId: { in: traces } } });
  await database.spanLink.deleteMany({ where: { traceId: { in: traces } } });
  await writer.close();
  await database.$disconnect();
});

const now = BigInt(Date.now()) * 1_000_000n;
const ms = 1_000_000n;

function span(traceId: string, spanId: string, overrides: Partial<SpanRecord>): SpanRecord {
  return {
    traceId,
    spanId,
    parentSpanId: null,
    serviceName: "checkout",
    name: "lag-test",
    kind: 4,
    startTimeUnixNano: now,
    endTimeUnixNano: now + ms,
    statusCode: 0,
    statusMessage: "",
    attributes: "{}",
    resource: "{}",
    events: "[]",
    messaging: { role: "publish", system: "embedded", destination: "lag-test.event", eventType: "lag-test.event", messageId: null, consumerGroup: null },
    links: [],
    keys: [],
    ...overrides,
  };
}

const consume = (consumer: string) => ({ role: "consume" as const, system: "embedded", destination: "lag-test.event", eventType: "lag-test.event", messageId: null, consumerGroup: consumer });

beforeAll(async () => {
  await writer.write([
    span(traces[0]!, "00000000000000e1", {}),
    // A consumer in a trace of its own that links back to the publish span.
    span(traces[1]!, "00000000000000e2", { serviceName: "payment", kind: 5, startTimeUnixNano: now + 40n * ms, messaging: consume("payment"), links: [{ traceId: traces[0]!, spanId: "00000000000000e1", attributes: "{}" }] }),
    // A consumer that continued the producer's trace as its child, and failed.
    span(traces[0]!, "00000000000000e3", { serviceName: "email", kind: 5, parentSpanId: "00000000000000e1", startTimeUnixNano: now + 250n * ms, statusCode: 2, messaging: consume("email") }),
  ]);
});

const email = { eventType: "lag-test.event", consumer: "email", messages: 1, failed: 1, p50Ms: 250, p95Ms: 250, maxMs: 250 };
const payment = { eventType: "lag-test.event", consumer: "payment", messages: 1, failed: 0, p50Ms: 40, p95Ms: 40, maxMs: 40 };
const mine = (rows: { eventType: string }[]) => rows.filter((row) => row.eventType === "lag-test.event");

describe("getPublishToProcessLatency", () => {
  it("measures from publish to processing, through links and through parents", async () => {
    const { rows } = await getPublishToProcessLatency(database, 5);
    expect(mine(rows)).toEqual([
      { ...email, coveredSince: null },
      { ...payment, coveredSince: null },
    ]);
  });

  it("measures an event type with more spans in the window than it reads over the newest, and says since when", async () => {
    const { rows } = await getPublishToProcessLatency(database, 5, 1);
    expect(mine(rows)).toEqual([{ ...email, coveredSince: new Date(Number((now + 250n * ms) / ms)).toISOString() }]);
  });
});
