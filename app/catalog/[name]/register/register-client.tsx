"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { eventTypeHref } from "@/app/components/entity-links";
import { JsonEditor } from "@/app/components/json-editor-client";
import { compatibilityQueryOptions, eventTypeKeys, registerEventVersion, type CompatibilityCandidate, type RegisterVersionOutcome } from "@/lib/queries/event-types";
import { CompatibilityPanel, DifferenceList } from "./compatibility-panel";

type Format = "JSON_SCHEMA" | "AVRO";

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

export function RegisterVersionForm(props: {
  name: string;
  mode: string;
  policy: string;
  initialFormat: Format;
  initialSchema: string;
  initialExample: string;
  latestLabel: string | null;
}) {
  const { name } = props;
  const router = useRouter();
  const queryClient = useQueryClient();
  const [format, setFormat] = useState<Format>(props.initialFormat);
  const [schema, setSchema] = useState(props.initialSchema);
  const [example, setExample] = useState(props.initialExample);
  const [label, setLabel] = useState("");
  const [changelog, setChangelog] = useState("");
  const [createdBy, setCreatedBy] = useState("");

  const candidate: CompatibilityCandidate = { format, schema, ...(example.trim() ? { examplePayload: example } : {}) };
  const debounced = useDebounced(candidate, 400);
  const settled = JSON.stringify(debounced) === JSON.stringify(candidate);
  const check = useQuery({ ...compatibilityQueryOptions(name, debounced), enabled: debounced.schema.trim() !== "", placeholderData: keepPreviousData });

  const submit = useMutation({
    mutationFn: () =>
      registerEventVersion(name, {
        format,
        schema,
        ...(label.trim() ? { label: label.trim() } : {}),
        changelog,
        ...(example.trim() ? { examplePayload: example } : {}),
        ...(createdBy.trim() ? { createdBy: createdBy.trim() } : {}),
      }),
    onSuccess: async (outcome) => {
      if (outcome.status !== "registered") return;
      await queryClient.invalidateQueries({ queryKey: eventTypeKeys.detail(name) });
      router.push(`/catalog/${encodeURIComponent(name)}?version=${outcome.version}`);
    },
  });

  const answer = check.data;
  const exampleCheck = answer?.ok ? answer.check.example : null;
  const schemaError = answer && !answer.ok ? answer.message : null;

  return (
    <form
      className="register-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit.mutate();
      }}
    >
      <div className="register-grid">
        <div className="register-main">
          <div className="field-row">
            <label className="field">
              <span className="field-label">Format</span>
              <select value={format} onChange={(event) => setFormat(event.target.value as Format)}>
                <option value="JSON_SCHEMA">JSON Schema</option>
                <option value="AVRO">Avro</option>
              </select>
            </label>
          </div>
          <div className="field">
            <span className="field-label" id="schema-label">
              Schema
            </span>
            <JsonEditor value={schema} onChange={setSchema} label="Schema" height={420} placeholder={format === "AVRO" ? '{ "type": "record", "name": "…", "fields": [ … ] }' : '{ "type": "object", "properties": { … } }'} describedBy={schemaError ? "schema-error" : undefined} invalid={Boolean(schemaError)} />
            {schemaError && settled ? (
              <p className="inline-error" id="schema-error" role="alert">
                {schemaError}
              </p>
            ) : null}
          </div>
          <div className="field">
            <span className="field-label">
              Example payload <span className="muted">(optional, validated against the new schema)</span>
            </span>
            <JsonEditor value={example} onChange={setExample} label="Example payload" height={200} placeholder='{ "…": "…" }' describedBy="example-status" invalid={exampleCheck?.valid === false} />
            <div id="example-status" className="field-status" aria-live="polite">
              {!example.trim() ? (
                <span className="muted">No example.</span>
              ) : exampleCheck === null || exampleCheck === undefined ? (
                <span className="muted">{schemaError ? "The example is checked once the schema is valid." : "Checking the example…"}</span>
              ) : exampleCheck.valid ? (
                <span className="ok-text">The example matches the schema.</span>
              ) : (
                <ul className="inline-error plain-errors" aria-label="Example errors">
                  {exampleCheck.errors.map((error) => (
                    <li key={error}>{error}</li>
                  ))}
                </ul>
              )}
            </div>
          </div>
          <div className="field-row">
            <label className="field">
              <span className="field-label">
                Label <span className="muted">(optional{props.latestLabel ? `, latest is ${props.latestLabel}` : ""})</span>
              </span>
              <input type="text" value={label} onChange={(event) => setLabel(event.target.value)} placeholder="e.g. 1.2.0" className="input-short" />
            </label>
            <label className="field">
              <span className="field-label">
                Your name <span className="muted">(optional)</span>
              </span>
              <input type="text" value={createdBy} onChange={(event) => setCreatedBy(event.target.value)} placeholder="anonymous" className="input-short" autoComplete="name" />
            </label>
          </div>
          <label className="field">
            <span className="field-label">
              Changelog <span className="muted">(optional, Markdown)</span>
            </span>
            <textarea value={changelog} onChange={(event) => setChangelog(event.target.value)} rows={3} placeholder="What changed and why" />
          </label>
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={submit.isPending || !schema.trim()}>
              {submit.isPending ? "Registering…" : "Register version"}
            </button>
            <Link href={`/catalog/${encodeURIComponent(name)}`}>Cancel</Link>
          </div>
          <SubmitOutcome outcome={submit.data} error={submit.error} name={name} />
        </div>
        <aside className="register-side" aria-label="Compatibility check">
          <CompatibilityPanel
            mode={props.mode}
            policy={props.policy}
            answer={answer}
            checking={check.isFetching || !settled}
            error={check.error}
            empty={!schema.trim()}
            name={name}
          />
        </aside>
      </div>
    </form>
  );
}

function SubmitOutcome({ outcome, error, name }: { outcome: RegisterVersionOutcome | undefined; error: Error | null; name: string }) {
  if (error) {
    return (
      <div className="callout callout-bad" role="alert">
        Could not register the version: {error.message}
      </div>
    );
  }
  if (!outcome) return null;
  switch (outcome.status) {
    case "registered":
      return (
        <div className="callout callout-ok" role="status">
          Registered v{outcome.version}. Opening it…
        </div>
      );
    case "exists":
      return (
        <div className="callout" role="status">
          This schema is already{" "}
          <Link href={`/catalog/${encodeURIComponent(name)}?version=${outcome.version}`}>v{outcome.version}</Link>; nothing was registered.
        </div>
      );
    case "invalid":
      return (
        <div className="callout callout-bad" role="alert">
          {outcome.message}
        </div>
      );
    case "incompatible":
      return (
        <div className="callout callout-bad" role="alert">
          <strong>Registration blocked.</strong> {outcome.message}
          <p className="small">
            Registration of an incompatible schema is only possible when the event type&apos;s compatibility mode is <span className="mono">NONE</span>
            {outcome.mode === "NONE" ? "" : ` (it is ${outcome.mode})`}. Fix the differences below, or, if the break is intended and every consumer is ready, change the
            mode on <Link href={eventTypeHref(name)}>the event type&apos;s page</Link> first.
          </p>
          <DifferenceList differences={outcome.differences} />
          {outcome.consumers.length > 0 ? <p className="small">Consumers at risk: {outcome.consumers.join(", ")}</p> : null}
        </div>
      );
  }
}
