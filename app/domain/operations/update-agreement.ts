import { and, eq } from "drizzle-orm";
import { operations } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { parseInput } from "../validation";
import { assertAdmin, loadOperationFrame, type OperationFrame } from "./admin-operations";
import { diff } from "./changes";
import { agreementSchema } from "./schemas";
import { assertVersion, lockOperation } from "./views";

/**
 * An administrator changes the legal frame and the status — e.g. extends an
 * expired JIT agreement, which lifts the read-only state, or closes the
 * operation — without access to its content. Same optimistic concurrency as
 * the leads' edit.
 */
export async function updateAgreement(
  deps: ServiceDeps,
  { actor, operationId, input }: { actor: Actor; operationId: string; input: unknown },
): Promise<OperationFrame> {
  assertAdmin(actor);
  const data = parseInput(agreementSchema, input);
  const now = deps.now();
  return withTransaction(deps, async (tx, emit) => {
    const row = await lockOperation(tx, operationId);
    await assertVersion(row, data.version, () => loadOperationFrame(tx, row, now));
    const changes = diff(
      { jitReference: row.jitReference, jitStart: row.jitStart, jitEnd: row.jitEnd, status: row.status },
      { jitReference: data.jitReference, jitStart: data.jitStart, jitEnd: data.jitEnd, status: data.status },
    );
    if (Object.keys(changes).length === 0) return loadOperationFrame(tx, row, now);
    const [updated] = await tx
      .update(operations)
      .set({ jitReference: data.jitReference, jitStart: data.jitStart, jitEnd: data.jitEnd, status: data.status, version: row.version + 1, updatedAt: now })
      .where(and(eq(operations.id, row.id), eq(operations.version, data.version)))
      .returning();
    await recordAudit(tx, actor, now, {
      action: "operation.updated",
      targetType: "operation",
      targetId: row.id,
      operationId: row.id,
      details: { changes, version: updated!.version, via: "admin" },
    });
    emit({ name: "operation.updated", payload: { operationId: row.id } });
    return loadOperationFrame(tx, updated!, now);
  });
}
