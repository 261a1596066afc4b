/** A route handler as Next.js calls it. */
type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;

export interface CcompatCall {
  status: number;
  contentType: string | null;
  body: unknown;
}

/**
 * Calls a Confluent-API route handler the way Next.js does, for integration tests: the body is
 * sent as JSON (a string is sent as it is) under Confluent's media type unless told otherwise.
 */
export async function callCcompatRoute(
  handler: RouteHandler,
  method: string,
  path: string,
  options: { params?: Record<string, string>; body?: unknown; contentType?: string | null } = {},
): Promise<CcompatCall> {
  const headers: Record<string, string> = {};
  const contentType = options.contentType === undefined ? "application/vnd.schemaregistry.v1+json" : options.contentType;
  if (options.body !== undefined && contentType !== null) headers["content-type"] = contentType;
  // Bytes, not a string: fetch would label a string body text/plain on its own.
  const body = options.body === undefined ? undefined : new TextEncoder().encode(typeof options.body === "string" ? options.body : JSON.stringify(options.body));
  const request = new Request(`http://localhost/api/ccompat${path}`, { method, headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  return { status: response.status, contentType: response.headers.get("content-type"), body: (await response.json()) as unknown };
}
