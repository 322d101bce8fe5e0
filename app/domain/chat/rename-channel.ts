import { eq } from "drizzle-orm";
import { channels } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Invalid } from "../errors";
import { parseInput } from "../validation";
import { assertCanManage, channelReaders, getChannelForActor } from "./access";
import { renameChannelSchema } from "./schemas";
import { channelChanged, idFrom, uniqueViolation } from "./support";

/** An operation lead renames one of its channels (not the general one). */
export async function renameChannel(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }): Promise<{ channelId: string; changed: boolean }> {
  const channelId = idFrom(input, "channelId");
  const access = await getChannelForActor(deps.db, channelId, actor, deps.now());
  assertCanManage(access);
  const data = parseInput(renameChannelSchema, input);
  if (data.name === access.channel.name) return { channelId, changed: false };
  const now = deps.now();
  try {
    return await withTransaction(deps, async (tx, emit) => {
      await tx.update(channels).set({ name: data.name, updatedAt: now }).where(eq(channels.id, channelId));
      await recordAudit(tx, actor, now, {
        action: "chat.channel_renamed",
        targetType: "channel",
        targetId: channelId,
        operationId: access.channel.operationId,
        details: { from: access.channel.name, to: data.name },
      });
      const readers = await channelReaders(tx, channelId);
      emit(channelChanged([channelId], readers.map((r) => r.id)));
      return { channelId, changed: true };
    });
  } catch (err) {
    if (uniqueViolation(err) !== null) throw Invalid({ name: ["chat:errors.channel_name_taken"] });
    throw err;
  }
}
