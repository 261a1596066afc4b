"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { changeVersionState, eventTypeKeys } from "@/lib/queries/event-types";
import { lifecycleActions, type LifecycleAction } from "@/lib/registry/view/lifecycle";

/** Deprecate / activate / retire one version; retiring asks first, and a refusal is shown as the server words it. */
export function VersionActions({ name, version, state }: { name: string; version: number; state: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<LifecycleAction | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const cancelButton = useRef<HTMLButtonElement>(null);
  // Keyboard users land on the safe choice when the confirmation appears.
  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
  }, [confirming]);
  const mutation = useMutation({
    mutationFn: (action: LifecycleAction) => changeVersionState(name, version, action.target),
    onSuccess: async () => {
      setConfirming(null);
      await queryClient.invalidateQueries({ queryKey: eventTypeKeys.detail(name) });
      startRefresh(() => router.refresh());
    },
    // A refusal usually means the page is stale: show the server's reason next to the current state.
    onError: () => {
      setConfirming(null);
      startRefresh(() => router.refresh());
    },
  });
  const actions = lifecycleActions(state);
  const busy = mutation.isPending || refreshing;

  return (
    <div className="version-actions" role="group" aria-label={`Lifecycle of v${version}`}>
      {actions.length === 0 ? (
        <span className="muted small">final</span>
      ) : confirming ? (
        <span
          className="confirm"
          role="alertdialog"
          aria-label={`Confirm: retire v${version}`}
          onKeyDown={(event) => {
            if (event.key === "Escape") setConfirming(null);
          }}
        >
          <span className="small">Retire v{version}? This cannot be undone.</span>
          <button type="button" className="button-danger" disabled={busy} onClick={() => mutation.mutate(confirming)}>
            Yes, retire v{version}
          </button>
          <button ref={cancelButton} type="button" disabled={busy} onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </span>
      ) : (
        actions.map((action) => (
          <button
            key={action.target}
            type="button"
            className={action.needsConfirm ? "button-small button-danger-outline" : "button-small"}
            disabled={busy}
            aria-label={`${action.label} v${version}`}
            onClick={() => {
              mutation.reset();
              if (action.needsConfirm) setConfirming(action);
              else mutation.mutate(action);
            }}
          >
            {action.label}
          </button>
        ))
      )}
      {mutation.error ? (
        <p className="inline-error" role="alert">
          {mutation.error.message}
        </p>
      ) : null}
    </div>
  );
}
