import http from "node:http";
import { db } from "../../db";
import { databaseConfig, env } from "../../env";
import { createSpanWriter } from "../span-store/create-span-writer";
import { createIngestService, type IngestService, type OtlpHttpRequest } from "./ingest-service";
import type { OtlpHttpResponse } from "./otlp-response";

// One receiver per process, shared by the Next.js route and the OTLP port listener.
const holder = globalThis as typeof globalThis & { eventscopeIngest?: IngestService };

export function ingestService(): IngestService {
  if (!holder.eventscopeIngest) {
    const settings = env();
    const config = databaseConfig(settings);
    holder.eventscopeIngest = createIngestService({
      database: db(),
      writer: createSpanWriter(config),
      maxBodyBytes: Math.round(settings.EVENTSCOPE_OTLP_MAX_BODY_MB * 1024 * 1024),
      token: settings.EVENTSCOPE_INGEST_TOKEN,
      eventTypeAttributes: settings.EVENTSCOPE_EVENT_TYPE_ATTRIBUTES,
      businessKeyAttributes: settings.EVENTSCOPE_BUSINESS_KEYS,
      // SQLite has one writer; PostgreSQL takes a few concurrent transactions well.
      writeConcurrency: config.provider === "sqlite" ? 1 : 4,
      maxPendingSpans: 64 * 512,
      maxRequestsInFlight: 16,
    });
  }
  return holder.eventscopeIngest;
}

function numberHeader(value: string | null | undefined): number | null {
  return value ? Number(value) : null;
}

/** Adapts a fetch-style Request (the Next.js route). */
export function fromWebRequest(request: Request): OtlpHttpRequest {
  const empty = (async function* () {})();
  return {
    contentType: request.headers.get("content-type"),
    contentEncoding: request.headers.get("content-encoding"),
    contentLength: numberHeader(request.headers.get("content-length")),
    authorization: request.headers.get("authorization"),
    body: (request.body as AsyncIterable<Uint8Array> | null) ?? empty,
  };
}

export function toWebResponse(response: OtlpHttpResponse): Response {
  return new Response(response.body.byteLength === 0 ? null : Buffer.from(response.body), { status: response.status, headers: response.headers });
}

/**
 * Listens on the OTLP/HTTP default port as well, so an SDK configured with nothing but
 * OTEL_EXPORTER_OTLP_ENDPOINT=http://host:4318 reaches Eventscope.
 */
export function startOtlpPortListener(service: IngestService, port: number, hostname: string): http.Server {
  const server = http.createServer((request, response) => {
    const send = (status: number, headers: Record<string, string>, body: Uint8Array) => {
      response.writeHead(status, headers);
      response.end(body);
    };
    if (request.url?.split("?")[0] !== "/v1/traces") return send(404, { "content-type": "text/plain" }, Buffer.from("only /v1/traces is served here\n"));
    if (request.method !== "POST") return send(405, { allow: "POST", "content-type": "text/plain" }, Buffer.from("use POST\n"));
    service
      .handle({
        contentType: request.headers["content-type"] ?? null,
        contentEncoding: request.headers["content-encoding"] ?? null,
        contentLength: numberHeader(request.headers["content-length"]),
        authorization: request.headers.authorization ?? null,
        body: request,
      })
      .then((result) => send(result.status, result.headers, result.body))
      .catch((error: unknown) => {
        console.error("[eventscope] OTLP request failed:", error);
        send(500, { "content-type": "application/json" }, Buffer.from('{"code":13,"message":"internal error"}'));
      });
  });
  server.on("error", (error) => console.error(`[eventscope] cannot listen for OTLP on port ${port}:`, error.message));
  server.listen(port, hostname);
  return server;
}
