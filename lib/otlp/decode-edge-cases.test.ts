import { describe, expect, it } from "vitest";
import { decodeTraceExport } from "./decode-export-request";
import { ExportTraceServiceRequest, type LongLike } from "./generated-protos";
import type { NormalizedSpan } from "./types";

const traceId = "5b8efff798038103d269b633813fc60c";
const spanId = "eee19b7ec3c1b174";
const parentId = "eee19b7ec3c1b173";

function json(request: unknown, contentType = "application/json"): ReturnType<typeof decodeTraceExport> {
  return decodeTraceExport(Buffer.from(JSON.stringify(request)), contentType);
}

function onlySpan(request: unknown): NormalizedSpan {
  const result = json(request);
  if (!result.ok) throw new Error(result.message);
  expect(result.rejected.count).toBe(0);
  expect(result.spans).toHaveLength(1);
  return result.spans[0] as NormalizedSpan;
}

function request(span: Record<string, unknown>, resourceAttributes: unknown[] = []): unknown {
  return { resourceSpans: [{ resource: { attributes: resourceAttributes }, scopeSpans: [{ scope: { name: "hand", version: "1" }, spans: [span] }] }] };
}

const minimal = { traceId, spanId, name: "op", startTimeUnixNano: "1700000000000000001", endTimeUnixNano: "1700000000000000002" };

