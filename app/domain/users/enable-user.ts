import { eq } from "drizzle-orm";
import { users } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { lockUserForChange } from "./account-actions";

export async function enableUser(deps: ServiceDeps, { actor, userId }: { actor: Actor; userId: string }) {
  return withTransaction(deps, async (tx) => {
    const user = await lockUserForChange(tx, actor, userId);
    if (!user.disabledAt) return { changed: false as const };
    const now = deps.now();
    // a fresh start: failures counted before the account was disabled no longer count
    await tx.update(users).set({ disabledAt: null, failedLogins: 0, lockedUntil: null, updatedAt: now }).where(eq(users.id, userId));
    await recordAudit(tx, actor, now, { action: "user.enabled", targetType: "user", targetId: userId, details: { email: user.email } });
    return { changed: true as const };
  });
}
