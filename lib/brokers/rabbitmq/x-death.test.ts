import type { GetMessage } from "amqplib";
import { describe, expect, it } from "vitest";
import { headersForRepublish, normalizeHeaders } from "./amqp-headers";
import { parseDeadLetterId, toDeadLetter } from "./rabbitmq-dead-letters";
import { classifyAmqpError } from "./rabbitmq-errors";
import { parseDeathRecord } from "./x-death";

/** As amqplib decodes an AMQP timestamp inside a table. */
const stamp = (seconds: number) => ({ "!": "timestamp", value: seconds });

const rejectedOnce = {
  "x-death": [{ count: 1, reason: "rejected", queue: "orders.billing", time: stamp(1_700_000_100), exchange: "orders", "routing-keys": ["order-42"] }],
  "x-first-death-exchange": "orders",
  "x-first-death-queue": "orders.billing",
  "x-first-death-reason": "rejected",
};

describe("parseDeathRecord", () => {
  it("reads a rejection from x-death", () => {
    expect(parseDeathRecord(rejectedOnce)).toEqual({
      cause: "rejected",
      reason: "rejected by a consumer",
      originalExchange: "orders",
      originalRoutingKey: "order-42",
      originalQueue: "orders.billing",
      deliveryCount: 1,
      firstDeathAtMs: 1_700_000_100_000,
      lastDeathAtMs: 1_700_000_100_000,
    });
  });

  it("takes the origin from the first death and the cause from the last, across hops", () => {
    const record = parseDeathRecord({
      "x-death": [
        { count: 1, reason: "expired", queue: "orders.billing.retry", time: stamp(1_700_000_300), exchange: "orders.retry", "routing-keys": ["orders.billing"] },
        { count: 2, reason: "delivery_limit", queue: "orders.billing", time: stamp(1_700_000_200), exchange: "orders", "routing-keys": ["order-7"] },
      ],
      "x-first-death-exchange": "orders",
      "x-first-death-queue": "orders.billing",
    });
    expect(record).toMatchObject({
      cause: "expired",
      originalExchange: "orders",
      originalRoutingKey: "order-7",
      originalQueue: "orders.billing",
      deliveryCount: 3,
      firstDeathAtMs: 1_700_000_200_000,
      lastDeathAtMs: 1_700_000_300_000,
    });
  });

  it("maps the delivery limit of a quorum queue to max deliveries and counts its deliveries", () => {
    const record = parseDeathRecord({
      "x-death": [{ count: 1, reason: "delivery_limit", queue: "q", time: 1_700_000_000, exchange: "", "routing-keys": ["q"] }],
      "x-delivery-count": 4,
    });
    expect(record).toMatchObject({ cause: "max-deliveries", reason: "delivery limit reached", originalExchange: "", originalRoutingKey: "q", deliveryCount: 5 });
  });

  it("keeps an unknown reason's own words", () => {
    const record = parseDeathRecord({ "x-death": [{ count: 1, reason: "something_new", queue: "q", time: stamp(1), exchange: "e", "routing-keys": [] }] });
    expect(record).toMatchObject({ cause: "unknown", reason: "something_new", originalRoutingKey: "" });
  });

  it("prefers Eventscope's own record, and carries the first death across replays", () => {
    const record = parseDeathRecord({
      ...rejectedOnce,
      "x-eventscope-reason": "card declined",
      "x-eventscope-cause": "max-deliveries",
      "x-eventscope-delivery-count": "3",
      "x-eventscope-dead-lettered-at": "1700000900123",
      "x-eventscope-first-death-at": "1700000000456",
      "x-eventscope-original-exchange": "payments",
      "x-eventscope-original-routing-key": "payments",
      "x-eventscope-original-queue": "payments.worker",
    });
    expect(record).toEqual({
      cause: "max-deliveries",
      reason: "card declined",
      originalExchange: "payments",
      originalRoutingKey: "payments",
      originalQueue: "payments.worker",
      deliveryCount: 3,
      firstDeathAtMs: 1_700_000_000_456,
      lastDeathAtMs: 1_700_000_900_123,
    });
  });

  it("finds no death in headers without a readable record", () => {
    expect(parseDeathRecord(undefined)).toBeUndefined();
    expect(parseDeathRecord({ "x-death": [] })).toBeUndefined();
    expect(parseDeathRecord({ "x-death": [{ reason: "rejected" }] })).toBeUndefined();
    expect(parseDeathRecord({ "x-death": "rejected" })).toBeUndefined();
    expect(parseDeathRecord({ "x-eventscope-reason": "no time" })).toBeUndefined();
  });
});