describe("hand-made OTLP/JSON", () => {
  it("accepts int64 as strings and as numbers", () => {
    const span = onlySpan(
      request({
        ...minimal,
        startTimeUnixNano: 1_700_000_000_000_000_000,
        endTimeUnixNano: "1700000000000000999",
        attributes: [
          { key: "as.string", value: { intValue: "9223372036854775807" } },
          { key: "as.small.string", value: { intValue: "-12" } },
          { key: "as.number", value: { intValue: 12 } },
        ],
      }),
    );
    expect(span.startTimeUnixNano).toBe(1_700_000_000_000_000_000n);
    expect(span.endTimeUnixNano).toBe(1_700_000_000_000_000_999n);
    expect(span.attributes).toEqual({ "as.string": "9223372036854775807", "as.small.string": -12, "as.number": 12 });
  });

  it("accepts enum names as well as integers", () => {
    const named = onlySpan(request({ ...minimal, kind: "SPAN_KIND_CONSUMER", status: { code: "STATUS_CODE_ERROR", message: "nope" } }));
    expect(named).toMatchObject({ kind: 5, statusCode: 2, statusMessage: "nope" });
    const numbered = onlySpan(request({ ...minimal, kind: 3, status: { code: 1 } }));
    expect(numbered).toMatchObject({ kind: 3, statusCode: 1, statusMessage: "" });
  });

  it("lower-cases upper-case hex ids", () => {
    const span = onlySpan(request({ ...minimal, traceId: traceId.toUpperCase(), spanId: spanId.toUpperCase(), parentSpanId: parentId.toUpperCase() }));
    expect(span).toMatchObject({ traceId, spanId, parentSpanId: parentId });
  });

  it("accepts base64 ids as protobuf's generic JSON mapping writes them", () => {
    const base64 = (id: string) => Buffer.from(id, "hex").toString("base64");
    const span = onlySpan(request({ ...minimal, traceId: base64(traceId), spanId: base64(spanId), parentSpanId: base64(parentId).replace(/=+$/, "") }));
    expect(span).toMatchObject({ traceId, spanId, parentSpanId: parentId });
  });

  it("ignores unknown fields at every level", () => {
    const span = onlySpan({
      futureField: { nested: true },
      resourceSpans: [
        {
          unknown: 1,
          resource: { attributes: [{ key: "service.name", value: { stringValue: "svc", extra: 1 } }], droppedAttributesCount: 0, entityRefs: [] },
          scopeSpans: [{ scope: { name: "s", attributes: [] }, schemaUrl: "x", spans: [{ ...minimal, traceState: "a=b", flags: 257, somethingNew: [1, 2] }] }],
        },
      ],
    });
    expect(span).toMatchObject({ serviceName: "svc", name: "op", scope: { name: "s", version: "" } });
  });

  it("reads snake_case field names", () => {
    const span = onlySpan({
      resource_spans: [
        {
          resource: { attributes: [{ key: "service.name", value: { string_value: "snake" } }] },
          scope_spans: [
            {
              spans: [
                {
                  trace_id: traceId,
                  span_id: spanId,
                  parent_span_id: parentId,
                  name: "snaky",
                  start_time_unix_nano: "10",
                  end_time_unix_nano: "20",
                  attributes: [
                    { key: "n", value: { int_value: "5" } },
                    { key: "list", value: { array_value: { values: [{ bool_value: true }, { double_value: 0.5 }] } } },
                  ],
                  events: [{ name: "e", time_unix_nano: "15" }],
                  links: [{ trace_id: traceId, span_id: parentId }],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(span).toMatchObject({ serviceName: "snake", parentSpanId: parentId, startTimeUnixNano: 10n, endTimeUnixNano: 20n });
    expect(span.attributes).toEqual({ n: 5, list: [true, 0.5] });
    expect(span.events).toEqual([{ name: "e", timeUnixNano: 15n, attributes: {} }]);
    expect(span.links).toEqual([{ traceId, spanId: parentId, attributes: {} }]);
  });

  it("normalises every AnyValue kind", () => {
    const span = onlySpan(
      request({
        ...minimal,
        attributes: [
          { key: "bytes", value: { bytesValue: "AQID" } },
          { key: "map", value: { kvlistValue: { values: [{ key: "inner", value: { stringValue: "x" } }, { key: "__proto__", value: { intValue: 1 } }] } } },
          { key: "nan", value: { doubleValue: "NaN" } },
          { key: "inf", value: { doubleValue: "-Infinity" } },
          { key: "empty", value: {} },
          { key: "no-value" },
        ],
      }),
    );
    expect(span.attributes.bytes).toBe("AQID");
    expect(JSON.parse(JSON.stringify(span.attributes.map))).toEqual({ inner: "x", ["__proto__"]: 1 });
    expect(Object.getPrototypeOf(span.attributes.map)).toBe(Object.prototype);
    expect(span.attributes).toMatchObject({ nan: "NaN", inf: "-Infinity", empty: null, "no-value": null });
  });

  it("defaults the service name to unknown_service", () => {
    expect(onlySpan(request(minimal)).serviceName).toBe("unknown_service");
    expect(onlySpan(request(minimal, [{ key: "service.name", value: { stringValue: "" } }])).serviceName).toBe("unknown_service");
  });

  it.each([{}, { resourceSpans: [] }, { resourceSpans: [{ scopeSpans: [] }] }, { resourceSpans: null }])("accepts the empty request %j", (empty) => {
    expect(json(empty)).toEqual({ ok: true, spans: [], rejected: { count: 0, reasons: [] } });
  });

  it("accepts a charset parameter, a byte order mark and upper-case media types", () => {
    const body = Buffer.from(`\ufeff${JSON.stringify(request(minimal))}`);
    const result = decodeTraceExport(body, "Application/JSON; charset=utf-8");
    expect(result.ok && result.spans).toHaveLength(1);
  });

  it.each([
    ["not JSON", "{resourceSpans"],
    ["an array", "[]"],
    ["resourceSpans of the wrong type", JSON.stringify({ resourceSpans: {} })],
    ["a scope that is no object", JSON.stringify({ resourceSpans: [{ scopeSpans: [{ scope: 5, spans: [] }] }] })],
    ["a resource with malformed attributes", JSON.stringify({ resourceSpans: [{ resource: { attributes: {} } }] })],
  ])("answers 400 for %s", (_what, body) => {
    const result = decodeTraceExport(Buffer.from(body), "application/json");
    expect(result).toMatchObject({ ok: false, status: 400 });
  });
});

describe("hand-made protobuf", () => {
  it("normalises every AnyValue kind and int64 extremes", () => {
    const long = (value: string) => value as unknown as LongLike;
    const body = ExportTraceServiceRequest.encode({
      resourceSpans: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "pb" } }] },
          scopeSpans: [
            {
              spans: [
                {
                  traceId: Uint8Array.from(Buffer.from(traceId, "hex")),
                  spanId: Uint8Array.from(Buffer.from(spanId, "hex")),
                  name: "pb",
                  kind: 9,
                  startTimeUnixNano: long("18446744073709551615"),
                  endTimeUnixNano: long("18446744073709551615"),
                  status: { code: 7 },
                  attributes: [
                    { key: "max", value: { intValue: long("9223372036854775807") } },
                    { key: "min", value: { intValue: long("-9223372036854775808") } },
                    { key: "minus.one", value: { intValue: long("-1") } },
                    { key: "bytes", value: { bytesValue: Uint8Array.from([1, 2, 3]) } },
                    { key: "map", value: { kvlistValue: { values: [{ key: "deep", value: { arrayValue: { values: [{ doubleValue: Number.NaN }, {}] } } }] } } },
                    { key: "", value: { stringValue: "no key" } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    }).finish();
    const result = decodeTraceExport(Buffer.from(body), "application/x-protobuf");
    if (!result.ok) throw new Error(result.message);
    const span = result.spans[0];
    expect(span).toMatchObject({ serviceName: "pb", kind: 0, statusCode: 0, startTimeUnixNano: 18446744073709551615n });
    expect(span?.attributes).toEqual({
      max: "9223372036854775807",
      min: "-9223372036854775808",
      "minus.one": -1,
      bytes: "AQID",
      map: { deep: ["NaN", null] },
    });
  });
});
