"use client";

import { json } from "@codemirror/lang-json";
import CodeMirror, { EditorView } from "@uiw/react-codemirror";
import { useMemo, useSyncExternalStore } from "react";

const darkQuery = "(prefers-color-scheme: dark)";

function subscribe(onChange: () => void) {
  const query = window.matchMedia(darkQuery);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** Follows the operating system's light or dark scheme, as the CSS variables do. */
function usePrefersDark(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(darkQuery).matches,
    () => false,
  );
}

/**
 * A JSON editor (CodeMirror 6). Its box has a fixed height before the editor mounts, so
 * nothing moves when it appears; the content has the accessible name given as `label`.
 */
export function JsonEditor({
  value,
  onChange,
  label,
  height,
  describedBy,
  invalid,
  placeholder,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
  height: number;
  describedBy?: string;
  invalid?: boolean;
  placeholder?: string;
}) {
  const dark = usePrefersDark();
  const extensions = useMemo(
    () => [
      json(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ "aria-label": label, "aria-multiline": "true", ...(describedBy ? { "aria-describedby": describedBy } : {}) }),
    ],
    [label, describedBy],
  );
  return (
    <div className={invalid ? "editor editor-invalid" : "editor"} style={{ height }}>
      <CodeMirror
        value={value}
        onChange={onChange}
        height={`${height - 2}px`}
        theme={dark ? "dark" : "light"}
        extensions={extensions}
        basicSetup={{ foldGutter: true, highlightActiveLine: false, autocompletion: false, searchKeymap: true }}
        indentWithTab={false}
        placeholder={placeholder}
      />
    </div>
  );
}
