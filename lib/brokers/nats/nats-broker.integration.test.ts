import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer, connect as connectSocket } from "node:net";
import { jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { afterAll, describe, expect, it } from "vitest";
import { describeBrokerContract } from "../contract/broker-contract";
import { encode, eventually, value } from "../contract/contract-helpers";
import { createBroker } from "../create-broker";

const servers = "127.0.0.1:4222";
const run = randomUUID().slice(0, 8);
const prefix = `es_nats_${run}`;
const namePrefix = `es-nats-${run}`;
const children: ChildProcess[] = [];

const natsBroker = (overrides: { prefix?: string; servers?: string; user?: string; pass?: string } = {}) =>
  createBroker({ kind: "nats", servers, prefix, captureAdvisories: "own-streams", ...overrides });

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** A throwaway server that checks a password, since the shared one on 4222 checks none. */
async function startServerWithPassword(): Promise<string> {
  const port = await freePort();
  const child = spawn("nats-server", ["-a", "127.0.0.1", "-p", String(port), "--user", "eventscope", "--pass", "right"], { stdio: "ignore" });
  children.push(child);
  await eventually(
    () =>
      new Promise<void>((resolve, reject) => {
        const socket = connectSocket(port, "127.0.0.1", () => (socket.end(), resolve()));
        socket.on("error", reject);
      }),
    5_000,
  );
  return `127.0.0.1:${port}`;
}

afterAll(async () => {
  for (const child of children) child.kill();
  const nc = await connect({ servers });
  const jsm = await jetstreamManager(nc);
  for (const name of await jsm.streams.names().next()) {
    if (name.startsWith(prefix)) await jsm.streams.delete(name);
    // The ingest consumer this run added to a capture stream another installation owns.
    else await jsm.consumers.delete(name, `${prefix}_ingest`).catch(() => undefined);
  }
  await nc.close();
});

describeBrokerContract("nats", {
  namePrefix,
  settleMs: 5_000,
  makeBroker: async () => natsBroker(),
  makeUnreachableBroker: async () => natsBroker({ servers: "127.0.0.1:1" }),
  makeBrokerWithWrongCredentials: async () => natsBroker({ servers: await startServerWithPassword(), user: "eventscope", pass: "wrong" }),
});

describe("the NATS JetStream adapter", () => {
  it("dead-letters a message whose last delivery timed out, from the max-deliveries advisory", async () => {
    const broker = natsBroker();
    try {
      const destination = `${namePrefix}-advisory`;
      const consumer = value(await broker.subscribe({ destination, consumer: "sleepy", maxDeliveries: 1, ackTimeoutMs: 500 }));
      expect((await broker.publish({ destination, payload: encode("never acked"), messageId: "advisory-1" })).status).toBe("published");
      expect(value(await consumer.receive({ max: 1, waitMs: 2_000 }))).toHaveLength(1);
      const letters = await eventually(async () => {
        // A pull is what makes the server notice the expired last delivery and publish the advisory.
        expect(value(await consumer.receive({ max: 1, waitMs: 200 }))).toHaveLength(0);
        const page = value(await broker.listDeadLetters({ filter: { destination }, limit: 10 }));
        expect(page.items).toHaveLength(1);
        return page.items;
      }, 10_000);
      expect(letters[0]).toMatchObject({ consumer: "sleepy", messageId: "advisory-1", cause: "max-deliveries", deliveryCount: 1 });
      expect(letters[0]!.reason).toContain("without an acknowledgement");
    } finally {
      await broker.close();
    }
  });

  it("keeps dead letters and idempotency keys across adapter restarts", async () => {
    const destination = `${namePrefix}-restart`;
    const first = natsBroker();
    const consumer = value(await first.subscribe({ destination, consumer: "restarter", maxDeliveries: 1, ackTimeoutMs: 30_000 }));
    await first.publish({ destination, payload: encode("survive") });
    const [message] = value(await consumer.receive({ max: 1, waitMs: 2_000 }));
    await message!.nack({ reason: "before restart" });
    const [letter] = value(await first.listDeadLetters({ filter: { destination }, limit: 10 })).items;
    const key = randomUUID();
    const replayed = await first.replayDeadLetter({ id: letter!.id, idempotencyKey: key });
    await first.close();

    const second = natsBroker();
    try {
      expect(await second.replayDeadLetter({ id: letter!.id, idempotencyKey: key })).toEqual({ ...replayed, repeated: true });
      expect(await second.readDeadLetter(letter!.id)).toEqual({ status: "not-found" });
    } finally {
      await second.close();
    }
  });

  it("refuses a replay to a subject no stream stores, and leaves the dead letter to retry", async () => {
    const broker = natsBroker();
    try {
      const destination = `${namePrefix}-nowhere-from`;
      const consumer = value(await broker.subscribe({ destination, consumer: "worker", maxDeliveries: 1, ackTimeoutMs: 30_000 }));
      await broker.publish({ destination, payload: encode("lost?") });
      const [message] = value(await consumer.receive({ max: 1, waitMs: 2_000 }));
      await message!.nack({ reason: "no" });
      const [letter] = value(await broker.listDeadLetters({ filter: { destination }, limit: 10 })).items;
      const key = randomUUID();
      const refused = await broker.replayDeadLetter({ id: letter!.id, idempotencyKey: key, destination: `${namePrefix}-no-stream-here` });
      expect(refused).toMatchObject({ status: "failed", error: { code: "invalid" } });
      expect((await broker.readDeadLetter(letter!.id)).status).toBe("ok");
      expect(await broker.replayDeadLetter({ id: letter!.id, idempotencyKey: key })).toMatchObject({ status: "replayed", repeated: false });
    } finally {
      await broker.close();
    }
  });

  it("publishes a replay once when one key races itself, and once across different keys", async () => {
    const broker = natsBroker();
    try {
      const destination = `${namePrefix}-race`;
      const consumer = value(await broker.subscribe({ destination, consumer: "racer", maxDeliveries: 1, ackTimeoutMs: 30_000 }));
      for (const text of ["race 1", "race 2"]) await broker.publish({ destination, payload: encode(text) });
      for (const message of value(await consumer.receive({ max: 2, waitMs: 2_000 }))) await message.nack({ reason: "race" });
      const [first, second] = value(await broker.listDeadLetters({ filter: { destination }, limit: 10 })).items;
      const key = randomUUID();
      const sameKey = await Promise.all([1, 2, 3, 4, 5].map(() => broker.replayDeadLetter({ id: first!.id, idempotencyKey: key })));
      expect(sameKey.filter((result) => result.status === "replayed" && !result.repeated)).toHaveLength(1);
      expect(new Set(sameKey.map((result) => (result.status === "replayed" ? result.messageId : result.status))).size).toBe(1);
      const otherKeys = await Promise.all([1, 2, 3, 4, 5].map(() => broker.replayDeadLetter({ id: second!.id, idempotencyKey: randomUUID() })));
      expect(otherKeys.filter((result) => result.status === "replayed")).toHaveLength(1);
      const received = value(await consumer.receive({ max: 10, waitMs: 1_000 }));
      expect(received).toHaveLength(2);
    } finally {
      await broker.close();
    }
  });

  it("reports an invalid prefix as misconfiguration", async () => {
    const broker = natsBroker({ prefix: "not.valid" });
    expect(await broker.checkHealth()).toMatchObject({ status: "down", error: { code: "misconfigured" } });
    await broker.close();
  });
});
