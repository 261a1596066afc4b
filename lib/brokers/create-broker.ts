import { createEmbeddedBroker, type EmbeddedBrokerConfig } from "./embedded/create-embedded-broker";
import { createNatsBroker, type NatsBrokerConfig } from "./nats/create-nats-broker";
import { createRabbitmqBroker, type RabbitmqBrokerConfig } from "./rabbitmq/create-rabbitmq-broker";
import { createRedisStreamsBroker, type RedisStreamsBrokerConfig } from "./redis-streams/create-redis-streams-broker";
import type { Broker } from "./types";

/**
 * How to reach one broker. Each adapter folder exports its own config type; add it to this
 * union and a case to the switch below, and the compiler points at anything left unhandled.
 */
export type BrokerConfig = EmbeddedBrokerConfig | RabbitmqBrokerConfig | NatsBrokerConfig | RedisStreamsBrokerConfig;

/** The one place that knows which adapter serves which kind of broker. */
export function createBroker(config: BrokerConfig): Broker {
  switch (config.kind) {
    case "embedded":
      return createEmbeddedBroker(config);
    case "rabbitmq":
      return createRabbitmqBroker(config);
    case "nats":
      return createNatsBroker(config);
    case "redis-streams":
      return createRedisStreamsBroker(config);
    default: {
      const unreachable: never = config;
      throw new Error(`unknown broker kind ${JSON.stringify((unreachable as { kind?: unknown }).kind)}`);
    }
  }
}
