import { tokenizeJson } from "@/lib/registry/view/json-tokens";

/** Read-only, highlighted JSON (schemas, example payloads) with line numbers; rendered on the server. */
export function CodeView({ text, label, maxHeight }: { text: string; label: string; maxHeight?: number }) {
  const lines = tokenizeJson(text);
  return (
    <pre className="code-view" aria-label={label} tabIndex={0} style={maxHeight ? { maxHeight } : undefined}>
      <code>
        {lines.map((tokens, lineIndex) => (
          <span className="code-line" key={lineIndex}>
            <span className="code-gutter" aria-hidden="true">
              {lineIndex + 1}
            </span>
            {tokens.map((token, tokenIndex) =>
              token.kind === "plain" ? (
                token.text
              ) : (
                <span key={tokenIndex} className={`tok-${token.kind}`}>
                  {token.text}
                </span>
              ),
            )}
            {"\n"}
          </span>
        ))}
      </code>
    </pre>
  );
}
