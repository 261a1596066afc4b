import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { context, SpanKind, type Link } from "@opentelemetry/api";
import { OTLPTraceExporter as ProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { OTLPTraceExporter as JsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, SimpleSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "../../db";
import { databaseConfig, parseEnv } from "../../env";
import { getTrace } from "../get-trace";
import { createSpanWriter } from "../span-store/create-span-writer";
import { createSpanReader } from "../span-store/span-reader";
import { createIngestService } from "./ingest-service";
import { startOtlpPortListener } from "./ingest-runtime";

const config = databaseConfig(parseEnv({ DATABASE_URL: inject("databaseUrl") }));
const database = createDatabase(config);
const reader = createSpanReader(config);
const service = createIngestService({
  database,
  writer: createSpanWriter(config),
  maxBodyBytes: 8 * 1024 * 1024,
  token: undefined,
  eventTypeAttributes: ["event.type"],
  businessKeyAttributes: ["order.id"],
  writeConcurrency: 1,
  maxPendingSpans: 10_000,
  maxRequestsInFlight: 16,
});
const server = startOtlpPortListener(service, 0, "127.0.0.1");
let endpoint = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once("listening", () => resolve())));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await service.close();
  await reader.close();
  await database.$disconnect();
});

/** Sends one producer span and one consumer span (a new trace that links back) through a real exporter. */
async function exportOrder(exporter: SpanExporter, orderId: string): Promise<{ producer: { traceId: string; spanId: string }; consumerTraceId: string }> {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "checkout" }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer("ingest-test");
  const publish = tracer.startSpan("order.placed publish", {
    kind: SpanKind.PRODUCER,
    attributes: { "messaging.system": "embedded", "messaging.operation.type": "send", "messaging.destination.name": "order.placed", "messaging.message.id": `msg-${orderId}`, "order.id": orderId, "cart.size": 3 },
  });
  publish.end();
  const link: Link = { context: publish.spanContext() };
  const process = tracer.startSpan("order.placed process", { kind: SpanKind.CONSUMER, links: [link], root: true, attributes: { "messaging.system": "embedded", "messaging.operation.type": "process", "messaging.destination.name": "order.placed", "order.id": orderId } }, context.active());
  process.end();
  await provider.forceFlush();
  await provider.shutdown();
  return { producer: { traceId: publish.spanContext().traceId, spanId: publish.spanContext().spanId }, consumerTraceId: process.spanContext().traceId };
}

async function expectOrderStored(orderId: string, sent: Awaited<ReturnType<typeof exportOrder>>) {
  const producerTrace = await getTrace(reader, sent.producer.traceId);
  expect(producerTrace.spans[0]).toMatchObject({
    serviceName: "checkout",
    kind: 4,
    attributes: { "order.id": orderId, "cart.size": 3 },
    messaging: { role: "publish", system: "embedded", destination: "order.placed", eventType: "order.placed", messageId: `msg-${orderId}` },
    linkedFrom: [{ traceId: sent.consumerTraceId }],
  });
  const consumerTrace = await getTrace(reader, sent.consumerTraceId);
  expect(consumerTrace.spans[0]).toMatchObject({ messaging: { role: "consume", eventType: "order.placed" }, linksTo: [sent.producer] });
  expect(await database.spanKey.count({ where: { key: "order.id", value: orderId, traceId: { in: [sent.producer.traceId, sent.consumerTraceId] } } })).toBe(2);
}

function post(body: Uint8Array | string, headers: Record<string, string>) {
  return fetch(endpoint, { method: "POST", headers, body: body as BodyInit });
}

