import type { Database } from "../db";
import { unixNanoToDate } from "../format/units";

export interface ObservedService {
  service: string;
  role: "publish" | "consume";
  messages: number;
  lastSeen: string;
}

export type UsageFinding =
  | { kind: "UNDECLARED_PRODUCER"; service: string; message: string }
  | { kind: "UNDECLARED_CONSUMER"; service: string; message: string }
  | { kind: "DECLARED_CONSUMER_NEVER_SEEN"; service: string; message: string }
  | { kind: "DECLARED_PRODUCER_NEVER_SEEN"; service: string; message: string }
  | { kind: "SENT_WITHOUT_CONSUMER"; message: string }
  | { kind: "RUNTIME_ONLY_DESTINATION"; destination: string; message: string };

export interface ObservedUsage {
  observed: ObservedService[];
  findings: UsageFinding[];
}

/**
 * Who really produces and consumes an event type, from the messaging spans stored (counted in
 * MessagingUsage as they are written), set against what the catalog declares — the join of design
 * time and run time.
 */
export async function getObservedUsage(
  database: Database,
  eventType: { name: string; producers: string[]; consumers: string[]; bindings: { destination: string }[] },
): Promise<ObservedUsage> {
  const [groups, destinations] = await Promise.all([
    database.messagingUsage.groupBy({ by: ["serviceName", "role"], where: { eventType: eventType.name }, _sum: { messages: true }, _max: { lastSeenNano: true } }),
    database.messagingUsage.groupBy({ by: ["destination"], where: { eventType: eventType.name, destination: { not: "" } } }),
  ]);
  const observed = groups.map(observation).sort((a, b) => a.role.localeCompare(b.role) || a.service.localeCompare(b.service));
  return { observed, findings: findingsFor(eventType, observed, destinations.map((row) => row.destination)) };
}

/** One service's messages in one role (a `messagingUsage.groupBy` row) as an observation. */
export function observation(group: { serviceName: string; role: string; _sum: { messages: number | null }; _max: { lastSeenNano: bigint | null } }): ObservedService {
  return {
    service: group.serviceName,
    role: group.role as ObservedService["role"],
    messages: group._sum.messages ?? 0,
    lastSeen: unixNanoToDate(group._max.lastSeenNano ?? 0n).toISOString(),
  };
}

/** The findings, pure: what differs between declarations and what was seen. */
export function findingsFor(
  eventType: { name: string; producers: string[]; consumers: string[]; bindings: { destination: string }[] },
  observed: ObservedService[],
  destinationsSeen: string[],
): UsageFinding[] {
  const seen = (role: ObservedService["role"]) => new Set(observed.filter((entry) => entry.role === role).map((entry) => entry.service));
  const [publishers, consumers] = [seen("publish"), seen("consume")];
  const findings: UsageFinding[] = [];
  for (const service of publishers) {
    if (!eventType.producers.includes(service)) findings.push({ kind: "UNDECLARED_PRODUCER", service, message: `${service} sends ${eventType.name} but is not declared as a producer.` });
  }
  for (const service of consumers) {
    if (!eventType.consumers.includes(service)) findings.push({ kind: "UNDECLARED_CONSUMER", service, message: `${service} processes ${eventType.name} but is not declared as a consumer.` });
  }
  if (observed.length > 0) {
    for (const service of eventType.consumers) {
      if (!consumers.has(service)) findings.push({ kind: "DECLARED_CONSUMER_NEVER_SEEN", service, message: `${service} is declared as a consumer but was never seen processing ${eventType.name}.` });
    }
    for (const service of eventType.producers) {
      if (!publishers.has(service)) findings.push({ kind: "DECLARED_PRODUCER_NEVER_SEEN", service, message: `${service} is declared as a producer but was never seen sending ${eventType.name}.` });
    }
  }
  if (publishers.size > 0 && consumers.size === 0) findings.push({ kind: "SENT_WITHOUT_CONSUMER", message: `${eventType.name} is sent, but no consumer was seen processing it.` });
  const bound = new Set(eventType.bindings.map((binding) => binding.destination));
  for (const destination of destinationsSeen) {
    if (!bound.has(destination)) findings.push({ kind: "RUNTIME_ONLY_DESTINATION", destination, message: `${eventType.name} travels through ${destination}, which the catalog does not list as a binding.` });
  }
  return findings;
}

/** One service in one role for one event type: declared in the catalog, seen in spans, or both. */
export interface UsageRow {
  service: string;
  eventType: string;
  role: ObservedService["role"];
  declared: boolean;
  /** Messaging spans seen; 0 when never seen. */
  messages: number;
  lastSeen: string | null;
}

type UsageKey = Pick<UsageRow, "service" | "eventType" | "role">;

/** Declared and observed side by side, one row per service, event type and role; producers first. */
export function joinUsage(declared: UsageKey[], observed: (UsageKey & { messages: number; lastSeen: string })[]): UsageRow[] {
  const rows = new Map<string, UsageRow>();
  const keyOf = (entry: UsageKey) => JSON.stringify([entry.role, entry.eventType, entry.service]);
  for (const entry of declared) rows.set(keyOf(entry), { ...entry, declared: true, messages: 0, lastSeen: null });
  for (const { service, eventType, role, messages, lastSeen } of observed) {
    const key = keyOf({ service, eventType, role });
    rows.set(key, { service, eventType, role, declared: rows.has(key), messages, lastSeen });
  }
  return [...rows.values()].sort((a, b) => b.role.localeCompare(a.role) || a.eventType.localeCompare(b.eventType) || a.service.localeCompare(b.service));
}
