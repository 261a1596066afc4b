import { createRequire } from "node:module";

/**
 * A protobufjs 64-bit integer as the generated code hands it out (a long.js `Long`), or a plain
 * number when long.js could not be loaded.
 */
export type LongLike = { low: number; high: number; unsigned?: boolean } | number;

/** `opentelemetry.proto.common.v1.AnyValue`: at most one field is non-null. */
export interface PbAnyValue {
  stringValue?: string | null;
  boolValue?: boolean | null;
  intValue?: LongLike | null;
  doubleValue?: number | null;
  arrayValue?: { values?: PbAnyValue[] | null } | null;
  kvlistValue?: { values?: PbKeyValue[] | null } | null;
  bytesValue?: Uint8Array | null;
}

/** `opentelemetry.proto.common.v1.KeyValue`. */
export interface PbKeyValue {
  key?: string | null;
  value?: PbAnyValue | null;
}

/** `opentelemetry.proto.trace.v1.Span.Event`. */
export interface PbEvent {
  timeUnixNano?: LongLike | null;
  name?: string | null;
  attributes?: PbKeyValue[] | null;
}

/** `opentelemetry.proto.trace.v1.Span.Link`. */
export interface PbLink {
  traceId?: Uint8Array | null;
  spanId?: Uint8Array | null;
  attributes?: PbKeyValue[] | null;
}

/** `opentelemetry.proto.trace.v1.Span`. */
export interface PbSpan {
  traceId?: Uint8Array | null;
  spanId?: Uint8Array | null;
  parentSpanId?: Uint8Array | null;
  name?: string | null;
  kind?: number | null;
  startTimeUnixNano?: LongLike | null;
  endTimeUnixNano?: LongLike | null;
  attributes?: PbKeyValue[] | null;
  events?: PbEvent[] | null;
  links?: PbLink[] | null;
  status?: { message?: string | null; code?: number | null } | null;
}

/** `opentelemetry.proto.trace.v1.ScopeSpans`. */
export interface PbScopeSpans {
  scope?: { name?: string | null; version?: string | null } | null;
  spans?: PbSpan[] | null;
}

/** `opentelemetry.proto.trace.v1.ResourceSpans`. */
export interface PbResourceSpans {
  resource?: { attributes?: PbKeyValue[] | null } | null;
  scopeSpans?: PbScopeSpans[] | null;
}

/** `opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest`. */
export interface PbExportTraceServiceRequest {
  resourceSpans?: PbResourceSpans[] | null;
}

interface GeneratedMessageType<T> {
  decode(buffer: Uint8Array): T;
  encode(message: T): { finish(): Uint8Array };
}

interface GeneratedRoot {
  opentelemetry: {
    proto: { collector: { trace: { v1: { ExportTraceServiceRequest: GeneratedMessageType<PbExportTraceServiceRequest> } } } };
  };
}

// The 0.200 transformer ships protobufjs static code as CommonJS; loading it once here keeps the
// untyped module behind this facade.
const require = createRequire(import.meta.url);
const root = require("otlp-generated-protobuf/build/src/generated/root.js") as GeneratedRoot;

/**
 * The generated `ExportTraceServiceRequest` codec. `decode` throws on malformed input; 64-bit
 * fields come back as {@link LongLike} and bytes fields as views into the input buffer.
 */
export const ExportTraceServiceRequest = root.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
