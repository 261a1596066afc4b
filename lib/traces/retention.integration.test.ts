import { afterAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "../db";
import { databaseConfig, parseEnv } from "../env";
import { deleteSpansOlderThan } from "./retention";
import { createSpanWriter } from "./span-store/create-span-writer";
import type { SpanRecord } from "./span-store/span-record";

const config = databaseConfig(parseEnv({ DATABASE_URL: inject("databaseUrl") }));
const database = createDatabase(config);
const writer = createSpanWriter(config);
const traceId = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb01";

afterAll(async () => {
  await writer.close();
  await database.$disconnect();
});

function record(index: number, startTimeUnixNano: bigint): SpanRecord {
  return {
    traceId,
    spanId: index.toString(16).padStart(16, "0"),
    parentSpanId: null,
    serviceName: "retention-test",
    name: "work",
    kind: 1,
    startTimeUnixNano,
    endTimeUnixNano: startTimeUnixNano + 1_000n,
    statusCode: 0,
    statusMessage: "",
    attributes: "{}",
    resource: "{}",
    events: "[]",
    messaging: null,
    links: [{ traceId: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb02", spanId: "0000000000000001", attributes: "{}" }],
    keys: [{ key: "order.id", value: `retention-${index}` }],
  };
}

describe("deleteSpansOlderThan", () => {
  it("deletes old spans with their links and keys in chunks, and keeps recent ones", async () => {
    const old = 1_000_000_000_000_000_000n;
    const recent = BigInt(Date.now()) * 1_000_000n;
    await writer.write([...Array.from({ length: 2_500 }, (_, index) => record(index + 1, old)), record(9_999, recent)]);
    // An older bucket whose spans are gone.
    await database.spanBucket.create({ data: { bucket: -1 } });
    // Other test files may leave old spans of their own in the shared database.
    expect(await deleteSpansOlderThan(database, old + 1n)).toBeGreaterThanOrEqual(2_500);
    expect(await database.span.count({ where: { traceId } })).toBe(1);
    expect(await database.spanBucket.findUnique({ where: { bucket: -1 } })).toBeNull();
    const { bucket } = await database.span.findFirstOrThrow({ where: { traceId }, select: { bucket: true } });
    expect(await database.spanBucket.findUnique({ where: { bucket } })).not.toBeNull();
    expect(await database.spanLink.count({ where: { traceId } })).toBe(1);
    expect(await database.spanKey.count({ where: { traceId } })).toBe(1);
    await database.span.deleteMany({ where: { traceId } });
    await database.spanLink.deleteMany({ where: { traceId } });
    await database.spanKey.deleteMany({ where: { traceId } });
  });

  it("deletes the usage counts of the hours wholly before the cutoff, and keeps the hour the cutoff falls in", async () => {
    const hour = 3_600_000_000_000n;
    const old = 1_000_000_000_000_000_000n;
    const eventType = "retention-test.event";
    const message = (index: number, start: bigint): SpanRecord => ({
      ...record(index, start),
      links: [],
      keys: [],
      messaging: { role: "publish", system: "embedded", destination: null, eventType, messageId: null, consumerGroup: null },
    });
    await writer.write([message(20_001, old), message(20_002, old + 2n * hour)]);
    await deleteSpansOlderThan(database, old + 2n * hour + 1n);
    expect(await database.messagingUsage.findMany({ where: { eventType }, select: { hourStartMs: true, messages: true } })).toEqual([{ hourStartMs: ((old + 2n * hour) / hour) * 3_600_000n, messages: 1 }]);
    await database.messagingUsage.deleteMany({ where: { eventType } });
  });
});
