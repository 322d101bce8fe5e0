import { and, asc, count, eq, gt, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { agencies, auditLog, users } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { likePattern } from "../agencies/list-agencies";
import { assertAdministrator } from "../office/permissions";
import type { OfficeRole, UiLanguage } from "../vocabulary";
import { userFiltersSchema, userStatus, type UserStatus } from "./schemas";

export interface UserListItem {
  id: string;
  name: string;
  email: string;
  agencyId: string;
  agencyName: string;
  agencyCountry: string;
  officeRole: OfficeRole;
  locale: UiLanguage;
  status: UserStatus;
  totpEnabled: boolean;
  lastSignInAt: string | null;
}

export function statusCondition(status: UserStatus, now: Date): SQL {
  switch (status) {
    case "disabled":
      return isNotNull(users.disabledAt);
    case "invited":
      return and(isNull(users.disabledAt), isNull(users.passwordHash))!;
    case "locked":
      return and(isNull(users.disabledAt), isNotNull(users.passwordHash), gt(users.lockedUntil, now))!;
    case "active":
      return and(isNull(users.disabledAt), isNotNull(users.passwordHash), or(isNull(users.lockedUntil), lte(users.lockedUntil, now)))!;
  }
}

/** The users directory: filters from the URL, one page, with each user's last successful sign-in. */
export async function listUsers(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }) {
  assertAdministrator(actor);
  const f = userFiltersSchema.parse(input ?? {});
  const now = deps.now();
  const conditions: SQL[] = [];
  if (f.agency) conditions.push(eq(users.agencyId, f.agency));
  if (f.role) conditions.push(eq(users.officeRole, f.role));
  if (f.status) conditions.push(statusCondition(f.status, now));
  if (f.q) {
    const p = likePattern(f.q);
    conditions.push(or(sql`${users.name} ilike ${p}`, sql`${users.email} ilike ${p}`)!);
  }
  const where = conditions.length ? and(...conditions) : undefined;

  const [{ total }] = (await deps.db.select({ total: count() }).from(users).where(where)) as [{ total: number }];
  const rows = await deps.db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      agencyId: users.agencyId,
      agencyName: agencies.name,
      agencyCountry: agencies.country,
      officeRole: users.officeRole,
      locale: users.locale,
      disabledAt: users.disabledAt,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      lockedUntil: users.lockedUntil,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(where)
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);

  // one indexed lookup for the page, not one per row
  const lastSignIn = new Map<string, string>();
  if (rows.length > 0) {
    const signIns = await deps.db
      .select({ userId: auditLog.actorId, at: sql<Date | string>`max(${auditLog.at})` })
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.sign_in"), inArray(auditLog.actorId, rows.map((r) => r.id))))
      .groupBy(auditLog.actorId);
    for (const s of signIns) if (s.userId) lastSignIn.set(s.userId, new Date(s.at).toISOString());
  }

  const items: UserListItem[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    agencyId: r.agencyId,
    agencyName: r.agencyName,
    agencyCountry: r.agencyCountry,
    officeRole: r.officeRole as OfficeRole,
    locale: r.locale as UiLanguage,
    status: userStatus({ disabledAt: r.disabledAt, hasPassword: Boolean(r.hasPassword), lockedUntil: r.lockedUntil }, now),
    totpEnabled: r.totpEnabledAt !== null,
    lastSignInAt: lastSignIn.get(r.id) ?? null,
  }));
  return { items, total: Number(total), page: f.page, pageSize: f.pageSize, filters: f };
}
