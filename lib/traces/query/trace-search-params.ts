import { z } from "zod";

const msSinceEpoch = /^\d{1,16}$/;
const relativeToNow = /^now(?:\s*-\s*(\d+(?:\.\d+)?)\s*(s|m|h|d))?$/i;
const unitMs: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * An instant as Unix nanoseconds, given as an ISO 8601 date/time, as milliseconds since the epoch,
 * or relative to the time of the search: `now`, `now-15m`, `now-6h`, `now-2d` (so that a shared
 * link to the last hour still shows the last hour).
 */
const instantSchema = z
  .string()
  .trim()
  .transform((text, context) => {
    const relative = relativeToNow.exec(text);
    const ms = relative ? Date.now() - (relative[1] ? Number(relative[1]) * unitMs[relative[2]!.toLowerCase()]! : 0) : msSinceEpoch.test(text) ? Number(text) : Date.parse(text);
    if (!Number.isFinite(ms)) {
      context.addIssue({ code: "custom", message: "expected an ISO 8601 date/time, milliseconds since the epoch, or now-15m / now-1h / now-2d" });
      return z.NEVER;
    }
    return BigInt(Math.trunc(ms)) * 1_000_000n;
  });

const optionalText = z
  .string()
  .trim()
  .max(512)
  .transform((text) => (text === "" ? undefined : text))
  .optional();

const durationMsSchema = z
  .string()
  .trim()
  .transform((text, context) => {
    if (text === "") return undefined;
    const ms = Number(text);
    if (!Number.isFinite(ms) || ms < 0) {
      context.addIssue({ code: "custom", message: "expected a number of milliseconds ≥ 0" });
      return z.NEVER;
    }
    return ms;
  })
  .optional();

/**
 * The query string of `GET /api/traces` (and of the `/traces` page): every filter optional, empty
 * values ignored so an HTML form can send its blank fields. `attr` is `key:value` (split at the
 * first colon); `error=true` keeps only traces with an error span; `from`/`to` bound the trace's
 * start (ISO, ms since the epoch, or relative such as `now-1h`).
 */
export const traceSearchQuerySchema = z
  .object({
    service: optionalText,
    name: optionalText,
    eventType: optionalText,
    key: optionalText,
    value: optionalText,
    attr: optionalText.refine((text) => text === undefined || /^[^:]+:/.test(text), "expected key:value"),
    minMs: durationMsSchema,
    maxMs: durationMsSchema,
    error: z
      .enum(["true", "false", "1", "0", ""])
      .transform((flag) => flag === "true" || flag === "1")
      .optional(),
    from: z.union([z.literal(""), instantSchema]).optional(),
    to: z.union([z.literal(""), instantSchema]).optional(),
    limit: z.coerce.number({ message: "expected a whole number" }).int("expected a whole number").min(1).max(500).default(50),
  })
  .refine((query) => query.value === undefined || query.key !== undefined, { message: "value needs key (e.g. key=order.id&value=1042)", path: ["value"] })
  .transform(({ from, to, attr, ...rest }) => {
    const split = attr?.indexOf(":") ?? -1;
    return {
      ...rest,
      attr: attr && split > 0 ? { key: attr.slice(0, split).trim(), value: attr.slice(split + 1).trim() } : undefined,
      fromNano: typeof from === "bigint" ? from : undefined,
      toNano: typeof to === "bigint" ? to : undefined,
    };
  });

/** A parsed trace search: times in Unix nanoseconds, durations in ms. */
export type TraceSearch = z.infer<typeof traceSearchQuerySchema>;

/** The search's filters as query-string pairs (the shareable form of a search), blank ones left out. */
export type TraceSearchParams = Partial<Record<"service" | "name" | "eventType" | "key" | "value" | "attr" | "minMs" | "maxMs" | "error" | "from" | "to" | "limit", string>>;

export const traceSearchParamNames = ["service", "name", "eventType", "key", "value", "attr", "minMs", "maxMs", "error", "from", "to", "limit"] as const;

/** Picks the search parameters out of a page's `searchParams`, first value of each, blanks dropped. */
export function readTraceSearchParams(raw: Record<string, string | string[] | undefined>): TraceSearchParams {
  const params: TraceSearchParams = {};
  for (const name of traceSearchParamNames) {
    const value = raw[name];
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    if (text) params[name] = text;
  }
  return params;
}

/** `/traces?…` or `/api/traces?…` for the given parameters, in a stable order. */
export function traceSearchQueryString(params: TraceSearchParams): string {
  const query = new URLSearchParams();
  for (const name of traceSearchParamNames) {
    const value = params[name];
    if (value) query.set(name, value);
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}
