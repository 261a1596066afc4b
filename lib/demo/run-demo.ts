import { setMaxListeners } from "node:events";
import { setTimeout as delay } from "node:timers/promises";
import { ROOT_CONTEXT, SpanKind, trace } from "@opentelemetry/api";
import { failed, ok, type BrokerResult } from "../brokers/broker-result";
import type { Consumer, MessagingClient } from "../brokers/messaging-client";
import { generateOrder, orderPlaced, type DemoEventType, type Random } from "./demo-orders";
import { createDemoSubscriptions, defaultTiming, workBounds, type DemoSubscription, type DemoTiming, type ServiceTools } from "./demo-services";
import { createDemoTracers, type DemoService, type DemoTracerOptions, type DemoTracers } from "./demo-tracers";
import { demoAttributes, markFailed, processTraced, publishTraced } from "./traced-messaging";

/** Where the demo runs and how fast. */
export interface DemoOptions {
  /** Owned by the caller: stopping the demo does not close it. */
  broker: MessagingClient;
  /** `messaging.system` on every span: embedded, rabbitmq, nats, redis. */
  system: string;
  /** Where the five services export their spans. */
  otlp: DemoTracerOptions;
  ordersPerMinute: number;
  /** Prepended to every destination (tests use it to keep their topics apart); none by default. */
  destinationPrefix?: string;
  timing?: Partial<DemoTiming>;
  random?: Random;
  /** Told about background failures (a broker that stopped answering); ignored by default. */
  onProblem?: (problem: string) => void;
}

/** A running demo. */
export interface DemoHandle {
  /** Orders checkout has placed so far. */
  readonly ordersPlaced: number;
  /** Stops placing and consuming, lets in-flight handlers finish or give up, and flushes the spans. */
  stop(): Promise<void>;
}

