import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "../../db";
import { databaseConfig, parseEnv } from "../../env";
import { createSpanReader } from "../span-store/span-reader";

const databaseUrl = inject("databaseUrl");
const config = databaseConfig(parseEnv({ DATABASE_URL: databaseUrl }));
const root = path.resolve(import.meta.dirname, "../../..");
const serviceName = `kill-test-${randomBytes(4).toString("hex")}`;
const spansPerBatch = 500;
const hex = (bytes: number) => randomBytes(bytes).toString("hex");

afterAll(async () => {
  const database = createDatabase(config);
  await database.span.deleteMany({ where: { serviceName } });
  await database.$disconnect();
});

/** One trace of `spansPerBatch` spans as OTLP/JSON. */
function batch(): { traceId: string; body: string } {
  const traceId = hex(16);
  const now = BigInt(Date.now()) * 1_000_000n;
  const spans = Array.from({ length: spansPerBatch }, (_, index) => ({
    traceId,
    spanId: hex(8),
    name: `step ${index}`,
    kind: 1,
    startTimeUnixNano: String(now + BigInt(index)),
    endTimeUnixNano: String(now + BigInt(index) + 1_000n),
  }));
  return { traceId, body: JSON.stringify({ resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: serviceName } }] }, scopeSpans: [{ spans }] }] }) };
}

describe(`span ingestion on ${config.provider} after kill -9`, () => {
  it("keeps every span it answered 200 for, though requests were still in flight when it died", async () => {
    // Node itself with tsx's loader: a SIGKILL of the tsx CLI would leave its grandchild running.
    const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "ingest-until-killed.ts")], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, EVENTSCOPE_DEMO: "off" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const port = Number((await lines.next()).value);
    expect(port, `receiver stderr: ${stderr}`).toBeGreaterThan(0);

    const acknowledged: string[] = [];
    let killed = false;
    // Four clients send until the receiver dies; it is killed while the others still wait for answers.
    const client = async () => {
      while (!killed) {
        const { traceId, body } = batch();
        const response = await fetch(`http://127.0.0.1:${port}/v1/traces`, { method: "POST", headers: { "content-type": "application/json" }, body }).catch(() => null);
        if (response === null) return;
        expect(response.status, await response.clone().text()).toBe(200);
        expect(await response.json()).toEqual({});
        acknowledged.push(traceId);
        if (acknowledged.length >= 20 && !killed) {
          killed = true;
          child.kill("SIGKILL");
        }
      }
    };
    await Promise.all([client(), client(), client(), client()]);
    expect(await exited, `receiver stderr: ${stderr}`).toBe("SIGKILL");

    const reader = createSpanReader(config);
    try {
      for (const traceId of acknowledged) expect((await reader.trace(traceId)).spans.length, `trace ${traceId}`).toBe(spansPerBatch);
    } finally {
      await reader.close();
    }
  });
});
