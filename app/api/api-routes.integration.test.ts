import { describe, expect, it } from "vitest";
import { GET as eventFlow } from "./event-types/[name]/flow/route";
import { GET as health } from "./health/route";
import { GET as overview } from "./overview/route";
import { GET as serviceUsage } from "./services/[name]/usage/route";

const noParams = { params: Promise.resolve({}) };

describe("API route handlers against the real database", () => {
  it("GET /api/health answers 200 with the provider", async () => {
    const response = await health(new Request("http://localhost/api/health"), noParams);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; database: { provider: string; status: string } };
    expect(body.status).toBe("ok");
    expect(body.database.status).toBe("up");
    expect(body.database.provider).toBe(process.env.DATABASE_URL!.startsWith("file:") ? "sqlite" : "postgresql");
  });

  it("GET /api/overview answers with the four counts", async () => {
    const response = await overview(new Request("http://localhost/api/overview"), noParams);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["deadLettersWaiting", "eventTypes", "servicesSeen", "spansStored"]);
    expect(body.eventTypes).toBeGreaterThan(0);
  });

  it("GET /api/event-types/:name/flow takes the lag view's windows and knows the catalog", async () => {
    const get = (name: string, query: string) => eventFlow(new Request(`http://localhost/api/event-types/${name}/flow${query}`), { params: Promise.resolve({ name }) });
    const ok = await get("order.placed", "?window=15");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ eventType: "order.placed", windowMinutes: 15 });
    expect((await get("order.placed", "?window=7")).status).toBe(400);
    expect((await get("no.such.event", "")).status).toBe(404);
  });

  it("GET /api/services/:name/usage answers for catalog services only", async () => {
    const get = (name: string) => serviceUsage(new Request(`http://localhost/api/services/${name}/usage`), { params: Promise.resolve({ name }) });
    const ok = await get("email");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ service: "email", rows: expect.arrayContaining([expect.objectContaining({ eventType: "order.placed", role: "consume", declared: true })]) });
    expect((await get("no-such-service")).status).toBe(404);
  });
});
