import { and, eq, gt, isNull, ne } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { invitations, users } from "../../../db/schema/index";
import { hashPassword, passwordSchema } from "../auth/passwords";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { NotFound } from "../errors";
import { parseInput, z } from "../validation";
import { INVITATION_TOKEN_PATTERN, setPasswordFormSchema } from "./schemas";
import { hashInvitationToken } from "./tokens";

/**
 * The link is usable only while pending and the account enabled. Unknown, used,
 * revoked and expired tokens are one and the same answer: not valid.
 */
async function findUsable(db: DbOrTx, token: string, now: Date, lock: boolean) {
  if (!INVITATION_TOKEN_PATTERN.test(token)) return null;
  const q = db
    .select({ inv: invitations, user: users })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(
      and(
        eq(invitations.tokenHash, hashInvitationToken(token)),
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
        isNull(users.disabledAt),
      ),
    );
  const [row] = lock ? await q.for("update") : await q;
  return row ?? null;
}

/** What the public set-password page may show: the invitee's name and e-mail, or null. */
export async function lookupInvitation(deps: ServiceDeps, { token }: { token: string }) {
  const row = await findUsable(deps.db, token, deps.now(), false);
  // the invitee's own time zone: the administrator set it, and it is the reader's zone here
  return row ? { name: row.user.name, email: row.user.email, timeZone: row.user.timeZone, expiresAt: row.inv.expiresAt.toISOString() } : null;
}

/** Sets the invitee's password and uses up the link, once. */
export async function acceptInvitation(deps: ServiceDeps, { token, input, ip }: { token: string; input: unknown; ip: string | null }) {
  if (!(await findUsable(deps.db, token, deps.now(), false))) throw NotFound("invitation_invalid");
  const { password } = parseInput(setPasswordFormSchema, input);
  // the full rule, common passwords included, that the browser-safe form schema cannot check
  parseInput(z.object({ password: passwordSchema }), { password });
  const passwordHash = await hashPassword(password);

  return withTransaction(deps, async (tx) => {
    const now = deps.now();
    // checked again under lock: two tabs submitting the same link cannot both win
    const row = await findUsable(tx, token, now, true);
    if (!row) throw NotFound("invitation_invalid");
    const { inv, user } = row;
    await tx.update(invitations).set({ usedAt: now }).where(eq(invitations.id, inv.id));
    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.userId, user.id), ne(invitations.id, inv.id), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
    await tx.update(users).set({ passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: now }).where(eq(users.id, user.id));
    const actor: Actor = { kind: "user", id: user.id, label: `${user.name} <${user.email}>`, officeRole: null, agencyId: user.agencyId, ip };
    await recordAudit(tx, actor, now, { action: "user.invitation_accepted", targetType: "user", targetId: user.id, details: { invitationId: inv.id } });
    return { userId: user.id, email: user.email };
  });
}
