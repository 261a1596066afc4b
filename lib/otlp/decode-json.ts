import { finiteOrName, finishSpan, MalformedBodyError, RejectionLog, safeIntegerOrString, setAttribute, sharedContext, type SpanContextShared } from "./assemble-span";
import { hexIdFromString, parentHexIdFromString, SPAN_ID_BYTES, SpanRejection, TRACE_ID_BYTES } from "./span-ids";
import type { AttributeValue, Attributes, DecodeOptions, NormalizedSpan, SpanEvent, SpanLink } from "./types";

type JsonObject = Record<string, unknown>;

const spanKindByName: Record<string, number> = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};
const statusCodeByName: Record<string, number> = { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 };
const unsignedPattern = /^\d+$/;
const signedPattern = /^-?\d+$/;

/**
 * The spans of an OTLP/JSON `ExportTraceServiceRequest`: lowerCamelCase or snake_case field
 * names, hex ids in either case, enums as integers or names, 64-bit integers as strings or
 * numbers, unknown fields ignored. Throws {@link MalformedBodyError} on invalid JSON or when the
 * request's containers have the wrong types; a span that cannot be stored is counted in
 * `rejected` instead.
 */
export function decodeJsonTraceRequest(text: string, options: DecodeOptions): { spans: NormalizedSpan[]; rejected: RejectionLog } {
  const root = asObject(parseJson(text), "the request");
  const spans: NormalizedSpan[] = [];
  const rejected = new RejectionLog();
  list(root, "resourceSpans", "resource_spans", "the request").forEach((resourceSpansValue, r) => {
    const where = `resourceSpans[${r}]`;
    const resourceSpans = asObject(resourceSpansValue, where);
    const resourceValue = pick(resourceSpans, "resource", "resource");
    const resource = resourceValue == null ? {} : keyValuesOrShapeError(asObject(resourceValue, `${where}.resource`), `${where}.resource`);
    let scopeKey: [string, string] = ["scope", "scope"];
    let scopeSpansList = list(resourceSpans, "scopeSpans", "scope_spans", where);
    if (scopeSpansList.length === 0) {
      // Receivers of OTLP before 1.0 got scopes under their old name.
      scopeSpansList = list(resourceSpans, "instrumentationLibrarySpans", "instrumentation_library_spans", where);
      scopeKey = ["instrumentationLibrary", "instrumentation_library"];
    }
    scopeSpansList.forEach((scopeSpansValue, s) => {
      const scopeWhere = `${where}.scopeSpans[${s}]`;
      const scopeSpans = asObject(scopeSpansValue, scopeWhere);
      const scopeValue = pick(scopeSpans, ...scopeKey);
      const scope = scopeValue == null ? {} : asObject(scopeValue, `${scopeWhere}.scope`);
      const shared = sharedContext(resource, { name: stringOr(scope.name, ""), version: stringOr(scope.version, "") });
      list(scopeSpans, "spans", "spans", scopeWhere).forEach((spanValue, i) => {
        try {
          spans.push(convertSpan(spanValue, shared, options));
        } catch (error) {
          const name = isObject(spanValue) && typeof spanValue.name === "string" ? spanValue.name : "";
          rejected.add(`${scopeWhere}.spans[${i}] "${name}"`, error);
        }
      });
    });
  });
  return { spans, rejected };
}

function convertSpan(value: unknown, shared: SpanContextShared, options: DecodeOptions): NormalizedSpan {
  if (!isObject(value)) throw new SpanRejection("span is not an object");
  const status = pick(value, "status", "status");
  const statusObject = isObject(status) ? status : {};
  return finishSpan(
    {
      traceId: hexIdFromString(pick(value, "traceId", "trace_id"), TRACE_ID_BYTES, "traceId"),
      spanId: hexIdFromString(pick(value, "spanId", "span_id"), SPAN_ID_BYTES, "spanId"),
      parentSpanId: parentHexIdFromString(pick(value, "parentSpanId", "parent_span_id")),
      name: stringOr(value.name, ""),
      kind: enumValue(value.kind, spanKindByName, "kind"),
      startTimeUnixNano: uint64(pick(value, "startTimeUnixNano", "start_time_unix_nano"), "startTimeUnixNano"),
      endTimeUnixNano: uint64(pick(value, "endTimeUnixNano", "end_time_unix_nano"), "endTimeUnixNano"),
      statusCode: enumValue(statusObject.code, statusCodeByName, "status.code"),
      statusMessage: stringOr(statusObject.message, ""),
      attributes: keyValues(value.attributes, "attributes"),
      events: events(value.events),
      links: links(value.links),
    },
    shared,
    options,
  );
}

