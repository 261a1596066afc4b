import { describe, expect, it } from "vitest";
import { classifyNatsError } from "./nats-errors";

function named(name: string, message: string, extra: object = {}): Error {
  return Object.assign(new Error(message), { name }, extra);
}

describe("NATS error classification", () => {
  it("tells unreachable, refused and misconfigured apart, in one line without addresses", () => {
    expect(classifyNatsError(named("ConnectionError", "connection refused"))).toMatchObject({ status: "retryable", error: { code: "unreachable" } });
    expect(classifyNatsError(named("TimeoutError", "timeout"))).toMatchObject({ status: "retryable", error: { code: "unreachable" } });
    expect(classifyNatsError(named("AuthorizationError", "Authorization Violation"))).toMatchObject({ status: "failed", error: { code: "unauthorized" } });
    expect(classifyNatsError(named("JetStreamNotEnabled", "jetstream is not enabled"))).toMatchObject({ error: { code: "misconfigured" } });
    expect(classifyNatsError(named("JetStreamApiError", "not enabled", { code: 10039 }))).toMatchObject({ error: { code: "misconfigured" } });
  });

  it("report anything unrecognised as a protocol failure, on one line", () => {
    const problem = classifyNatsError(new Error("something odd\nat line 2"));
    expect(problem).toEqual({ status: "failed", error: { code: "protocol", message: "NATS failed: something odd" } });
  });
});
