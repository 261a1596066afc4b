import type { AsyncAPIDocumentInterface, ChannelInterface, MessageInterface, OperationInterface } from "@asyncapi/parser";
import type { CatalogBinding, CatalogDocument, CatalogEventType, CatalogService } from "../catalog-document";
import { bindingKey, channelBindings, compareText, normalizeBindings } from "./bindings";
import { isRecord, nonEmptyString } from "./json-value";
import { domainFromTags, messageFields, messageName } from "./message-fields";

/** Operation extension naming the catalog service that sends or receives (written by the exporter). */
export const serviceExtension = "x-eventscope-service";
/** `info` extension listing the catalog's services with their descriptions (written by the exporter). */
export const servicesExtension = "x-eventscope-services";

interface EventDraft {
  fields: Omit<CatalogEventType, "bindings" | "producers" | "consumers">;
  bindings: Map<string, CatalogBinding>;
  producers: Set<string>;
  consumers: Set<string>;
}

/** The service name for an AsyncAPI `info.title`: lower-case, whitespace runs become `-`. */
export function serviceNameFromTitle(title: string): string {
  return title.trim().toLowerCase().replace(/\s+/g, "-");
}

/**
 * Maps a parsed, valid AsyncAPI 2.x/3.x document to the catalog shape. Every message becomes an
 * event type (messages sharing a name are merged); operations give producers and consumers,
 * channels give bindings.
 */
export function mapAsyncApiDocument(document: AsyncAPIDocumentInterface): { document: CatalogDocument; warnings: string[] } {
  const warnings: string[] = [];
  const majorVersion = Number.parseInt(document.version(), 10);
  const info = document.info();
  const appService = serviceNameFromTitle(info.title());
  const componentKeys = componentMessageKeys(document);
  const names = new Map<object, string>();
  const drafts = new Map<string, EventDraft>();
  const covered = new Set<string>();
  const referencedServices = new Set<string>();
  let operationsWithoutService = 0;

  const draftFor = (message: MessageInterface, fallbacks: (string | undefined)[]): EventDraft => {
    const json: unknown = message.json();
    const identity = isRecord(json) ? json : {};
    const known = names.get(identity);
    const knownDraft = known === undefined ? undefined : drafts.get(known);
    if (knownDraft) return knownDraft;
    const name = messageName(message, componentKeys.get(identity), fallbacks);
    names.set(identity, name);
    const existing = drafts.get(name);
    if (existing) {
      if (existing.fields.schema?.text !== messageFields(message, name, majorVersion, []).schema?.text) {
        warnings.push(`Several messages are named "${name}" with different payloads; the first one was kept`);
      }
      return existing;
    }
    const fields = messageFields(message, name, majorVersion, warnings);
    const draft: EventDraft = { fields, bindings: new Map(), producers: new Set(), consumers: new Set() };
    drafts.set(name, draft);
    return draft;
  };
  const addBindings = (draft: EventDraft, bindings: CatalogBinding[]) => {
    for (const binding of bindings) draft.bindings.set(bindingKey(binding), binding);
  };

  for (const operation of document.operations().all()) {
    const declaredService = nonEmptyString(operation.extensions().get(serviceExtension)?.value())?.trim();
    if (declaredService === undefined) operationsWithoutService += 1;
    else referencedServices.add(declaredService);
    const service = declaredService ?? appService;
    const role = operationRole(operation);
    const channels = operation.channels().all();
    const domain = domainFromTags([...operation.tags().all().map((tag) => tag.name()), ...channels.flatMap(channelTags)]);
    for (const message of operation.messages().all()) {
      const draft = draftFor(message, [nonEmptyString(operation.id()), channels[0]?.id()]);
      (role === "producer" ? draft.producers : draft.consumers).add(service);
      draft.fields.domain ??= domain;
      for (const channel of channels) {
        addBindings(draft, channelBindings(channel, operation));
        covered.add(JSON.stringify([channel.id(), draft.fields.name]));
      }
    }
  }
  for (const channel of document.channels().all()) {
    for (const message of channel.messages().all()) {
      const draft = draftFor(message, [channel.id()]);
      draft.fields.domain ??= domainFromTags(channelTags(channel));
      if (!covered.has(JSON.stringify([channel.id(), draft.fields.name]))) addBindings(draft, channelBindings(channel, undefined));
    }
  }
  for (const message of document.components().messages().all()) draftFor(message, [message.id()]);

  const eventTypes = [...drafts.values()]
    .map(
      (draft): CatalogEventType => ({
        ...draft.fields,
        bindings: normalizeBindings(draft.bindings.values()),
        producers: [...draft.producers].sort(compareText),
        consumers: [...draft.consumers].sort(compareText),
      }),
    )
    .sort((a, b) => compareText(a.name, b.name));

  const declaredValue: unknown = info.extensions().get(servicesExtension)?.value();
  const declared = declaredServices(declaredValue);
  // An exported catalog lists its services; otherwise the document describes one application.
  const includeApp = operationsWithoutService > 0 || (referencedServices.size === 0 && !Array.isArray(declaredValue));
  const app = includeApp ? { name: appService, description: info.description() ?? "" } : undefined;
  const services = collectServices(declared, referencedServices, app);
  return { document: { title: info.title(), services, eventTypes }, warnings };
}

/**
 * AsyncAPI 3 says what the application does (`send`/`receive`). AsyncAPI 2 says what *others* may
 * do: `subscribe` means clients subscribe to messages the application produces, `publish` means
 * clients publish messages the application consumes.
 */
function operationRole(operation: OperationInterface): "producer" | "consumer" {
  const action = operation.action();
  return action === "send" || action === "subscribe" ? "producer" : "consumer";
}

function channelTags(channel: ChannelInterface): string[] {
  const json: unknown = channel.json();
  const tags = isRecord(json) && Array.isArray(json.tags) ? json.tags : [];
  return tags.map((tag: unknown) => (isRecord(tag) ? nonEmptyString(tag.name) : undefined)).filter((name) => name !== undefined);
}

/** Component message objects by identity: references resolve to the same object. */
function componentMessageKeys(document: AsyncAPIDocumentInterface): Map<object, string> {
  const json: unknown = document.json();
  const components = isRecord(json) && isRecord(json.components) ? json.components : {};
  const messages = isRecord(components.messages) ? components.messages : {};
  const keys = new Map<object, string>();
  for (const [key, message] of Object.entries(messages)) if (isRecord(message)) keys.set(message, key);
  return keys;
}

function declaredServices(value: unknown): CatalogService[] {
  const services: CatalogService[] = [];
  for (const entry of Array.isArray(value) ? value : []) {
    const name = isRecord(entry) ? nonEmptyString(entry.name)?.trim() : undefined;
    if (name !== undefined && isRecord(entry)) services.push({ name, description: nonEmptyString(entry.description) ?? "" });
  }
  return services;
}

function collectServices(declared: CatalogService[], referenced: Set<string>, app: CatalogService | undefined): CatalogService[] {
  const services = new Map<string, CatalogService>();
  if (app) services.set(app.name, app);
  for (const service of declared) services.set(service.name, service);
  for (const name of referenced) if (!services.has(name)) services.set(name, { name, description: "" });
  return [...services.values()].sort((a, b) => compareText(a.name, b.name));
}
