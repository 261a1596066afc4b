import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { GET as getFlow } from "@/app/api/flows/route";
import { createDatabase } from "../../db";
import { databaseConfig, parseEnv } from "../../env";
import { updateEventType } from "../../registry/save-event-type";
import type { OrderFlow } from "../flow/flow-types";
import { createIngestService } from "../ingest/ingest-service";
import { startOtlpPortListener } from "../ingest/ingest-runtime";
import { createSpanWriter } from "../span-store/create-span-writer";
import { compareFlow } from "./compare-flow";
import { expectedOrderFlow } from "./expected-flow";
import { orderEvents, routingKeyOf, topologyFor } from "./order-routing";
import { declareTopology, deleteTopology, queueDepths } from "./rabbitmq-topology";
import { runOrderSystem, type OrderSystemRun } from "./run-order-system";

const amqpUrl = "amqp://guest:guest@127.0.0.1:5672";
const tag = `es-rmq-${randomBytes(4).toString("hex")}`;
const ordersPerRun = 12;

const runs = [
  { name: "OTLP protobuf", format: "proto", useLinksForConsume: false },
  { name: "OTLP JSON", format: "json", useLinksForConsume: false },
  { name: "consumers start new traces linked to the producer", format: "proto", useLinksForConsume: true },
] as const;
const runSetups = runs.map((run, index) => {
  const prefix = `${tag}-r${index + 1}`;
  // Order numbers 1001–1012: every run has declined cards (…3) and dead letters (…7, …9).
  return { ...run, prefix, topology: topologyFor(prefix), orderIds: Array.from({ length: ordersPerRun }, (_, order) => `${prefix}-${1001 + order}`) };
});

const config = databaseConfig(parseEnv({ DATABASE_URL: inject("databaseUrl") }));
const database = createDatabase(config);
const originalBindings = new Map<string, { broker: string; destination: string; routingKey: string }[]>();
let service: ReturnType<typeof createIngestService> | undefined;
let server: ReturnType<typeof startOtlpPortListener> | undefined;
let otlpUrl = "";

beforeAll(async () => {
  // The catalog learns this run's exchanges, so spans resolve to event types through bindings.
  for (const event of orderEvents) {
    const row = await database.eventType.findUniqueOrThrow({ where: { name: event }, include: { bindings: true } });
    const bindings = row.bindings.map(({ broker, destination, routingKey }) => ({ broker, destination, routingKey }));
    originalBindings.set(event, bindings);
    const added = runSetups.flatMap(({ topology }) => [topology.exchange, topology.deadLetterExchange].map((destination) => ({ broker: "rabbitmq", destination, routingKey: routingKeyOf[event] })));
    await updateEventType(database, event, { bindings: [...bindings, ...added] });
  }
  service = createIngestService({
    database,
    writer: createSpanWriter(config),
    maxBodyBytes: 8 * 1024 * 1024,
    token: undefined,
    eventTypeAttributes: ["event.type", "messaging.message.type"],
    businessKeyAttributes: ["order.id"],
    writeConcurrency: 1,
    maxPendingSpans: 10_000,
  maxRequestsInFlight: 16,
  });
  const listener = startOtlpPortListener(service, 0, "127.0.0.1");
  server = listener;
  await new Promise<void>((resolve) => (listener.listening ? resolve() : listener.once("listening", () => resolve())));
  otlpUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/v1/traces`;
});

afterAll(async () => {
  if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
  await service?.close();
  for (const [event, bindings] of originalBindings) await updateEventType(database, event, { bindings });
  const keys = await database.spanKey.findMany({ where: { key: "order.id", value: { startsWith: tag } }, select: { traceId: true }, distinct: ["traceId"] });
  const traceIds = keys.map((key) => key.traceId);
  await database.spanLink.deleteMany({ where: { OR: [{ traceId: { in: traceIds } }, { linkedTraceId: { in: traceIds } }] } });
  await database.spanKey.deleteMany({ where: { traceId: { in: traceIds } } });
  await database.span.deleteMany({ where: { traceId: { in: traceIds } } });
  await database.$disconnect();
});

describe(`an order system over RabbitMQ, reconstructed from its spans (${config.provider})`, () => {
  it.each(runSetups)(
    "$name: every order's flow has exactly its services, event types, edges and dead letters",
    async (setup) => {
      await declareTopology(amqpUrl, setup.topology);
      try {
        const run: OrderSystemRun = { amqpUrl, prefix: setup.prefix, otlpUrl, format: setup.format, useLinksForConsume: setup.useLinksForConsume, orderIds: setup.orderIds };
        const { settled } = await runOrderSystem(run, 25_000);

        // The system itself did what its routing table says (else a flow mismatch would mean nothing).
        const expectedFlows = new Map(setup.orderIds.map((orderId) => [orderId, expectedOrderFlow(orderId, setup.topology)]));
        const deliveries = [...expectedFlows].flatMap(([orderId, flow]) => flow.hops.map((hop) => `${hop.consumer} ${orderId} ${hop.eventType} ${hop.outcome === "ok" ? "ack" : "nack"}`));
        expect(settled.map((message) => `${message.service} ${message.orderId} ${message.event} ${message.outcome}`).sort()).toEqual(deliveries.sort());
        expect(Object.values(await queueDepths(amqpUrl, setup.topology)).every((depth) => depth === 0)).toBe(true);

        const mismatches: string[] = [];
        for (const [orderId, expected] of expectedFlows) {
          // Through the API's own handler, exactly as a script reading GET /api/flows sees it.
          const response = await getFlow(new Request(`http://localhost/api/flows?key=order.id&value=${orderId}`), { params: Promise.resolve({}) });
          const flow = (await response.json()) as OrderFlow;
          mismatches.push(...compareFlow(orderId, expected, flow, setup.useLinksForConsume));
        }
        expect(mismatches).toEqual([]);
        const deadLettered = [...expectedFlows].filter(([, flow]) => flow.hops.some((hop) => hop.outcome === "dead-lettered")).map(([orderId]) => orderId.slice(-4));
        expect(deadLettered).toEqual(["1007", "1009"]);
      } finally {
        await deleteTopology(amqpUrl, setup.topology);
      }
    },
    60_000,
  );
});
