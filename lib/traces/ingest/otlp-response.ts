import protobuf from "protobufjs/minimal.js";

export type OtlpEncoding = "protobuf" | "json";

/** google.rpc.Status codes used in OTLP error responses. */
export const rpcCode = { INVALID_ARGUMENT: 3, RESOURCE_EXHAUSTED: 8, INTERNAL: 13, UNAVAILABLE: 14, UNAUTHENTICATED: 16 } as const;

export interface OtlpHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

const contentTypes: Record<OtlpEncoding, string> = { protobuf: "application/x-protobuf", json: "application/json" };

/**
 * ExportTraceServiceResponse: empty on full success; `partial_success` (field 1) with
 * `rejected_spans` (1, int64) and `error_message` (2) when some spans were not stored.
 */
export function exportResponse(encoding: OtlpEncoding, rejected: { count: number; message: string }): OtlpHttpResponse {
  let body: Uint8Array;
  if (encoding === "json") {
    const payload = rejected.count > 0 ? { partialSuccess: { rejectedSpans: String(rejected.count), errorMessage: rejected.message } } : {};
    body = Buffer.from(JSON.stringify(payload));
  } else if (rejected.count === 0) {
    body = new Uint8Array(0);
  } else {
    const writer = protobuf.Writer.create();
    writer.uint32((1 << 3) | 2).fork();
    writer.uint32((1 << 3) | 0).int64(rejected.count);
    writer.uint32((2 << 3) | 2).string(rejected.message);
    body = writer.ldelim().finish();
  }
  return { status: 200, headers: { "content-type": contentTypes[encoding] }, body };
}

/** A failed export: a google.rpc.Status in the request's encoding (plain JSON when it had none). */
export function errorResponse(
  encoding: OtlpEncoding,
  status: number,
  code: number,
  message: string,
  headers: Record<string, string> = {},
): OtlpHttpResponse {
  let body: Uint8Array;
  if (encoding === "json") {
    body = Buffer.from(JSON.stringify({ code, message }));
  } else {
    const writer = protobuf.Writer.create();
    writer.uint32((1 << 3) | 0).int32(code);
    writer.uint32((2 << 3) | 2).string(message);
    body = writer.finish();
  }
  return { status, headers: { "content-type": contentTypes[encoding], ...headers }, body };
}
