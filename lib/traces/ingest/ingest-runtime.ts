import http from "node:http";
import { db } from "../../db";
import { databaseConfig, env } from "../../env";
import { createSpanWriter } from "../span-store/create-span-writer";
import { createIngestService, type IngestService } from "./ingest-service";

// One receiver per process, shared by the app server's /v1/traces and the OTLP port listener.
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
      // SQLite has one writer thread: a second batch in flight is mapped to rows and handed over
      // while the first commits. PostgreSQL takes a few concurrent transactions well.
      writeConcurrency: config.provider === "sqlite" ? 2 : 4,
      maxPendingSpans: 64 * 512,
      maxRequestsInFlight: 16,
    });
  }
  return holder.eventscopeIngest;
}

function numberHeader(value: string | null | undefined): number | null {
  return value ? Number(value) : null;
}

/** Answers one OTLP/HTTP request of a Node.js server (the app server's /v1/traces and the OTLP port). */
export function serveOtlpRequest(service: IngestService, request: http.IncomingMessage, response: http.ServerResponse): void {
  const send = (status: number, headers: Record<string, string>, body: Uint8Array) => {
    response.writeHead(status, headers);
    response.end(body);
  };
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
}

/**
 * Listens on the OTLP/HTTP default port as well, so an SDK configured with nothing but
 * OTEL_EXPORTER_OTLP_ENDPOINT=http://host:4318 reaches Eventscope.
 */
export function startOtlpPortListener(service: IngestService, port: number, hostname: string): http.Server {
  const server = http.createServer((request, response) => {
    const refuse = (status: number, headers: Record<string, string>, text: string) => {
      response.writeHead(status, { ...headers, "content-type": "text/plain" });
      response.end(text);
    };
    if (request.url?.split("?")[0] !== "/v1/traces") return refuse(404, {}, "only /v1/traces is served here\n");
    if (request.method !== "POST") return refuse(405, { allow: "POST" }, "use POST\n");
    serveOtlpRequest(service, request, response);
  });
  server.on("error", (error) => console.error(`[eventscope] cannot listen for OTLP on port ${port}:`, error.message));
  server.listen(port, hostname);
  return server;
}
