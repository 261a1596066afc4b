import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "../db";
import { databaseConfig, parseEnv } from "../env";
import { newTraceId, spanRecord, uniqueValue } from "../traces/query/query-test-spans";
import { createSpanWriter } from "../traces/span-store/create-span-writer";
import { getServiceUsage } from "./get-service-usage";

const config = databaseConfig(parseEnv({ DATABASE_URL: inject("databaseUrl") }));
const database = createDatabase(config);
const writer = createSpanWriter(config);

// Names unique per run, so spans of other suites never count here.
const [service, downstream, upstream] = [uniqueValue("usage-svc"), uniqueValue("usage-downstream"), uniqueValue("usage-upstream")];
const [sent, awaited, unlisted] = [uniqueValue("usage.sent"), uniqueValue("usage.awaited"), uniqueValue("usage.unlisted")];
const traceId = newTraceId();
const origin = BigInt(Date.now()) * 1_000_000n;
const messaging = (role: "publish" | "consume", eventType: string, destination: string) => ({ role, system: "rabbitmq", destination, eventType, messageId: null, consumerGroup: null });

beforeAll(async () => {
  const [self, other] = await Promise.all([database.service.create({ data: { name: service } }), database.service.create({ data: { name: downstream } })]);
  // The service declares producing `sent` (which `downstream` declares consuming) and consuming `awaited`.
  await database.eventType.create({
    data: { name: sent, bindings: { create: [{ broker: "rabbitmq", destination: "usage.sent" }] }, serviceRoles: { create: [{ role: "PRODUCER", serviceId: self.id }, { role: "CONSUMER", serviceId: other.id }] } },
  });
  await database.eventType.create({ data: { name: awaited, serviceRoles: { create: [{ role: "CONSUMER", serviceId: self.id }] } } });
  await database.eventType.create({ data: { name: unlisted } });
  await writer.write([
    // It sends `sent` through its binding and through a destination the catalog does not list; nobody consumes it.
    spanRecord(origin, { traceId, serviceName: service, kind: 4, startMs: 1, messaging: messaging("publish", sent, "usage.sent") }),
    spanRecord(origin, { traceId, serviceName: service, kind: 4, startMs: 2, messaging: messaging("publish", sent, "usage.sent.v2") }),
    // `awaited` is sent by someone else but never processed by the service.
    spanRecord(origin, { traceId, serviceName: upstream, kind: 4, startMs: 3, messaging: messaging("publish", awaited, "usage.awaited") }),
    // It processes `unlisted` without declaring so (and so does its undeclared producer, whose finding is not the service's).
    spanRecord(origin, { traceId, serviceName: upstream, kind: 4, startMs: 4, messaging: messaging("publish", unlisted, "usage.unlisted") }),
    spanRecord(origin, { traceId, serviceName: service, kind: 5, startMs: 5, messaging: messaging("consume", unlisted, "usage.unlisted") }),
  ]);
});

afterAll(async () => {
  await database.span.deleteMany({ where: { traceId } });
  await database.eventType.deleteMany({ where: { name: { in: [sent, awaited, unlisted] } } });
  await database.service.deleteMany({ where: { name: { in: [service, downstream] } } });
  await writer.close();
  await database.$disconnect();
});

describe("getServiceUsage", () => {
  it("sets what a service declares beside what it was seen doing", async () => {
    const usage = await getServiceUsage(database, service);
    expect(usage.rows.map((row) => [row.role, row.eventType, row.declared, row.messages, row.lastSeen !== null])).toEqual([
      ["publish", sent, true, 2, true],
      ["consume", awaited, true, 0, false],
      ["consume", unlisted, false, 1, true],
    ]);
  });

  it("reports only the findings about this service and the destinations it used", async () => {
    const { findings } = await getServiceUsage(database, service);
    expect(findings.map((finding) => [finding.kind, "service" in finding ? finding.service : "destination" in finding ? finding.destination : null]).sort()).toEqual(
      [
        ["DECLARED_CONSUMER_NEVER_SEEN", service],
        ["RUNTIME_ONLY_DESTINATION", "usage.sent.v2"],
        ["RUNTIME_ONLY_DESTINATION", "usage.unlisted"],
        ["SENT_WITHOUT_CONSUMER", null],
        ["UNDECLARED_CONSUMER", service],
      ].sort(),
    );
  });

  it("answers an unknown service with NOT_FOUND", async () => {
    await expect(getServiceUsage(database, `${service}-none`)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