/** Waits, or returns early (false) when the signal fires. */
async function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  try {
    await delay(Math.max(0, ms), undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

interface Running {
  broker: MessagingClient;
  system: string;
  tracers: DemoTracers;
  timing: DemoTiming;
  /** Mean time between two orders. */
  intervalMs: number;
  random: Random;
  signal: AbortSignal;
  destination(eventType: DemoEventType): string;
  report(problem: string): void;
}

function toolsFor(service: DemoService, concurrency: number, run: Running): ServiceTools {
  const [minMs, maxMs] = workBounds(run.timing[service], run.intervalMs, concurrency);
  return {
    work: () => sleep(minMs + run.random() * (maxMs - minMs), run.signal),
    publish: (payload, orderId, parent, links) =>
      publishTraced({ tracer: run.tracers.tracer(service), broker: run.broker, system: run.system, destination: run.destination(payload.eventType), payload, orderId, parent, links }),
    now: () => new Date(),
    random: run.random,
    retryMs: run.timing.retryMs,
  };
}

async function consumeLoop(consumer: Consumer, subscription: DemoSubscription, run: Running): Promise<void> {
  const tools = toolsFor(subscription.service, subscription.concurrency, run);
  const tracer = run.tracers.tracer(subscription.service);
  while (!run.signal.aborted) {
    try {
      const received = await consumer.receive({ max: subscription.concurrency, waitMs: 1_000 });
      if (received.status !== "ok") {
        // Closing a consumer may fail the receive it was waiting in; that is no problem to report.
        if (run.signal.aborted) break;
        run.report(`${subscription.service} cannot receive ${subscription.eventType}: ${received.error.message}`);
        await sleep(received.status === "retryable" ? received.retryInMs : 2_000, run.signal);
        continue;
      }
      const settled = await Promise.all(
        received.value.map((message) =>
          processTraced(message, { tracer, system: run.system, eventType: subscription.eventType, consumerGroup: consumer.consumer, maxDeliveries: subscription.maxDeliveries, newTrace: subscription.newTrace, handle: (delivery) => subscription.handle(delivery, tools) }),
        ),
      );
      for (const result of settled) {
        if (result.status === "failed" || result.status === "retryable") run.report(`${subscription.service} cannot settle ${subscription.eventType}: ${result.error.message}`);
      }
    } catch (error) {
      if (run.signal.aborted) break;
      run.report(`${subscription.service} failed on ${subscription.eventType}: ${error instanceof Error ? error.message : String(error)}`);
      await sleep(2_000, run.signal);
    }
  }
}

/**
 * Customers arrive independently (a Poisson process at the configured mean rate), so orders come
 * in small bunches now and then, as in a shop; capped at four mean gaps.
 */
export function nextGapMs(intervalMs: number, random: Random): number {
  return Math.min(4 * intervalMs, -Math.log(1 - random()) * intervalMs);
}

/** Checkout places one order: a request span with the `order.placed` publish inside. */
async function placeOrder(sequence: number, run: Running): Promise<void> {
  const order = generateOrder(sequence, new Date(), run.random);
  const tracer = run.tracers.tracer("checkout");
  const request = tracer.startSpan("POST /orders", {
    kind: SpanKind.SERVER,
    attributes: { "http.request.method": "POST", "http.route": "/orders", [demoAttributes.orderId]: order.orderId, "customer.id": order.customerId },
  });
  try {
    const parent = trace.setSpan(ROOT_CONTEXT, request);
    const payload = orderPlaced(order);
    const published = await publishTraced({ tracer, broker: run.broker, system: run.system, destination: run.destination(payload.eventType), payload, orderId: order.orderId, parent });
    if (published.status !== "published") {
      markFailed(request, `order not placed: ${published.error.message}`, "publish_failed");
      run.report(`checkout cannot publish order.placed: ${published.error.message}`);
    }
  } catch (error) {
    markFailed(request, error instanceof Error ? error.message : String(error), "exception");
    run.report(`checkout failed to place an order: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    request.end();
  }
}

/**
 * Runs the demo order system on any broker: subscribes every consumer first (a publish/subscribe
 * broker keeps nothing for consumers that do not exist yet), then places `ordersPerMinute`
 * orders at a steady pace until stopped. Fails without starting anything if a subscription fails.
 */
export async function runDemo(options: DemoOptions): Promise<BrokerResult<DemoHandle>> {
  if (!(options.ordersPerMinute > 0)) return failed("invalid", "ordersPerMinute must be positive");
  const stopping = new AbortController();
  // Every consumer loop and every message being worked on waits on this one signal.
  setMaxListeners(0, stopping.signal);
  const prefix = options.destinationPrefix ?? "";
  const subscriptions = createDemoSubscriptions();
  const consumers: Consumer[] = [];
  for (const subscription of subscriptions) {
    const subscribed = await options.broker.subscribe({ destination: `${prefix}${subscription.eventType}`, consumer: subscription.service, maxDeliveries: subscription.maxDeliveries, ackTimeoutMs: 30_000 });
    if (subscribed.status !== "ok") {
      await Promise.all(consumers.map((consumer) => consumer.close()));
      return subscribed;
    }
    consumers.push(subscribed.value);
  }
  const tracers = createDemoTracers(options.otlp);
  const run: Running = {
    broker: options.broker,
    system: options.system,
    tracers,
    timing: { ...defaultTiming, ...options.timing },
    intervalMs: 60_000 / options.ordersPerMinute,
    random: options.random ?? Math.random,
    signal: stopping.signal,
    destination: (eventType) => `${prefix}${eventType}`,
    report: options.onProblem ?? (() => {}),
  };
  const loops = subscriptions.map((subscription, index) => consumeLoop(consumers[index]!, subscription, run));
  let ordersPlaced = 0;
  const placing = (async () => {
    let nextAt = Date.now();
    while (!stopping.signal.aborted) {
      await placeOrder(ordersPlaced, run);
      ordersPlaced += 1;
      // No burst to catch up after a stall.
      nextAt = Math.max(nextAt + nextGapMs(run.intervalMs, run.random), Date.now() - run.intervalMs);
      await sleep(nextAt - Date.now(), stopping.signal);
    }
  })();
  let stopped: Promise<void> | undefined;
  return ok({
    get ordersPlaced() {
      return ordersPlaced;
    },
    stop() {
      stopped ??= (async () => {
        stopping.abort();
        await Promise.all(consumers.map((consumer) => consumer.close()));
        await Promise.all([placing, ...loops]);
        await tracers.flush();
        await tracers.shutdown();
      })();
      return stopped;
    },
  });
}