function events(value: unknown): SpanEvent[] {
  if (value == null) return [];
  if (!Array.isArray(value)) throw new SpanRejection("events is not an array");
  return value.map((event: unknown) => {
    if (!isObject(event)) throw new SpanRejection("an event is not an object");
    return {
      name: stringOr(event.name, ""),
      timeUnixNano: uint64(pick(event, "timeUnixNano", "time_unix_nano"), "event timeUnixNano") ?? 0n,
      attributes: keyValues(event.attributes, "event attributes"),
    };
  });
}

/** Links whose ids are unusable are dropped; the span itself is kept. */
function links(value: unknown): SpanLink[] {
  if (value == null) return [];
  if (!Array.isArray(value)) throw new SpanRejection("links is not an array");
  const result: SpanLink[] = [];
  for (const link of value) {
    if (!isObject(link)) continue;
    try {
      result.push({
        traceId: hexIdFromString(pick(link, "traceId", "trace_id"), TRACE_ID_BYTES, "link traceId"),
        spanId: hexIdFromString(pick(link, "spanId", "span_id"), SPAN_ID_BYTES, "link spanId"),
        attributes: keyValues(link.attributes, "link attributes"),
      });
    } catch (error) {
      if (!(error instanceof SpanRejection)) throw error;
    }
  }
  return result;
}

function keyValuesOrShapeError(holder: JsonObject, where: string): Attributes {
  try {
    return keyValues(holder.attributes, `${where}.attributes`);
  } catch (error) {
    throw error instanceof SpanRejection ? new MalformedBodyError(error.message) : error;
  }
}

function keyValues(value: unknown, field: string): Attributes {
  const attributes: Attributes = {};
  if (value == null) return attributes;
  if (!Array.isArray(value)) throw new SpanRejection(`${field} is not an array`);
  for (const entry of value) {
    if (isObject(entry) && typeof entry.key === "string" && entry.key !== "") setAttribute(attributes, entry.key, anyValue(entry.value, field));
  }
  return attributes;
}

function anyValue(value: unknown, field: string): AttributeValue {
  if (!isObject(value)) return null;
  let found: unknown;
  if ((found = pick(value, "stringValue", "string_value")) !== undefined) return typeof found === "string" ? found : String(found);
  if ((found = pick(value, "intValue", "int_value")) !== undefined) return int64(found, field);
  if ((found = pick(value, "boolValue", "bool_value")) !== undefined) return found === true || found === "true";
  if ((found = pick(value, "doubleValue", "double_value")) !== undefined) return finiteOrName(typeof found === "number" ? found : Number(found));
  if ((found = pick(value, "arrayValue", "array_value")) !== undefined) {
    const values = isObject(found) ? found.values : undefined;
    return Array.isArray(values) ? values.map((element: unknown) => anyValue(element, field)) : [];
  }
  if ((found = pick(value, "kvlistValue", "kvlist_value")) !== undefined) return keyValues(isObject(found) ? found.values : undefined, field);
  if ((found = pick(value, "bytesValue", "bytes_value")) !== undefined) return typeof found === "string" ? found : null;
  return null;
}

function int64(value: unknown, field: string): number | string {
  // An unsafe integer lost digits in JSON.parse already; BigInt spells the double it became exactly, as protobuf would.
  if (typeof value === "number" && Number.isInteger(value)) return Number.isSafeInteger(value) ? value : BigInt(value).toString();
  if (typeof value === "string" && signedPattern.test(value)) return safeIntegerOrString(BigInt(value));
  throw new SpanRejection(`${field} has an intValue that is not an integer`);
}

function uint64(value: unknown, field: string): bigint | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" && unsignedPattern.test(value)) return BigInt(value);
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return BigInt(value);
  throw new SpanRejection(`${field} is not an unsigned integer`);
}

function enumValue(value: unknown, byName: Record<string, number>, field: string): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string") {
    const named = Object.hasOwn(byName, value) ? byName[value] : undefined;
    if (named !== undefined) return named;
    if (unsignedPattern.test(value)) return Number(value);
  }
  throw new SpanRejection(`${field} is not a known enum value`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new MalformedBodyError(`invalid JSON: ${(error as Error).message}`);
  }
}

function pick(object: JsonObject, camel: string, snake: string): unknown {
  const value = object[camel];
  return value !== undefined ? value : object[snake];
}

function list(object: JsonObject, camel: string, snake: string, where: string): unknown[] {
  const value = pick(object, camel, snake);
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new MalformedBodyError(`${where}: ${camel} is not an array`);
  return value;
}

function asObject(value: unknown, where: string): JsonObject {
  if (!isObject(value)) throw new MalformedBodyError(`${where} is not a JSON object`);
  return value;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" ? value : fallback;
}
