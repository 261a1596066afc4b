import { expect, test } from "@playwright/test";

test("GET /api/health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { provider: "sqlite", status: "up" } });
});

test("GET /api/overview returns the live counts", async ({ request }) => {
  const response = await request.get("/api/overview");
  expect(response.status()).toBe(200);
  const counts = (await response.json()) as Record<string, number>;
  expect(counts.eventTypes).toBeGreaterThan(0);
  expect(counts).toMatchObject({ spansStored: 0, servicesSeen: 0, deadLettersWaiting: 0 });
});

test("an unknown API route answers 404 in the API's error shape", async ({ request }) => {
  const response = await request.get("/api/no-such-thing");
  expect(response.status()).toBe(404);
  expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "no API route GET /api/no-such-thing" } });
});
