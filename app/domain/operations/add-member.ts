import { eq } from "drizzle-orm";
import { operationMembers, users } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Invalid } from "../errors";
import { parseInput } from "../validation";
import { assertCanManageMembers, findMembership } from "./membership";
import { addMemberSchema } from "./schemas";
import { lockOperation } from "./views";

/** Adds an active user of the office to the operation with a member role. */
export async function addMember(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId: string; input: unknown }): Promise<void> {
  await assertCanManageMembers(deps.db, operationId, actor, deps.now());
  const data = parseInput(addMemberSchema, input);
  const now = deps.now();
  await withTransaction(deps, async (tx, emit) => {
    const op = await lockOperation(tx, operationId);
    const via = await assertCanManageMembers(tx, operationId, actor, now);
    const [user] = await tx.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(eq(users.id, data.userId));
    if (!user || user.disabledAt) throw Invalid({ userId: ["validation.choose_valid"] });
    if (await findMembership(tx, op.id, user.id)) throw Invalid({ userId: ["operations:errors.already_member"] });
    await tx.insert(operationMembers).values({ operationId: op.id, userId: user.id, role: data.role, addedAt: now, addedBy: actor.id });
    await recordAudit(tx, actor, now, {
      action: "operation.member_added",
      targetType: "user",
      targetId: user.id,
      operationId: op.id,
      details: { role: data.role, via },
    });
    emit({ name: "operation.membership_changed", payload: { operationId: op.id, userId: user.id, removed: false } });
  });
}
