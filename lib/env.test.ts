import { describe, expect, it } from "vitest";
import { ConfigError, databaseConfig, parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies the embedded defaults", () => {
    const settings = parseEnv({});
    expect(settings.PORT).toBe(3000);
    expect(settings.DATABASE_URL).toBe("file:./data/eventscope.db");
    expect(databaseConfig(settings).provider).toBe("sqlite");
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv({ PORT: "" }).PORT).toBe(3000);
  });

  it("switches to PostgreSQL on a postgresql:// URL", () => {
    const config = databaseConfig(parseEnv({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/test" }));
    expect(config).toEqual({ provider: "postgresql", url: "postgresql://postgres@127.0.0.1:5432/test" });
  });

  it("reads broker connections, with RabbitMQ consumers to watch", () => {
    const settings = parseEnv({ EVENTSCOPE_RABBITMQ_URL: "amqp://guest:guest@127.0.0.1:5672", EVENTSCOPE_RABBITMQ_WATCH: "orders/billing, orders/email" });
    expect(settings.EVENTSCOPE_RABBITMQ_WATCH).toEqual([
      { destination: "orders", consumer: "billing" },
      { destination: "orders", consumer: "email" },
    ]);
    expect(settings.EVENTSCOPE_NATS_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: "abc" }, /^Invalid configuration: PORT expected a whole number from 1 to 65535 \(got "abc"\)$/],
    [{ PORT: "70000" }, /^Invalid configuration: PORT .*\(got "70000"\)$/],
    [{ PORT: "3.5" }, /^Invalid configuration: PORT /],
    [{ DATABASE_URL: "mysql://root@localhost/test" }, /^Invalid configuration: DATABASE_URL expected file:<path> \(SQLite\) or postgresql:/],
    [{ DATABASE_URL: "postgresql://" }, /^Invalid configuration: DATABASE_URL /],
    [{ DATABASE_URL: "eventscope.db" }, /^Invalid configuration: DATABASE_URL /],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "not a url" }, /^Invalid configuration: OTEL_EXPORTER_OTLP_ENDPOINT expected an http\(s\) URL/],
    [{ EVENTSCOPE_RABBITMQ_URL: "http://guest:secret@127.0.0.1:5672" }, /^Invalid configuration: EVENTSCOPE_RABBITMQ_URL expected a URL such as amqp:.*\(got "http:\/\/guest:\*\*\*\*@127.0.0.1:5672\/"\)$/],
    [{ EVENTSCOPE_NATS_URL: "127.0.0.1:4222" }, /^Invalid configuration: EVENTSCOPE_NATS_URL expected a URL such as nats:/],
    [{ EVENTSCOPE_REDIS_URL: "amqp://127.0.0.1" }, /^Invalid configuration: EVENTSCOPE_REDIS_URL expected a URL such as redis:/],
    [{ EVENTSCOPE_RABBITMQ_WATCH: "orders" }, /^Invalid configuration: EVENTSCOPE_RABBITMQ_WATCH expected exchange\/consumer pairs/],
  ])("rejects %j with one line naming the variable", (raw, message) => {
    expect(() => parseEnv(raw)).toThrow(ConfigError);
    expect(() => parseEnv(raw)).toThrow(message);
    try {
      parseEnv(raw);
    } catch (error) {
      expect((error as Error).message).not.toContain("\n");
    }
  });
});
