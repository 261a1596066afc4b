import { z } from "zod";
import { consumerServices, type ConsumerService, type OrderEvent } from "./order-routing";

/** What the test hands one service process (as its only argument, JSON). */
export const serviceConfigSchema = z.object({
  service: z.enum(["checkout", ...consumerServices]),
  amqpUrl: z.string().min(1),
  prefix: z.string().min(1),
  otlpUrl: z.string().url(),
  format: z.enum(["proto", "json"]),
  useLinksForConsume: z.boolean(),
  /** Orders checkout places; empty for consumers. */
  orderIds: z.array(z.string().min(1)),
});

export type ServiceConfig = z.infer<typeof serviceConfigSchema>;

/** A consumer settled one delivery. */
export interface SettledMessage {
  type: "settled";
  service: ConsumerService;
  orderId: string;
  event: OrderEvent;
  outcome: "ack" | "nack";
}

/** Service process → test. */
export type ChildMessage = SettledMessage | { type: "placed"; count: number } | { type: "failed"; message: string };

/** Test → service process: finish, flush telemetry and exit. */
export interface StopMessage {
  type: "stop";
}

export function isChildMessage(value: unknown): value is ChildMessage {
  return typeof value === "object" && value !== null && ["settled", "placed", "failed"].includes((value as { type?: unknown }).type as string);
}

export function isStopMessage(value: unknown): value is StopMessage {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "stop";
}

/** Sends a message to the test over the IPC channel, if there is one. */
export function report(message: ChildMessage): void {
  process.send?.(message);
}
