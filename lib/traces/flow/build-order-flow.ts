import { deadLetterRule, eventVersionAttributes, isDeadLetterDestination, textAttribute } from "./dead-letter-rules";
import type { FlowEdge, FlowHop, FlowLink, FlowSpan, HopMatch, OrderFlow } from "./flow-types";

const nanosPerMs = 1_000_000;
const maxAncestors = 64;

const idOf = (span: { traceId: string; spanId: string }) => `${span.traceId}/${span.spanId}`;
const isPublish = (span: FlowSpan | undefined): span is FlowSpan => span?.messaging?.role === "publish";
const isConsume = (span: FlowSpan | undefined): span is FlowSpan => span?.messaging?.role === "consume";
const byStart = (a: FlowSpan, b: FlowSpan) => (a.startNano === b.startNano ? idOf(a).localeCompare(idOf(b)) : a.startNano < b.startNano ? -1 : 1);

/**
 * Assembles one business key's flow from the spans of every related trace (pure).
 *
 * Each consume span is tied to the publish span of its message, in order of trust: a span link
 * from the consume span (or a consume span nested under it) to a publish span; its parent being
 * a publish span; or the same `messaging.message.id` (same destination preferred, then the latest
 * publish before the consume). A consume span whose parent is itself a consume span (receive →
 * process) belongs to its parent's delivery. The deliveries of one message to one consumer
 * (service + group) form a hop: several deliveries are retries. The hop's outcome is `ok` when the
 * last delivery succeeded, else `dead-lettered` by the rules of `deadLetterRule`, else `error`.
 * Publish spans that no consume span answered become edges to `null` (no consumer seen).
 */
export function buildOrderFlow(input: { key: string; value: string; spans: FlowSpan[]; links: FlowLink[]; truncated?: boolean }): OrderFlow {
  const spans = [...input.spans].sort(byStart);
  const byId = new Map(spans.map((span) => [idOf(span), span]));
  const parentOf = (span: FlowSpan) => (span.parentSpanId ? byId.get(`${span.traceId}/${span.parentSpanId}`) : undefined);
  const linked = new Map<string, FlowSpan[]>();
  for (const link of input.links) {
    const target = byId.get(`${link.linkedTraceId}/${link.linkedSpanId}`);
    if (!target) continue;
    const key = `${link.traceId}/${link.spanId}`;
    linked.set(key, [...(linked.get(key) ?? []), target]);
  }

  // Deliveries: each top-level consume span with the consume spans nested under it.
  const deliveries = new Map<string, FlowSpan[]>();
  for (const span of spans.filter(isConsume)) {
    let top = span;
    for (let depth = 0, parent = parentOf(top); isConsume(parent) && depth < maxAncestors; depth += 1, parent = parentOf(top)) top = parent;
    deliveries.set(idOf(top), [...(deliveries.get(idOf(top)) ?? []), span]);
  }

  const publishes = spans.filter(isPublish);
  const groups = new Map<string, { publish: FlowSpan | undefined; matchedBy: HopMatch; attempts: FlowSpan[][] }>();
  for (const members of deliveries.values()) {
    const top = members[0]!;
    const { publish, matchedBy } = findPublish(top, members, { parentOf, linked, publishes });
    const message = publish ? idOf(publish) : `orphan:${top.messaging?.messageId ?? idOf(top)}`;
    const groupKey = `${message}|${top.serviceName}|${top.messaging?.consumerGroup ?? ""}`;
    const group = groups.get(groupKey) ?? { publish, matchedBy, attempts: [] };
    group.attempts.push(members);
    groups.set(groupKey, group);
  }

  // A broker that dead-letters by itself (RabbitMQ's dead-letter exchange) leaves no publish span:
  // the message only shows up again at a consumer of a dead-letter destination.
  const deadLetterDeliveries = new Map<string, FlowSpan>();
  for (const group of groups.values()) {
    const top = group.attempts[0]![0]!;
    if (group.publish && reroutedToDeadLetter(group.publish, top) && !deadLetterDeliveries.has(idOf(group.publish))) deadLetterDeliveries.set(idOf(group.publish), top);
  }

  const answered = new Set<string>();
  const hops: FlowHop[] = [];
  for (const group of groups.values()) {
    if (group.publish) answered.add(idOf(group.publish));
    hops.push(toHop(group, { publishes, parentOf, linked }, deadLetterDeliveries));
  }
  hops.sort((a, b) => compareNano(a.publishAt ?? a.processStartAt, b.publishAt ?? b.processStartAt) || compareNano(a.processStartAt, b.processStartAt));

  return {
    key: input.key,
    value: input.value,
    traceIds: unique(spans.map((span) => span.traceId)),
    services: unique(spans.map((span) => span.serviceName)),
    edges: toEdges(hops, publishes.filter((publish) => !answered.has(idOf(publish)))),
    hops,
    truncated: input.truncated ?? false,
  };
}

