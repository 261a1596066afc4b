import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "../../db";
import { databaseConfig, parseEnv } from "../../env";
import { createBroker } from "../create-broker";

const databaseUrl = inject("databaseUrl");
const config = databaseConfig(parseEnv({ DATABASE_URL: databaseUrl }));
const topic = `es-restart-${randomUUID().slice(0, 8)}`;
const root = path.resolve(import.meta.dirname, "../../..");
const database = createDatabase(config);

afterAll(async () => {
  await database.brokerDeadLetter.deleteMany({ where: { topicName: topic } });
  await database.brokerMessage.deleteMany({ where: { topicName: topic } });
  await database.brokerTopic.deleteMany({ where: { name: topic } });
  await database.$disconnect();
});

/** Starts the publisher, waits for `count` confirmations, kills it with SIGKILL; returns the confirmed ids. */
async function publishThenKill(count: number): Promise<string[]> {
  // Node itself with tsx's loader, not the tsx CLI: the CLI runs the script in a grandchild
  // that a SIGKILL of the CLI would leave running.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "publish-until-killed.ts"), topic], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  const confirmed: string[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    confirmed.push(line);
    if (confirmed.length === count) {
      child.kill("SIGKILL");
      break;
    }
  }
  const signal = await exited;
  expect(signal, `publisher stderr: ${stderr}`).toBe("SIGKILL");
  return confirmed;
}

describe(`the embedded broker on ${config.provider} after kill -9`, () => {
  it("delivers every message confirmed to its publisher exactly once, and dead-letters nothing twice", async () => {
    // Subscriptions exist before the publisher starts, so every message fans out to them.
    const setup = createBroker({ kind: "embedded", database, provider: config.provider });
    for (const [consumer, maxDeliveries] of [["audit", 5], ["poison", 1]] as const) {
      expect((await setup.subscribe({ destination: topic, consumer, maxDeliveries, ackTimeoutMs: 30_000 })).status).toBe("ok");
    }
    await setup.close();

    const confirmed = await publishThenKill(40);

    // A fresh client and broker: nothing carried over in memory from before the kill.
    const restarted = createDatabase(config);
    const broker = createBroker({ kind: "embedded", database: restarted, provider: config.provider, pollIntervalMs: 20 });
    try {
      const receiveAll = async (consumer: string, ackTimeoutMs: number, settle: "ack" | "nack") => {
        const subscribed = await broker.subscribe({ destination: topic, consumer, maxDeliveries: consumer === "poison" ? 1 : 5, ackTimeoutMs });
        if (subscribed.status !== "ok") throw new Error(subscribed.error.message);
        const ids: string[] = [];
        for (;;) {
          const batch = await subscribed.value.receive({ max: 10, waitMs: 1_500 });
          if (batch.status !== "ok") throw new Error(batch.error.message);
          if (batch.value.length === 0) return ids;
          if (ids.length > confirmed.length + 100) throw new Error(`${consumer} keeps receiving: is a publisher still running?`);
          for (const message of batch.value) {
            ids.push(message.messageId);
            const result = settle === "ack" ? await message.ack() : await message.nack({ reason: "poison" });
            expect(result).toEqual({ status: "settled" });
          }
        }
      };

      for (const consumer of ["audit", "inflight"]) {
        const ids = await receiveAll(consumer, consumer === "inflight" ? 500 : 30_000, "ack");
        expect(new Set(ids).size, `${consumer} got a message twice`).toBe(ids.length);
        expect(ids, `${consumer} lost a confirmed message`).toEqual(expect.arrayContaining(confirmed));
      }

      const poisoned = await receiveAll("poison", 30_000, "nack");
      expect(poisoned).toEqual(expect.arrayContaining(confirmed));
      const letters = await restarted.brokerDeadLetter.findMany({ where: { topicName: topic }, select: { messageId: true } });
      const dead = letters.map((letter) => letter.messageId);
      expect(new Set(dead).size, "a message was dead-lettered twice").toBe(dead.length);
      expect(dead.sort()).toEqual([...poisoned].sort());
    } finally {
      await broker.close();
      await restarted.$disconnect();
    }
  });
});
