import { describe, expect, it } from "vitest";
import { natsNames } from "./nats-names";
import { consumerDestination, destinationsOf, maxDeliveriesOf, type ConsumerView, type StreamView } from "./nats-topology";

const names = natsNames("eventscope")!;
const stream = (subjects: string[], messages = 4): StreamView => ({ config: { name: "ORDERS", subjects }, state: { messages } });
const consumer = (name: string, config: ConsumerView["config"] = {}): ConsumerView => ({
  name,
  config,
  delivered: { stream_seq: 0 },
  num_pending: 0,
  num_ack_pending: 0,
});

describe("JetStream topology", () => {
  it("puts a consumer on its filter subject, else on its stream's only subject, else on the stream", () => {
    expect(consumerDestination(stream(["orders.>"]), consumer("a", { filter_subject: "orders.placed" }))).toBe("orders.placed");
    expect(consumerDestination(stream(["orders.>"]), consumer("a", { filter_subjects: ["orders.paid"] }))).toBe("orders.paid");
    expect(consumerDestination(stream(["orders.placed"]), consumer("a"))).toBe("orders.placed");
    expect(consumerDestination(stream(["a", "b"]), consumer("a"))).toBe("ORDERS");
  });

  it("describes one destination per subject with its consumers, and the depth where it is the subject's", () => {
    expect(destinationsOf(names, stream(["orders.placed"]), [consumer("z", { max_deliver: 5 }), consumer("a", { max_deliver: -1 })])).toEqual([
      {
        name: "orders.placed",
        kind: "subject",
        depth: 4,
        partitions: null,
        deadLetterDestination: "eventscope.dlq.orders.placed",
        consumers: [
          { name: "a", maxDeliveries: null },
          { name: "z", maxDeliveries: 5 },
        ],
      },
    ]);
    const shared = destinationsOf(names, stream(["orders.>"]), [consumer("p", { filter_subject: "orders.paid" })]);
    expect(shared.map((destination) => [destination.name, destination.depth, destination.consumers.length])).toEqual([
      ["orders.>", 4, 0],
      ["orders.paid", null, 1],
    ]);
    expect(destinationsOf(names, { config: { name: "eventscope_DLQ", subjects: ["eventscope.dlq.>"] }, state: { messages: 1 } }, [])).toEqual([]);
  });

  it("reads unlimited deliveries as null", () => {
    expect(maxDeliveriesOf(consumer("a"))).toBeNull();
    expect(maxDeliveriesOf(consumer("a", { max_deliver: 3 }))).toBe(3);
  });
});