interface Lookup {
  parentOf: (span: FlowSpan) => FlowSpan | undefined;
  linked: Map<string, FlowSpan[]>;
  publishes: FlowSpan[];
}

function findPublish(top: FlowSpan, members: FlowSpan[], lookup: Lookup): { publish: FlowSpan | undefined; matchedBy: HopMatch } {
  for (const member of members) {
    const publish = (lookup.linked.get(idOf(member)) ?? []).find(isPublish);
    if (publish) return { publish, matchedBy: "link" };
  }
  const parent = lookup.parentOf(top);
  if (isPublish(parent)) return { publish: parent, matchedBy: "parent" };
  const messageIds = new Set(members.map((member) => member.messaging?.messageId).filter((id): id is string => !!id));
  const destination = top.messaging?.destination ?? null;
  const candidates = lookup.publishes.filter(
    (publish) =>
      publish.messaging?.messageId &&
      messageIds.has(publish.messaging.messageId) &&
      // A dead-letter copy keeps the message id; it only answers consumers of the dead-letter destination.
      isDeadLetterDestination(publish.messaging.destination) === isDeadLetterDestination(destination),
  );
  const rank = (publish: FlowSpan) => (publish.messaging?.destination === destination ? 2 : 0) + (publish.startNano <= top.startNano ? 1 : 0);
  const best = candidates.reduce<FlowSpan | undefined>((chosen, publish) => {
    if (!chosen) return publish;
    const difference = rank(publish) - rank(chosen);
    return difference > 0 || (difference === 0 && publish.startNano > chosen.startNano) ? publish : chosen;
  }, undefined);
  return best ? { publish: best, matchedBy: "message-id" } : { publish: undefined, matchedBy: "none" };
}

/** The consume span got the message through a dead-letter destination it was not published to. */
function reroutedToDeadLetter(publish: FlowSpan, consume: FlowSpan): boolean {
  return isDeadLetterDestination(consume.messaging?.destination ?? null) && !isDeadLetterDestination(publish.messaging?.destination ?? null);
}

