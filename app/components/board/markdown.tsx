import MarkdownIt from "markdown-it";

// Raw HTML is escaped, not rendered (html: false); markdown-it's own link check
// already refuses javascript: and data: URLs.
const md = new MarkdownIt({ html: false, linkify: true, breaks: true });
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet("rel", "noopener noreferrer");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** Markdown a member wrote, rendered safely. */
export function Markdown({ source, className }: { source: string; className?: string }) {
  return <div className={`markdown${className ? ` ${className}` : ""}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
