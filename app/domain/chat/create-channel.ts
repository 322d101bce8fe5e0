import { channelMembers, channels } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Invalid } from "../errors";
import { assertCanChangeContent, getOperationForActor } from "../operations/access";
import { parseInput } from "../validation";
import { createChannelSchema } from "./schemas";
import { channelChanged, idFrom, operationMembersAmong, uniqueViolation } from "./support";

const NAME_TAKEN = { name: ["chat:errors.channel_name_taken"] };

/** An operation lead opens a channel for some of the operation's members (the lead is always in it). */
export async function createChannel(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }): Promise<{ channelId: string }> {
  const operationId = idFrom(input, "operationId");
  const access = await getOperationForActor(deps.db, operationId, actor, deps.now());
  assertCanChangeContent(access, { leadOnly: true });
  const data = parseInput(createChannelSchema, input);
  const memberIds = [...new Set([actor.id!, ...data.memberIds])];
  const now = deps.now();
  try {
    return await withTransaction(deps, async (tx, emit) => {
      const members = await operationMembersAmong(tx, operationId, memberIds);
      if (memberIds.some((id) => !members.has(id))) throw Invalid({ memberIds: ["chat:errors.member_not_in_operation"] });
      const [row] = await tx
        .insert(channels)
        .values({ kind: "operation", operationId, name: data.name, createdBy: actor.id, createdAt: now, updatedAt: now })
        .returning({ id: channels.id });
      const channelId = row!.id;
      await tx.insert(channelMembers).values(memberIds.map((userId) => ({ channelId, userId, addedBy: actor.id, createdAt: now })));
      await recordAudit(tx, actor, now, {
        action: "chat.channel_created",
        targetType: "channel",
        targetId: channelId,
        operationId,
        details: { name: data.name, memberIds: [...memberIds].sort() },
      });
      emit(channelChanged([channelId], memberIds));
      return { channelId };
    });
  } catch (err) {
    // the unique index decides between two leads creating the same name at once
    if (uniqueViolation(err) !== null) throw Invalid(NAME_TAKEN);
    throw err;
  }
}
