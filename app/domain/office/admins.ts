import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { users } from "../../../db/schema/index";
import { Conflict } from "../errors";

/**
 * Refuses a change that would leave the office without an administrator who can
 * sign in. The admin rows are locked, so two administrators demoting each other
 * at the same moment cannot both succeed.
 */
export async function assertAnotherActiveAdmin(tx: Tx, userId: string): Promise<void> {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.officeRole, "admin"), isNull(users.disabledAt), isNotNull(users.passwordHash)))
    .for("update");
  if (!admins.some((a) => a.id !== userId)) throw Conflict("admin:errors.last_admin");
}

/** An administrator who can sign in: the ones the rule above protects. */
export function isActiveAdmin(u: { officeRole: string; disabledAt: Date | null; passwordHash: string | null }): boolean {
  return u.officeRole === "admin" && u.disabledAt === null && u.passwordHash !== null;
}
