import { eq } from "drizzle-orm";
import { invitations, users } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Conflict, NotFound } from "../errors";
import { isUuid } from "../agencies/get-agency";
import { assertAdministrator } from "../office/permissions";
import { issueInvitation } from "./tokens";

/**
 * A new link for someone who has not set a password yet (lost, expired or
 * revoked link). Every older link of the user stops working.
 */
export async function reissueInvitation(deps: ServiceDeps, { actor, invitationId }: { actor: Actor; invitationId: string }) {
  assertAdministrator(actor);
  if (!isUuid(invitationId)) throw NotFound();
  return withTransaction(deps, async (tx) => {
    const [row] = await tx
      .select({ inv: invitations, user: users })
      .from(invitations)
      .innerJoin(users, eq(users.id, invitations.userId))
      .where(eq(invitations.id, invitationId))
      .for("update");
    if (!row) throw NotFound();
    // once a password is set the account no longer needs a link: use "reset password" instead
    if (row.inv.usedAt || row.user.passwordHash !== null) throw Conflict("admin:errors.invitation_already_accepted");
    if (row.user.disabledAt) throw Conflict("admin:errors.user_disabled");
    const issued = await issueInvitation(tx, deps, actor, row.user.id);
    await recordAudit(tx, actor, deps.now(), {
      action: "invitation.reissued",
      targetType: "user",
      targetId: row.user.id,
      details: { previousInvitationId: invitationId, invitationId: issued.invitationId, revoked: issued.revokedIds, expiresAt: issued.expiresAt.toISOString() },
    });
    return { invitationId: issued.invitationId, token: issued.token, expiresAt: issued.expiresAt, email: row.user.email, name: row.user.name };
  });
}
