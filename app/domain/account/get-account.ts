import { eq } from "drizzle-orm";
import { agencies, users } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { Forbidden, NotFound } from "../errors";
import type { AgencyKind, OfficeRole, UiLanguage } from "../vocabulary";

/** The signed-in user's own profile and preferences. */
export async function getAccount(deps: ServiceDeps, { actor }: { actor: Actor }) {
  if (actor.kind !== "user" || !actor.id) throw Forbidden();
  const [row] = await deps.db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      officeRole: users.officeRole,
      locale: users.locale,
      timeZone: users.timeZone,
      phone: users.phone,
      languages: users.languages,
      totpEnabledAt: users.totpEnabledAt,
      agencyName: agencies.name,
      agencyCountry: agencies.country,
      agencyKind: agencies.kind,
    })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.id, actor.id));
  if (!row) throw NotFound();
  return {
    ...row,
    officeRole: row.officeRole as OfficeRole,
    locale: row.locale as UiLanguage,
    agencyKind: row.agencyKind as AgencyKind,
    totpEnabledAt: row.totpEnabledAt?.toISOString() ?? null,
  };
}
