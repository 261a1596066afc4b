import { describe, expect, it } from "vitest";
import type { CatalogDocument, CatalogEventType } from "../catalog-document";
import { parseAsyncApi, type AsyncApiUpload } from "./parse-asyncapi";
import { singleFileUpload, socialMediaUpload, v2FixtureNames, v3FixtureNames } from "./test-fixtures";

async function parsed(upload: AsyncApiUpload): Promise<CatalogDocument> {
  const result = await parseAsyncApi(upload);
  if (!result.ok) throw new Error(`expected ok, got errors:\n${result.errors.join("\n")}`);
  return result.document;
}

function eventType(document: CatalogDocument, name: string): CatalogEventType {
  const found = document.eventTypes.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no event type ${name} in ${document.eventTypes.map((e) => e.name).join(", ")}`);
  return found;
}

const httpRefFixture = "adeo-kafka-request-reply-asyncapi.yml";

describe("parseAsyncApi on the shared fixtures", () => {
  it("finds the fixtures", () => {
    expect(v3FixtureNames.length).toBeGreaterThanOrEqual(6);
    expect(v2FixtureNames).toEqual(["correlation-id.yml", "streetlights-kafka.yml", "streetlights-mqtt.yml"]);
  });

  it.each(v3FixtureNames.filter((name) => name !== httpRefFixture))("maps AsyncAPI 3.x %s", async (name) => {
    const document = await parsed(singleFileUpload(name));
    expect(document.eventTypes.length).toBeGreaterThan(0);
    expect(document.services).toHaveLength(1);
    for (const event of document.eventTypes) {
      expect(event.schema?.format).toBe("JSON_SCHEMA");
      expect(event.schema?.text).not.toContain("x-parser-");
      expect(() => JSON.parse(event.schema?.text ?? "")).not.toThrow();
    }
    expect(document.eventTypes.map((e) => e.name)).toEqual(document.eventTypes.map((e) => e.name).sort());
  });

  it.each(v2FixtureNames)("maps AsyncAPI 2.6 v2.6/%s exactly like its 3.x version", async (name) => {
    const v2 = await parsed(singleFileUpload(`v2.6/${name}`));
    const v3 = await parsed(singleFileUpload(name.replace(/\.yml$/, "-asyncapi.yml")));
    expect(v2).toEqual(v3);
  });

  it("maps streetlights (Kafka): names, schemas, topics and the application's roles", async () => {
    const document = await parsed(singleFileUpload("streetlights-kafka-asyncapi.yml"));
    expect(document.title).toBe("Streetlights Kafka API");
    expect(document.services).toEqual([
      { name: "streetlights-kafka-api", description: expect.stringContaining("Smartylighting Streetlights API") as unknown },
    ]);
    expect(document.eventTypes.map((e) => e.name)).toEqual(["dimLight", "lightMeasured", "turnOnOff"]);

    const measured = eventType(document, "lightMeasured");
    expect(measured.description).toBe("Inform about environmental lighting conditions of a particular streetlight.");
    expect(measured.consumers).toEqual(["streetlights-kafka-api"]);
    expect(measured.producers).toEqual([]);
    expect(measured.bindings).toEqual([
      { broker: "kafka", destination: "smartylighting.streetlights.1.0.event.{streetlightId}.lighting.measured", routingKey: "" },
    ]);
    expect(JSON.parse(measured.schema?.text ?? "")).toEqual({
      type: "object",
      properties: {
        lumens: { type: "integer", minimum: 0, description: "Light intensity measured in lumens." },
        sentAt: { type: "string", format: "date-time", description: "Date and time when the message was sent." },
      },
    });

    // turnOnOff is reached through two send operations on two channels: one event type, merged.
    const turnOnOff = eventType(document, "turnOnOff");
    expect(turnOnOff.producers).toEqual(["streetlights-kafka-api"]);
    expect(turnOnOff.consumers).toEqual([]);
    expect(turnOnOff.bindings.map((b) => b.destination)).toEqual([
      "smartylighting.streetlights.1.0.action.{streetlightId}.turn.off",
      "smartylighting.streetlights.1.0.action.{streetlightId}.turn.on",
    ]);
  });

  it("maps the 2.6 publish/subscribe inversion: subscribe = the application produces", async () => {
    const document = await parsed(singleFileUpload("v2.6/streetlights-mqtt.yml"));
    expect(eventType(document, "lightMeasured")).toMatchObject({ producers: [], consumers: ["streetlights-mqtt-api"] });
    expect(eventType(document, "dimLight")).toMatchObject({ producers: ["streetlights-mqtt-api"], consumers: [] });
    expect(eventType(document, "dimLight").bindings).toEqual([
      { broker: "mqtt", destination: "smartylighting/streetlights/1/0/action/{streetlightId}/dim", routingKey: "" },
    ]);
  });

  it("keeps messages that only live in components, without roles or bindings", async () => {
    const document = await parsed(singleFileUpload("oneof-asyncapi.yml"));
    expect(document.eventTypes.map((e) => e.name)).toEqual(["objectWithKey", "objectWithKey2", "testMessage1", "testMessage2", "testMessages"]);
    expect(eventType(document, "testMessage1")).toMatchObject({ producers: [], consumers: [], bindings: [] });
    expect(eventType(document, "objectWithKey")).toMatchObject({ producers: ["oneof-example"], consumers: [] });
    expect(JSON.parse(eventType(document, "testMessages").schema?.text ?? "")).toEqual({
      oneOf: [
        { type: "object", properties: { key: { type: "string" } } },
        { type: "object", properties: { key2: { type: "string" } } },
      ],
    });
  });

  it("rejects the Adeo case study: its Avro payloads are http $refs, which are never fetched", async () => {
    const result = await parseAsyncApi(singleFileUpload(httpRefFixture));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContain(
      "External reference not allowed (only files of the upload can be referenced): https://www.asyncapi.com/resources/casestudies/adeo/CostingRequestPayload.avsc",
    );
    expect(result.errors.some((error) => error.startsWith("#/components/messages/costingRequestV1/payload: "))).toBe(true);
  });
});

describe("parseAsyncApi on the multi-file social-media example", () => {
  it("resolves relative $refs across the uploaded files (backend)", async () => {
    const document = await parsed(socialMediaUpload("backend/asyncapi.yaml"));
    expect(document.services).toEqual([{ name: "website-backend", description: "" }]);
    expect(document.eventTypes.map((e) => [e.name, e.producers, e.consumers, e.bindings])).toEqual([
      ["commentChanged", [], ["website-backend"], [{ broker: "mqtt", destination: "comment/{commentId}/changed", routingKey: "" }]],
      ["commentLiked", ["website-backend"], [], [{ broker: "mqtt", destination: "comment/liked", routingKey: "" }]],
      ["likeComment", [], ["website-backend"], [{ broker: "ws", destination: "like/comment", routingKey: "" }]],
      ["updateCommentLikes", ["website-backend"], [], [{ broker: "ws", destination: "update/comment/likes", routingKey: "" }]],
    ]);
    const liked = eventType(document, "commentLiked");
    expect(liked.description).toBe("Message that is being sent when a comment has been liked by someone.");
    expect(JSON.parse(liked.schema?.text ?? "")).toEqual({
      type: "object",
      title: "commentLikedPayload",
      additionalProperties: false,
      properties: { commentId: { allOf: [{ type: "string" }, { description: "Id of the comment that was liked" }] } },
    });
  });

  it("maps the comments and notification services from the same files", async () => {
    const comments = await parsed(socialMediaUpload("comments-service/asyncapi.yaml"));
    expect(comments.services).toEqual([
      { name: "comments-service", description: "This service is in charge of processing all the events related to comments." },
    ]);
    expect(eventType(comments, "commentLiked")).toMatchObject({ producers: [], consumers: ["comments-service"] });
    expect(eventType(comments, "commentChanged")).toMatchObject({ producers: ["comments-service"], consumers: [] });

    const notifications = await parsed(socialMediaUpload("./notification-service/asyncapi.yaml"));
    expect(notifications.eventTypes.map((e) => [e.name, e.producers, e.consumers])).toEqual([["commentLiked", [], ["notifications-service"]]]);
    expect(eventType(notifications, "commentLiked").schema).toEqual(eventType(comments, "commentLiked").schema);
  });
});
