import { afterAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "../../db";
import { databaseConfig, parseEnv } from "../../env";
import { getTrace } from "../get-trace";
import { createSpanWriter } from "./create-span-writer";
import { createSpanReader } from "./span-reader";
import { spanKey, traceKey } from "./span-keys";
import type { SpanRecord } from "./span-record";

const config = databaseConfig(parseEnv({ DATABASE_URL: inject("databaseUrl") }));
const database = createDatabase(config);
const reader = createSpanReader(config);
const writer = createSpanWriter(config);

const producerTrace = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa01";
const consumerTrace = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa02";
const batchTrace = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa03";
const plainTrace = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa04";
const repeatTrace = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa05";
const usageTrace = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa06";
const bucketsTrace = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa07";
const fillerTrace = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa08";
const usageEventType = `writer-test.usage-${Date.now()}`;
const start = 1_763_000_000_123_456_789n;

function span(overrides: Partial<SpanRecord>): SpanRecord {
  return {
    traceId: producerTrace,
    spanId: "0000000000000001",
    parentSpanId: null,
    serviceName: "checkout",
    name: "order.placed publish",
    kind: 4,
    startTimeUnixNano: start,
    endTimeUnixNano: start + 1_500_000n,
    statusCode: 0,
    statusMessage: "",
    attributes: JSON.stringify({ "order.id": "1042", "big.number": "9007199254740993" }),
    resource: JSON.stringify({ "service.name": "checkout" }),
    events: "[]",
    messaging: { role: "publish", system: "embedded", destination: "order.placed", eventType: "order.placed", messageId: "m-1", consumerGroup: null },
    links: [],
    keys: [{ key: "order.id", value: "1042" }],
    ...overrides,
  };
}

const batch = [
  span({}),
  span({
    traceId: consumerTrace,
    spanId: "0000000000000002",
    serviceName: "payment",
    name: "order.placed process",
    kind: 5,
    startTimeUnixNano: start + 5_000_000n,
    endTimeUnixNano: start + 9_000_000n,
    statusCode: 2,
    statusMessage: "card declined",
    messaging: { role: "consume", system: "embedded", destination: "order.placed", eventType: "order.placed", messageId: "m-1", consumerGroup: "payment" },
    links: [{ traceId: producerTrace, spanId: "0000000000000001", attributes: "{}" }],
  }),
];

afterAll(async () => {
  await database.span.deleteMany({ where: { traceId: { in: [producerTrace, consumerTrace, batchTrace, plainTrace, repeatTrace, usageTrace, bucketsTrace, fillerTrace] } } });
  await database.messagingUsage.deleteMany({ where: { eventType: usageEventType } });
  await database.spanLink.deleteMany({ where: { traceId: { in: [producerTrace, consumerTrace, batchTrace, plainTrace, repeatTrace, bucketsTrace] } } });
  await database.spanKey.deleteMany({ where: { traceId: { in: [producerTrace, consumerTrace, batchTrace, plainTrace, repeatTrace, bucketsTrace] } } });
  await writer.close();
  await reader.close();
  await database.$disconnect();
});

describe(`the ${config.provider} span writer`, () => {
  it("stores spans with nanosecond times, links both ways and business keys", async () => {
    await writer.write(batch);
    const producer = await getTrace(reader, producerTrace);
    expect(producer.spans).toHaveLength(1);
    expect(producer.spans[0]).toMatchObject({
      startTimeUnixNano: start.toString(),
      durationNano: "1500000",
      attributes: { "order.id": "1042", "big.number": "9007199254740993" },
      messaging: { role: "publish", eventType: "order.placed", messageId: "m-1" },
      linkedFrom: [{ traceId: consumerTrace, spanId: "0000000000000002" }],
    });
    const consumer = await getTrace(reader, consumerTrace);
    expect(consumer.spans[0]).toMatchObject({ statusCode: 2, statusMessage: "card declined", linksTo: [{ traceId: producerTrace, spanId: "0000000000000001" }] });
    expect(await database.spanKey.count({ where: { key: "order.id", value: "1042", traceId: { in: [producerTrace, consumerTrace] } } })).toBe(2);
  });

  it("stores a batch with no links and no business keys, and text beyond the Basic Multilingual Plane", async () => {
    await writer.write([span({ traceId: plainTrace, spanId: "0000000000000005", name: "ship 📦", messaging: null, keys: [], attributes: JSON.stringify({ note: "𝄞 ünïcode" }) })]);
    const trace = await getTrace(reader, plainTrace);
    expect(trace.spans).toHaveLength(1);
    expect(trace.spans[0]).toMatchObject({ name: "ship 📦", attributes: { note: "𝄞 ünïcode" }, messaging: null, linksTo: [], linkedFrom: [] });
  });

  it("ignores a batch sent again, as an exporter's retry would", async () => {
    await writer.write(batch);
    expect(await database.span.count({ where: { traceId: { in: [producerTrace, consumerTrace] } } })).toBe(2);
    expect(await database.spanLink.count({ where: { linkedTraceId: producerTrace } })).toBe(1);
  });

  it("counts each stored message once, per hour, service, role and destination", async () => {
    const hour = 3_600_000_000_000n;
    const messaging = (role: "publish" | "consume", destination: string | null) => ({ role, system: "embedded", destination, eventType: usageEventType, messageId: null, consumerGroup: null });
    const message = (spanId: string, startTimeUnixNano: bigint, overrides: Partial<SpanRecord>) =>
      span({ traceId: usageTrace, spanId, startTimeUnixNano, endTimeUnixNano: startTimeUnixNano + 1_000n, keys: [], messaging: messaging("publish", "orders"), ...overrides });
    const first = [
      message("0000000000000061", start, {}),
      message("0000000000000062", start + 1_000_000_000n, {}),
      message("0000000000000063", start + 2_000_000_000n, { serviceName: "payment", messaging: messaging("consume", null) }),
    ];
    // Counts add up across batches; a retried span counts once.
    await writer.write(first.slice(0, 1));
    await writer.write(first);
    await writer.write([...first, message("0000000000000064", start + hour, {})]);
    const usage = await database.messagingUsage.findMany({ where: { eventType: usageEventType }, orderBy: [{ hourStartMs: "asc" }, { role: "desc" }], omit: { eventType: true } });
    const hourOf = (nanos: bigint) => (nanos / hour) * 3_600_000n;
    expect(usage).toEqual([
      { serviceName: "checkout", role: "publish", destination: "orders", hourStartMs: hourOf(start), messages: 2, lastSeenNano: start + 1_000_000_000n },
      { serviceName: "payment", role: "consume", destination: "", hourStartMs: hourOf(start), messages: 1, lastSeenNano: start + 2_000_000_000n },
      { serviceName: "checkout", role: "publish", destination: "orders", hourStartMs: hourOf(start + hour), messages: 1, lastSeenNano: start + hour },
    ]);
  });

  it("stores a span, link and key once when a batch repeats them, or when a link or key of the span was left behind", async () => {
    const linkToProducer = { traceId: producerTrace, spanId: "0000000000000001", attributes: "{}" };
    const repeated = span({ traceId: repeatTrace, spanId: "0000000000000006", links: [linkToProducer, linkToProducer] });
    await writer.write([repeated, repeated]);
    const leftBehind = span({ traceId: repeatTrace, spanId: "0000000000000007", links: [linkToProducer] });
    // In the bucket the writer fills, as the rows of a span are.
    const { bucket } = await database.span.findFirstOrThrow({ where: { traceId: repeatTrace }, select: { bucket: true } });
    const leftKeys = { bucket, traceKey: traceKey(repeatTrace), spanKey: spanKey("0000000000000007"), traceId: repeatTrace };
    await database.spanLink.create({ data: { ...leftKeys, startTimeUnixNano: start, spanId: "0000000000000007", linkedTraceKey: traceKey(producerTrace), linkedSpanKey: spanKey("0000000000000001"), linkedTraceId: producerTrace, linkedSpanId: "0000000000000001" } });
    await database.spanKey.create({ data: { ...leftKeys, key: "order.id", value: "1042", startTimeUnixNano: start } });
    await writer.write([leftBehind]);
    expect(await database.span.count({ where: { traceId: repeatTrace } })).toBe(2);
    expect(await database.spanLink.count({ where: { traceId: repeatTrace } })).toBe(2);
    expect(await database.spanKey.count({ where: { traceId: repeatTrace } })).toBe(2);
  });

  it("finds a trace whose spans lie in full buckets and a later one, and stores once a span retried buckets after it was stored", async () => {
    const first = span({ traceId: bucketsTrace, spanId: "0000000000000008", links: [], messaging: null, keys: [{ key: "order.id", value: "bucket-test" }] });
    await writer.write([first]);
    const filler = Array.from({ length: 8_192 }, (_, index) => span({ traceId: fillerTrace, spanId: index.toString(16).padStart(16, "0"), links: [], messaging: null, keys: [] }));
    for (let from = 0; from < filler.length; from += 512) await writer.write(filler.slice(from, from + 512));
    const second = span({ traceId: bucketsTrace, spanId: "0000000000000009", links: [{ traceId: bucketsTrace, spanId: "0000000000000008", attributes: "{}" }], messaging: null, keys: [] });
    await writer.write([first, second]);
    expect(await database.span.count({ where: { traceId: bucketsTrace } })).toBe(2);
    // On SQLite, found through the full bucket's bloom filter (PostgreSQL keeps every span in bucket 0, which has none).
    const { bucket } = await database.span.findFirstOrThrow({ where: { traceId: bucketsTrace, spanId: "0000000000000008" }, select: { bucket: true } });
    expect((await database.spanBucket.findUniqueOrThrow({ where: { bucket } })).bloom === null).toBe(config.provider === "postgresql");
    expect((await reader.trace(bucketsTrace)).spans.map((stored) => stored.spanId)).toEqual(["0000000000000008", "0000000000000009"]);
    expect((await getTrace(reader, bucketsTrace)).spans.find((stored) => stored.spanId === "0000000000000008")?.linkedFrom).toEqual([{ traceId: bucketsTrace, spanId: "0000000000000009" }]);
    expect(await reader.tracesWithKey("order.id", "bucket-test", 10)).toEqual([bucketsTrace]);
  });

  it("reads a link inside one trace once each way, and names the spans at the other end of every link (quotes, braces and backslashes intact)", async () => {
    const receive = span({ traceId: batchTrace, spanId: "0000000000000003", serviceName: "shipping", name: 'orders receive "NULL" {a,b} \\ é', kind: 5, links: [] });
    const processing = span({ traceId: batchTrace, spanId: "0000000000000004", serviceName: "shipping", name: "orders process", kind: 5, links: [{ traceId: batchTrace, spanId: "0000000000000003", attributes: "{}" }, { traceId: producerTrace, spanId: "0000000000000001", attributes: "{}" }] });
    await writer.write([receive, processing]);
    const trace = await getTrace(reader, batchTrace);
    expect(trace.spans.find((stored) => stored.spanId === "0000000000000003")).toMatchObject({ linksTo: [], linkedFrom: [{ traceId: batchTrace, spanId: "0000000000000004" }] });
    expect(trace.spans.find((stored) => stored.spanId === "0000000000000004")?.linksTo).toEqual(
      expect.arrayContaining([
        { traceId: batchTrace, spanId: "0000000000000003" },
        { traceId: producerTrace, spanId: "0000000000000001" },
      ]),
    );
    expect(trace.spans.find((stored) => stored.spanId === "0000000000000004")?.linksTo).toHaveLength(2);
    expect(trace.linkedSpans).toHaveLength(3);
    expect(trace.linkedSpans).toEqual(
      expect.arrayContaining([
        { traceId: batchTrace, spanId: "0000000000000003", serviceName: "shipping", name: 'orders receive "NULL" {a,b} \\ é' },
        { traceId: batchTrace, spanId: "0000000000000004", serviceName: "shipping", name: "orders process" },
        { traceId: producerTrace, spanId: "0000000000000001", serviceName: "checkout", name: "order.placed publish" },
      ]),
    );
  });
});
