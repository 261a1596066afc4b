import { describe, expect, it } from "vitest";
import { classifyDatabaseError } from "./embedded-errors";

function driverError(kind: string): Error {
  return Object.assign(new Error("Invalid invocation: postgresql://secret@db:5432"), { code: "P1001", meta: { driverAdapterError: { cause: { kind } } } });
}

describe("classifyDatabaseError", () => {
  it("maps driver failures to broker outcomes without leaking the connection string", () => {
    expect(classifyDatabaseError(driverError("DatabaseNotReachable"))).toMatchObject({ status: "retryable", error: { code: "unreachable" } });
    expect(classifyDatabaseError(driverError("DatabaseAccessDenied"))).toMatchObject({ status: "failed", error: { code: "unauthorized" } });
    expect(classifyDatabaseError(driverError("TableDoesNotExist"))).toMatchObject({ status: "failed", error: { code: "misconfigured" } });
    expect(classifyDatabaseError(driverError("UniqueConstraintViolation"))).toMatchObject({ status: "failed", error: { code: "conflict" } });
    for (const kind of ["DatabaseNotReachable", "DatabaseAccessDenied", "SomethingNew"]) {
      expect(JSON.stringify(classifyDatabaseError(driverError(kind)))).not.toContain("secret");
    }
  });

  it("recognises SQLite's busy and unopenable files", () => {
    expect(classifyDatabaseError(new Error("SQLITE_BUSY: database is locked"))).toMatchObject({ status: "retryable" });
    expect(classifyDatabaseError(new TypeError("Cannot open database because the directory does not exist"))).toMatchObject({ error: { code: "unreachable" } });
  });

  it("leaves anything else (a bug) to be thrown", () => {
    expect(classifyDatabaseError(new RangeError("index out of range"))).toBeUndefined();
    expect(classifyDatabaseError("text")).toBeUndefined();
  });
});
