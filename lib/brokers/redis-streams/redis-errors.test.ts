import { describe, expect, it } from "vitest";
import { classifyRedisError } from "./redis-errors";

function replyError(message: string): Error {
  const error = new Error(message);
  error.name = "ReplyError";
  return error;
}

function networkError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 10.0.0.1:6379`), { code });
}

describe("classifyRedisError", () => {
  it("tells refused credentials from an unreachable server", () => {
    expect(classifyRedisError(replyError("WRONGPASS invalid username-password pair or user is disabled."))).toMatchObject({ status: "failed", error: { code: "unauthorized" } });
    expect(classifyRedisError(replyError("NOAUTH Authentication required."))).toMatchObject({ error: { code: "unauthorized" } });
    expect(classifyRedisError(networkError("ECONNREFUSED"))).toMatchObject({ status: "retryable", error: { code: "unreachable" } });
    expect(classifyRedisError(new Error("Connection is closed."))).toMatchObject({ status: "retryable", error: { code: "unreachable" } });
    expect(classifyRedisError(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toMatchObject({ error: { code: "unreachable" } });
  });

  it("never repeats the address or spans lines", () => {
    const problem = classifyRedisError(networkError("EHOSTUNREACH"));
    expect(problem?.error.message).not.toContain("10.0.0.1");
    const multiline = classifyRedisError(replyError("ERR something\nat script line 3"));
    expect(multiline).toMatchObject({ status: "failed", error: { code: "protocol" } });
    expect(multiline?.error.message).not.toContain("\n");
  });

  it("names missing groups, wrong key types and non-Redis servers", () => {
    expect(classifyRedisError(replyError("NOGROUP No such key 'x' or consumer group 'g'"))).toMatchObject({ error: { code: "misconfigured" } });
    expect(classifyRedisError(replyError("WRONGTYPE Operation against a key holding the wrong kind of value"))).toMatchObject({ error: { code: "invalid" } });
    expect(classifyRedisError(new Error('Unknown RESP type 72 "H". Please report this.'))).toMatchObject({ error: { code: "protocol" } });
    expect(classifyRedisError(replyError("LOADING Redis is loading the dataset in memory"))).toMatchObject({ status: "retryable" });
  });

  it("leaves anything else to be rethrown as a bug", () => {
    expect(classifyRedisError(new TypeError("x is undefined"))).toBeUndefined();
    expect(classifyRedisError("a string")).toBeUndefined();
  });
});