function toHop(group: { publish: FlowSpan | undefined; matchedBy: HopMatch; attempts: FlowSpan[][] }, lookup: Lookup, deadLetterDeliveries: Map<string, FlowSpan>): FlowHop {
  const { publish } = group;
  const attempts = [...group.attempts].sort((a, b) => byStart(a[0]!, b[0]!));
  const first = attempts[0]![0]!;
  const last = attempts.at(-1)!;
  const failed = (members: FlowSpan[]) => members.some((member) => member.statusCode === 2);
  const consumeMessaging = first.messaging!;
  const messageId = publish?.messaging?.messageId ?? consumeMessaging.messageId;
  const viaDeadLetter = publish !== undefined && reroutedToDeadLetter(publish, first);
  let outcome: FlowHop["outcome"] = failed(last) ? "error" : "ok";
  let deadLetter: FlowHop["deadLetter"] = null;
  if (outcome === "error") {
    const attemptSpans = attempts.flat();
    const deadLetterPublish = findDeadLetterPublish(attemptSpans, first.serviceName, messageId, lookup);
    const deadLetterDelivery = publish && !viaDeadLetter ? deadLetterDeliveries.get(idOf(publish)) : undefined;
    const rule = deadLetterRule({ attempts: attemptSpans, failedAttempts: attempts.filter(failed).length, deadLetterPublish, deadLetterDelivery });
    if (rule) {
      outcome = "dead-lettered";
      deadLetter = {
        destination: deadLetterPublish?.messaging?.destination ?? deadLetterDelivery?.messaging?.destination ?? null,
        at: (deadLetterPublish?.startNano ?? maxEnd(last)).toString(),
        rule,
      };
    }
  }
  const processStart = first.startNano;
  return {
    eventType: publish?.messaging?.eventType ?? consumeMessaging.eventType,
    eventVersion: textAttribute(publish, eventVersionAttributes) ?? textAttribute(first, eventVersionAttributes),
    producer: publish?.serviceName ?? null,
    consumer: first.serviceName,
    consumerGroup: consumeMessaging.consumerGroup,
    system: publish?.messaging?.system ?? consumeMessaging.system,
    destination: viaDeadLetter ? consumeMessaging.destination : (publish?.messaging?.destination ?? consumeMessaging.destination),
    messageId,
    publishAt: publish ? publish.startNano.toString() : null,
    publishEndAt: publish ? publish.endNano.toString() : null,
    processStartAt: processStart.toString(),
    processEndAt: maxEnd(last).toString(),
    dwellMs: publish ? Number(processStart - publish.startNano) / nanosPerMs : null,
    attempts: attempts.map((members) => ({
      traceId: members[0]!.traceId,
      spanId: members[0]!.spanId,
      startAt: members[0]!.startNano.toString(),
      endAt: maxEnd(members).toString(),
      error: failed(members),
      statusMessage: members.find((member) => member.statusCode === 2)?.statusMessage ?? "",
    })),
    retries: attempts.length - 1,
    outcome,
    deadLetter,
    publish: publish ? { traceId: publish.traceId, spanId: publish.spanId } : null,
    matchedBy: group.matchedBy,
  };
}

/** A publish to a dead-letter destination under (or linking to) one of the attempts, or of the same message by the consumer. */
function findDeadLetterPublish(attempts: FlowSpan[], consumer: string, messageId: string | null, lookup: Lookup): FlowSpan | undefined {
  const attemptIds = new Set(attempts.map(idOf));
  const underAttempt = (span: FlowSpan) => {
    let current = lookup.parentOf(span);
    for (let depth = 0; current && depth < maxAncestors; depth += 1, current = lookup.parentOf(current)) if (attemptIds.has(idOf(current))) return true;
    return false;
  };
  return lookup.publishes.find(
    (publish) =>
      isDeadLetterDestination(publish.messaging?.destination ?? null) &&
      (underAttempt(publish) ||
        (lookup.linked.get(idOf(publish)) ?? []).some((target) => attemptIds.has(idOf(target))) ||
        (messageId !== null && publish.messaging?.messageId === messageId && publish.serviceName === consumer)),
  );
}

function toEdges(hops: FlowHop[], unanswered: FlowSpan[]): FlowEdge[] {
  const edges = new Map<string, FlowEdge>();
  const add = (edge: Omit<FlowEdge, "count" | "errors" | "deadLetter">, error: boolean) => {
    const key = JSON.stringify([edge.from, edge.to, edge.eventType, edge.eventVersion, edge.system, edge.destination]);
    const existing = edges.get(key) ?? { ...edge, count: 0, errors: 0, deadLetter: isDeadLetterDestination(edge.destination) };
    existing.count += 1;
    if (error) existing.errors += 1;
    edges.set(key, existing);
  };
  for (const hop of hops) {
    add({ from: hop.producer, to: hop.consumer, eventType: hop.eventType, eventVersion: hop.eventVersion, system: hop.system, destination: hop.destination }, hop.outcome !== "ok");
  }
  for (const publish of unanswered) {
    const messaging = publish.messaging!;
    add(
      {
        from: publish.serviceName,
        to: null,
        eventType: messaging.eventType,
        eventVersion: textAttribute(publish, eventVersionAttributes),
        system: messaging.system,
        destination: messaging.destination,
      },
      publish.statusCode === 2,
    );
  }
  return [...edges.values()];
}

function maxEnd(members: FlowSpan[]): bigint {
  return members.reduce((end, member) => (member.endNano > end ? member.endNano : end), members[0]!.endNano);
}

function compareNano(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
