import { randomUUID } from "node:crypto";
import { users } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Invalid } from "../errors";
import { isUniqueViolation } from "../office/db-errors";
import { assertAdministrator } from "../office/permissions";
import { EMAIL_TAKEN, UNKNOWN_AGENCY, agencyExists, emailTaken } from "../users/update-user";
import { parseInput } from "../validation";
import { inviteUserSchema } from "./schemas";
import { issueInvitation } from "./tokens";

/**
 * Creates the account without a password and a one-time link to set one. The
 * token is returned once, to be shown to the administrator; only its hash is kept.
 */
export async function inviteUser(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }) {
  assertAdministrator(actor);
  const data = parseInput(inviteUserSchema, input);
  try {
    return await withTransaction(deps, async (tx) => {
      const fieldErrors: Record<string, string[]> = {};
      if (await emailTaken(tx, data.email)) fieldErrors.email = [EMAIL_TAKEN];
      if (!(await agencyExists(tx, data.agencyId))) fieldErrors.agencyId = [UNKNOWN_AGENCY];
      if (Object.keys(fieldErrors).length) throw Invalid(fieldErrors);

      const now = deps.now();
      const userId = randomUUID();
      await tx.insert(users).values({ id: userId, ...data, phone: data.phone ?? null, passwordHash: null, createdAt: now, updatedAt: now });
      await recordAudit(tx, actor, now, {
        action: "user.created",
        targetType: "user",
        targetId: userId,
        details: { email: data.email, role: data.officeRole, agencyId: data.agencyId, method: "invitation" },
      });
      const issued = await issueInvitation(tx, deps, actor, userId);
      await recordAudit(tx, actor, now, {
        action: "user.invited",
        targetType: "user",
        targetId: userId,
        details: { invitationId: issued.invitationId, expiresAt: issued.expiresAt.toISOString() },
      });
      return { userId, invitationId: issued.invitationId, token: issued.token, expiresAt: issued.expiresAt };
    });
  } catch (err) {
    if (isUniqueViolation(err, "users_email_key")) throw Invalid({ email: [EMAIL_TAKEN] });
    throw err;
  }
}
