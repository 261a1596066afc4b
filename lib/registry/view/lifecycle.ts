/**
 * Lifecycle states as the UI shows them. The transitions mirror `allowedTransitions` in
 * change-version-state.ts (a unit test keeps the two equal) so client code need not import
 * server modules; the server still has the last word and its refusal is shown as is.
 */

export type LifecycleState = "DRAFT" | "ACTIVE" | "DEPRECATED" | "RETIRED";

export const lifecycleTransitions: Record<LifecycleState, LifecycleState[]> = {
  DRAFT: ["ACTIVE", "RETIRED"],
  ACTIVE: ["DEPRECATED"],
  DEPRECATED: ["ACTIVE", "RETIRED"],
  RETIRED: [],
};

export interface LifecycleAction {
  target: LifecycleState;
  /** The verb on the button. */
  label: string;
  /** Retiring cannot be undone, so it asks first. */
  needsConfirm: boolean;
}

const verbs: Record<LifecycleState, string> = { DRAFT: "Make draft", ACTIVE: "Activate", DEPRECATED: "Deprecate", RETIRED: "Retire" };

export function isLifecycleState(value: string): value is LifecycleState {
  return value in lifecycleTransitions;
}

export function lifecycleActions(state: string): LifecycleAction[] {
  if (!isLifecycleState(state)) return [];
  return lifecycleTransitions[state].map((target) => ({ target, label: verbs[target], needsConfirm: target === "RETIRED" }));
}

/** Badge tone per state: active is good news, deprecated a warning, retired is over. */
export function stateTone(state: string | null | undefined): "ok" | "warn" | "bad" | "neutral" {
  switch (state) {
    case "ACTIVE":
      return "ok";
    case "DEPRECATED":
      return "warn";
    case "RETIRED":
      return "bad";
    default:
      return "neutral";
  }
}
