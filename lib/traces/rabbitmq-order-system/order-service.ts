import { randomUUID } from "node:crypto";
import { SpanKind, trace } from "@opentelemetry/api";
import amqp, { type ConfirmChannel, type ConsumeMessage } from "amqplib";
import { consumerSpec, eventOfRoutingKey, orderIdOfContent, routingKeyOf, topologyFor, type ConsumerService, type OrderEvent, type OrderMessage, type Topology } from "./order-routing";
import { report, type ServiceConfig } from "./service-protocol";

/** Loaded only after the NodeSDK started, so that the amqplib it imports is the instrumented one. */
export interface RunningService {
  /** Closes the channel and the connection; the caller then shuts the SDK down. */
  stop(): Promise<void>;
}

function publish(channel: ConfirmChannel, topology: Topology, event: OrderEvent, orderId: string): Promise<void> {
  const body: OrderMessage = { orderId, event };
  return new Promise((resolve, reject) => {
    channel.publish(topology.exchange, routingKeyOf[event], Buffer.from(JSON.stringify(body)), { messageId: randomUUID(), contentType: "application/json", persistent: true }, (error: unknown) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(),
    );
  });
}

export async function runService(config: ServiceConfig): Promise<RunningService> {
  const topology = topologyFor(config.prefix);
  const connection = await amqp.connect(config.amqpUrl);
  const channel = await connection.createConfirmChannel();
  const stop = async () => {
    await channel.close();
    await connection.close();
  };
  if (config.service === "checkout") {
    await placeOrders(channel, topology, config.orderIds);
    report({ type: "placed", count: config.orderIds.length });
  } else {
    await consume(channel, topology, config.service);
  }
  return { stop };
}

async function placeOrders(channel: ConfirmChannel, topology: Topology, orderIds: readonly string[]): Promise<void> {
  const tracer = trace.getTracer("order-system.checkout");
  for (const orderId of orderIds) {
    await tracer.startActiveSpan("POST /orders", { kind: SpanKind.SERVER, attributes: { "order.id": orderId } }, async (span) => {
      try {
        await publish(channel, topology, "order.placed", orderId);
      } finally {
        span.end();
      }
    });
  }
  await channel.waitForConfirms();
}

async function consume(channel: ConfirmChannel, topology: Topology, service: ConsumerService): Promise<void> {
  const spec = consumerSpec(service);
  await channel.prefetch(4);
  const settle = async (message: ConsumeMessage) => {
    const orderId = orderIdOfContent(message.content);
    if (orderId === undefined) throw new Error(`${service}: a message without an order id`);
    const event = eventOfRoutingKey(message.fields.routingKey);
    const decision = spec.decide(orderId, event);
    if (decision.kind === "reject") {
      // Without requeue the broker moves the message to the queue's dead-letter exchange.
      channel.nack(message, false, false);
      report({ type: "settled", service, orderId, event, outcome: "nack" });
      return;
    }
    for (const next of decision.events) await publish(channel, topology, next, orderId);
    channel.ack(message);
    report({ type: "settled", service, orderId, event, outcome: "ack" });
  };
  await channel.consume(
    topology.queueOf(service),
    (message) => {
      if (!message) return;
      settle(message).catch((error: unknown) => report({ type: "failed", message: error instanceof Error ? error.message : String(error) }));
    },
    { noAck: false },
  );
}
