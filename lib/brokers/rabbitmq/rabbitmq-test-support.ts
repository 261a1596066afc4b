import { connect } from "amqplib";
import type { Broker } from "../types";
import { consumerTopology } from "./rabbitmq-topology";

/**
 * For the integration tests: the RabbitMQ on this machine, and a record of what a test run
 * declared so that it can remove it afterwards (AMQP cannot list queues to find them).
 */
export const rabbitmqUrl = "amqp://guest:guest@127.0.0.1:5672";

export interface DeclaredNames {
  /** Wraps a broker so that its publishes and subscriptions are recorded. */
  track(broker: Broker): Broker;
  recordConsumer(destination: string, consumer: string): void;
  /** Deletes every recorded queue, dead-letter queue and exchange. */
  removeAll(): Promise<void>;
}

export function declaredNames(): DeclaredNames {
  const destinations = new Set<string>();
  const consumers = new Map<string, { destination: string; consumer: string }>();
  const recordConsumer = (destination: string, consumer: string) => {
    destinations.add(destination);
    consumers.set(`${destination}\u0000${consumer}`, { destination, consumer });
  };
  return {
    recordConsumer,
    track(broker) {
      return {
        ...broker,
        publish: (message) => {
          destinations.add(message.destination);
          return broker.publish(message);
        },
        subscribe: (options) => {
          recordConsumer(options.destination, options.consumer);
          return broker.subscribe(options);
        },
      };
    },
    async removeAll() {
      const model = await connect(rabbitmqUrl);
      try {
        const channel = await model.createChannel();
        for (const { destination, consumer } of consumers.values()) {
          const topology = consumerTopology(destination, consumer);
          await channel.deleteQueue(topology.queue);
          await channel.deleteQueue(topology.deadLetterQueue);
        }
        for (const destination of destinations) {
          await channel.deleteExchange(destination);
          await channel.deleteExchange(consumerTopology(destination, "-").deadLetterExchange);
        }
        await channel.close();
      } finally {
        await model.close();
      }
    },
  };
}
