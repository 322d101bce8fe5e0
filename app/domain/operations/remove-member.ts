import { and, eq } from "drizzle-orm";
import { channels, operationMembers } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Conflict, Invalid } from "../errors";
import { parseInput } from "../validation";
import { assertCanManageMembers, findMembership } from "./membership";
import { removeMemberSchema } from "./schemas";
import { leadCount, lockOperation } from "./views";

/** Removes a member; their open sockets leave the operation's room when the event is published. */
export async function removeMember(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId: string; input: unknown }): Promise<void> {
  await assertCanManageMembers(deps.db, operationId, actor, deps.now());
  const data = parseInput(removeMemberSchema, input);
  const now = deps.now();
  await withTransaction(deps, async (tx, emit) => {
    const op = await lockOperation(tx, operationId);
    const via = await assertCanManageMembers(tx, operationId, actor, now);
    const membership = await findMembership(tx, op.id, data.userId);
    if (!membership) throw Invalid({ userId: ["validation.not_a_member"] });
    if (membership.role === "lead" && (await leadCount(tx, op.id)) <= 1) throw Conflict("last_lead");
    await tx.delete(operationMembers).where(and(eq(operationMembers.operationId, op.id), eq(operationMembers.userId, data.userId)));
    await recordAudit(tx, actor, now, {
      action: "operation.member_removed",
      targetType: "user",
      targetId: data.userId,
      operationId: op.id,
      details: { role: membership.role, via },
    });
    emit({ name: "operation.membership_changed", payload: { operationId: op.id, userId: data.userId, removed: true } });
    // leaving the operation is leaving its channels: their sockets leave the rooms at once
    const opChannels = await tx.select({ id: channels.id }).from(channels).where(eq(channels.operationId, op.id));
    if (opChannels.length > 0) {
      emit({ name: "chat.channel_changed", payload: { channelIds: opChannels.map((c) => c.id), userIds: [data.userId], removedUserIds: [data.userId] } });
    }
  });
}
