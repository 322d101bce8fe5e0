import { and, count, desc, eq, isNotNull, isNull, max, sql } from "drizzle-orm";
import { agencies, auditLog, invitations, users } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { NotFound } from "../errors";
import { invitationStatus } from "../invitations/schemas";
import { isActiveAdmin } from "../office/admins";
import { assertAdministrator } from "../office/permissions";
import type { OfficeRole, UiLanguage } from "../vocabulary";
import { userStatus } from "./schemas";

export const isUserId = (s: unknown): s is string => typeof s === "string" && /^[0-9A-Za-z_-]{8,64}$/.test(s);

/** One user as the administrator sees them: profile, account state, latest invitation. No secrets. */
export async function getUser(deps: ServiceDeps, { actor, userId }: { actor: Actor; userId: string }) {
  assertAdministrator(actor);
  if (!isUserId(userId)) throw NotFound();
  const now = deps.now();
  const [row] = await deps.db
    .select({ user: users, agencyName: agencies.name, agencyCountry: agencies.country })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.id, userId));
  if (!row) throw NotFound();
  const u = row.user;

  const [lastSignIn] = await deps.db
    .select({ at: max(auditLog.at) })
    .from(auditLog)
    .where(and(eq(auditLog.action, "auth.sign_in"), eq(auditLog.actorId, userId)));
  const [invitation] = await deps.db
    .select()
    .from(invitations)
    .where(eq(invitations.userId, userId))
    .orderBy(desc(invitations.createdAt))
    .limit(1);
  const [{ admins }] = (await deps.db
    .select({ admins: count() })
    .from(users)
    .where(and(eq(users.officeRole, "admin"), isNull(users.disabledAt), isNotNull(users.passwordHash)))) as [{ admins: number }];

  const activeAdmin = isActiveAdmin(u);
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    agencyId: u.agencyId,
    agencyName: row.agencyName,
    agencyCountry: row.agencyCountry,
    officeRole: u.officeRole as OfficeRole,
    phone: u.phone,
    languages: u.languages,
    timeZone: u.timeZone,
    locale: u.locale as UiLanguage,
    status: userStatus(u, now),
    hasPassword: u.passwordHash !== null,
    disabledAt: u.disabledAt?.toISOString() ?? null,
    lockedUntil: u.lockedUntil && u.lockedUntil.getTime() > now.getTime() ? u.lockedUntil.toISOString() : null,
    failedLogins: u.failedLogins,
    totpEnabled: u.totpEnabledAt !== null,
    totpEnabledAt: u.totpEnabledAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
    lastSignInAt: lastSignIn?.at ? new Date(lastSignIn.at).toISOString() : null,
    invitation: invitation
      ? { id: invitation.id, status: invitationStatus(invitation, now), createdAt: invitation.createdAt.toISOString(), expiresAt: invitation.expiresAt.toISOString() }
      : null,
    isSelf: actor.id === u.id,
    /** The only administrator who can sign in: cannot be disabled or lose the role. */
    isLastActiveAdmin: activeAdmin && Number(admins) <= 1,
  };
}
export type AdminUserDetail = Awaited<ReturnType<typeof getUser>>;

/** The command line names users by e-mail: their id, or NotFound. */
export async function findUserIdByEmail(deps: ServiceDeps, { actor, email }: { actor: Actor; email: string }): Promise<string> {
  assertAdministrator(actor);
  const [row] = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email.trim()})`);
  if (!row) throw NotFound("user_not_found");
  return row.id;
}
