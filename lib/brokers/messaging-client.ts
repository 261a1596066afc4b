import type { BrokerProblem, BrokerResult } from "./broker-result";
import type { MessageHeaders } from "./types";

/**
 * Publishing and consuming, for the demo order system and the contract suite. The portal
 * itself only reads (see `BrokerAdapter`); this half exists so one demo and one test suite run
 * unchanged against every broker.
 */
export interface MessagingClient {
  /** Resolves only after the broker has durably accepted the message (publisher confirm, commit). */
  publish(message: OutgoingMessage): Promise<PublishResult>;
  /**
   * Declares the consumer if it does not exist (idempotent; options of an existing one are
   * updated) and returns a handle to receive from it. Messages published before the consumer
   * first existed may not be delivered to it.
   */
  subscribe(options: SubscribeOptions): Promise<BrokerResult<Consumer>>;
  close(): Promise<void>;
}

export interface OutgoingMessage {
  destination: string;
  payload: Uint8Array;
  headers?: MessageHeaders;
  /** Partition / routing key, where the broker has one. */
  key?: string;
  /** Generated when absent. */
  messageId?: string;
}

export type PublishResult = { status: "published"; messageId: string } | BrokerProblem;

export interface SubscribeOptions {
  destination: string;
  /** The consumer's name: subscription, queue, durable consumer or consumer group. */
  consumer: string;
  /** Deliveries before a message is dead-lettered. */
  maxDeliveries: number;
  /** How long a delivered message may stay unacknowledged before it is delivered again. */
  ackTimeoutMs: number;
}

export interface ReceiveOptions {
  /** At most this many messages. */
  max: number;
  /** How long to wait for the first message; 0 returns at once. */
  waitMs: number;
}

/** A pull handle on one consumer; each received message must be acked or nacked. */
export interface Consumer {
  readonly destination: string;
  readonly consumer: string;
  receive(options: ReceiveOptions): Promise<BrokerResult<ReceivedMessage[]>>;
  /** Stops receiving; unacknowledged messages are delivered again after their ack timeout. */
  close(): Promise<void>;
}

export interface ReceivedMessage {
  messageId: string;
  destination: string;
  payload: Uint8Array;
  headers: MessageHeaders;
  key: string | null;
  /** 1 on the first delivery. */
  deliveryCount: number;
  /** Done with it: it will not be delivered to this consumer again. */
  ack(): Promise<SettleResult>;
  /**
   * Failed: deliver it again (after `delayMs`), or dead-letter it with `reason` once the
   * consumer's max deliveries are used up.
   */
  nack(options?: NackOptions): Promise<SettleResult>;
}

export interface NackOptions {
  reason?: string;
  delayMs?: number;
}

/**
 * `lease-lost`: the ack timeout passed before the settle arrived, so the message is (or will
 * be) delivered again — at-least-once, as promised.
 */
export type SettleResult = { status: "settled" } | { status: "lease-lost" } | BrokerProblem;
