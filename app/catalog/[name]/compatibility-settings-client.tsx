"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { changeCompatibility, eventTypeKeys } from "@/lib/queries/event-types";
import { compatibilityModes, compatibilityPolicies, type CompatibilityMode, type CompatibilityPolicy } from "@/lib/registry/compatibility/types";
import type { EventTypeDetail } from "@/lib/registry/get-event-type";

const registryDefault = "";

/** The event type's own compatibility mode and policy; "registry default" clears the override. */
export function CompatibilitySettings({ eventType }: { eventType: Pick<EventTypeDetail, "name" | "own" | "effective"> }) {
  const { name, own, effective } = eventType;
  const router = useRouter();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<string>(own.mode ?? registryDefault);
  const [policy, setPolicy] = useState<string>(own.policy ?? registryDefault);
  const [refreshing, startRefresh] = useTransition();
  const mutation = useMutation({
    mutationFn: () =>
      changeCompatibility(name, {
        compatibilityMode: mode === registryDefault ? null : (mode as CompatibilityMode),
        compatibilityPolicy: policy === registryDefault ? null : (policy as CompatibilityPolicy),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: eventTypeKeys.detail(name) });
      startRefresh(() => router.refresh());
    },
  });
  const changed = mode !== (own.mode ?? registryDefault) || policy !== (own.policy ?? registryDefault);

  return (
    <form
      className="compatibility-settings"
      aria-label="Compatibility settings"
      onSubmit={(event) => {
        event.preventDefault();
        if (changed) mutation.mutate();
      }}
    >
      <label>
        <span className="visually-hidden">Compatibility mode</span>
        <select value={mode} onChange={(event) => setMode(event.target.value)}>
          <option value={registryDefault}>registry default{own.mode ? "" : ` (${effective.mode})`}</option>
          {compatibilityModes.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">Compatibility policy</span>
        <select value={policy} onChange={(event) => setPolicy(event.target.value)}>
          <option value={registryDefault}>registry default{own.policy ? "" : ` (${effective.policy})`}</option>
          {compatibilityPolicies.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button-small" disabled={!changed || mutation.isPending || refreshing}>
        Save
      </button>
      {mutation.isError ? (
        <p role="alert" className="inline-error">
          {mutation.error.message}
        </p>
      ) : null}
    </form>
  );
}
