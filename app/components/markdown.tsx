import { Fragment } from "react";
import { parseInline, parseMarkdown, type Inline } from "@/lib/registry/view/markdown";

/** Renders catalog Markdown as React elements; the text never becomes raw HTML. */
export function Markdown({ text, className }: { text: string; className?: string }) {
  const blocks = parseMarkdown(text);
  if (blocks.length === 0) return null;
  return (
    <div className={className ? `markdown ${className}` : "markdown"}>
      {blocks.map((block, index) => {
        switch (block.kind) {
          case "paragraph":
            return (
              <p key={index}>
                <InlineNodes nodes={block.children} />
              </p>
            );
          case "heading":
            return (
              <p key={index} className="markdown-heading">
                <strong>
                  <InlineNodes nodes={block.children} />
                </strong>
              </p>
            );
          case "code":
            return (
              <pre key={index} className="markdown-code">
                <code>{block.text}</code>
              </pre>
            );
          case "list": {
            const items = block.items.map((item, itemIndex) => (
              <li key={itemIndex}>
                <InlineNodes nodes={item} />
              </li>
            ));
            return block.ordered ? <ol key={index}>{items}</ol> : <ul key={index}>{items}</ul>;
          }
        }
      })}
    </div>
  );
}

/** One line of Markdown (code, bold, links) without a paragraph around it, e.g. a difference message. */
export function InlineMarkdown({ text }: { text: string }) {
  return <InlineNodes nodes={parseInline(text)} />;
}

function InlineNodes({ nodes }: { nodes: Inline[] }) {
  return (
    <>
      {nodes.map((node, index) => {
        switch (node.kind) {
          case "text":
            return <Fragment key={index}>{node.text}</Fragment>;
          case "code":
            return <code key={index}>{node.text}</code>;
          case "strong":
            return (
              <strong key={index}>
                <InlineNodes nodes={node.children} />
              </strong>
            );
          case "em":
            return (
              <em key={index}>
                <InlineNodes nodes={node.children} />
              </em>
            );
          case "link": {
            const external = /^(https?:|mailto:)/i.test(node.href);
            return (
              <a key={index} href={node.href} {...(external ? { rel: "noopener noreferrer nofollow", target: "_blank" } : {})}>
                <InlineNodes nodes={node.children} />
              </a>
            );
          }
        }
      })}
    </>
  );
}
