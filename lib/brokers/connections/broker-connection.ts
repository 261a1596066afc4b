import { z } from "zod";
import type { Database } from "../../db";
import type { DatabaseConfig } from "../../env";
import { maskPassword } from "../../format/mask-password";
import type { BrokerConfig } from "../create-broker";
import type { BrokerKind } from "../types";

/** Kinds a user connects to; the embedded broker is built in and always present. */
export const externalBrokerKinds = ["rabbitmq", "nats", "redis-streams"] as const;
export type ExternalBrokerKind = (typeof externalBrokerKinds)[number];

const schemesByKind: Record<ExternalBrokerKind, string[]> = {
  rabbitmq: ["amqp:", "amqps:"],
  nats: ["nats:", "tls:"],
  "redis-streams": ["redis:", "rediss:"],
};

const watchedConsumerSchema = z.object({
  destination: z.string().trim().min(1, "name the exchange").max(255),
  consumer: z.string().trim().min(1, "name the consumer").max(255),
});
export type WatchedConsumer = z.infer<typeof watchedConsumerSchema>;

/** `exchange/consumer` pairs separated by commas or new lines, as typed in Settings or the environment. */
export function parseWatchedConsumers(text: string): { ok: true; value: WatchedConsumer[] } | { ok: false; message: string } {
  const pairs = text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
  const value: WatchedConsumer[] = [];
  for (const pair of pairs) {
    const match = /^([^/\s]+)\/([^/\s]+)$/.exec(pair);
    if (!match) return { ok: false, message: `"${pair}" is not an exchange/consumer pair such as orders/billing` };
    value.push({ destination: match[1]!, consumer: match[2]! });
  }
  return { ok: true, value };
}

/** What a user submits to add a broker; `url` may carry a password. */
export const brokerConnectionInputSchema = z
  .object({
    name: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "use lower-case letters, digits and '-', e.g. orders-rabbitmq"),
    kind: z.enum(externalBrokerKinds, { message: `expected one of ${externalBrokerKinds.join(", ")}` }),
    url: z.string().trim().min(1, "enter the broker's URL").max(2_000),
    /** RabbitMQ only: AMQP cannot list queues, so the consumers to report on are named. */
    watched: z.array(watchedConsumerSchema).max(200).default([]),
  })
  .superRefine((input, context) => {
    const schemes = schemesByKind[input.kind];
    let protocol: string;
    try {
      protocol = new URL(input.url).protocol;
    } catch {
      context.addIssue({ code: "custom", path: ["url"], message: `expected a URL such as ${exampleUrls[input.kind]}` });
      return;
    }
    if (!schemes.includes(protocol)) {
      context.addIssue({ code: "custom", path: ["url"], message: `a ${input.kind} URL starts with ${schemes.map((scheme) => `${scheme}//`).join(" or ")}` });
    }
  });
export type BrokerConnectionInput = z.infer<typeof brokerConnectionInputSchema>;

export const exampleUrls: Record<ExternalBrokerKind, string> = {
  rabbitmq: "amqp://guest:guest@127.0.0.1:5672",
  nats: "nats://127.0.0.1:4222",
  "redis-streams": "redis://127.0.0.1:6379",
};

/** Where a connection comes from: built in (the embedded broker), the environment, or Settings. */
export type ConnectionSource = "built-in" | "environment" | "settings";

/** A connection as the portal knows it, secrets included: stays on the server. */
export interface BrokerConnection {
  name: string;
  kind: BrokerKind;
  /** Null for the embedded broker. */
  url: string | null;
  watched: WatchedConsumer[];
  source: ConnectionSource;
}

/** A connection as shown to a browser: the password in its URL is masked. */
export interface BrokerConnectionView {
  name: string;
  kind: BrokerKind;
  address: string;
  watched: WatchedConsumer[];
  source: ConnectionSource;
}

export function toView(connection: BrokerConnection): BrokerConnectionView {
  return {
    name: connection.name,
    kind: connection.kind,
    address: connection.url === null ? "Eventscope's own database" : maskedAddress(connection.url),
    watched: connection.watched,
    source: connection.source,
  };
}

/** The broker's URL as shown: credentials masked, no trailing slash. */
export function maskedAddress(url: string): string {
  return maskPassword(url).replace(/\/$/, "");
}

/** How to open the adapter for a connection. */
export function toBrokerConfig(connection: BrokerConnection, database: Database, provider: DatabaseConfig["provider"]): BrokerConfig {
  if (connection.kind === "embedded" || connection.url === null) return { kind: "embedded", database, provider, name: connection.name };
  switch (connection.kind) {
    case "rabbitmq":
      return { kind: "rabbitmq", url: connection.url, database, name: connection.name, consumers: connection.watched };
    case "nats": {
      const parsed = new URL(connection.url);
      const credentials = parsed.password
        ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) }
        : parsed.username
          ? { token: decodeURIComponent(parsed.username) }
          : {};
      return { kind: "nats", servers: `${parsed.protocol}//${parsed.host}`, ...credentials };
    }
    case "redis-streams":
      return { kind: "redis-streams", url: connection.url };
    default: {
      const unreachable: never = connection.kind;
      throw new Error(`unknown broker kind ${JSON.stringify(unreachable)}`);
    }
  }
}
