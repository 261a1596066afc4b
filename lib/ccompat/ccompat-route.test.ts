import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "../errors";
import { ccompatErrors, toCcompatErrorBody } from "./ccompat-errors";
import { ccompatRoute, queryFlag } from "./ccompat-route";
import { parseVersionId } from "./resolve-subject";

const noParams = { params: Promise.resolve({}) };
const post = (body: string) => new Request("http://localhost/api/ccompat/x", { method: "POST", body: new TextEncoder().encode(body) });

describe("ccompatRoute", () => {
  it("answers data in Confluent's media type and parses flags leniently", async () => {
    const handler = ccompatRoute({ name: "test", query: z.object({ deleted: queryFlag }) }, async ({ query }) => ({ deleted: query.deleted }));
    const response = await handler(new Request("http://localhost/api/ccompat/x?deleted=TRUE"), noParams);
    expect(response.headers.get("content-type")).toBe("application/vnd.schemaregistry.v1+json");
    expect(await response.json()).toEqual({ deleted: true });
    expect(await (await handler(new Request("http://localhost/api/ccompat/x?deleted=yes"), noParams)).json()).toEqual({ deleted: false });
  });

  it("maps AppErrors to Confluent codes and hides anything else behind 50001", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const failing = ccompatRoute({ name: "test" }, async () => {
      throw new Error("SQLITE_BUSY: database is locked at /var/secret.db");
    });
    const response = await failing(new Request("http://localhost/api/ccompat/x"), noParams);
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toBe("application/vnd.schemaregistry.v1+json");
    expect(await response.json()).toEqual({ error_code: 50001, message: "Error in the backend data store" });
    expect(toCcompatErrorBody(new AppError("INTERNAL", "internal detail")).body).toEqual({ error_code: 50001, message: "Error in the backend data store" });
    expect(toCcompatErrorBody(new AppError("NOT_FOUND", "Subject 'x' not found.", { reason: "SUBJECT_NOT_FOUND" }))).toEqual({
      status: 404,
      body: { error_code: 40401, message: "Subject 'x' not found." },
    });
    expect(toCcompatErrorBody(new AppError("PAYLOAD_TOO_LARGE", "too big", { reason: "INVALID_SCHEMA" })).status).toBe(422);
    expect(toCcompatErrorBody(ccompatErrors.subjectNotSoftDeleted("x")).body.error_code).toBe(40405);
  });

  it("answers 400 for a body that is not JSON and the route's own error for one of the wrong shape", async () => {
    const handler = ccompatRoute({ name: "test", body: z.object({ schema: z.string() }), invalidBody: ccompatErrors.invalidSchema }, async ({ body }) => body);
    expect(await (await handler(post("{oops"), noParams)).json()).toEqual({ error_code: 400, message: "body: not valid JSON" });
    const wrongShape = await handler(post('{"schema": 1}'), noParams);
    expect(wrongShape.status).toBe(422);
    expect(((await wrongShape.json()) as { error_code: number }).error_code).toBe(42201);
    expect(await (await handler(post('{"schema": "s", "extra": true}'), noParams)).json()).toEqual({ schema: "s" });
  });
});

describe("parseVersionId", () => {
  it("takes 1 … 2^31-1, latest and -1, and refuses the rest with 42202", () => {
    expect(parseVersionId("3")).toBe(3);
    expect(parseVersionId("LATEST")).toBe("latest");
    expect(parseVersionId("-1")).toBe("latest");
    expect(parseVersionId("2147483647")).toBe(2147483647);
    for (const bad of ["0", "-2", "1.5", "2147483648", "", "v1"]) {
      expect(() => parseVersionId(bad)).toThrow(expect.objectContaining({ reason: "INVALID_VERSION" }) as Error);
    }
  });
});
