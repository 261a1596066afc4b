import { finiteOrName, finishSpan, MalformedBodyError, RejectionLog, setAttribute, sharedContext, type SpanContextShared } from "./assemble-span";
import {
  ExportTraceServiceRequest,
  type LongLike,
  type PbAnyValue,
  type PbEvent,
  type PbExportTraceServiceRequest,
  type PbKeyValue,
  type PbLink,
  type PbSpan,
} from "./generated-protos";
import { hexIdFromBytes, parentHexIdFromBytes, SPAN_ID_BYTES, TRACE_ID_BYTES } from "./span-ids";
import type { AttributeValue, Attributes, DecodeOptions, NormalizedSpan, SpanEvent, SpanLink } from "./types";

const TWO_TO_32 = 4294967296;

/**
 * The spans of a binary OTLP `ExportTraceServiceRequest`, read straight off the protobufjs
 * static code's messages (no `toObject` of the whole request). Throws {@link MalformedBodyError}
 * when the body is not valid protobuf; spans that cannot be stored are counted in `rejected`.
 */
export function decodeProtobufTraceRequest(body: Uint8Array, options: DecodeOptions): { spans: NormalizedSpan[]; rejected: RejectionLog } {
  const request = decodeRequest(body);
  const spans: NormalizedSpan[] = [];
  const rejected = new RejectionLog();
  const resourceSpansList = request.resourceSpans ?? [];
  for (let r = 0; r < resourceSpansList.length; r++) {
    const resourceSpans = resourceSpansList[r];
    if (!resourceSpans) continue;
    const resource = keyValues(resourceSpans.resource?.attributes);
    const scopeSpansList = resourceSpans.scopeSpans ?? [];
    for (let s = 0; s < scopeSpansList.length; s++) {
      const scopeSpans = scopeSpansList[s];
      if (!scopeSpans) continue;
      const shared = sharedContext(resource, { name: scopeSpans.scope?.name ?? "", version: scopeSpans.scope?.version ?? "" });
      const spanList = scopeSpans.spans ?? [];
      for (let i = 0; i < spanList.length; i++) {
        const span = spanList[i];
        if (!span) continue;
        try {
          spans.push(convertSpan(span, shared, options));
        } catch (error) {
          rejected.add(`resourceSpans[${r}].scopeSpans[${s}].spans[${i}] "${span.name ?? ""}"`, error);
        }
      }
    }
  }
  return { spans, rejected };
}

function decodeRequest(body: Uint8Array): PbExportTraceServiceRequest {
  try {
    return ExportTraceServiceRequest.decode(body);
  } catch (error) {
    throw new MalformedBodyError(`invalid protobuf: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function convertSpan(span: PbSpan, shared: SpanContextShared, options: DecodeOptions): NormalizedSpan {
  return finishSpan(
    {
      traceId: hexIdFromBytes(span.traceId, TRACE_ID_BYTES, "traceId"),
      spanId: hexIdFromBytes(span.spanId, SPAN_ID_BYTES, "spanId"),
      parentSpanId: parentHexIdFromBytes(span.parentSpanId),
      name: span.name ?? "",
      kind: span.kind ?? 0,
      startTimeUnixNano: uint64(span.startTimeUnixNano),
      endTimeUnixNano: uint64(span.endTimeUnixNano),
      statusCode: span.status?.code ?? 0,
      statusMessage: span.status?.message ?? "",
      attributes: keyValues(span.attributes),
      events: events(span.events),
      links: links(span.links),
    },
    shared,
    options,
  );
}

function events(list: PbEvent[] | null | undefined): SpanEvent[] {
  if (!list || list.length === 0) return [];
  return list.map((event) => ({ name: event.name ?? "", timeUnixNano: uint64(event.timeUnixNano) ?? 0n, attributes: keyValues(event.attributes) }));
}

/** Links whose ids are unusable are dropped; the span itself is kept. */
function links(list: PbLink[] | null | undefined): SpanLink[] {
  if (!list || list.length === 0) return [];
  const result: SpanLink[] = [];
  for (const link of list) {
    try {
      result.push({
        traceId: hexIdFromBytes(link.traceId, TRACE_ID_BYTES, "link traceId"),
        spanId: hexIdFromBytes(link.spanId, SPAN_ID_BYTES, "link spanId"),
        attributes: keyValues(link.attributes),
      });
    } catch {
      // An unusable link says nothing we could store.
    }
  }
  return result;
}

function keyValues(list: PbKeyValue[] | null | undefined): Attributes {
  const attributes: Attributes = {};
  if (!list) return attributes;
  for (let index = 0; index < list.length; index++) {
    const entry = list[index];
    if (entry?.key) setAttribute(attributes, entry.key, anyValue(entry.value));
  }
  return attributes;
}

function anyValue(value: PbAnyValue | null | undefined): AttributeValue {
  if (!value) return null;
  if (value.stringValue != null) return value.stringValue;
  if (value.intValue != null) return int64(value.intValue);
  if (value.boolValue != null) return value.boolValue;
  if (value.doubleValue != null) return finiteOrName(value.doubleValue);
  if (value.arrayValue != null) return (value.arrayValue.values ?? []).map(anyValue);
  if (value.kvlistValue != null) return keyValues(value.kvlistValue.values);
  if (value.bytesValue != null) return Buffer.from(value.bytesValue.buffer, value.bytesValue.byteOffset, value.bytesValue.byteLength).toString("base64");
  return null;
}

/** A signed int64 as a number when exact, else as a decimal string. */
function int64(value: LongLike): number | string {
  if (typeof value === "number") return value;
  const approximate = value.high * TWO_TO_32 + (value.low >>> 0);
  if (Number.isSafeInteger(approximate)) return approximate;
  return BigInt.asIntN(64, (BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0)).toString();
}

/** A fixed64 timestamp as a bigint; null when absent. */
function uint64(value: LongLike | null | undefined): bigint | null {
  if (value == null) return null;
  if (typeof value === "number") return BigInt(value);
  return (BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0);
}
