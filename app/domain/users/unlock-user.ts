import { eq } from "drizzle-orm";
import { users } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { lockUserForChange } from "./account-actions";

/** Lifts a lockout after failed sign-ins before it runs out by itself. */
export async function unlockUser(deps: ServiceDeps, { actor, userId }: { actor: Actor; userId: string }) {
  return withTransaction(deps, async (tx) => {
    const user = await lockUserForChange(tx, actor, userId);
    const now = deps.now();
    const locked = user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime();
    if (!locked && user.failedLogins === 0) return { changed: false as const };
    await tx.update(users).set({ lockedUntil: null, failedLogins: 0, updatedAt: now }).where(eq(users.id, userId));
    await recordAudit(tx, actor, now, {
      action: "auth.unlocked",
      targetType: "user",
      targetId: userId,
      details: { wasLockedUntil: locked ? user.lockedUntil!.toISOString() : null, failedLogins: user.failedLogins },
    });
    return { changed: true as const };
  });
}
