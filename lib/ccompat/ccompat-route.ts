import { z } from "zod";
import { createRouteWrapper } from "../http/route";
import { toCcompatErrorBody } from "./ccompat-errors";

/** Confluent's own media type; its clients also accept plain JSON, but some tools check for this one. */
export const ccompatMediaType = "application/vnd.schemaregistry.v1+json";

/** A JSON response in Confluent's media type. */
export function ccompatJson(data: unknown, status = 200): Response {
  return new Response(JSON.stringify(data), { status, headers: { "content-type": ccompatMediaType } });
}

/**
 * The route wrapper of the Confluent-compatible API: answers in Confluent's media type and error
 * shape `{ "error_code", "message" }`. Request bodies are read as JSON whatever their content
 * type, and unknown fields are ignored, as Confluent's clients send fields this registry does not use.
 */
export const ccompatRoute = createRouteWrapper({ respond: ccompatJson, translateError: toCcompatErrorBody });

/** A Confluent query flag such as `?deleted=true`: anything but "true" is false, as in Confluent. */
export const queryFlag = z.string().optional().transform((value) => value?.trim().toLowerCase() === "true");
