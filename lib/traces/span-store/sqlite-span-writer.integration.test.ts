import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "../../database/migrate";
import { databaseConfig, parseEnv } from "../../env";
import type { SpanRecord } from "./span-record";
import { createSqliteSpanWriter } from "./sqlite-span-writer";

const dir = mkdtempSync(path.join(os.tmpdir(), "eventscope-sqlite-writer-"));
const file = path.join(dir, "spans.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function spans(batch: number, count: number): SpanRecord[] {
  const start = BigInt(Date.now()) * 1_000_000n;
  return Array.from({ length: count }, (_, index) => ({
    traceId: `${"a".repeat(16)}${(batch * 100_000 + index).toString(16).padStart(16, "0")}`,
    spanId: (index + 1).toString(16).padStart(16, "0"),
    parentSpanId: null,
    serviceName: "checkout",
    name: "order.placed publish",
    kind: 4,
    startTimeUnixNano: start + BigInt(index),
    endTimeUnixNano: start + BigInt(index) + 1_000_000n,
    statusCode: 0,
    statusMessage: "",
    attributes: JSON.stringify({ "order.id": `${batch}-${index}` }),
    resource: JSON.stringify({ "service.name": "checkout" }),
    events: "[]",
    messaging: null,
    links: [],
    keys: [{ key: "order.id", value: `${batch}-${index}` }],
  }));
}

describe("the SQLite span writer's checkpoint thread", () => {
  it("copies committed spans into the database file while the writer stays open, and the log is gone once it closes", async () => {
    await migrate(databaseConfig(parseEnv({ DATABASE_URL: `file:${file}` })), path.resolve(import.meta.dirname, "../../.."));
    const sizeBefore = statSync(file).size;
    const writer = createSqliteSpanWriter(file);
    try {
      // Far less log than SQLite's own checkpoint threshold (8 MiB), so only that thread copies it.
      for (let batch = 0; batch < 3; batch++) await writer.write(spans(batch, 200));
      const deadline = Date.now() + 10_000;
      while (statSync(file).size === sizeBefore && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(statSync(file).size).toBeGreaterThan(sizeBefore);
    } finally {
      await writer.close();
    }
    expect(existsSync(`${file}-wal`)).toBe(false);
    const database = new Sqlite(file, { readonly: true });
    try {
      expect(database.prepare(`SELECT COUNT(*) AS "spans" FROM "Span"`).get()).toEqual({ spans: 600 });
    } finally {
      database.close();
    }
  });
});
