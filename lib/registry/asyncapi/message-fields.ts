import type { MessageInterface } from "@asyncapi/parser";
import type { CatalogEventType } from "../catalog-document";
import { isRecord, nonEmptyString, toPlainJson } from "./json-value";

/** Extension carrying the catalog domain of a message (written by the exporter). */
export const domainExtension = "x-eventscope-domain";

const avroFormatPrefix = "application/vnd.apache.avro";
const jsonSchemaFormats = [/^application\/vnd\.aai\.asyncapi(\+json|\+yaml)?(;|$)/, /^application\/schema\+(json|yaml)(;|$)/];

/**
 * The catalog name of a message: its `name`, else its key in `components.messages`, else its
 * id (`messageId` in 2.x, the message key in 3.x), else the first fallback (operation or channel).
 * The parser invents `<anonymous-message-N>` ids for unnamed 2.x messages; those are not names.
 */
export function messageName(message: MessageInterface, componentKey: string | undefined, fallbacks: (string | undefined)[]): string {
  const id = nonEmptyString(message.id());
  const candidates = [message.name(), componentKey, id?.startsWith("<anonymous") ? undefined : id, ...fallbacks];
  return candidates.map(nonEmptyString).find((candidate) => candidate !== undefined) ?? "message";
}

/** The fields of an event type that come from the message alone. */
export function messageFields(
  message: MessageInterface,
  name: string,
  majorVersion: number,
  warnings: string[],
): Omit<CatalogEventType, "bindings" | "producers" | "consumers"> {
  const tags = message.tags().all().map((tag) => tag.name());
  return {
    name,
    description: message.description() ?? message.summary() ?? message.title() ?? "",
    domain: nonEmptyString(message.extensions().get(domainExtension)?.value()) ?? domainFromTags(tags),
    tags: [...new Set(tags)],
    schema: messageSchema(message, name, majorVersion, warnings),
    examplePayload: examplePayload(message),
  };
}

/** A domain is only taken from an explicit `domain:<name>` tag; anything else is too ambiguous. */
export function domainFromTags(tags: string[]): string | null {
  for (const tag of tags) {
    const match = /^domain:\s*(.+)$/i.exec(tag);
    if (match?.[1]) return match[1].trim();
  }
  return null;
}

function messageSchema(message: MessageInterface, name: string, majorVersion: number, warnings: string[]): CatalogEventType["schema"] {
  const { payload, schemaFormat: writtenFormat } = rawPayload(message, majorVersion);
  if (payload === undefined) return null;
  const schemaFormat = writtenFormat?.toLowerCase();
  const text = JSON.stringify(toPlainJson(payload));
  if (schemaFormat === undefined || jsonSchemaFormats.some((pattern) => pattern.test(schemaFormat))) return { format: "JSON_SCHEMA", text };
  if (schemaFormat.startsWith(avroFormatPrefix)) return { format: "AVRO", text };
  warnings.push(`Message "${name}": schema format "${writtenFormat}" is not supported; imported without a schema`);
  return null;
}

/**
 * The payload as written (after `$ref` resolution) and its schema format, undefined for the
 * AsyncAPI default. 3.x wraps a payload in another format as `{ schemaFormat, schema }`, 2.x puts
 * `schemaFormat` on the message; a custom schema parser keeps the original as
 * `x-parser-original-payload`. Read from the JSON because the parser's `schemaFormat()` reports
 * the default format for a non-object (e.g. Avro `"string"`) schema.
 */
function rawPayload(message: MessageInterface, majorVersion: number): { payload: unknown; schemaFormat: string | undefined } {
  const json: unknown = message.json();
  if (!isRecord(json)) return { payload: undefined, schemaFormat: undefined };
  const payload = json.payload;
  if (majorVersion >= 3) {
    if (isRecord(payload) && typeof payload.schemaFormat === "string" && "schema" in payload) {
      return { payload: payload["x-parser-original-payload"] ?? payload.schema, schemaFormat: payload.schemaFormat };
    }
    return { payload, schemaFormat: undefined };
  }
  const schemaFormat = nonEmptyString(json.schemaFormat);
  return { payload: json["x-parser-original-payload"] ?? payload, schemaFormat };
}

function examplePayload(message: MessageInterface): string | null {
  for (const example of message.examples().all()) {
    const payload: unknown = example.payload();
    if (payload !== undefined) return JSON.stringify(toPlainJson(payload));
  }
  return null;
}
