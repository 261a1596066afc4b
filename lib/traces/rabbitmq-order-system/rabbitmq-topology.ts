import amqp from "amqplib";
import { consumerSpecs, type Topology } from "./order-routing";

/**
 * Declares one run's exchanges and durable queues: a topic exchange for the events, a topic
 * dead-letter exchange, and per consumer a queue that dead-letters rejected messages there
 * (the dead-letter office's queue is bound to the dead-letter exchange itself).
 */
export async function declareTopology(amqpUrl: string, topology: Topology): Promise<void> {
  const connection = await amqp.connect(amqpUrl);
  try {
    const channel = await connection.createChannel();
    await channel.assertExchange(topology.exchange, "topic", { durable: true });
    await channel.assertExchange(topology.deadLetterExchange, "topic", { durable: true });
    for (const spec of consumerSpecs) {
      const queue = topology.queueOf(spec.service);
      await channel.assertQueue(queue, { durable: true, ...(spec.deadLetterQueue ? {} : { deadLetterExchange: topology.deadLetterExchange }) });
      for (const pattern of spec.bindings) await channel.bindQueue(queue, spec.deadLetterQueue ? topology.deadLetterExchange : topology.exchange, pattern);
    }
    await channel.close();
  } finally {
    await connection.close();
  }
}

/** Deletes what `declareTopology` created; missing ones are fine. */
export async function deleteTopology(amqpUrl: string, topology: Topology): Promise<void> {
  const connection = await amqp.connect(amqpUrl);
  try {
    const channel = await connection.createChannel();
    for (const spec of consumerSpecs) await channel.deleteQueue(topology.queueOf(spec.service));
    await channel.deleteExchange(topology.exchange);
    await channel.deleteExchange(topology.deadLetterExchange);
    await channel.close();
  } finally {
    await connection.close();
  }
}

/** The messages still sitting in the run's queues (all zero once every delivery was settled). */
export async function queueDepths(amqpUrl: string, topology: Topology): Promise<Record<string, number>> {
  const connection = await amqp.connect(amqpUrl);
  try {
    const channel = await connection.createChannel();
    const depths: Record<string, number> = {};
    for (const spec of consumerSpecs) depths[spec.service] = (await channel.checkQueue(topology.queueOf(spec.service))).messageCount;
    await channel.close();
    return depths;
  } finally {
    await connection.close();
  }
}
