import { and, eq, inArray } from "drizzle-orm";
import { channelMembers, channels } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Invalid } from "../errors";
import { parseInput } from "../validation";
import { assertCanManage, getChannelForActor } from "./access";
import { setChannelMembersSchema } from "./schemas";
import { channelChanged, idFrom, operationMembersAmong } from "./support";

/**
 * An operation lead sets who is in a channel (operation members only; the lead stays in).
 * Those removed lose the channel at once: their sockets leave its room when the event is published.
 */
export async function setChannelMembers(
  deps: ServiceDeps,
  { actor, input }: { actor: Actor; input: unknown },
): Promise<{ channelId: string; added: string[]; removed: string[] }> {
  const channelId = idFrom(input, "channelId");
  const access = await getChannelForActor(deps.db, channelId, actor, deps.now());
  assertCanManage(access);
  const data = parseInput(setChannelMembersSchema, input);
  const wanted = [...new Set([actor.id!, ...data.memberIds])];
  const operationId = access.channel.operationId!;
  const now = deps.now();
  return withTransaction(deps, async (tx, emit) => {
    // serialises concurrent changes of this channel's membership
    await tx.select({ id: channels.id }).from(channels).where(eq(channels.id, channelId)).for("update");
    const members = await operationMembersAmong(tx, operationId, wanted);
    if (wanted.some((id) => !members.has(id))) throw Invalid({ memberIds: ["chat:errors.member_not_in_operation"] });
    const current = (await tx.select({ id: channelMembers.userId }).from(channelMembers).where(eq(channelMembers.channelId, channelId))).map((r) => r.id);
    const added = wanted.filter((id) => !current.includes(id)).sort();
    const removed = current.filter((id) => !wanted.includes(id)).sort();
    if (added.length === 0 && removed.length === 0) return { channelId, added, removed };
    if (removed.length > 0) await tx.delete(channelMembers).where(and(eq(channelMembers.channelId, channelId), inArray(channelMembers.userId, removed)));
    if (added.length > 0) await tx.insert(channelMembers).values(added.map((userId) => ({ channelId, userId, addedBy: actor.id, createdAt: now })));
    await tx.update(channels).set({ updatedAt: now }).where(eq(channels.id, channelId));
    await recordAudit(tx, actor, now, {
      action: "chat.channel_members_changed",
      targetType: "channel",
      targetId: channelId,
      operationId,
      details: { added, removed },
    });
    emit(channelChanged([channelId], [...wanted, ...removed], removed));
    return { channelId, added, removed };
  });
}
