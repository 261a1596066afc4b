/**
 * Syntax highlighting for schemas and example payloads (JSON Schema and Avro are both JSON):
 * a tokenizer that splits text into lines of classified tokens. It never fails — text that is
 * not JSON still comes back, unclassified where it cannot be read — and concatenating the
 * tokens of a line gives the line back exactly.
 */

export type JsonTokenKind = "key" | "string" | "number" | "literal" | "punctuation" | "plain";

export interface JsonToken {
  kind: JsonTokenKind;
  text: string;
}

const patterns: [JsonTokenKind | "string-or-key", RegExp][] = [
  ["plain", /^\s+/],
  ["string-or-key", /^"(?:[^"\\\n]|\\.)*"?/],
  ["number", /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/],
  ["literal", /^(?:true|false|null)\b/],
  ["punctuation", /^[{}[\],:]/],
];

/** Splits JSON text into lines of tokens; a string followed by ':' is a key. */
export function tokenizeJson(text: string): JsonToken[][] {
  return text.split(/\r?\n/).map(tokenizeLine);
}

function tokenizeLine(line: string): JsonToken[] {
  const tokens: JsonToken[] = [];
  let rest = line;
  while (rest.length > 0) {
    let matched = false;
    for (const [kind, pattern] of patterns) {
      const match = pattern.exec(rest);
      if (!match) continue;
      const value = match[0];
      const resolved: JsonTokenKind = kind === "string-or-key" ? (/^\s*:/.test(rest.slice(value.length)) ? "key" : "string") : kind;
      push(tokens, resolved, value);
      rest = rest.slice(value.length);
      matched = true;
      break;
    }
    if (!matched) {
      push(tokens, "plain", rest[0] ?? "");
      rest = rest.slice(1);
    }
  }
  return tokens;
}

function push(tokens: JsonToken[], kind: JsonTokenKind, text: string) {
  const last = tokens[tokens.length - 1];
  if (last && last.kind === kind && kind === "plain") last.text += text;
  else tokens.push({ kind, text });
}

/** A stored schema (compact JSON) as people read it: two-space indented. Non-JSON text is returned as is. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
