import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { sessions, users } from "../../../db/schema/index";
import { recordAudit, type AuditEntry } from "../audit/record-audit";
import type { Actor, ServiceDeps } from "../context";

/**
 * Counts one wrong password against the account, wherever it was typed (the
 * sign-in form, or the account page asking for the current password), and
 * locks the account once the count reaches the threshold. The count is kept in
 * the database so concurrent attempts cannot slip past the threshold.
 *
 * `failure` is the audit row of the attempt; it gets the running count.
 * With `endSessions`, locking also ends every session of the account: a wrong
 * password typed inside a session (someone guessing from a stolen session) must
 * not be tried again from that session.
 */
export async function countWrongPassword(
  tx: DbOrTx,
  deps: Pick<ServiceDeps, "config">,
  actor: Actor,
  now: Date,
  userId: string,
  failure: AuditEntry,
  { endSessions }: { endSessions: boolean },
): Promise<{ locked: boolean }> {
  const [row] = await tx
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1` })
    .where(eq(users.id, userId))
    .returning({ failedLogins: users.failedLogins });
  const failedLogins = row?.failedLogins ?? 0;
  await recordAudit(tx, actor, now, { ...failure, details: { ...failure.details, failedLogins } });
  if (failedLogins < deps.config.lockoutThreshold) return { locked: false };

  const lockedUntil = new Date(now.getTime() + deps.config.lockoutMinutes * 60_000);
  await tx.update(users).set({ lockedUntil, failedLogins: 0 }).where(eq(users.id, userId));
  const ended = endSessions ? await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id }) : [];
  await recordAudit(tx, actor, now, {
    action: "auth.locked",
    outcome: "success",
    targetType: "user",
    targetId: userId,
    details: { until: lockedUntil.toISOString(), ...(endSessions ? { sessionsEnded: ended.length } : {}) },
  });
  return { locked: true };
}
