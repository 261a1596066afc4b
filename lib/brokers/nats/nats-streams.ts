import { RetentionPolicy, StorageType } from "@nats-io/jetstream";
import type { NatsContext, NatsHandles } from "./nats-context";
import { isInternalStream, streamNameFor } from "./nats-names";

/**
 * Finds the stream that stores a destination subject. With `create`, a subject no stream
 * stores gets its own stream (limits retention, so dead-lettered messages stay readable for
 * the DLQ capture); a stream someone else made (say `ORDERS` on `orders.>`) is used as it is.
 */
export async function streamForSubject(context: NatsContext, handles: NatsHandles, subject: string, create: boolean): Promise<string | undefined> {
  const known = context.streamBySubject.get(subject);
  if (known !== undefined) return known;
  return context.exclusive("streams", async () => {
    const again = context.streamBySubject.get(subject);
    if (again !== undefined) return again;
    const [found] = (await handles.jsm.streams.names(subject).next()).filter((name) => !isInternalStream(context.names, name));
    let stream = found;
    if (stream === undefined) {
      if (!create) return undefined;
      stream = streamNameFor(context.names, subject);
      await handles.jsm.streams.add({ name: stream, subjects: [subject], retention: RetentionPolicy.Limits, storage: StorageType.File });
    }
    context.streamBySubject.set(subject, stream);
    return stream;
  });
}
