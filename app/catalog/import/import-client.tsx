"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRef, useState, type ChangeEvent } from "react";
import { eventTypeHref } from "@/app/components/entity-links";
import { importAsyncApi, type AsyncApiImportOutcome } from "@/lib/queries/asyncapi";
import { eventTypeKeys } from "@/lib/queries/event-types";
import { guessEntry, mergeUploads, uploadPath, type UploadFile } from "@/lib/registry/view/asyncapi-upload";

type Source = "files" | "paste";

export function ImportAsyncApiForm() {
  const queryClient = useQueryClient();
  const [source, setSource] = useState<Source>("files");
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [entry, setEntry] = useState<string | null>(null);
  const [pasted, setPasted] = useState("");
  const [readError, setReadError] = useState<string | null>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const filesInput = useRef<HTMLInputElement>(null);

  const mutation = useMutation({
    mutationFn: () => {
      if (source === "paste") return importAsyncApi({ files: [{ path: "asyncapi.yaml", content: pasted }], entry: "asyncapi.yaml" });
      return importAsyncApi({ files, entry: entry ?? "" });
    },
    onSuccess: (outcome) => {
      if (outcome.ok) void queryClient.invalidateQueries({ queryKey: eventTypeKeys.all });
    },
  });

  const onChoose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = "";
    if (chosen.length === 0) return;
    try {
      const read = await Promise.all(chosen.map(async (file) => ({ path: uploadPath(file), content: await file.text() })));
      const merged = mergeUploads(files, read);
      setFiles(merged);
      setReadError(null);
      setEntry((current) => (current && merged.some((file) => file.path === current) ? current : guessEntry(merged)));
      mutation.reset();
    } catch (error) {
      setReadError(`Could not read the files: ${(error as Error).message}`);
    }
  };

  const canSubmit = source === "paste" ? pasted.trim() !== "" : files.length > 0 && entry !== null;

  return (
    <form
      className="import-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (canSubmit) mutation.mutate();
      }}
    >
      <fieldset className="segmented-field">
        <legend className="visually-hidden">Source of the document</legend>
        <label className={source === "files" ? "segment segment-active" : "segment"}>
          <input type="radio" name="source" value="files" checked={source === "files"} onChange={() => setSource("files")} /> Upload files
        </label>
        <label className={source === "paste" ? "segment segment-active" : "segment"}>
          <input type="radio" name="source" value="paste" checked={source === "paste"} onChange={() => setSource("paste")} /> Paste one document
        </label>
      </fieldset>

      {source === "files" ? (
        <div className="panel">
          <div className="toolbar">
            <button type="button" onClick={() => filesInput.current?.click()}>
              Choose files…
            </button>
            <button type="button" onClick={() => folderInput.current?.click()}>
              Choose a folder…
            </button>
            {files.length > 0 ? (
              <button
                type="button"
                onClick={() => {
                  setFiles([]);
                  setEntry(null);
                  mutation.reset();
                }}
              >
                Clear
              </button>
            ) : null}
            <span className="muted small">YAML or JSON; a folder keeps each file&apos;s relative path, so <code>$ref</code>s between files resolve.</span>
            <input ref={filesInput} className="visually-hidden" type="file" multiple accept=".yaml,.yml,.json" aria-label="AsyncAPI files" onChange={(event) => void onChoose(event)} tabIndex={-1} />
            <input
              ref={folderInput}
              className="visually-hidden"
              type="file"
              multiple
              aria-label="AsyncAPI folder"
              onChange={(event) => void onChoose(event)}
              tabIndex={-1}
              {...{ webkitdirectory: "", directory: "" }}
            />
          </div>
          {readError ? (
            <p className="inline-error" role="alert">
              {readError}
            </p>
          ) : null}
          {files.length === 0 ? (
            <p className="muted">No files chosen yet.</p>
          ) : (
            <fieldset className="entry-list">
              <legend>Entry file</legend>
              {files.map((file) => (
                <label key={file.path} className="entry-choice">
                  <input type="radio" name="entry" value={file.path} checked={entry === file.path} onChange={() => setEntry(file.path)} />
                  <code>{file.path}</code>
                  <span className="muted small">{formatBytes(file.content.length)}</span>
                </label>
              ))}
            </fieldset>
          )}
        </div>
      ) : (
        <label className="field">
          <span className="field-label">AsyncAPI document (YAML or JSON)</span>
          <textarea className="mono" rows={16} value={pasted} onChange={(event) => setPasted(event.target.value)} spellCheck={false} placeholder={"asyncapi: 3.0.0\ninfo:\n  title: …"} />
        </label>
      )}

      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={!canSubmit || mutation.isPending}>
          {mutation.isPending ? "Importing…" : "Import"}
        </button>
        <Link href="/catalog">Back to the catalog</Link>
      </div>
      {mutation.error ? (
        <div className="callout callout-bad" role="alert">
          The import failed: {mutation.error.message}
        </div>
      ) : null}
      {mutation.data ? <ImportResult outcome={mutation.data} /> : null}
    </form>
  );
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}

function ImportResult({ outcome }: { outcome: AsyncApiImportOutcome }) {
  if (!outcome.ok) {
    return (
      <div className="callout callout-bad" role="alert" data-testid="import-result">
        <strong>{outcome.message}</strong>
        {outcome.errors.length > 0 ? (
          <ul className="plain-errors mono small" aria-label="Parser errors">
            {outcome.errors.map((error, index) => (
              <li key={index}>{error}</li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  const { summary } = outcome;
  const groups = [
    { title: "Created", names: summary.created },
    { title: "Updated", names: summary.updated },
    { title: "Unchanged", names: summary.unchanged },
  ];
  return (
    <div className="callout callout-ok" role="status" data-testid="import-result">
      <strong>
        Imported: {summary.created.length} created, {summary.updated.length} updated, {summary.unchanged.length} unchanged; {summary.versionsRegistered} version
        {summary.versionsRegistered === 1 ? "" : "s"} registered.
      </strong>
      <div className="import-groups">
        {groups.map((group) => (
          <section key={group.title} aria-label={group.title}>
            <h3>
              {group.title} <span className="muted">{group.names.length}</span>
            </h3>
            {group.names.length === 0 ? (
              <p className="muted small">none</p>
            ) : (
              <ul className="plain-list">
                {group.names.map((name) => (
                  <li key={name}>
                    <Link className="mono" href={eventTypeHref(name)}>
                      {name}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
      {summary.warnings.length > 0 ? (
        <details className="warnings">
          <summary>
            {summary.warnings.length} warning{summary.warnings.length === 1 ? "" : "s"}
          </summary>
          <ul className="small">
            {summary.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
