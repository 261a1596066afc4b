import { describe, expect, it } from "vitest";
import { AppError, errorStatus, toErrorBody } from "./errors";

describe("toErrorBody", () => {
  it.each(Object.entries(errorStatus).filter(([code]) => code !== "INTERNAL"))("maps %s to HTTP %i with its message", (code, status) => {
    const result = toErrorBody(new AppError(code as keyof typeof errorStatus, "the message"));
    expect(result).toEqual({ status, body: { error: { code, message: "the message" } } });
  });

  it("never leaks the text of an unexpected error", () => {
    const result = toErrorBody(new Error("connect ECONNREFUSED 10.0.0.3:5432 password=secret"));
    expect(result.status).toBe(500);
    expect(result.body.error.code).toBe("INTERNAL");
    expect(JSON.stringify(result.body)).not.toContain("ECONNREFUSED");
  });

  it("hides the message of an INTERNAL AppError too", () => {
    const result = toErrorBody(new AppError("INTERNAL", "table Span is locked"));
    expect(JSON.stringify(result.body)).not.toContain("Span");
  });
});
