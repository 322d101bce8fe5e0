import { useMemo } from "react";
import { renderMarkdown } from "../board/markdown";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const TASK_REF = new RegExp(`(^|[\\s(])#task:(${UUID})\\b`, "gi");
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A message's Markdown, rendered by the board's safe renderer (raw HTML escaped),
 * with two additions made on the source before rendering: `#task:<id>` of the same
 * operation becomes a link to the card (shown as a chip; the board checks access
 * when it is opened), and the @names of the people mentioned are emphasised.
 */
export function chatMarkdownSource(source: string, opts: { operationId: string | null; mentions: { name: string }[]; taskLabel: string }) {
  let out = source;
  if (opts.operationId) {
    out = out.replace(TASK_REF, (_m, lead: string, id: string) => `${lead}[${opts.taskLabel}](/operations/${opts.operationId}/board/${id.toLowerCase()})`);
  }
  for (const m of opts.mentions) {
    if (!m.name) continue;
    out = out.replace(new RegExp(`(^|[^\\w@*])@${escapeRe(m.name)}(?![\\w])`, "gu"), `$1**@${m.name.replace(/[*_[\]]/g, "\\$&")}**`);
  }
  return out;
}

/** Marks the task links this module made (the href shape is ours) so CSS draws them as chips. */
export function chipTaskLinks(html: string): string {
  return html.replace(new RegExp(`<a href="(/operations/${UUID}/board/${UUID})"`, "g"), '<a class="chat-chip" href="$1"');
}

export function MessageBody({ body, operationId, mentions, taskLabel }: { body: string; operationId: string | null; mentions: { name: string }[]; taskLabel: string }) {
  const html = useMemo(
    () => chipTaskLinks(renderMarkdown(chatMarkdownSource(body, { operationId, mentions, taskLabel }))),
    [body, operationId, mentions, taskLabel],
  );
  return <div className="markdown chat-body" dangerouslySetInnerHTML={{ __html: html }} />;
}
