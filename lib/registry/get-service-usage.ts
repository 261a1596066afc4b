import type { Database } from "../db";
import { AppError } from "../errors";
import { findingsFor, joinUsage, observation, type ObservedService, type UsageFinding, type UsageRow } from "./observed-usage";

export interface ServiceUsage {
  service: string;
  /** Event types the service declares or was seen producing or consuming. */
  rows: UsageRow[];
  findings: UsageFinding[];
}

const roleOf = { PRODUCER: "publish", CONSUMER: "consume" } as const;

/**
 * A service's side of the catalog join: what it declares producing and consuming next to what
 * its messaging spans show, and the findings about it — the findings its event types' pages
 * show (see `findingsFor`), narrowed to this service and the destinations it used.
 */
export async function getServiceUsage(database: Database, name: string): Promise<ServiceUsage> {
  const [service, seenTypes] = await Promise.all([
    database.service.findUnique({ where: { name }, select: { roles: { where: { eventType: { deletedAt: null } }, select: { role: true, eventType: { select: { name: true } } } } } }),
    database.messagingUsage.groupBy({ by: ["eventType"], where: { serviceName: name } }),
  ]);
  if (!service) throw new AppError("NOT_FOUND", `no service named '${name}'`);
  const names = [...new Set([...service.roles.map((role) => role.eventType.name), ...seenTypes.map((group) => group.eventType)])];
  const [eventTypes, groups, destinations] = await Promise.all([
    database.eventType.findMany({
      where: { name: { in: names }, deletedAt: null },
      select: { name: true, bindings: { select: { destination: true } }, serviceRoles: { select: { role: true, service: { select: { name: true } } } } },
    }),
    database.messagingUsage.groupBy({ by: ["eventType", "serviceName", "role"], where: { eventType: { in: names } }, _sum: { messages: true }, _max: { lastSeenNano: true } }),
    database.messagingUsage.groupBy({ by: ["eventType", "destination"], where: { serviceName: name, eventType: { in: names }, destination: { not: "" } } }),
  ]);
  const observed = groups.map((group) => ({ ...observation(group), eventType: group.eventType }));
  const findings = eventTypes.flatMap((eventType) => {
    const declared = (role: keyof typeof roleOf) => eventType.serviceRoles.filter((entry) => entry.role === role).map((entry) => entry.service.name);
    const seen: ObservedService[] = observed.filter((entry) => entry.eventType === eventType.name);
    const used = destinations.filter((row) => row.eventType === eventType.name).map((row) => row.destination);
    const publishes = seen.some((entry) => entry.service === name && entry.role === "publish");
    return findingsFor({ name: eventType.name, producers: declared("PRODUCER"), consumers: declared("CONSUMER"), bindings: eventType.bindings }, seen, used).filter((finding) =>
      "service" in finding ? finding.service === name : finding.kind === "SENT_WITHOUT_CONSUMER" ? publishes : true,
    );
  });
  return {
    service: name,
    rows: joinUsage(
      service.roles.map((entry) => ({ service: name, eventType: entry.eventType.name, role: roleOf[entry.role] })),
      observed.filter((entry) => entry.service === name),
    ),
    findings,
  };
}
