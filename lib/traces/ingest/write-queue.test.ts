import { describe, expect, it } from "vitest";
import type { SpanRecord, SpanWriter } from "../span-store/span-record";
import { WriteQueue } from "./write-queue";

function gatedWriter() {
  const written: number[] = [];
  let active = 0;
  let maxActive = 0;
  const gates: (() => void)[] = [];
  const writer: SpanWriter = {
    async write(records) {
      active += 1;
      maxActive = Math.max(maxActive, active);
      await new Promise<void>((resolve) => gates.push(resolve));
      written.push(records.length);
      active -= 1;
    },
    async close() {},
  };
  return { writer, written, gates, maxActive: () => maxActive };
}

const batch = (size: number) => Array.from({ length: size }, () => ({}) as SpanRecord);
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("WriteQueue", () => {
  it("runs at most `concurrency` writes at once, in order", async () => {
    const { writer, written, gates, maxActive } = gatedWriter();
    const queue = new WriteQueue(writer, { concurrency: 1, maxPendingSpans: 100, maxSpansPerWrite: 100 });
    const results = [queue.submit(batch(3)), queue.submit(batch(4)), queue.submit(batch(5))];
    for (let i = 0; i < 3; i++) {
      await tick();
      gates.shift()?.();
    }
    expect(await Promise.all(results)).toEqual([{ status: "written" }, { status: "written" }, { status: "written" }]);
    // The first batch is written alone; the two that arrived meanwhile go together.
    expect(written).toEqual([3, 9]);
    expect(maxActive()).toBe(1);
    expect(queue.pending).toBe(0);
  });

  it("groups waiting batches up to maxSpansPerWrite, in arrival order", async () => {
    const { writer, written, gates } = gatedWriter();
    const queue = new WriteQueue(writer, { concurrency: 1, maxPendingSpans: 100, maxSpansPerWrite: 10 });
    const results = [6, 4, 3, 5, 2].map((size) => queue.submit(batch(size)));
    for (let i = 0; i < 3; i++) {
      await tick();
      gates.shift()?.();
    }
    await Promise.all(results);
    expect(written).toEqual([6, 7, 7]);
  });

  it("fails every batch of a group whose write fails, and goes on with the next", async () => {
    let calls = 0;
    const flaky: SpanWriter = { write: async () => (++calls === 2 ? Promise.reject(new Error("disk full")) : undefined), close: async () => {} };
    const queue = new WriteQueue(flaky, { concurrency: 1, maxPendingSpans: 100, maxSpansPerWrite: 10 });
    const outcomes = await Promise.allSettled([2, 3, 4, 5, 6].map((size) => queue.submit(batch(size))));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "rejected", "fulfilled", "fulfilled"]);
    expect(queue.pending).toBe(0);
  });

  it("refuses a batch that would exceed the pending limit, and accepts again once drained", async () => {
    const { writer, gates } = gatedWriter();
    const queue = new WriteQueue(writer, { concurrency: 1, maxPendingSpans: 10, maxSpansPerWrite: 100 });
    const first = queue.submit(batch(8));
    expect(await queue.submit(batch(5))).toEqual({ status: "busy", retryAfterSeconds: 1 });
    await tick();
    gates.shift()?.();
    await first;
    const later = queue.submit(batch(5));
    await tick();
    gates.shift()?.();
    expect(await later).toEqual({ status: "written" });
  });

  it("always accepts one batch into an empty queue, however large", async () => {
    const { writer, gates } = gatedWriter();
    const queue = new WriteQueue(writer, { concurrency: 1, maxPendingSpans: 10, maxSpansPerWrite: 100 });
    const big = queue.submit(batch(50));
    await tick();
    gates.shift()?.();
    expect(await big).toEqual({ status: "written" });
  });

  it("releases its slot when a write fails", async () => {
    const failing: SpanWriter = { write: async () => Promise.reject(new Error("disk full")), close: async () => {} };
    const queue = new WriteQueue(failing, { concurrency: 1, maxPendingSpans: 10, maxSpansPerWrite: 100 });
    await expect(queue.submit(batch(2))).rejects.toThrow("disk full");
    expect(queue.pending).toBe(0);
    await expect(queue.submit(batch(2))).rejects.toThrow("disk full");
  });
});
