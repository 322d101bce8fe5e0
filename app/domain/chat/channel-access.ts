import type { Actor, ServiceDeps } from "../context";
import { getChannelForActor } from "./access";

/**
 * The readership check alone, for joining a room or announcing typing: no member list,
 * so a channel of a thousand readers costs one indexed lookup.
 */
export async function channelAccess(
  deps: ServiceDeps,
  { actor, channelId }: { actor: Actor; channelId: string },
): Promise<{ channelId: string; lastSeq: number; canPost: boolean }> {
  const access = await getChannelForActor(deps.db, channelId, actor, deps.now());
  return { channelId: access.channel.id, lastSeq: access.channel.lastSeq, canPost: access.canPost };
}
