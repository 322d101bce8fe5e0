import { eq } from "drizzle-orm";
import { users } from "../../../db/schema/index";
import { createSessionManager } from "../auth/sessions";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Conflict } from "../errors";
import { assertNotSelf, lockUserForChange } from "../users/account-actions";
import { issueInvitation } from "./tokens";

/**
 * An administrator resets a user's password: the old one stops working at once,
 * every session ends, and a one-time link (like an invitation) lets the user set
 * a new one. The token is returned once, to be shown to the administrator.
 */
export async function issuePasswordReset(deps: ServiceDeps, { actor, userId }: { actor: Actor; userId: string }) {
  return withTransaction(deps, async (tx, emit) => {
    const user = await lockUserForChange(tx, actor, userId);
    assertNotSelf(actor, userId, "admin:errors.cannot_reset_self");
    if (user.disabledAt) throw Conflict("admin:errors.user_disabled");
    const now = deps.now();
    await tx.update(users).set({ passwordHash: null, failedLogins: 0, lockedUntil: null, updatedAt: now }).where(eq(users.id, userId));
    await createSessionManager(tx, deps.config, deps.now).invalidateUser(userId);
    const issued = await issueInvitation(tx, deps, actor, userId);
    await recordAudit(tx, actor, now, {
      action: "auth.password_reset",
      targetType: "user",
      targetId: userId,
      details: { method: "link", invitationId: issued.invitationId, expiresAt: issued.expiresAt.toISOString() },
    });
    emit({ name: "user.sessions_revoked", payload: { userId } });
    return { invitationId: issued.invitationId, token: issued.token, expiresAt: issued.expiresAt, email: user.email, name: user.name };
  });
}
