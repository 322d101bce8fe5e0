import { and, asc, eq, gt } from "drizzle-orm";
import { messages } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { parseInput } from "../validation";
import { getChannelForActor } from "./access";
import { toDtos } from "./dto";
import { syncSchema } from "./schemas";
import { idFrom } from "./support";
import type { SyncResult } from "./types";

/**
 * Everything after `afterSeq` (roots and replies), ascending: a client that reconnects,
 * to this process or another, fills its gap exactly, since seq orders commits.
 */
export async function syncMessages(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }): Promise<SyncResult> {
  const channelId = idFrom(input, "channelId");
  const access = await getChannelForActor(deps.db, channelId, actor, deps.now());
  const { afterSeq, limit } = parseInput(syncSchema, input);
  const rows = await deps.db
    .select()
    .from(messages)
    .where(and(eq(messages.channelId, channelId), gt(messages.seq, afterSeq)))
    .orderBy(asc(messages.seq))
    .limit(limit + 1);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  // lastSeq read before the messages could be older than the last one returned
  const lastSeq = Math.max(access.channel.lastSeq, page.at(-1)?.seq ?? 0);
  return { messages: await toDtos(deps.db, page, actor.id), lastSeq, more };
}
