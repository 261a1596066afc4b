import { describe, expect, it } from "vitest";
import type { FlowHop } from "./flow-types";
import { hopTimeline } from "./hop-timeline";

const hop = (overrides: Partial<FlowHop>): FlowHop => ({
  eventType: "order.placed",
  eventVersion: null,
  producer: "checkout",
  consumer: "payment",
  consumerGroup: null,
  system: "rabbitmq",
  destination: "orders",
  messageId: null,
  publishAt: "1000",
  publishEndAt: "1100",
  processStartAt: "1500",
  processEndAt: "1600",
  dwellMs: 0.0005,
  attempts: [{ traceId: "t", spanId: "s1", startAt: "1500", endAt: "1600", error: false, statusMessage: "" }],
  retries: 0,
  outcome: "ok",
  deadLetter: null,
  publish: { traceId: "t", spanId: "p" },
  matchedBy: "link",
  ...overrides,
});

describe("hopTimeline", () => {
  it("lays publish, dwell and processing on one axis", () => {
    const timeline = hopTimeline([hop({}), hop({ publishAt: "1600", publishEndAt: "1650", processStartAt: "1700", processEndAt: "2000", attempts: [{ traceId: "t", spanId: "s2", startAt: "1700", endAt: "2000", error: false, statusMessage: "" }] })]);
    expect([timeline.startNano, timeline.endNano]).toEqual([1000n, 2000n]);
    expect(timeline.rows[0]).toMatchObject({ publish: { leftPct: 0, widthPct: 10 }, dwell: { leftPct: 10, widthPct: 40 }, attempts: [{ leftPct: 50, widthPct: 10, error: false }], waits: [], deadLetterPct: null });
    expect(timeline.rows[1]?.attempts[0]).toMatchObject({ leftPct: 70, widthPct: 30 });
  });

  it("shows retry waits and the dead-letter moment", () => {
    const timeline = hopTimeline([
      hop({
        outcome: "dead-lettered",
        processEndAt: "1900",
        attempts: [
          { traceId: "t", spanId: "a", startAt: "1500", endAt: "1600", error: true, statusMessage: "x" },
          { traceId: "t", spanId: "b", startAt: "1800", endAt: "1900", error: true, statusMessage: "x" },
        ],
        deadLetter: { destination: "orders.dlq", at: "2000", rule: "dead-letter-publish" },
      }),
    ]);
    expect(timeline.rows[0]).toMatchObject({ waits: [{ leftPct: 60, widthPct: 20 }], deadLetterPct: expect.closeTo(99.6, 1) });
  });

  it("handles a consumer whose producer was not traced, and no hops", () => {
    expect(hopTimeline([hop({ publishAt: null, publishEndAt: null })]).rows[0]).toMatchObject({ publish: null, dwell: null });
    expect(hopTimeline([])).toEqual({ startNano: 0n, endNano: 0n, rows: [] });
  });
});
