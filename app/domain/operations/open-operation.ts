import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { getOperationForActor } from "./access";

/**
 * Logs that a member opened the operation's content: Directive 2016/680 expects
 * consultations to be logged. Non-members get NotFound and nothing is written.
 */
export async function openOperation(deps: ServiceDeps, { actor, operationId }: { actor: Actor; operationId: string }): Promise<{ canEdit: boolean }> {
  return withTransaction(deps, async (tx) => {
    const access = await getOperationForActor(tx, operationId, actor, deps.now());
    await recordAudit(tx, actor, deps.now(), {
      action: "operation.opened",
      targetType: "operation",
      targetId: access.operation.id,
      operationId: access.operation.id,
      details: { memberRole: access.memberRole },
    });
    return { canEdit: access.memberRole === "lead" && access.readOnlyReason === null };
  });
}
