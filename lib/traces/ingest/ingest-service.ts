import { timingSafeEqual } from "node:crypto";
import type { Database } from "../../db";
import { decodeTraceExport, otlpBodyFormat } from "../../otlp/decode-export-request";
import { gunzipLimited } from "../../otlp/gunzip-limited";
import type { SpanWriter } from "../span-store/span-record";
import { cachedCatalogBindingIndex } from "./event-type-resolver";
import { errorResponse, exportResponse, rpcCode, type OtlpEncoding, type OtlpHttpResponse } from "./otlp-response";
import { readBodyLimited } from "./read-body-limited";
import { toSpanRecord } from "./to-span-record";
import { WriteQueue } from "./write-queue";

/** An OTLP/HTTP request, whichever server received it (the app server or the port-4318 listener). */
export interface OtlpHttpRequest {
  contentType: string | null;
  contentEncoding: string | null;
  contentLength: number | null;
  authorization: string | null;
  body: AsyncIterable<Uint8Array>;
}

export interface IngestOptions {
  database: Database;
  writer: SpanWriter;
  maxBodyBytes: number;
  /** When set, requests must carry `Authorization: Bearer <token>`. */
  token: string | undefined;
  eventTypeAttributes: readonly string[];
  businessKeyAttributes: readonly string[];
  writeConcurrency: number;
  maxPendingSpans: number;
  /**
   * Requests read and decoded at once; more get 503 with Retry-After. With `maxBodyBytes` this
   * bounds the memory that bodies can take, however many clients send at once.
   */
  maxRequestsInFlight: number;
}

export interface IngestService {
  handle(request: OtlpHttpRequest): Promise<OtlpHttpResponse>;
  close(): Promise<void>;
}

function tokenMatches(expected: string, authorization: string | null): boolean {
  const given = Buffer.from(authorization ?? "");
  const wanted = Buffer.from(`Bearer ${expected}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * The OTLP/HTTP trace receiver, per the OTLP specification: protobuf or JSON, optionally gzip,
 * bounded body size after decompression (413), undecodable bodies 400 (clients do not retry),
 * 503 with Retry-After when the store falls behind, partial success for spans that cannot be
 * stored. A 200 is sent only after the batch is committed.
 */
export function createIngestService(options: IngestOptions): IngestService {
  // Eight exporter batches a transaction: past that a bigger commit saves little and delays its first batch.
  const queue = new WriteQueue(options.writer, { concurrency: options.writeConcurrency, maxPendingSpans: options.maxPendingSpans, maxSpansPerWrite: 8 * 512 });
  const catalog = cachedCatalogBindingIndex(options.database);
  const maxMiB = Math.round(options.maxBodyBytes / 1024 / 1024);
  let inFlight = 0;

  async function handle(request: OtlpHttpRequest): Promise<OtlpHttpResponse> {
    const encoding = otlpBodyFormat(request.contentType ?? "");
    if (!encoding) {
      return errorResponse("json", 415, rpcCode.INVALID_ARGUMENT, `unsupported content type ${request.contentType ?? "(none)"}: use application/x-protobuf or application/json`);
    }
    if (options.token && !tokenMatches(options.token, request.authorization)) {
      return errorResponse(encoding, 401, rpcCode.UNAUTHENTICATED, "missing or wrong bearer token", { "www-authenticate": "Bearer" });
    }
    const contentEncoding = request.contentEncoding?.trim().toLowerCase() || "identity";
    if (contentEncoding !== "gzip" && contentEncoding !== "identity") {
      return errorResponse(encoding, 415, rpcCode.INVALID_ARGUMENT, `unsupported Content-Encoding ${contentEncoding}: use gzip or none`);
    }
    const tooLarge = () => errorResponse(encoding, 413, rpcCode.INVALID_ARGUMENT, `the request body is larger than ${maxMiB} MiB`);
    if (contentEncoding === "identity" && request.contentLength !== null && request.contentLength > options.maxBodyBytes) return tooLarge();

    if (inFlight >= options.maxRequestsInFlight) {
      return errorResponse(encoding, 503, rpcCode.UNAVAILABLE, "too many requests are being received at once; retry later", { "retry-after": "1" });
    }
    inFlight += 1;
    try {
      return await receive(request, encoding, contentEncoding, tooLarge);
    } finally {
      inFlight -= 1;
    }
  }

  async function receive(request: OtlpHttpRequest, encoding: OtlpEncoding, contentEncoding: string, tooLarge: () => OtlpHttpResponse): Promise<OtlpHttpResponse> {
    const raw = await readBodyLimited(request.body, options.maxBodyBytes);
    if (!raw.ok) return tooLarge();
    let body = raw.body;
    if (contentEncoding === "gzip") {
      const inflated = await gunzipLimited(body, options.maxBodyBytes);
      if (!inflated.ok) return errorResponse(encoding, inflated.status, rpcCode.INVALID_ARGUMENT, inflated.message);
      body = inflated.body;
    }

    const decoded = decodeTraceExport(body, request.contentType ?? "", { eventTypeAttributes: options.eventTypeAttributes });
    if (!decoded.ok) return errorResponse(encoding, decoded.status, rpcCode.INVALID_ARGUMENT, decoded.message);

    const index = await catalog();
    const records = decoded.spans.map((span) => toSpanRecord(span, index, options.businessKeyAttributes));
    try {
      const result = await queue.submit(records);
      if (result.status === "busy") {
        return errorResponse(encoding, 503, rpcCode.UNAVAILABLE, "the span store is catching up; retry later", { "retry-after": String(result.retryAfterSeconds) });
      }
    } catch (error) {
      console.error("[eventscope] storing spans failed:", error);
      return errorResponse(encoding, 503, rpcCode.UNAVAILABLE, "the span store is unavailable; retry later", { "retry-after": "5" });
    }
    return exportResponse(encoding, { count: decoded.rejected.count, message: decoded.rejected.reasons.join("; ") });
  }

  return { handle, close: () => options.writer.close() };
}
