import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { createBroker } from "../create-broker";
import type { Broker } from "../types";
import { escapeGlob } from "./redis-names";

/** For the integration tests: the Redis on this machine, and a key prefix unique to the run. */
export const redisUrl = "redis://127.0.0.1:6379";

export function testKeyPrefix(): string {
  return `es-test-${randomUUID().slice(0, 8)}:`;
}

export function testBroker(keyPrefix: string, url = redisUrl): Broker {
  return createBroker({ kind: "redis-streams", url, keyPrefix, connectTimeoutMs: 2_000 });
}

/** Deletes every key under the prefix: streams, dead-letter streams and bookkeeping. */
export async function removeKeys(keyPrefix: string): Promise<void> {
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0 });
  try {
    await client.connect();
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", `${escapeGlob(keyPrefix)}*`, "COUNT", 1_000);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    client.disconnect();
  }
}
