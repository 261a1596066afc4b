import { connect, type Channel, type ChannelModel, type ConfirmChannel, type Options } from "amqplib";

/**
 * One AMQP connection per broker instance, opened on first use and reopened on the next call
 * after it drops. Publishing goes through one long-lived confirm channel; anything that can
 * fail with a channel error (a passive declare of a queue that may not exist) gets a channel of
 * its own, because in AMQP a failed command closes the channel it ran on.
 */
export interface RabbitConnection {
  open(): Promise<ChannelModel>;
  /** A new channel owned by the caller (a consumer), who closes it. */
  channel(): Promise<Channel>;
  /** Runs `operation` on a short-lived channel and closes it afterwards, whatever happened. */
  withChannel<T>(operation: (channel: Channel) => Promise<T>): Promise<T>;
  /**
   * Publishes and resolves once RabbitMQ confirmed the message. With `mandatory`, resolves
   * `"unroutable"` when no queue was bound to take it.
   */
  publishConfirmed(exchange: string, routingKey: string, content: Buffer, options: Options.Publish): Promise<"confirmed" | "unroutable">;
  /** Declares a durable topic exchange once per connection. */
  ensureExchange(name: string, type?: "topic" | "direct"): Promise<void>;
  /** The server's version, once connected. */
  version(): string | null;
  close(): Promise<void>;
}

export interface RabbitConnectionOptions {
  url: string;
  connectTimeoutMs: number;
}

export function createRabbitConnection(options: RabbitConnectionOptions): RabbitConnection {
  let model: Promise<ChannelModel> | undefined;
  let publisher: Promise<ConfirmChannel> | undefined;
  let declared = new Set<string>();
  let serverVersion: string | null = null;
  let closed = false;

  function forget(): void {
    model = undefined;
    publisher = undefined;
    declared = new Set();
  }

  async function open(): Promise<ChannelModel> {
    if (closed) throw new Error("Connection closed: the broker was closed");
    if (model !== undefined) return model;
    const opening: Promise<ChannelModel> = connect(options.url, { timeout: options.connectTimeoutMs, clientProperties: { connection_name: "eventscope" } }).then(
      (opened) => {
        // Without an error listener a dropped connection would crash the process.
        opened.on("error", () => undefined);
        opened.on("close", () => {
          if (model === opening) forget();
        });
        const version = opened.connection.serverProperties.version;
        serverVersion = typeof version === "string" ? version : null;
        return opened;
      },
      (error: unknown) => {
        if (model === opening) forget();
        throw error;
      },
    );
    model = opening;
    return opening;
  }

  async function channel(): Promise<Channel> {
    const created = await (await open()).createChannel();
    created.on("error", () => undefined);
    return created;
  }

  async function confirmChannel(): Promise<ConfirmChannel> {
    publisher ??= open()
      .then((opened) => opened.createConfirmChannel())
      .then(
        (created) => {
          created.on("error", () => undefined);
          created.on("close", () => {
            publisher = undefined;
          });
          return created;
        },
        (error: unknown) => {
          publisher = undefined;
          throw error;
        },
      );
    return publisher;
  }

  async function withChannel<T>(operation: (channel: Channel) => Promise<T>): Promise<T> {
    const created = await channel();
    try {
      return await operation(created);
    } finally {
      // After a channel error the server has closed it already.
      await created.close().catch(() => undefined);
    }
  }

  async function publishConfirmed(exchange: string, routingKey: string, content: Buffer, publish: Options.Publish): Promise<"confirmed" | "unroutable"> {
    const confirm = await confirmChannel();
    return new Promise((resolve, reject) => {
      let returned = false;
      const onReturn = (message: { properties: { messageId?: unknown } }) => {
        if (publish.messageId !== undefined && message.properties.messageId === publish.messageId) returned = true;
      };
      const onClose = () => settle(() => reject(new Error("Channel closed before RabbitMQ confirmed the message")));
      const settle = (finish: () => void) => {
        confirm.off("return", onReturn);
        confirm.off("close", onClose);
        finish();
      };
      confirm.on("return", onReturn);
      confirm.once("close", onClose);
      // RabbitMQ sends basic.return before the confirm of the same message.
      confirm.publish(exchange, routingKey, content, publish, (error: unknown) =>
        settle(() => (error ? reject(error instanceof Error ? error : new Error("RabbitMQ rejected the message (basic.nack)")) : resolve(returned ? "unroutable" : "confirmed"))),
      );
    });
  }

  async function ensureExchange(name: string, type: "topic" | "direct" = "topic"): Promise<void> {
    if (declared.has(name)) return;
    await withChannel((created) => created.assertExchange(name, type, { durable: true }));
    declared.add(name);
  }

  return {
    open,
    channel,
    withChannel,
    publishConfirmed,
    ensureExchange,
    version: () => serverVersion,
    async close() {
      closed = true;
      const current = model;
      forget();
      if (current !== undefined) await current.then((opened) => opened.close()).catch(() => undefined);
    },
  };
}
