import { eq } from "drizzle-orm";
import { users } from "../../../db/schema/index";
import { createSessionManager } from "../auth/sessions";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { assertAnotherActiveAdmin, isActiveAdmin } from "../office/admins";
import { assertNotSelf, lockUserForChange } from "./account-actions";

/**
 * Disables an account and ends every one of its sessions in the same
 * transaction; after commit the socket server disconnects the user's sockets.
 */
export async function disableUser(deps: ServiceDeps, { actor, userId }: { actor: Actor; userId: string }) {
  return withTransaction(deps, async (tx, emit) => {
    const user = await lockUserForChange(tx, actor, userId);
    assertNotSelf(actor, userId, "admin:errors.cannot_disable_self");
    if (user.disabledAt) return { changed: false as const };
    if (isActiveAdmin(user)) await assertAnotherActiveAdmin(tx, userId);
    const now = deps.now();
    await tx.update(users).set({ disabledAt: now, updatedAt: now }).where(eq(users.id, userId));
    await createSessionManager(tx, deps.config, deps.now).invalidateUser(userId);
    await recordAudit(tx, actor, now, { action: "user.disabled", targetType: "user", targetId: userId, details: { email: user.email } });
    emit({ name: "user.sessions_revoked", payload: { userId } });
    return { changed: true as const };
  });
}
