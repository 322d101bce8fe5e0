import { and, asc, eq } from "drizzle-orm";
import { messages } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { NotFound } from "../errors";
import { parseInput, z } from "../validation";
import { getChannelForActor } from "./access";
import { toDtos } from "./dto";
import { idFrom } from "./support";
import type { MessageDto } from "./types";

const THREAD_MAX = 1000;
const getThreadSchema = z.object({ channelId: z.string().uuid(), rootId: z.string().uuid() });

/** A thread for its panel: the root first, then its replies by seq. Given a reply, that reply's thread. */
export async function getThread(
  deps: ServiceDeps,
  { actor, input }: { actor: Actor; input: unknown },
): Promise<{ rootId: string; messages: MessageDto[]; more: boolean }> {
  const channelId = idFrom(input, "channelId");
  await getChannelForActor(deps.db, channelId, actor, deps.now());
  const { rootId: requested } = parseInput(getThreadSchema, input);
  const [hit] = await deps.db
    .select({ id: messages.id, parentId: messages.parentId })
    .from(messages)
    .where(and(eq(messages.id, requested), eq(messages.channelId, channelId)));
  if (!hit) throw NotFound();
  const rootId = hit.parentId ?? hit.id;
  const [root] = await deps.db.select().from(messages).where(eq(messages.id, rootId));
  if (!root) throw NotFound();
  const replies = await deps.db.select().from(messages).where(eq(messages.parentId, rootId)).orderBy(asc(messages.seq)).limit(THREAD_MAX + 1);
  const more = replies.length > THREAD_MAX;
  return { rootId, messages: await toDtos(deps.db, [root, ...replies.slice(0, THREAD_MAX)], actor.id), more };
}
