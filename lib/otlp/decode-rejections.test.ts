import { describe, expect, it } from "vitest";
import { MAX_REJECTION_REASONS } from "./assemble-span";
import { decodeTraceExport } from "./decode-export-request";
import { ExportTraceServiceRequest, type LongLike, type PbSpan } from "./generated-protos";

const hex = (text: string) => Uint8Array.from(Buffer.from(text, "hex"));
const traceId = "0af7651916cd43dd8448eb211c80319c";
const spanId = "b7ad6b7169203331";

interface SpanShape {
  name: string;
  traceId?: string;
  spanId?: string;
  parentSpanId?: string;
  start?: string;
  end?: string;
}

const good: SpanShape = { name: "good", traceId, spanId, start: "1700000000000000000", end: "1700000000000000500" };

const cases: { shape: SpanShape; reason: RegExp }[] = [
  { shape: { ...good, name: "short trace", traceId: "0af7651916cd43dd" }, reason: /traceId must be 16 bytes \(got 8\)|traceId must be 32 hex digits/ },
  { shape: { ...good, name: "long span", spanId: "b7ad6b716920333100" }, reason: /spanId must be 8 bytes \(got 9\)|spanId must be 16 hex digits/ },
  { shape: { ...good, name: "zero trace", traceId: "0".repeat(32) }, reason: /traceId is all zeros/ },
  { shape: { ...good, name: "zero span", spanId: "0".repeat(16) }, reason: /spanId is all zeros/ },
  { shape: { ...good, name: "no trace", traceId: undefined }, reason: /traceId must be/ },
  { shape: { ...good, name: "bad parent", parentSpanId: "b7ad6b71" }, reason: /parentSpanId must be/ },
  { shape: { ...good, name: "backwards", start: "1700000000000000500", end: "1700000000000000499" }, reason: /endTimeUnixNano is before startTimeUnixNano/ },
  { shape: { ...good, name: "no start", start: undefined }, reason: /startTimeUnixNano is missing/ },
  { shape: { ...good, name: "zero start", start: "0" }, reason: /startTimeUnixNano is missing/ },
  { shape: { ...good, name: "no end", end: undefined }, reason: /endTimeUnixNano is missing/ },
];

function toJson(shape: SpanShape): Record<string, unknown> {
  return { traceId: shape.traceId, spanId: shape.spanId, parentSpanId: shape.parentSpanId, name: shape.name, startTimeUnixNano: shape.start, endTimeUnixNano: shape.end };
}

function toProtobuf(shape: SpanShape): PbSpan {
  return {
    name: shape.name,
    traceId: shape.traceId === undefined ? null : hex(shape.traceId),
    spanId: shape.spanId === undefined ? null : hex(shape.spanId),
    parentSpanId: shape.parentSpanId === undefined ? null : hex(shape.parentSpanId),
    // protobufjs writes a fixed64 from a decimal string through long.js.
    startTimeUnixNano: shape.start === undefined ? null : (shape.start as unknown as LongLike),
    endTimeUnixNano: shape.end === undefined ? null : (shape.end as unknown as LongLike),
  };
}

const encodings = [
  {
    format: "JSON",
    body: (shapes: SpanShape[]) => Buffer.from(JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: shapes.map(toJson) }] }] })),
    contentType: "application/json",
  },
  {
    format: "protobuf",
    body: (shapes: SpanShape[]) => Buffer.from(ExportTraceServiceRequest.encode({ resourceSpans: [{ scopeSpans: [{ spans: shapes.map(toProtobuf) }] }] }).finish()),
    contentType: "application/x-protobuf",
  },
] as const;

