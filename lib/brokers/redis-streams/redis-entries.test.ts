import { describe, expect, it } from "vitest";
import { replayHeaders } from "../headers";
import { decodeDeadLetter, decodeMessage, deadLetterFields, encodeMessage, replayFields, type StreamEntry } from "./redis-entries";

function entry(id: string, flat: (string | Buffer)[]): StreamEntry {
  const fields: [string, Buffer][] = [];
  for (let index = 0; index < flat.length; index += 2) fields.push([String(flat[index]), Buffer.from(flat[index + 1]!)]);
  return { id, fields };
}

const payload = new Uint8Array([123, 34, 97, 34, 58, 49, 125]);
const native = encodeMessage({ messageId: "m-1", payload, headers: { "x-trace": "t" }, key: "k" });

describe("message entries", () => {
  it("round-trip an Eventscope message", () => {
    const decoded = decodeMessage(entry("5-0", native));
    expect(decoded).toMatchObject({ messageId: "m-1", headers: { "x-trace": "t" }, key: "k", native: true });
    expect([...decoded.payload]).toEqual([...payload]);
  });

  it("leave the key out when there is none", () => {
    expect(encodeMessage({ messageId: "m", payload, headers: {}, key: null })).toHaveLength(6);
  });

  it("read another producer's entry as a JSON object named by its entry id", () => {
    const decoded = decodeMessage(entry("7-1", ["order", "42", "status", "placed"]));
    expect(decoded).toMatchObject({ messageId: "7-1", headers: {}, key: null, native: false });
    expect(JSON.parse(Buffer.from(decoded.payload).toString())).toEqual({ order: "42", status: "placed" });
  });

  it("report headers that are not a flat object of strings", () => {
    expect(decodeMessage(entry("1-0", ["message-id", "m", "payload", "x", "headers", '{"n":1}'])).headers).toBeUndefined();
  });
});

const metadata = [
  deadLetterFields.reason, "card declined",
  deadLetterFields.cause, "max-deliveries",
  deadLetterFields.destination, "orders",
  deadLetterFields.group, "payment",
  deadLetterFields.entryId, "3-0",
  deadLetterFields.deliveryCount, "3",
  deadLetterFields.firstDeathAt, "1000",
  deadLetterFields.lastDeathAt, "2000",
];

describe("dead-letter entries", () => {
  it("read their failure metadata and the original message", () => {
    const { summary, message } = decodeDeadLetter(entry("2000-0", [...metadata, ...native]), "orders");
    expect(summary).toEqual({
      id: "2000-0@orders",
      deadLetterDestination: "orders:dlq",
      originalDestination: "orders",
      originalPosition: null,
      consumer: "payment",
      messageId: "m-1",
      key: "k",
      cause: "max-deliveries",
      reason: "card declined",
      deliveryCount: 3,
      firstDeathAt: new Date(1000),
      lastDeathAt: new Date(2000),
      payloadBytes: payload.byteLength,
    });
    expect(message.headers).toEqual({ "x-trace": "t" });
  });

  it("fall back to the entry id and 'unknown' when metadata is missing or odd", () => {
    const { summary } = decodeDeadLetter(entry("4500-0", [deadLetterFields.cause, "exploded", deadLetterFields.deliveryCount, "many", "a", "b"]), "orders");
    expect(summary).toMatchObject({ cause: "unknown", reason: "unknown", deliveryCount: 0, consumer: null, messageId: null, lastDeathAt: new Date(4500), firstDeathAt: new Date(4500) });
  });

  it("replay an Eventscope message with a new id and headers naming where it came from", () => {
    const dead = entry("2000-0", [...metadata, ...native]);
    const { fields, messageId } = replayFields(decodeDeadLetter(dead, "orders"), dead, "m-2");
    expect(messageId).toBe("m-2");
    const replayed = decodeMessage(entry("9-0", fields));
    expect(replayed).toMatchObject({ messageId: "m-2", key: "k", headers: { "x-trace": "t", [replayHeaders.replayOf]: "2000-0@orders", [replayHeaders.firstDeathAt]: "1000" } });
    expect([...replayed.payload]).toEqual([...payload]);
  });

  it("replay another producer's entry field for field", () => {
    const dead = entry("2000-0", [...metadata, "order", "42"]);
    const { fields, messageId } = replayFields(decodeDeadLetter(dead, "orders"), dead, "unused");
    expect(messageId).toBeNull();
    expect(fields.map(String)).toEqual(["order", "42"]);
  });
});
