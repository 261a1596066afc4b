import { queryOptions } from "@tanstack/react-query";
import type { VersionCheck } from "../registry/check-event-version";
import type { CompatibilityMode, CompatibilityPolicy, SchemaDifference } from "../registry/compatibility/types";
import type { EventVersionDiff } from "../registry/diff-event-versions";
import type { EventTypeDetail } from "../registry/get-event-type";
import type { LifecycleState } from "../registry/view/lifecycle";
import { fetchJson } from "./fetch-json";

const base = (name: string) => `/api/event-types/${encodeURIComponent(name)}`;

export const eventTypeKeys = {
  all: ["event-types"] as const,
  detail: (name: string) => [...eventTypeKeys.all, "detail", name] as const,
  diff: (name: string, from: number, to: number) => [...eventTypeKeys.detail(name), "diff", { from, to }] as const,
  compatibility: (name: string, candidate: CompatibilityCandidate) => [...eventTypeKeys.detail(name), "compatibility", candidate] as const,
};

export function eventTypeDetailQueryOptions(name: string) {
  return queryOptions({ queryKey: eventTypeKeys.detail(name), queryFn: () => fetchJson<EventTypeDetail>(base(name)) });
}

/** Every schema difference between two versions; versions never change, so the answer stays fresh. */
export function eventTypeDiffQueryOptions(name: string, from: number, to: number) {
  return queryOptions({
    queryKey: eventTypeKeys.diff(name, from, to),
    queryFn: () => fetchJson<EventVersionDiff>(`${base(name)}/diff?from=${from}&to=${to}`),
    staleTime: Infinity,
  });
}

export interface CompatibilityCandidate {
  format: "JSON_SCHEMA" | "AVRO";
  schema: string;
  examplePayload?: string;
}

/** The live check's outcome; an invalid schema (422) is an answer to show, not a failure to retry. */
export type CompatibilityAnswer = { ok: true; check: VersionCheck } | { ok: false; message: string };

/** The register page's live compatibility check (POST, but it writes nothing, so it is a query). */
export function compatibilityQueryOptions(name: string, candidate: CompatibilityCandidate) {
  return queryOptions({
    queryKey: eventTypeKeys.compatibility(name, candidate),
    queryFn: async ({ signal }): Promise<CompatibilityAnswer> => {
      const { status, body } = await sendJson(`${base(name)}/compatibility`, "POST", candidate, signal);
      if (status >= 200 && status < 300) return { ok: true, check: body as VersionCheck };
      if (status === 400 || status === 413 || status === 422) return { ok: false, message: errorMessage(body, status) };
      throw new Error(errorMessage(body, status));
    },
    staleTime: Infinity,
    retry: false,
  });
}

export interface RegisterVersionInput {
  format: "JSON_SCHEMA" | "AVRO";
  schema: string;
  label?: string;
  changelog?: string;
  examplePayload?: string;
  createdBy?: string;
}

export type RegisterVersionOutcome =
  | { status: "registered"; version: number }
  | { status: "exists"; version: number }
  | { status: "incompatible"; mode: string; message: string; differences: SchemaDifference[]; consumers: string[] }
  | { status: "invalid"; message: string };

/** POST …/versions, with each expected answer (201, 200, 409, 400/422) as a value. */
export async function registerEventVersion(name: string, input: RegisterVersionInput): Promise<RegisterVersionOutcome> {
  const { status, body } = await sendJson(`${base(name)}/versions`, "POST", input);
  const data = body as Record<string, unknown>;
  if (status === 201) return { status: "registered", version: Number(data.version) };
  if (status === 200) return { status: "exists", version: Number(data.version) };
  if (status === 409 && Array.isArray(data.differences)) {
    return {
      status: "incompatible",
      mode: String(data.mode),
      message: errorMessage(body, status),
      differences: data.differences as SchemaDifference[],
      consumers: (data.consumers as string[] | undefined) ?? [],
    };
  }
  if (status === 400 || status === 413 || status === 422) return { status: "invalid", message: errorMessage(body, status) };
  throw new Error(errorMessage(body, status));
}

/** PATCH a version's lifecycle state; a refused transition throws with the server's explanation. */
export function changeVersionState(name: string, version: number, state: LifecycleState, changedBy?: string) {
  return fetchJson<{ version: number; state: LifecycleState }>(`${base(name)}/versions/${version}`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(changedBy ? { state, changedBy } : { state }),
  });
}

/** Sets the event type's own compatibility mode and policy; null returns to the registry default. */
export function changeCompatibility(name: string, settings: { compatibilityMode: CompatibilityMode | null; compatibilityPolicy: CompatibilityPolicy | null }) {
  return fetchJson<EventTypeDetail>(base(name), { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(settings) });
}

async function sendJson(url: string, method: string, payload: unknown, signal?: AbortSignal): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method,
    signal,
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(payload),
  });
  return { status: response.status, body: (await response.json().catch(() => undefined)) as unknown };
}

function errorMessage(body: unknown, status: number): string {
  const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
  return typeof message === "string" ? message : `The server answered ${status}.`;
}