describe.each(encodings)("rejecting unstorable $format spans", ({ body, contentType }) => {
  it("counts each with its reason and keeps the good ones", () => {
    const result = decodeTraceExport(body([good, ...cases.map((entry) => entry.shape), { ...good, name: "also good", spanId: "b7ad6b7169203332" }]), contentType);
    if (!result.ok) throw new Error(result.message);
    expect(result.spans.map((span) => span.name)).toEqual(["good", "also good"]);
    expect(result.rejected.count).toBe(cases.length);
    cases.forEach((entry, index) => {
      const reason = result.rejected.reasons[index];
      expect(reason).toContain(`"${entry.shape.name}"`);
      expect(reason).toContain(`spans[${index + 1}]`);
      expect(reason).toMatch(entry.reason);
    });
  });

  it("treats an all-zero parent id as a root span", () => {
    const result = decodeTraceExport(body([{ ...good, parentSpanId: "0".repeat(16) }]), contentType);
    expect(result.ok && result.spans[0]?.parentSpanId).toBeNull();
  });

  it("keeps the count exact but only the first reasons", () => {
    const shapes = Array.from({ length: MAX_REJECTION_REASONS + 5 }, (_, index) => ({ ...good, name: `zero ${index}`, spanId: "0".repeat(16) }));
    const result = decodeTraceExport(body(shapes), contentType);
    expect(result.ok && result.rejected.count).toBe(MAX_REJECTION_REASONS + 5);
    expect(result.ok && result.rejected.reasons).toHaveLength(MAX_REJECTION_REASONS);
  });
});

describe("JSON-only rejections", () => {
  it.each([
    ["a non-hex id", { ...toJson(good), spanId: "zzad6b7169203331" }, /spanId is not hex/],
    ["a 24-digit hex trace id (base64's length, not its bytes)", { ...toJson(good), traceId: "0af7651916cd43dd8448eb21" }, /traceId must be 32 hex digits \(got 24\)/],
    ["a time that is no integer", { ...toJson(good), startTimeUnixNano: "12.5" }, /startTimeUnixNano is not an unsigned integer/],
    ["an unknown kind name", { ...toJson(good), kind: "SPAN_KIND_SIDEWAYS" }, /kind is not a known enum value/],
    ["a span that is no object", "span", /span is not an object/],
  ])("rejects %s", (_what, span, reason) => {
    const result = decodeTraceExport(Buffer.from(JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [span, toJson(good)] }] }] })), "application/json");
    expect(result.ok && result.rejected.count).toBe(1);
    expect(result.ok && result.rejected.reasons[0]).toMatch(reason);
    expect(result.ok && result.spans).toHaveLength(1);
  });

  it("drops a link with unusable ids but keeps its span", () => {
    const span = { ...toJson(good), links: [{ traceId, spanId: "00" }, { traceId, spanId: "b7ad6b7169203339" }] };
    const result = decodeTraceExport(Buffer.from(JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] })), "application/json");
    expect(result.ok && result.spans[0]?.links).toEqual([{ traceId, spanId: "b7ad6b7169203339", attributes: {} }]);
  });
});

describe("whole-request failures", () => {
  it.each([
    ["a length that runs past the end", Buffer.from([0x0a, 0x50, 0x01, 0x02])],
    ["an invalid wire type", Buffer.from([0x0f, 0x01])],
    ["text", Buffer.from('{"resourceSpans":[]}')],
  ])("answers 400 for protobuf with %s", (_what, body) => {
    expect(decodeTraceExport(body, "application/x-protobuf")).toMatchObject({ ok: false, status: 400, message: expect.stringMatching(/protobuf/) });
  });

  it("accepts an empty protobuf body as the empty request", () => {
    expect(decodeTraceExport(Buffer.alloc(0), "application/x-protobuf")).toEqual({ ok: true, spans: [], rejected: { count: 0, reasons: [] } });
  });

  it.each(["text/plain", "application/grpc", "", "application/jsonx", "multipart/form-data; boundary=x"])("answers 415 for content type %j", (contentType) => {
    expect(decodeTraceExport(Buffer.from("{}"), contentType)).toMatchObject({ ok: false, status: 415 });
  });

  it("accepts protobuf content types with parameters", () => {
    expect(decodeTraceExport(Buffer.alloc(0), "application/x-protobuf; charset=binary").ok).toBe(true);
  });
});
