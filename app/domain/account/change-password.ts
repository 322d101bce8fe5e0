import { and, eq, ne } from "drizzle-orm";
import { sessions, users } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { countWrongPassword } from "../auth/lockout";
import { hashPassword, passwordSchema, verifyPassword } from "../auth/passwords";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Forbidden, Invalid, NotFound } from "../errors";
import { parseInput } from "../validation";
import { changePasswordSchema } from "./schemas";

/**
 * The user changes their own password. Every other session of theirs ends (a
 * thief's included); the current one stays, and the socket sweep disconnects the
 * sockets of the ended sessions within seconds.
 */
export async function changePassword(deps: ServiceDeps, { actor, sessionId, input }: { actor: Actor; sessionId: string; input: unknown }) {
  if (actor.kind !== "user" || !actor.id) throw Forbidden();
  const userId = actor.id;
  const { currentPassword, newPassword } = parseInput(changePasswordSchema(passwordSchema), input);
  const [user] = await deps.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!user) throw NotFound();

  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
    // the failed attempt is a security event: it is logged, and counts towards the lockout
    const { locked } = await withTransaction(deps, (tx) =>
      countWrongPassword(
        tx,
        deps,
        actor,
        deps.now(),
        userId,
        { action: "auth.password_changed", outcome: "failure", targetType: "user", targetId: userId, details: { reason: "wrong_current_password" } },
        { endSessions: true },
      ),
    );
    throw Invalid({ currentPassword: [locked ? "account:errors.locked_signed_out" : "account:errors.current_password_wrong"] });
  }
  if (await verifyPassword(user.passwordHash, newPassword)) throw Invalid({ newPassword: ["account:errors.password_unchanged"] });

  const passwordHash = await hashPassword(newPassword);
  return withTransaction(deps, async (tx) => {
    await tx.update(users).set({ passwordHash, failedLogins: 0, updatedAt: deps.now() }).where(eq(users.id, userId));
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), ne(sessions.id, sessionId)))
      .returning({ id: sessions.id });
    await recordAudit(tx, actor, deps.now(), {
      action: "auth.password_changed",
      targetType: "user",
      targetId: userId,
      details: { otherSessionsEnded: ended.length },
    });
    return { otherSessionsEnded: ended.length };
  });
}
