import { randomUUID } from "node:crypto";
import { afterAll, inject } from "vitest";
import { createDatabase } from "../../db";
import { databaseConfig, parseEnv } from "../../env";
import { describeBrokerContract } from "../contract/broker-contract";
import { createBroker } from "../create-broker";
import { declaredNames, rabbitmqUrl } from "./rabbitmq-test-support";

const database = createDatabase(databaseConfig(parseEnv({ DATABASE_URL: inject("databaseUrl") })));
const namePrefix = `es-rabbitmq-${randomUUID().slice(0, 8)}`;
const names = declaredNames();

function broker(url: string) {
  return names.track(createBroker({ kind: "rabbitmq", url, database, name: namePrefix, pollIntervalMs: 20 }));
}

afterAll(async () => {
  await names.removeAll();
  await database.brokerOperationKey.deleteMany({ where: { broker: { startsWith: namePrefix } } });
  await database.$disconnect();
});

describeBrokerContract("rabbitmq", {
  namePrefix,
  settleMs: 5_000,
  makeBroker: async () => broker(rabbitmqUrl),
  makeUnreachableBroker: async () => broker("amqp://guest:guest@127.0.0.1:1"),
  makeBrokerWithWrongCredentials: async () => broker(rabbitmqUrl.replace(/\/\/[^@]*@/, "//guest:wrong-password@")),
});
