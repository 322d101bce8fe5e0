import { and, eq } from "drizzle-orm";
import { operationMembers } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Conflict, Invalid } from "../errors";
import { parseInput } from "../validation";
import { assertCanManageMembers, findMembership } from "./membership";
import { changeMemberRoleSchema } from "./schemas";
import { leadCount, lockOperation } from "./views";

/** Changes a member's role; an operation always keeps at least one lead. */
export async function changeMemberRole(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId: string; input: unknown }): Promise<void> {
  await assertCanManageMembers(deps.db, operationId, actor, deps.now());
  const data = parseInput(changeMemberRoleSchema, input);
  const now = deps.now();
  await withTransaction(deps, async (tx, emit) => {
    const op = await lockOperation(tx, operationId);
    const via = await assertCanManageMembers(tx, operationId, actor, now);
    const membership = await findMembership(tx, op.id, data.userId);
    if (!membership) throw Invalid({ userId: ["validation.not_a_member"] });
    if (membership.role === data.role) return;
    // the row lock above makes this count authoritative until commit
    if (membership.role === "lead" && (await leadCount(tx, op.id)) <= 1) throw Conflict("last_lead");
    await tx
      .update(operationMembers)
      .set({ role: data.role })
      .where(and(eq(operationMembers.operationId, op.id), eq(operationMembers.userId, data.userId)));
    await recordAudit(tx, actor, now, {
      action: "operation.member_role_changed",
      targetType: "user",
      targetId: data.userId,
      operationId: op.id,
      details: { before: membership.role, after: data.role, via },
    });
    emit({ name: "operation.membership_changed", payload: { operationId: op.id, userId: data.userId, removed: false } });
  });
}
