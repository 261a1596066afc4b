import { SpanStatusCode, trace } from "@opentelemetry/api";
import type { z } from "zod";
import { AppError, toErrorBody } from "../errors";

type Schema = z.ZodType;
type Parsed<S> = S extends Schema ? z.infer<S> : undefined;

export interface RouteSpec<Q extends Schema | undefined, B extends Schema | undefined, P extends Schema | undefined> {
  /** Span name, e.g. "GET /api/health". */
  name: string;
  query?: Q;
  body?: B;
  params?: P;
  /** The error a body that fails `body` becomes; a 400 BAD_REQUEST unless the API says otherwise. */
  invalidBody?: (detail: string) => AppError;
}

export interface RouteInput<Q, B, P> {
  query: Parsed<Q>;
  body: Parsed<B>;
  params: Parsed<P>;
  request: Request;
}

/** Next.js passes dynamic segments as a promise since version 15. */
interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

/** How one API writes its answers: data as a response, and any thrown value as an error body. */
export interface ApiDialect {
  respond(data: unknown, status?: number): Response;
  translateError(error: unknown): { status: number; body: unknown };
}

const tracer = trace.getTracer("eventscope");

/**
 * Makes the route wrapper of one API: it parses query, body and params with zod, runs the
 * handler in a span, and turns every thrown value into the API's error shape, so handlers carry
 * no try/catch. A handler returns plain data (sent with 200) or a Response of its own.
 */
export function createRouteWrapper(dialect: ApiDialect) {
  return function wrap<Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined, P extends Schema | undefined = undefined>(
    spec: RouteSpec<Q, B, P>,
    handler: (input: RouteInput<Q, B, P>) => Promise<unknown>,
  ): (request: Request, context: RouteContext) => Promise<Response> {
    return (request, context) =>
      tracer.startActiveSpan(spec.name, async (span) => {
        try {
          const input = {
            request,
            query: parse(spec.query, Object.fromEntries(new URL(request.url).searchParams), "query"),
            params: parse(spec.params, await context.params, "path"),
            body: spec.body ? parse(spec.body, await readJson(request), "body", spec.invalidBody) : undefined,
          } as RouteInput<Q, B, P>;
          const result = await handler(input);
          return result instanceof Response ? result : dialect.respond(result);
        } catch (error) {
          const { status, body } = dialect.translateError(error);
          if (status >= 500) {
            span.recordException(error instanceof Error ? error : new Error(String(error)));
            span.setStatus({ code: SpanStatusCode.ERROR });
            // An AppError is an outcome the client is told about (a broker down); anything else is a bug worth its stack.
            if (error instanceof AppError) console.warn(`[eventscope] ${spec.name}: ${error.message}`);
            else console.error(`[eventscope] ${spec.name} failed:`, error);
          }
          return dialect.respond(body, status);
        } finally {
          span.end();
        }
      });
  };
}

/** The wrapper of Eventscope's own JSON API: `{ "error": { "code", "message" } }` on failure. */
export const route = createRouteWrapper({
  respond: (data, status = 200) => Response.json(data, { status }),
  translateError: toErrorBody,
});

function parse(schema: Schema | undefined, value: unknown, where: string, invalid?: (detail: string) => AppError): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const detail = `${issue.path.length > 0 ? `${where}.${issue.path.join(".")}` : where}: ${issue.message}`;
  throw invalid ? invalid(detail) : new AppError("BAD_REQUEST", detail);
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "") throw new AppError("BAD_REQUEST", "body: expected a JSON document, got an empty body");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("BAD_REQUEST", "body: not valid JSON");
  }
}
