import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { operationMembers, operations } from "../../../db/schema/index";
import type { Actor } from "../context";
import { Forbidden, NotFound } from "../errors";
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

// The exact shape PostgreSQL accepts for a uuid: anything else would be a cast error (500), not a 404.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

/**
 * Need-to-know lives here: the operation is found only through the actor's
 * membership, so a non-member gets the same NotFound as a missing id.
 */
export async function getOperationForActor(db: DbOrTx, operationId: string, actor: Actor, now: Date): Promise<OperationAccess> {
  if (!actor.id || !isUuid(operationId)) throw NotFound();
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

/**
 * Refuses a change to the operation's content: read-only first (observer, expired
 * agreement, closed), so the reader learns why; then only leads may edit.
 */
export function assertCanChangeContent(access: OperationAccess, { leadOnly }: { leadOnly: boolean }): void {
  if (access.readOnlyReason) throw Forbidden("read_only");
  if (leadOnly && access.memberRole !== "lead") throw Forbidden("not_lead");
}