describe("OTLP/HTTP ingestion", () => {
  it("stores what the real protobuf exporter sends, gzip-compressed", async () => {
    const sent = await exportOrder(new ProtoExporter({ url: endpoint, compression: "gzip" as never }), "ingest-proto-1");
    await expectOrderStored("ingest-proto-1", sent);
  });

  it("stores what the real JSON exporter sends", async () => {
    const sent = await exportOrder(new JsonExporter({ url: endpoint }), "ingest-json-1");
    await expectOrderStored("ingest-json-1", sent);
  });

  it("answers an empty request with 200 in the request's content type", async () => {
    const json = await post("{}", { "content-type": "application/json" });
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toBe("application/json");
    expect(await json.json()).toEqual({});
    const proto = await post(new Uint8Array(0), { "content-type": "application/x-protobuf" });
    expect(proto.status).toBe(200);
    expect(proto.headers.get("content-type")).toBe("application/x-protobuf");
  });

  it("counts spans it cannot store in partial_success and keeps the rest", async () => {
    const span = (spanId: string, start: string, end: string) => ({ traceId: "cccccccccccccccccccccccccccccc01", spanId, name: "work", kind: 1, startTimeUnixNano: start, endTimeUnixNano: end });
    const body = JSON.stringify({
      resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: "partial" } }] }, scopeSpans: [{ spans: [span("00000000000000a1", "1000", "2000"), span("abc", "1000", "2000"), span("00000000000000a2", "3000", "2000")] }] }],
    });
    const response = await post(body, { "content-type": "application/json" });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { partialSuccess: { rejectedSpans: string; errorMessage: string } };
    expect(result.partialSuccess.rejectedSpans).toBe("2");
    expect(result.partialSuccess.errorMessage).not.toBe("");
    expect((await getTrace(reader, "cccccccccccccccccccccccccccccc01")).spans.map((stored) => stored.spanId)).toEqual(["00000000000000a1"]);
  });

  it.each([
    ["malformed protobuf", 400, () => post(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]), { "content-type": "application/x-protobuf" })],
    ["JSON that is not JSON", 400, () => post("{nope", { "content-type": "application/json" })],
    ["a wrong content type", 415, () => post("hello", { "content-type": "text/plain" })],
    ["truncated gzip", 400, () => post(gzipSync(Buffer.from("{}")).subarray(0, 8), { "content-type": "application/json", "content-encoding": "gzip" })],
    ["a body over the limit", 413, () => post(Buffer.alloc(9 * 1024 * 1024, 32), { "content-type": "application/json" })],
    ["a gzip body that inflates over the limit", 413, () => post(gzipSync(Buffer.alloc(70 * 1024 * 1024, 32)), { "content-type": "application/json", "content-encoding": "gzip" })],
  ])("answers %s with %i and keeps serving", async (_, status, send) => {
    expect((await send()).status).toBe(status);
    expect((await post("{}", { "content-type": "application/json" })).status).toBe(200);
  });

  it("asks for a bearer token when one is configured", async () => {
    const guarded = createIngestService({ database, writer: createSpanWriter(config), maxBodyBytes: 1024, token: "a-long-ingest-token-1234", eventTypeAttributes: [], businessKeyAttributes: [], writeConcurrency: 1, maxPendingSpans: 100, maxRequestsInFlight: 16 });
    const request = (authorization: string | null) => ({
      contentType: "application/json",
      contentEncoding: null,
      contentLength: 2,
      authorization,
      body: (async function* () {
        yield Buffer.from("{}");
      })(),
    });
    expect((await guarded.handle(request(null))).status).toBe(401);
    expect((await guarded.handle(request("Bearer wrong-token-wrong-token"))).status).toBe(401);
    expect((await guarded.handle(request("Bearer a-long-ingest-token-1234"))).status).toBe(200);
    await guarded.close();
  });

  it("answers 503 with Retry-After while its requests in flight are at the limit, and serves again after", async () => {
    const limited = createIngestService({ database, writer: createSpanWriter(config), maxBodyBytes: 1024, token: undefined, eventTypeAttributes: [], businessKeyAttributes: [], writeConcurrency: 1, maxPendingSpans: 100, maxRequestsInFlight: 1 });
    let finishSlowBody = () => undefined as void;
    const slowBodyFinished = new Promise<void>((resolve) => (finishSlowBody = resolve));
    const request = (body: AsyncIterable<Uint8Array>) => ({ contentType: "application/json", contentEncoding: null, contentLength: null, authorization: null, body });
    const slow = limited.handle(
      request(
        (async function* () {
          yield Buffer.from("{");
          await slowBodyFinished;
          yield Buffer.from("}");
        })(),
      ),
    );
    const quick = () =>
      request(
        (async function* () {
          yield Buffer.from("{}");
        })(),
      );
    const refused = await limited.handle(quick());
    expect(refused.status).toBe(503);
    expect(refused.headers["retry-after"]).toBe("1");
    finishSlowBody();
    expect((await slow).status).toBe(200);
    expect((await limited.handle(quick())).status).toBe(200);
    await limited.close();
  });
});
