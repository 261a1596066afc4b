import { expect } from "vitest";
import { checkCompatibility } from "./check-compatibility";
import type { CompatibilityMode, CompatibilityPolicy, SchemaFormat } from "./types";

/**
 * One row of a table-driven compatibility test: `old` is the registered version 1, `new` the candidate. Incompatible
 * rows list every expected difference as "KIND #/path" (order does not matter).
 */
export interface CompatibilityCase {
  name: string;
  mode?: CompatibilityMode;
  policy?: CompatibilityPolicy;
  old: unknown;
  new: unknown;
  compatible: boolean;
  kinds?: string[];
}

/** Runs one table row and asserts the verdict, and for an incompatible row every kind and path. */
export function expectCase(format: SchemaFormat, row: CompatibilityCase): void {
  const result = checkCompatibility({
    format,
    mode: row.mode ?? "BACKWARD",
    policy: row.policy,
    candidate: JSON.stringify(row.new),
    previous: [{ version: 1, schema: JSON.stringify(row.old) }],
  });
  if (result.compatible) {
    expect(result.compatible, "expected the change to be incompatible").toBe(row.compatible);
    return;
  }
  expect(result.compatible, `expected compatible, got ${JSON.stringify(result.differences, null, 1)}`).toBe(row.compatible);
  if (!row.kinds) throw new Error(`case "${row.name}" is incompatible and must list its expected kinds`);
  expect(result.differences.map((difference) => `${difference.kind} ${difference.path}`).sort()).toEqual([...row.kinds].sort());
  for (const difference of result.differences) {
    expect(difference.message.length).toBeGreaterThan(30);
    expect(difference.againstVersion).toBe(1);
  }
}

export const str = { type: "string" } as const;
export const num = { type: "number" } as const;
export const int = { type: "integer" } as const;
export const bool = { type: "boolean" } as const;

/** An object schema with an open content model unless `extra` says otherwise. */
export function obj(properties: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: "object", properties, ...extra };
}

/** An object schema with a closed content model (`"additionalProperties": false`). */
export function closed(properties: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return obj(properties, { additionalProperties: false, ...extra });
}
