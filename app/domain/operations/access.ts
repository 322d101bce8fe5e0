import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { operationMembers, operations } from "../../../db/schema/index";
import type { Actor } from "../context";
import { NotFound } from "../errors";
import type { MemberRole } from "../vocabulary";

export type OperationRow = typeof operations.$inferSelect;

export interface OperationAccess {
  operation: OperationRow;
  memberRole: MemberRole;
  /** Why the actor may not change content: observer, agreement expired, operation closed. */
  readOnlyReason: "observer" | "jit_expired" | "closed" | null;
}

/** The UTC date as YYYY-MM-DD, how JIT agreement dates are stored. */
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export function operationReadOnlyReason(op: Pick<OperationRow, "jitEnd" | "status">, now: Date): "jit_expired" | "closed" | null {
  if (op.status === "closed") return "closed";
  if (op.jitEnd && op.jitEnd < isoDate(now)) return "jit_expired";
  return null;
}

/**
 * Need-to-know lives here: the operation is found only through the actor's
 * membership, so a non-member gets the same NotFound as a missing id.
 */
export async function getOperationForActor(db: DbOrTx, operationId: string, actor: Actor, now: Date): Promise<OperationAccess> {
  if (!actor.id || !/^[0-9a-f-]{36}$/i.test(operationId)) throw NotFound();
  const [row] = await db
    .select({ operation: operations, memberRole: operationMembers.role })
    .from(operations)
    .innerJoin(operationMembers, and(eq(operationMembers.operationId, operations.id), eq(operationMembers.userId, actor.id)))
    .where(eq(operations.id, operationId));
  if (!row) throw NotFound();
  const memberRole = row.memberRole as MemberRole;
  const readOnlyReason = operationReadOnlyReason(row.operation, now) ?? (memberRole === "observer" ? "observer" : null);
  return { operation: row.operation, memberRole, readOnlyReason };
}
