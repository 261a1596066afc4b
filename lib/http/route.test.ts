import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../errors";
import { route } from "./route";

const noParams = { params: Promise.resolve({}) };

describe("route", () => {
  const echo = route(
    { name: "POST /echo", query: z.object({ limit: z.coerce.number().int().max(10) }), body: z.object({ name: z.string() }) },
    async ({ query, body }) => ({ limit: query.limit, name: body.name }),
  );

  it("parses query and body and returns the handler's data as JSON", async () => {
    const response = await echo(new Request("http://x/echo?limit=3", { method: "POST", body: '{"name":"a"}' }), noParams);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ limit: 3, name: "a" });
  });

  it("names the failing field of the query in a 400", async () => {
    const response = await echo(new Request("http://x/echo?limit=99", { method: "POST", body: '{"name":"a"}' }), noParams);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(body.error.message).toMatch(/^query\.limit: /);
  });

  it("rejects a body that is not JSON", async () => {
    const response = await echo(new Request("http://x/echo?limit=1", { method: "POST", body: "{nope" }), noParams);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "BAD_REQUEST", message: "body: not valid JSON" } });
  });

  it("parses path params", async () => {
    const handler = route({ name: "GET /things/:id", params: z.object({ id: z.string().regex(/^\d+$/) }) }, async ({ params }) => params);
    const ok = await handler(new Request("http://x/things/7"), { params: Promise.resolve({ id: "7" }) });
    expect(await ok.json()).toEqual({ id: "7" });
    const bad = await handler(new Request("http://x/things/x"), { params: Promise.resolve({ id: "x" }) });
    expect(bad.status).toBe(400);
  });

  it("maps an AppError to its status and hides unexpected errors", async () => {
    const missing = route({ name: "GET /missing" }, async () => {
      throw new AppError("NOT_FOUND", "no such event type: order.lost");
    });
    const broken = route({ name: "GET /broken" }, async () => {
      throw new Error("SQLITE_CORRUPT at /srv/data/eventscope.db");
    });
    const notFound = await missing(new Request("http://x/missing"), noParams);
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ error: { code: "NOT_FOUND", message: "no such event type: order.lost" } });
    const original = console.error;
    console.error = () => undefined;
    try {
      const failed = await broken(new Request("http://x/broken"), noParams);
      expect(failed.status).toBe(500);
      expect(await failed.text()).not.toContain("SQLITE");
    } finally {
      console.error = original;
    }
  });

  it("passes a Response from the handler through unchanged", async () => {
    const handler = route({ name: "GET /raw" }, async () => new Response("raw", { status: 202 }));
    const response = await handler(new Request("http://x/raw"), noParams);
    expect(response.status).toBe(202);
    expect(await response.text()).toBe("raw");
  });
});
