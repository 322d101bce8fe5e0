// @mentions written into a card's description: "@Full Name" of a member, as the
// description's autocomplete inserts it. Comments name their mentions explicitly;
// a description is text, so its mentions are read from the text.
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { operationMembers, users } from "../../../db/schema/index";

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/**
 * Ids of the people named as "@Name" in `text`. The longest names are matched first,
 * so "@Ana Foreign" is Ana Foreign and not also a member called "Ana"; a name must end
 * at a word's end ("@Max Membership" is not Max Member) and "@" must start a word
 * (an e-mail address mentions nobody).
 */
export function mentionedIn(text: string, people: { id: string; name: string }[]): string[] {
  if (!text.includes("@")) return [];
  const taken = new Array<boolean>(text.length).fill(false);
  const found = new Set<string>();
  for (const p of [...people].sort((a, b) => b.name.length - a.name.length)) {
    if (!p.name) continue;
    const needle = `@${p.name}`;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (taken[at] || (at > 0 && WORD_CHAR.test(text[at - 1]!)) || (end < text.length && WORD_CHAR.test(text[end]!))) continue;
      for (let i = at; i < end; i++) taken[i] = true;
      found.add(p.id);
    }
  }
  return [...found];
}

/** The operation's active members newly mentioned by a description going from `before` to `after`. */
export async function newDescriptionMentions(db: DbOrTx, operationId: string, before: string, after: string): Promise<string[]> {
  if (!after.includes("@")) return [];
  const members = await db
    .select({ id: users.id, name: users.name })
    .from(operationMembers)
    .innerJoin(users, eq(users.id, operationMembers.userId))
    .where(and(eq(operationMembers.operationId, operationId), isNull(users.disabledAt)));
  const already = new Set(mentionedIn(before, members));
  return mentionedIn(after, members).filter((id) => !already.has(id));
}
