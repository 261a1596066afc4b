import { describe, expect, it } from "vitest";
import { GET as health } from "./health/route";
import { GET as overview } from "./overview/route";

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
});
