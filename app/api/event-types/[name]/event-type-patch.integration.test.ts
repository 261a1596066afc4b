import { describe, expect, it } from "vitest";
import { GET, PATCH } from "./route";

const context = { params: Promise.resolve({ name: "payment.processed" }) };

interface Detail {
  description: string;
  owner: { slug: string } | null;
  tags: string[];
  producers: string[];
  own: { mode: string | null; policy: string | null };
}

async function detail(): Promise<Detail> {
  return (await (await GET(new Request("http://localhost/api/event-types/payment.processed"), context)).json()) as Detail;
}

function patch(body: unknown): Promise<Response> {
  return PATCH(new Request("http://localhost/api/event-types/payment.processed", { method: "PATCH", body: JSON.stringify(body), headers: { "content-type": "application/json" } }), context);
}

describe("PATCH /api/event-types/:name", () => {
  it("changes only the fields it names", async () => {
    const before = await detail();
    expect(before.tags.length).toBeGreaterThan(0);

    const response = await patch({ compatibilityMode: "FULL", compatibilityPolicy: "LENIENT" });
    expect(response.status).toBe(200);
    const after = await detail();
    expect(after.own).toEqual({ mode: "FULL", policy: "LENIENT" });
    expect(after.description).toBe(before.description);
    expect(after.owner?.slug).toBe(before.owner?.slug);
    expect(after.tags).toEqual(before.tags);
    expect(after.producers).toEqual(before.producers);

    expect((await patch({ compatibilityMode: null, compatibilityPolicy: null })).status).toBe(200);
  });

  it("refuses an unknown compatibility mode with 400, changing nothing", async () => {
    const before = await detail();
    const response = await patch({ compatibilityMode: "SIDEWAYS" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/compatibilityMode/);
    expect(await detail()).toEqual(before);
  });
});
