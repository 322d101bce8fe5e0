import { eq, sql } from "drizzle-orm";
import { users } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { systemActor, withTransaction, type ServiceDeps } from "../context";
import { parseInput, z } from "../validation";
import { verifyAgainstDummy, verifyPassword } from "./passwords";
import { countWrongPassword } from "./lockout";
import { createSessionManager } from "./sessions";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("validation.email"),
  password: z.string().min(1, "validation.required").max(256, "validation.too_long"),
});

export type SignInResult =
  | { ok: true; sessionId: string; userId: string; needsTotp: boolean }
  // one failure for unknown e-mail, wrong password, locked or disabled account: nothing is revealed
  | { ok: false };

export async function signIn(
  deps: ServiceDeps,
  { input, ip, userAgent }: { input: unknown; ip: string | null; userAgent: string | null },
): Promise<SignInResult> {
  const { email, password } = parseInput(signInSchema, input);
  const now = deps.now();

  const [user] = await deps.db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  if (!user || !user.passwordHash) {
    await verifyAgainstDummy(password);
    await withTransaction(deps, (tx) =>
      recordAudit(tx, systemActor("anonymous", ip), now, {
        action: "auth.sign_in_failed",
        outcome: "failure",
        details: { email, reason: "unknown_email" },
      }),
    );
    return { ok: false };
  }

  const actor = { kind: "user" as const, id: user.id, label: `${user.name} <${user.email}>`, officeRole: null, agencyId: user.agencyId, ip };
  const locked = user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime();
  // the hash is checked even when locked, so the response time does not tell
  const passwordOk = await verifyPassword(user.passwordHash, password);

  if (locked || user.disabledAt || !passwordOk) {
    await withTransaction(deps, async (tx) => {
      const reason = user.disabledAt ? "disabled" : locked ? "locked" : "wrong_password";
      if (reason === "wrong_password") {
        const failure = { action: "auth.sign_in_failed", outcome: "failure", targetType: "user", targetId: user.id, details: { reason } } as const;
        await countWrongPassword(tx, deps, actor, now, user.id, failure, { endSessions: false });
      } else {
        await recordAudit(tx, actor, now, { action: "auth.sign_in_failed", outcome: "failure", targetType: "user", targetId: user.id, details: { reason } });
      }
    });
    return { ok: false };
  }

  const needsTotp = user.totpEnabledAt !== null;
  const session = await withTransaction(deps, async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    const s = await createSessionManager(tx, deps.config, deps.now).create(user.id, { twoFactorVerified: !needsTotp, ip, userAgent });
    await recordAudit(tx, actor, now, {
      action: "auth.sign_in",
      targetType: "user",
      targetId: user.id,
      details: { secondFactor: needsTotp ? "pending" : "none" },
    });
    return s;
  });
  return { ok: true, sessionId: session.id, userId: user.id, needsTotp };
}
