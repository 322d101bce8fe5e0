import { eq } from "drizzle-orm";
import { invitations } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Conflict, NotFound } from "../errors";
import { isUuid } from "../agencies/get-agency";
import { assertAdministrator } from "../office/permissions";
import { invitationStatus } from "./schemas";

export async function revokeInvitation(deps: ServiceDeps, { actor, invitationId }: { actor: Actor; invitationId: string }) {
  assertAdministrator(actor);
  if (!isUuid(invitationId)) throw NotFound();
  await withTransaction(deps, async (tx) => {
    const [inv] = await tx.select().from(invitations).where(eq(invitations.id, invitationId)).for("update");
    if (!inv) throw NotFound();
    const now = deps.now();
    if (invitationStatus(inv, now) !== "pending") throw Conflict("admin:errors.invitation_not_pending");
    await tx.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, invitationId));
    await recordAudit(tx, actor, now, { action: "invitation.revoked", targetType: "user", targetId: inv.userId, details: { invitationId } });
  });
}
