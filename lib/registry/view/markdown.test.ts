import { describe, expect, it } from "vitest";
import { markdownToPlainText, parseInline, parseMarkdown, safeHref } from "./markdown";

describe("parseMarkdown", () => {
  it("splits paragraphs on blank lines and joins wrapped lines", () => {
    expect(parseMarkdown("One\nline.\n\nTwo.")).toEqual([
      { kind: "paragraph", children: [{ kind: "text", text: "One line." }] },
      { kind: "paragraph", children: [{ kind: "text", text: "Two." }] },
    ]);
  });

  it("reads bullet and numbered lists, with indented continuation lines", () => {
    const blocks = parseMarkdown("Intro\n- first\n  more\n* second\n\n1. one\n2) two");
    expect(blocks).toEqual([
      { kind: "paragraph", children: [{ kind: "text", text: "Intro" }] },
      { kind: "list", ordered: false, items: [[{ kind: "text", text: "first more" }], [{ kind: "text", text: "second" }]] },
      { kind: "list", ordered: true, items: [[{ kind: "text", text: "one" }], [{ kind: "text", text: "two" }]] },
    ]);
  });

  it("reads headings and fenced code", () => {
    expect(parseMarkdown("### Features\n```\n<b>raw</b>\n```")).toEqual([
      { kind: "heading", children: [{ kind: "text", text: "Features" }] },
      { kind: "code", text: "<b>raw</b>" },
    ]);
  });

  it("returns nothing for empty text", () => {
    expect(parseMarkdown("  \n\n")).toEqual([]);
  });
});

describe("parseInline", () => {
  it("reads code, bold, emphasis and links", () => {
    expect(parseInline("Use `orderId` **always**, *really*, see [docs](https://example.com/x).")).toEqual([
      { kind: "text", text: "Use " },
      { kind: "code", text: "orderId" },
      { kind: "text", text: " " },
      { kind: "strong", children: [{ kind: "text", text: "always" }] },
      { kind: "text", text: ", " },
      { kind: "em", children: [{ kind: "text", text: "really" }] },
      { kind: "text", text: ", see " },
      { kind: "link", href: "https://example.com/x", children: [{ kind: "text", text: "docs" }] },
      { kind: "text", text: "." },
    ]);
  });

  it("keeps HTML as literal text", () => {
    expect(parseInline("<script>alert(1)</script>")).toEqual([{ kind: "text", text: "<script>alert(1)</script>" }]);
  });

  it("drops unsafe link targets but keeps their text", () => {
    expect(parseInline("[click](javascript:alert(1))")).toEqual([{ kind: "text", text: "click" }, { kind: "text", text: ")" }]);
    expect(parseInline("[x](data:text/html,hi)")).toEqual([{ kind: "text", text: "x" }]);
  });

  it("leaves snake_case words and unmatched markers alone", () => {
    expect(parseInline("order_placed_at and 2 * 3")).toEqual([{ kind: "text", text: "order_placed_at and 2 * 3" }]);
    expect(parseInline("a `b")).toEqual([{ kind: "text", text: "a `b" }]);
  });

  it("turns bare URLs into links without trailing punctuation", () => {
    expect(parseInline("See https://example.com/a.")).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", href: "https://example.com/a", children: [{ kind: "text", text: "https://example.com/a" }] },
      { kind: "text", text: "." },
    ]);
  });

  it("honours backslash escapes", () => {
    expect(parseInline("\\*not em\\*")).toEqual([{ kind: "text", text: "*not em*" }]);
  });
});

describe("safeHref", () => {
  it("allows http(s), mailto, site-relative paths and anchors only", () => {
    expect(safeHref("https://a.b")).toBe("https://a.b");
    expect(safeHref("mailto:x@y.z")).toBe("mailto:x@y.z");
    expect(safeHref("/catalog")).toBe("/catalog");
    expect(safeHref("#top")).toBe("#top");
    expect(safeHref("//evil.example")).toBeNull();
    expect(safeHref("JavaScript:alert(1)")).toBeNull();
    expect(safeHref("vbscript:x")).toBeNull();
  });
});

describe("markdownToPlainText", () => {
  it("drops the markup and joins blocks into one line", () => {
    expect(markdownToPlainText("### Features\n\nTurns **lights** on, see [docs](https://x.y).\n\n* one\n* `two`")).toBe("Features Turns lights on, see docs. one; two");
  });
});
