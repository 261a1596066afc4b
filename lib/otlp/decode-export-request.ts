import { MalformedBodyError } from "./assemble-span";
import { decodeJsonTraceRequest } from "./decode-json";
import { decodeProtobufTraceRequest } from "./decode-protobuf";
import type { DecodeOptions, DecodeResult } from "./types";

/** The content types OTLP/HTTP defines for traces, by their media type alone. */
export const OTLP_PROTOBUF_CONTENT_TYPE = "application/x-protobuf";
export const OTLP_JSON_CONTENT_TYPE = "application/json";

/** What kind of body a Content-Type header announces, or null for one OTLP/HTTP does not define. */
export function otlpBodyFormat(contentType: string): "protobuf" | "json" | null {
  const mediaType = (contentType.split(";", 1)[0] ?? "").trim().toLowerCase();
  if (mediaType === OTLP_PROTOBUF_CONTENT_TYPE || mediaType === "application/protobuf") return "protobuf";
  if (mediaType === OTLP_JSON_CONTENT_TYPE) return "json";
  return null;
}

/**
 * Decodes an OTLP/HTTP trace export body (already gunzipped) into spans ready to store.
 *
 * `application/x-protobuf` and `application/json` are understood, with or without parameters
 * such as `; charset=utf-8`; any other type is a 415. A body that does not decode is a 400. An
 * undecodable span does not fail the request: it is counted, with a reason, in `rejected` (as
 * OTLP's partial success reports it). A request without resourceSpans is fine and has no spans.
 */
export function decodeTraceExport(body: Buffer, contentType: string, options: DecodeOptions = {}): DecodeResult {
  const format = otlpBodyFormat(contentType);
  if (format === null) {
    return {
      ok: false,
      status: 415,
      message: `Unsupported content type "${contentType}": send ${OTLP_PROTOBUF_CONTENT_TYPE} or ${OTLP_JSON_CONTENT_TYPE}`,
    };
  }
  try {
    const { spans, rejected } = format === "protobuf" ? decodeProtobufTraceRequest(body, options) : decodeJsonTraceRequest(body.toString("utf8"), options);
    return { ok: true, spans, rejected: rejected.toJSON() };
  } catch (error) {
    if (!(error instanceof MalformedBodyError)) throw error;
    const what = format === "protobuf" ? "a protobuf" : "an OTLP/JSON";
    return { ok: false, status: 400, message: `The body is not ${what} ExportTraceServiceRequest: ${error.message}` };
  }
}
