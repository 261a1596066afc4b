import { expect, test } from "@playwright/test";

// GET /api/traces/{traceId} is answered by the app server ahead of Next.js; it keeps the API's
// error shape, methods and compression.

const traceId = `${Date.now().toString(16)}`.padStart(32, "c");

test.beforeAll(async ({ request }) => {
  // Enough spans for a body over 8 KiB, which is sent compressed to clients that accept gzip.
  const spans = Array.from({ length: 40 }, (_, index) => ({
    traceId,
    spanId: (index + 1).toString(16).padStart(16, "0"),
    parentSpanId: index === 0 ? undefined : "0000000000000001",
    name: `step ${index}`,
    kind: 1,
    startTimeUnixNano: String(1_000_000 + index),
    endTimeUnixNano: String(2_000_000 + index),
    attributes: [{ key: "order.id", value: { stringValue: "e2e-detail-1" } }],
  }));
  const body = { resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: "e2e-detail" } }] }, scopeSpans: [{ spans }] }] };
  const response = await request.post("/v1/traces", { data: JSON.stringify(body), headers: { "content-type": "application/json" } });
  expect(response.status()).toBe(200);
});

test("a stored trace comes with its spans and keys, gzipped for a client that accepts it", async ({ request }) => {
  const response = await request.get(`/api/traces/${traceId.toUpperCase()}`, { headers: { "accept-encoding": "gzip" } });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-encoding"]).toBe("gzip");
  const trace = (await response.json()) as { traceId: string; spans: { name: string }[]; keys: unknown[] };
  expect(trace.traceId).toBe(traceId);
  expect(trace.spans).toHaveLength(40);
  expect(trace.keys).toEqual([{ key: "order.id", value: "e2e-detail-1" }]);
});

test("HEAD answers like GET without a body; other methods get 405 with Allow", async ({ request }) => {
  const head = await request.head(`/api/traces/${traceId}`);
  expect(head.status()).toBe(200);
  expect((await head.body()).length).toBe(0);
  const post = await request.post(`/api/traces/${traceId}`, { data: "{}" });
  expect(post.status()).toBe(405);
  expect(post.headers().allow).toBe("GET, HEAD");
});

test("unknown, malformed and badly encoded ids get the API's error shape", async ({ request }) => {
  const cases: [string, number, string, RegExp][] = [
    ["0123456789abcdef0123456789abcdef", 404, "NOT_FOUND", /no spans stored for trace 0123456789abcdef0123456789abcdef/],
    ["not-a-trace-id", 400, "BAD_REQUEST", /expected 32 hexadecimal characters/],
    ["%E0%A4%A", 400, "BAD_REQUEST", /not valid percent-encoding/],
  ];
  for (const [id, status, code, message] of cases) {
    const response = await request.get(`/api/traces/${id}`);
    expect(response.status(), id).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(message);
  }
});
