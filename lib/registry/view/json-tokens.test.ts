import { describe, expect, it } from "vitest";
import { prettyJson, tokenizeJson } from "./json-tokens";

describe("tokenizeJson", () => {
  it("classifies keys, strings, numbers, literals and punctuation", () => {
    const [line] = tokenizeJson('{"type": "object", "minimum": -1.5e3, "x": [true, null]}');
    expect(line?.filter((token) => token.kind !== "plain")).toEqual([
      { kind: "punctuation", text: "{" },
      { kind: "key", text: '"type"' },
      { kind: "punctuation", text: ":" },
      { kind: "string", text: '"object"' },
      { kind: "punctuation", text: "," },
      { kind: "key", text: '"minimum"' },
      { kind: "punctuation", text: ":" },
      { kind: "number", text: "-1.5e3" },
      { kind: "punctuation", text: "," },
      { kind: "key", text: '"x"' },
      { kind: "punctuation", text: ":" },
      { kind: "punctuation", text: "[" },
      { kind: "literal", text: "true" },
      { kind: "punctuation", text: "," },
      { kind: "literal", text: "null" },
      { kind: "punctuation", text: "]" },
      { kind: "punctuation", text: "}" },
    ]);
  });

  it("gives every line back exactly, even for text that is not JSON", () => {
    const text = '{\n  "a\\"b": "c",\n  oops <b>\n  "unterminated\n}';
    const lines = tokenizeJson(text);
    expect(lines.map((tokens) => tokens.map((token) => token.text).join("")).join("\n")).toBe(text);
    expect(lines[1]?.[1]).toEqual({ kind: "key", text: '"a\\"b"' });
  });
});

describe("prettyJson", () => {
  it("indents compact JSON and leaves other text alone", () => {
    expect(prettyJson('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyJson("not json")).toBe("not json");
  });
});
