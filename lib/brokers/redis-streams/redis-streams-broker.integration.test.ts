import { randomUUID } from "node:crypto";
import { afterAll } from "vitest";
import { describeBrokerContract } from "../contract/broker-contract";
import { redisUrl, removeKeys, testBroker, testKeyPrefix } from "./redis-test-support";

const keyPrefix = testKeyPrefix();

afterAll(async () => {
  await removeKeys(keyPrefix);
});

describeBrokerContract("redis-streams", {
  namePrefix: `es-redis-${randomUUID().slice(0, 8)}`,
  settleMs: 5_000,
  makeBroker: async () => testBroker(keyPrefix),
  makeUnreachableBroker: async () => testBroker(keyPrefix, "redis://127.0.0.1:1"),
  // An ACL user that does not exist is refused whether or not the default user has a password.
  makeBrokerWithWrongCredentials: async () => testBroker(keyPrefix, redisUrl.replace("//", "//eventscope-no-such-user:wrong-password@")),
});
