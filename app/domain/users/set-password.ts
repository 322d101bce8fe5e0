import { and, eq, isNull } from "drizzle-orm";
import { invitations, users } from "../../../db/schema/index";
import { hashPassword, passwordSchema } from "../auth/passwords";
import { createSessionManager } from "../auth/sessions";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { parseInput, z } from "../validation";
import { lockUserForChange } from "./account-actions";
import { assertAdministrator } from "../office/permissions";

const setPasswordSchema = z.object({ password: passwordSchema });

/**
 * Sets a user's password directly (the command line, for an operator at the
 * server). Every session of the user ends and any pending link stops working.
 */
export async function setUserPassword(deps: ServiceDeps, { actor, userId, input }: { actor: Actor; userId: string; input: unknown }) {
  assertAdministrator(actor);
  const { password } = parseInput(setPasswordSchema, input);
  const passwordHash = await hashPassword(password);
  await withTransaction(deps, async (tx, emit) => {
    const user = await lockUserForChange(tx, actor, userId);
    const now = deps.now();
    await tx.update(users).set({ passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: now }).where(eq(users.id, userId));
    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.userId, userId), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
    await createSessionManager(tx, deps.config, deps.now).invalidateUser(userId);
    await recordAudit(tx, actor, now, { action: "auth.password_reset", targetType: "user", targetId: userId, details: { method: "set_directly", email: user.email } });
    emit({ name: "user.sessions_revoked", payload: { userId } });
  });
}
