import http from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import next from "next";
import { AppError, toErrorBody } from "../errors";
import { ingestService, serveOtlpRequest } from "../traces/ingest/ingest-runtime";
import { getTraceDetail } from "../traces/query/get-trace-detail";
import { spanReader } from "../traces/span-store/span-reader";

const gzipAsync = promisify(gzip);

/**
 * Sends `data` as JSON, over 8 KiB gzipped for clients that accept it. Node.js's own response, not
 * a web Response: building and reading those cost a tenth of a millisecond or more a request here.
 */
async function sendJson(request: http.IncomingMessage, response: http.ServerResponse, data: unknown): Promise<void> {
  let body = Buffer.from(JSON.stringify(data));
  const headers: http.OutgoingHttpHeaders = { "content-type": "application/json" };
  if (body.length > 8192) {
    headers.vary = "Accept-Encoding";
    if (/\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
      body = await gzipAsync(body);
      headers["content-encoding"] = "gzip";
    }
  }
  response.writeHead(200, { ...headers, "content-length": String(body.length) });
  response.end(body);
}

interface DirectRoute {
  path: RegExp;
  method: "GET" | "POST";
  serve(request: http.IncomingMessage, response: http.ServerResponse, match: RegExpExecArray): void | Promise<void>;
}

/**
 * The two hot paths are answered by this server itself, ahead of Next.js, whose own routing and
 * streaming cost 2–3 ms a request here: span ingestion (tens of requests a second per exporter)
 * and opening one trace by id. Everything else is Next.js's.
 */
const directRoutes: DirectRoute[] = [
  { path: /^\/v1\/traces$/, method: "POST", serve: (request, response) => serveOtlpRequest(ingestService(), request, response) },
  { path: /^\/api\/traces\/([^/]+)$/, method: "GET", serve: async (request, response, match) => sendJson(request, response, await getTraceDetail(spanReader(), decodeURIComponent(match[1]!))) },
];

function sendError(response: http.ServerResponse, error: unknown): void {
  const { status, body } = toErrorBody(error instanceof URIError ? new AppError("BAD_REQUEST", "the path is not valid percent-encoding") : error);
  if (status >= 500) console.error("[eventscope] request failed:", error);
  if (response.headersSent) return void response.destroy();
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

/** Serves the app (Next.js) on `port`, with {@link directRoutes} answered first. Resolves once listening. */
export async function startAppServer(options: { dev: boolean; dir: string; port: number; hostname: string }): Promise<{ close(): Promise<void> }> {
  const app = next({ dev: options.dev, dir: options.dir, hostname: options.hostname, port: options.port });
  const nextHandler = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((request, response) => {
    const pathname = (request.url ?? "/").split("?")[0]!;
    for (const direct of directRoutes) {
      const match = direct.path.exec(pathname);
      if (!match) continue;
      // Node.js leaves the body out of an answer to HEAD by itself.
      const allowed = direct.method === "GET" ? ["GET", "HEAD"] : [direct.method];
      if (!allowed.includes(request.method ?? "")) {
        response.writeHead(405, { allow: allowed.join(", ") });
        return void response.end();
      }
      Promise.resolve()
        .then(() => direct.serve(request, response, match))
        .catch((error: unknown) => sendError(response, error));
      return;
    }
    void nextHandler(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  return {
    async close() {
      await Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), app.close()]);
    },
  };
}