describe("AMQP headers", () => {
  it("normalises typed values to strings and nested tables to JSON", () => {
    expect(normalizeHeaders({ text: "a", number: 3, flag: true, bytes: Buffer.from("hi"), none: null, ...rejectedOnce })).toEqual({
      text: "a",
      number: "3",
      flag: "true",
      bytes: "hi",
      "x-death": '[{"count":1,"reason":"rejected","queue":"orders.billing","time":1700000100,"exchange":"orders","routing-keys":["order-42"]}]',
      "x-first-death-exchange": "orders",
      "x-first-death-queue": "orders.billing",
      "x-first-death-reason": "rejected",
    });
  });

  it("drops every record of a death before a message is republished", () => {
    expect(headersForRepublish({ ...rejectedOnce, "x-eventscope-reason": "r", "x-delivery-count": 2, "x-trace": "t" })).toEqual({ "x-trace": "t" });
  });
});

function getMessage(headers: Record<string, unknown>, fields: Partial<GetMessage["fields"]> = {}): GetMessage {
  return {
    content: Buffer.from('{"order":42}'),
    fields: { deliveryTag: 1, redelivered: false, exchange: "orders.dlx", routingKey: "orders.billing", messageCount: 0, ...fields },
    properties: { headers, messageId: "m-42", timestamp: 1_700_000_000 } as GetMessage["properties"],
  };
}

describe("dead letters read from a dead-letter queue", () => {
  it("names the original destination, consumer and key from x-death", () => {
    const letter = toDeadLetter("orders.billing.dlq", getMessage(rejectedOnce));
    expect(letter).toMatchObject({
      deadLetterDestination: "orders.billing.dlq",
      originalDestination: "orders",
      consumer: "billing",
      key: "order-42",
      messageId: "m-42",
      cause: "rejected",
      payloadBytes: 12,
      headers: { "x-first-death-queue": "orders.billing" },
    });
    expect(parseDeadLetterId(letter.id)).toEqual({ deadLetterQueue: "orders.billing.dlq" });
    expect(toDeadLetter("orders.billing.dlq", getMessage(rejectedOnce)).id).toBe(letter.id);
  });

  it("treats the default exchange's routing key as the destination", () => {
    const letter = toDeadLetter("jobs.dlq", getMessage({ "x-death": [{ count: 1, reason: "expired", queue: "jobs", time: stamp(5), exchange: "", "routing-keys": ["jobs"] }] }));
    expect(letter).toMatchObject({ originalDestination: "jobs", consumer: "jobs", key: null, cause: "expired" });
  });

  it("still lists a message that records no death", () => {
    const letter = toDeadLetter("orders.billing.dlq", getMessage({}));
    expect(letter).toMatchObject({ cause: "unknown", originalDestination: "orders.dlx", lastDeathAt: new Date(1_700_000_000_000) });
  });

  it("accepts only ids it issued", () => {
    expect(parseDeadLetterId("999999999")).toBeUndefined();
    expect(parseDeadLetterId("abc@orders.billing.dlq")).toBeUndefined();
    expect(parseDeadLetterId(`${"a".repeat(24)}@orders.billing`)).toBeUndefined();
  });
});

describe("classifyAmqpError", () => {
  it("tells an unreachable server from refused credentials, without the URL", () => {
    expect(classifyAmqpError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }))).toEqual({
      status: "retryable",
      retryInMs: 1_000,
      error: { code: "unreachable", message: "RabbitMQ is unreachable (ECONNREFUSED)" },
    });
    const refused = classifyAmqpError(new Error('Handshake terminated by server: 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED - Login was refused"'));
    expect(refused).toEqual({ status: "failed", error: { code: "unauthorized", message: "RabbitMQ refused the credentials (ACCESS_REFUSED)" } });
    expect(classifyAmqpError(new Error("Channel closed"))).toMatchObject({ status: "retryable", error: { code: "unreachable" } });
    expect(classifyAmqpError(new Error("odd\nsecond line"))).toEqual({ status: "failed", error: { code: "protocol", message: "RabbitMQ failed: odd" } });
  });
});
