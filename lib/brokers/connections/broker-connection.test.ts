import { describe, expect, it } from "vitest";
import type { Database } from "../../db";
import { brokerConnectionInputSchema, maskedAddress, parseWatchedConsumers, toBrokerConfig, toView } from "./broker-connection";

const database = {} as Database;

describe("parseWatchedConsumers", () => {
  it("reads exchange/consumer pairs separated by commas or new lines", () => {
    expect(parseWatchedConsumers(" orders/billing,\norders/email \n\n")).toEqual({
      ok: true,
      value: [
        { destination: "orders", consumer: "billing" },
        { destination: "orders", consumer: "email" },
      ],
    });
    expect(parseWatchedConsumers("")).toEqual({ ok: true, value: [] });
  });

  it.each(["orders", "orders/", "/billing", "a/b/c", "orders billing/x"])("refuses %j, quoting it", (text) => {
    expect(parseWatchedConsumers(text)).toEqual({ ok: false, message: expect.stringContaining(`"${text.trim()}"`) as string });
  });
});

describe("maskedAddress", () => {
  it.each([
    ["amqp://guest:secret@127.0.0.1:5672", "amqp://guest:****@127.0.0.1:5672"],
    ["amqp://127.0.0.1:5672/orders", "amqp://127.0.0.1:5672/orders"],
    ["redis://:secret@127.0.0.1:6379/2", "redis://:****@127.0.0.1:6379/2"],
    ["nats://s3cr3t-token@127.0.0.1:4222", "nats://****@127.0.0.1:4222"],
    ["nats://user:pass@127.0.0.1:4222", "nats://user:****@127.0.0.1:4222"],
  ])("shows %s as %s", (url, shown) => {
    expect(maskedAddress(url)).toBe(shown);
  });
});

describe("brokerConnectionInputSchema", () => {
  it("accepts a connection and defaults the watched consumers", () => {
    expect(brokerConnectionInputSchema.parse({ name: "orders-rabbitmq", kind: "rabbitmq", url: "amqp://guest:guest@127.0.0.1:5672" }).watched).toEqual([]);
  });

  it.each([
    [{ name: "Orders", kind: "nats", url: "nats://127.0.0.1:4222" }, "name", "lower-case"],
    [{ name: "orders", kind: "kafka", url: "kafka://127.0.0.1:9092" }, "kind", "expected one of rabbitmq, nats, redis-streams"],
    [{ name: "orders", kind: "rabbitmq", url: "127.0.0.1:5672" }, "url", "expected a URL such as amqp://"],
    [{ name: "orders", kind: "redis-streams", url: "amqp://127.0.0.1:5672" }, "url", "a redis-streams URL starts with redis:// or rediss://"],
  ])("refuses %j at %s", (input, field, message) => {
    const result = brokerConnectionInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
    expect(result.error?.issues[0]?.message).toContain(message);
  });
});

describe("toBrokerConfig and toView", () => {
  it("passes NATS credentials from the URL as user and password, or as a token", () => {
    const nats = (url: string) => toBrokerConfig({ name: "n", kind: "nats", url, watched: [], source: "settings" }, database, "sqlite");
    expect(nats("nats://alice:p%40ss@127.0.0.1:4222")).toEqual({ kind: "nats", servers: "nats://127.0.0.1:4222", user: "alice", pass: "p@ss" });
    expect(nats("nats://tok@127.0.0.1:4222")).toEqual({ kind: "nats", servers: "nats://127.0.0.1:4222", token: "tok" });
    expect(nats("nats://127.0.0.1:4222")).toEqual({ kind: "nats", servers: "nats://127.0.0.1:4222" });
  });

  it("hands RabbitMQ its watched consumers and names its idempotency keys after the connection", () => {
    const watched = [{ destination: "orders", consumer: "billing" }];
    expect(toBrokerConfig({ name: "orders-rabbitmq", kind: "rabbitmq", url: "amqp://127.0.0.1", watched, source: "environment" }, database, "sqlite")).toEqual({
      kind: "rabbitmq",
      url: "amqp://127.0.0.1",
      database,
      name: "orders-rabbitmq",
      consumers: watched,
    });
  });

  it("never puts the URL itself in the view", () => {
    const view = toView({ name: "r", kind: "redis-streams", url: "redis://:hunter2@127.0.0.1:6379", watched: [], source: "settings" });
    expect(JSON.stringify(view)).not.toContain("hunter2");
    expect(toView({ name: "embedded", kind: "embedded", url: null, watched: [], source: "built-in" }).address).toBe("Eventscope's own database");
  });
});
