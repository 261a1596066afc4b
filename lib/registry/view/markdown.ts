/**
 * A deliberately tiny Markdown reader for event type descriptions: paragraphs, bullet and
 * numbered lists, `code`, **bold**, *emphasis* and [links](https://…). It produces a tree of
 * plain data that React renders as elements, so no text from the catalog ever becomes HTML.
 * Anything it does not know stays literal text.
 */

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "code"; text: string }
  | { kind: "strong"; children: Inline[] }
  | { kind: "em"; children: Inline[] }
  | { kind: "link"; href: string; children: Inline[] };

export type Block =
  | { kind: "paragraph"; children: Inline[] }
  | { kind: "heading"; children: Inline[] }
  | { kind: "list"; ordered: boolean; items: Inline[][] }
  | { kind: "code"; text: string };

const bullet = /^\s*[-*+]\s+(.*)$/;
const numbered = /^\s*\d+[.)]\s+(.*)$/;
const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const fence = /^\s*(```|~~~)/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;

  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: "paragraph", children: parseInline(paragraph.join(" ")) });
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push({ kind: "list", ordered: list.ordered, items: list.items.map(parseInline) });
    list = null;
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const fenceMatch = fence.exec(line);
    if (fenceMatch) {
      flushParagraph();
      flushList();
      const code: string[] = [];
      index++;
      while (index < lines.length && !(lines[index] ?? "").trim().startsWith(fenceMatch[1] ?? "```")) code.push(lines[index++] ?? "");
      blocks.push({ kind: "code", text: code.join("\n") });
      continue;
    }
    if (line.trim() === "") {
      flushParagraph();
      flushList();
      continue;
    }
    const headingMatch = heading.exec(line);
    if (headingMatch) {
      flushParagraph();
      flushList();
      blocks.push({ kind: "heading", children: parseInline(headingMatch[1] ?? "") });
      continue;
    }
    const item = bullet.exec(line) ?? numbered.exec(line);
    if (item) {
      flushParagraph();
      const ordered = !bullet.test(line);
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, items: [] };
      list.items.push(item[1] ?? "");
      continue;
    }
    if (list && /^\s+\S/.test(line)) {
      // An indented line continues the previous list item.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    flushList();
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return blocks;
}

/** Only these link targets are kept; anything else (javascript:, data:, …) renders as text. */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  if (/^(\/(?!\/)|#)/.test(trimmed)) return trimmed;
  return null;
}

export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let text = "";
  const pushText = () => {
    if (text) out.push({ kind: "text", text });
    text = "";
  };
  let index = 0;
  while (index < source.length) {
    const rest = source.slice(index);
    const char = source[index];
    if (char === "\\" && index + 1 < source.length && /[\\`*_[\]()#+\-.!]/.test(source[index + 1] ?? "")) {
      text += source[index + 1];
      index += 2;
      continue;
    }
    if (char === "`") {
      const end = source.indexOf("`", index + 1);
      if (end > index + 1) {
        pushText();
        out.push({ kind: "code", text: source.slice(index + 1, end) });
        index = end + 1;
        continue;
      }
    }
    const strong = /^(\*\*|__)(?=\S)([\s\S]*?\S)\1/.exec(rest);
    if (strong) {
      pushText();
      out.push({ kind: "strong", children: parseInline(strong[2] ?? "") });
      index += strong[0].length;
      continue;
    }
    const em = /^([*_])(?=[^\s*_])([\s\S]*?[^\s*_])\1(?![*_])/.exec(rest);
    if (em && (char === "*" || !/\w/.test(source[index - 1] ?? ""))) {
      pushText();
      out.push({ kind: "em", children: parseInline(em[2] ?? "") });
      index += em[0].length;
      continue;
    }
    const link = /^\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/.exec(rest);
    if (link) {
      const href = safeHref(link[2] ?? "");
      pushText();
      if (href) out.push({ kind: "link", href, children: parseInline(link[1] ?? "") });
      else out.push(...parseInline(link[1] ?? ""));
      index += link[0].length;
      continue;
    }
    const url = /^https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"]/.exec(rest);
    if (url && !/\w/.test(source[index - 1] ?? "")) {
      pushText();
      out.push({ kind: "link", href: url[0], children: [{ kind: "text", text: url[0] }] });
      index += url[0].length;
      continue;
    }
    text += char;
    index++;
  }
  pushText();
  return out;
}

/** Markdown as one line of plain text, for places with room for a summary only (table cells, titles). */
export function markdownToPlainText(source: string): string {
  const inlineText = (nodes: Inline[]): string => nodes.map((node) => (node.kind === "text" || node.kind === "code" ? node.text : inlineText(node.children))).join("");
  return parseMarkdown(source)
    .map((block) => {
      switch (block.kind) {
        case "code":
          return block.text;
        case "list":
          return block.items.map(inlineText).join("; ");
        default:
          return inlineText(block.children);
      }
    })
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}
