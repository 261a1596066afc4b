/**
 * Test fixture for embedded-broker-restart.integration.test.ts, run as a child process: keeps
 * publishing to the topic named in argv[2], printing each message id once the broker confirmed
 * it, and leaves some deliveries of the "inflight" subscription leased and unacknowledged —
 * until the test kills it with SIGKILL.
 */
import { createDatabase } from "../../db";
import { databaseConfig } from "../../env";
import { createBroker } from "../create-broker";

const topic = process.argv[2];
if (topic === undefined) throw new Error("usage: publish-until-killed <topic>");
const config = databaseConfig();
const broker = createBroker({ kind: "embedded", database: createDatabase(config), provider: config.provider, pollIntervalMs: 10 });

const subscribed = await broker.subscribe({ destination: topic, consumer: "inflight", maxDeliveries: 5, ackTimeoutMs: 500 });
if (subscribed.status !== "ok") throw new Error(subscribed.error.message);

for (let index = 0; ; index += 1) {
  const result = await broker.publish({ destination: topic, payload: new TextEncoder().encode(JSON.stringify({ index })) });
  if (result.status !== "published") throw new Error(result.error.message);
  process.stdout.write(`${result.messageId}\n`);
  // Leased and never acknowledged: after the kill these must come back, not vanish.
  if (index % 4 === 0) await subscribed.value.receive({ max: 2, waitMs: 0 });
}
