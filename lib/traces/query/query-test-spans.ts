import { randomBytes } from "node:crypto";
import type { SpanRecord } from "../span-store/span-record";

/** Helpers for the query integration tests: unique ids per run, so runs and other suites never collide. */
export const newTraceId = () => randomBytes(16).toString("hex");
export const newSpanId = () => randomBytes(8).toString("hex");
export const uniqueValue = (prefix: string) => `${prefix}-${randomBytes(6).toString("hex")}`;

/** A span record with defaults; `startMs`/`durationMs` are offsets from `origin`. */
export function spanRecord(origin: bigint, overrides: Partial<SpanRecord> & { traceId: string; startMs?: number; durationMs?: number; attributeMap?: Record<string, unknown> }): SpanRecord {
  const { startMs = 0, durationMs = 1, attributeMap = {}, ...rest } = overrides;
  const start = origin + BigInt(Math.round(startMs * 1_000_000));
  const keys = Object.entries(attributeMap)
    .filter(([key]) => key === "order.id")
    .map(([key, value]) => ({ key, value: String(value) }));
  return {
    spanId: newSpanId(),
    parentSpanId: null,
    serviceName: "checkout",
    name: "span",
    kind: 1,
    startTimeUnixNano: start,
    endTimeUnixNano: start + BigInt(Math.round(durationMs * 1_000_000)),
    statusCode: 0,
    statusMessage: "",
    attributes: JSON.stringify(attributeMap),
    resource: "{}",
    events: "[]",
    messaging: null,
    links: [],
    keys,
    ...rest,
  };
}
