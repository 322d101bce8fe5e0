import { eq } from "drizzle-orm";
import { channels } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { parseInput } from "../validation";
import { assertCanManage, channelReaders, getChannelForActor } from "./access";
import { archiveChannelSchema } from "./schemas";
import { channelChanged, idFrom } from "./support";

/** An operation lead archives a channel (read-only from then on) or restores it. */
export async function archiveChannel(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }): Promise<{ channelId: string; changed: boolean }> {
  const channelId = idFrom(input, "channelId");
  const access = await getChannelForActor(deps.db, channelId, actor, deps.now());
  assertCanManage(access);
  const { archived } = parseInput(archiveChannelSchema, input);
  if (archived === (access.channel.archivedAt !== null)) return { channelId, changed: false };
  const now = deps.now();
  return withTransaction(deps, async (tx, emit) => {
    await tx
      .update(channels)
      .set({ archivedAt: archived ? now : null, updatedAt: now })
      .where(eq(channels.id, channelId));
    await recordAudit(tx, actor, now, {
      action: archived ? "chat.channel_archived" : "chat.channel_unarchived",
      targetType: "channel",
      targetId: channelId,
      operationId: access.channel.operationId,
      details: { name: access.channel.name },
    });
    const readers = await channelReaders(tx, channelId);
    emit(channelChanged([channelId], readers.map((r) => r.id)));
    return { channelId, changed: true };
  });
}
