import { gzipSync } from "node:zlib";
import { expect, test, type APIRequestContext } from "@playwright/test";

// The running app's own /v1/traces, with its default 64 MiB limit: bad requests get the
// status the OTLP specification gives them, and the server keeps serving.

function jsonExport(traceId: string, spanId: string) {
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: "e2e-ingest" } }] },
        scopeSpans: [{ spans: [{ traceId, spanId, name: "work", kind: 1, startTimeUnixNano: "1000", endTimeUnixNano: "2000" }] }],
      },
    ],
  });
}

async function expectStillServing(request: APIRequestContext): Promise<void> {
  expect((await request.post("/v1/traces", { data: "{}", headers: { "content-type": "application/json" } })).status()).toBe(200);
  expect((await request.get("/api/health")).status()).toBe(200);
}

const badRequests: [string, number, () => { data: Buffer | string; headers: Record<string, string> }][] = [
  ["malformed protobuf", 400, () => ({ data: Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]), headers: { "content-type": "application/x-protobuf" } })],
  ["a wrong content type", 415, () => ({ data: "hello", headers: { "content-type": "text/plain" } })],
  ["truncated gzip", 400, () => ({ data: gzipSync(Buffer.from(jsonExport("d".repeat(32), "e".repeat(16)))).subarray(0, 12), headers: { "content-type": "application/json", "content-encoding": "gzip" } })],
  ["a 70 MiB body", 413, () => ({ data: Buffer.alloc(70 * 1024 * 1024, 32), headers: { "content-type": "application/json" } })],
  ["a gzip body that inflates to 70 MiB", 413, () => ({ data: gzipSync(Buffer.alloc(70 * 1024 * 1024, 32)), headers: { "content-type": "application/json", "content-encoding": "gzip" } })],
];

for (const [what, status, build] of badRequests) {
  test(`POST /v1/traces answers ${what} with ${status} and keeps serving`, async ({ request }) => {
    const response = await request.post("/v1/traces", { ...build(), timeout: 60_000 });
    expect(response.status()).toBe(status);
    await expectStillServing(request);
  });
}

test("POST /v1/traces counts spans with ids of the wrong length as rejected, and stores the rest", async ({ request }) => {
  const traceId = `${Date.now().toString(16)}`.padStart(32, "f");
  const body = JSON.parse(jsonExport(traceId, "00000000000000b1")) as { resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[] };
  const spans = body.resourceSpans[0]!.scopeSpans[0]!.spans;
  spans.push({ ...spans[0], spanId: "00b2" }, { ...spans[0], traceId: "abc", spanId: "00000000000000b3" });
  const response = await request.post("/v1/traces", { data: JSON.stringify(body), headers: { "content-type": "application/json" } });
  expect(response.status()).toBe(200);
  const result = (await response.json()) as { partialSuccess: { rejectedSpans: string; errorMessage: string } };
  expect(result.partialSuccess.rejectedSpans).toBe("2");
  expect(result.partialSuccess.errorMessage).toContain("spanId must be 16 hex digits (got 4)");
  expect(result.partialSuccess.errorMessage).toContain("traceId must be 32 hex digits (got 3)");
  const trace = (await (await request.get(`/api/traces/${traceId}`)).json()) as { spans: { spanId: string }[] };
  expect(trace.spans.map((span) => span.spanId)).toEqual(["00000000000000b1"]);
  await expectStillServing(request);
});
