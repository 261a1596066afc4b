import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "../../db";
import { databaseConfig, parseEnv } from "../../env";
import { createSpanWriter } from "../span-store/create-span-writer";
import type { SpanRecord } from "../span-store/span-record";
import { getSearchSuggestions } from "./get-search-suggestions";
import { newTraceId, spanRecord, uniqueValue } from "./query-test-spans";
import { searchTraces, type SearchBudget } from "./search-traces";
import { traceSearchQuerySchema } from "./trace-search-params";

const config = databaseConfig(parseEnv({ DATABASE_URL: inject("databaseUrl") }));
const database = createDatabase(config);
const writer = createSpanWriter(config);

// A time window of our own, far from other suites' spans: every search below is bounded by it.
const origin = BigInt(Date.UTC(2031, 0, 1) + Math.floor(Math.random() * 1e9)) * 1_000_000n;
const window = { from: String(origin / 1_000_000n - 1n), to: String(origin / 1_000_000n + 60_000n) };
const orderId = uniqueValue("order");
const service = uniqueValue("svc");
const [fast, slow, failed, other] = [newTraceId(), newTraceId(), newTraceId(), newTraceId()];
const traceIds = [fast, slow, failed, other];

const records: SpanRecord[] = [
  // fast: checkout → service, carries the order id, 5 ms
  spanRecord(origin, { traceId: fast, spanId: "f000000000000001", name: "POST /orders", startMs: 0, durationMs: 5, attributeMap: { "order.id": orderId, "http.route": "/orders" } }),
  spanRecord(origin, { traceId: fast, parentSpanId: "f000000000000001", serviceName: service, name: "reserve", startMs: 1, durationMs: 2, messaging: { role: "publish", system: "embedded", destination: "orders", eventType: "order.placed", messageId: uniqueValue("m"), consumerGroup: null } }),
  // slow: 400 ms, same order
  spanRecord(origin, { traceId: slow, name: "POST /orders", startMs: 100, durationMs: 400, attributeMap: { "order.id": orderId, "retry.count": 3 } }),
  // failed: an error span in the service, no order id
  spanRecord(origin, { traceId: failed, spanId: "e000000000000001", serviceName: "gateway", name: "GET /", startMs: 200, durationMs: 20 }),
  spanRecord(origin, { traceId: failed, parentSpanId: "e000000000000001", serviceName: service, name: "charge", startMs: 205, durationMs: 10, statusCode: 2, statusMessage: "declined" }),
  // other: unrelated, later
  spanRecord(origin, { traceId: other, serviceName: "gateway", name: "GET /health", startMs: 300, durationMs: 1 }),
];

const searchWith = (budget: SearchBudget | undefined) => (query: Record<string, string>) => searchTraces(database, traceSearchQuerySchema.parse({ ...window, ...query }), budget);

beforeAll(async () => {
  await writer.write(records);
});

afterAll(async () => {
  await database.span.deleteMany({ where: { traceId: { in: traceIds } } });
  await database.spanKey.deleteMany({ where: { traceId: { in: traceIds } } });
  await writer.close();
  await database.$disconnect();
});

// The default budget reads the whole window at once; a window of two spans makes every search
// walk back through many pages, across trace boundaries and equal start times.
describe.each([
  ["the default budget", undefined],
  ["windows of two spans", { windowSpans: 2, pages: 100 }],
])(`trace search (${config.provider}, %s)`, (_, budget) => {
  const search = searchWith(budget);
  const ids = async (query: Record<string, string>) => (await search(query)).traces.map((trace) => trace.traceId);

  it("lists traces in the time range newest first, summarised", async () => {
    const page = await search({});
    expect(page.traces.map((trace) => trace.traceId)).toEqual([other, failed, slow, fast]);
    expect(page.complete).toBe(true);
    expect(page.traces[3]).toEqual({
      traceId: fast,
      rootService: "checkout",
      rootName: "POST /orders",
      startTime: new Date(Number(origin / 1_000_000n)).toISOString(),
      startTimeUnixNano: origin.toString(),
      durationMs: 5,
      spanCount: 2,
      services: ["checkout", service].sort(),
      error: false,
      keys: { "order.id": orderId },
    });
  });

  it("finds traces by business key", async () => {
    expect(await ids({ key: "order.id", value: orderId })).toEqual([slow, fast]);
    expect(await ids({ key: "order.id", value: `${orderId}-nope` })).toEqual([]);
    expect(await ids({ key: "order.id" })).toEqual([slow, fast]);
  });

  it("filters by service, span name, event type and attribute on one span", async () => {
    expect(await ids({ service })).toEqual([failed, fast]);
    expect(await ids({ service, name: "charge" })).toEqual([failed]);
    expect(await ids({ eventType: "order.placed", service })).toEqual([fast]);
    expect(await ids({ attr: "retry.count:3" })).toEqual([slow]);
    expect(await ids({ attr: "http.route:/orders" })).toEqual([fast]);
    expect(await ids({ attr: "retry.count:30" })).toEqual([]);
    expect(await ids({ key: "order.id", value: orderId, service })).toEqual([fast]);
  });

  it("filters by duration, errors and time, and honours the limit", async () => {
    expect(await ids({ minMs: "100" })).toEqual([slow]);
    expect(await ids({ maxMs: "10", key: "order.id", value: orderId })).toEqual([fast]);
    expect(await ids({ error: "true" })).toEqual([failed]);
    expect((await search({ error: "true" })).traces[0]).toMatchObject({ error: true, rootService: "gateway" });
    expect(await ids({ from: String(origin / 1_000_000n + 150n) })).toEqual([other, failed]);
    expect(await ids({ limit: "2" })).toEqual([other, failed]);
  });
});

describe(`trace search budget (${config.provider})`, () => {
  it("answers with how far back it looked when the budget runs out, and a search from there goes on", async () => {
    const search = searchWith({ windowSpans: 2, pages: 1 });
    const first = await search({ attr: "retry.count:3" });
    expect(first).toMatchObject({ traces: [], complete: false, searchedBackTo: new Date(Number(origin / 1_000_000n) + 204).toISOString() });
    const onwards = await search({ attr: "retry.count:3", to: first.searchedBackTo! });
    expect(onwards.traces.map((trace) => trace.traceId)).toEqual([slow]);
  });
});

describe(`search suggestions (${config.provider})`, () => {
  it("lists observed and declared services and event types, and the configured keys", async () => {
    const suggestions = await getSearchSuggestions(database, ["order.id"]);
    expect(suggestions.services).toEqual(expect.arrayContaining([service, "checkout", "gateway"]));
    expect(suggestions.eventTypes).toContain("order.placed");
    expect(suggestions.keys).toEqual(["order.id"]);
  });
});
