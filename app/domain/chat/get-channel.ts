import { and, eq } from "drizzle-orm";
import { channelReads } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { NotFound } from "../errors";
import { channelReaders, getChannelForActor } from "./access";
import { channelItems } from "./list-channels";
import type { ChannelDetail } from "./types";

/** One channel for its page: who reads it, what the actor may do, where they stopped reading. */
export async function getChannel(deps: ServiceDeps, { actor, channelId }: { actor: Actor; channelId: string }): Promise<ChannelDetail> {
  const access = await getChannelForActor(deps.db, channelId, actor, deps.now());
  const [[item], members, [read]] = await Promise.all([
    channelItems(deps.db, actor.id!, [access.channel.id]),
    channelReaders(deps.db, access.channel.id),
    deps.db
      .select({ seq: channelReads.lastReadSeq })
      .from(channelReads)
      .where(and(eq(channelReads.channelId, access.channel.id), eq(channelReads.userId, actor.id!))),
  ]);
  if (!item) throw NotFound();
  return { channel: item, members, canManage: access.canManage, canPost: access.canPost, lastReadSeq: read?.seq ?? 0 };
}
