import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { operationMembers, operations } from "../../../db/schema/index";
import type { Actor } from "../context";
import { NotFound } from "../errors";
import type { MemberRole } from "../vocabulary";
import { assertCanChangeContent, getOperationForActor, isUuid } from "./access";

export type ManageVia = "admin" | "lead";

/**
 * Who may change an operation's membership: an administrator (office
 * housekeeping, without seeing the content, and even when the operation is
 * read-only, so people who left can be removed) or a lead of a writable
 * operation. Everyone else gets what the need-to-know rule gives them:
 * NotFound for non-members, Forbidden for members who are not leads.
 */
export async function assertCanManageMembers(db: DbOrTx, operationId: string, actor: Actor, now: Date): Promise<ManageVia> {
  if (actor.kind === "user" && actor.id && actor.officeRole === "admin") {
    if (!isUuid(operationId)) throw NotFound();
    const [row] = await db.select({ id: operations.id }).from(operations).where(eq(operations.id, operationId));
    if (!row) throw NotFound();
    return "admin";
  }
  assertCanChangeContent(await getOperationForActor(db, operationId, actor, now), { leadOnly: true });
  return "lead";
}

export async function findMembership(db: DbOrTx, operationId: string, userId: string): Promise<{ role: MemberRole } | null> {
  const [row] = await db
    .select({ role: operationMembers.role })
    .from(operationMembers)
    .where(and(eq(operationMembers.operationId, operationId), eq(operationMembers.userId, userId)));
  return row ? { role: row.role as MemberRole } : null;
}
