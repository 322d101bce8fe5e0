import { and, count, desc, eq, gt, isNotNull, isNull, lte, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { agencies, invitations, users } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { assertAdministrator } from "../office/permissions";
import type { OfficeRole } from "../vocabulary";
import { invitationFiltersSchema, invitationStatus, type InvitationStatus } from "./schemas";

function statusCondition(status: InvitationStatus, now: Date): SQL {
  switch (status) {
    case "accepted":
      return isNotNull(invitations.usedAt);
    case "revoked":
      return and(isNull(invitations.usedAt), isNotNull(invitations.revokedAt))!;
    case "expired":
      return and(isNull(invitations.usedAt), isNull(invitations.revokedAt), lte(invitations.expiresAt, now))!;
    case "pending":
      return and(isNull(invitations.usedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now))!;
  }
}

/** Invitation and password-reset links, newest first. Tokens are never stored, so never listed. */
export async function listInvitations(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }) {
  assertAdministrator(actor);
  const f = invitationFiltersSchema.parse(input ?? {});
  const now = deps.now();
  const where = f.status ? statusCondition(f.status, now) : undefined;
  const creator = alias(users, "creator");
  const [{ total }] = (await deps.db.select({ total: count() }).from(invitations).where(where)) as [{ total: number }];
  const rows = await deps.db
    .select({
      id: invitations.id,
      userId: invitations.userId,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      usedAt: invitations.usedAt,
      revokedAt: invitations.revokedAt,
      name: users.name,
      email: users.email,
      officeRole: users.officeRole,
      userDisabledAt: users.disabledAt,
      agencyName: agencies.name,
      agencyCountry: agencies.country,
      createdByName: creator.name,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(creator, eq(creator.id, invitations.createdBy))
    .where(where)
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const items = rows.map((r) => {
    const status = invitationStatus(r, now);
    return {
      id: r.id,
      userId: r.userId,
      name: r.name,
      email: r.email,
      officeRole: r.officeRole as OfficeRole,
      agencyName: r.agencyName,
      agencyCountry: r.agencyCountry,
      createdByName: r.createdByName,
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      usedAt: r.usedAt?.toISOString() ?? null,
      revokedAt: r.revokedAt?.toISOString() ?? null,
      status,
      canRevoke: status === "pending",
      // accepted links are done; a disabled user gets no new link until enabled
      canReissue: status !== "accepted" && r.userDisabledAt === null,
    };
  });
  return { items, total: Number(total), page: f.page, pageSize: f.pageSize, filters: f };
}
