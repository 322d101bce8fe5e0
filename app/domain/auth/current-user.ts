import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { agencies, rolePolicies, users } from "../../../db/schema/index";
import type { Actor } from "../context";
import type { OfficeRole, UiLanguage } from "../vocabulary";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  agencyId: string;
  agencyName: string;
  agencyCountry: string;
  officeRole: OfficeRole;
  locale: UiLanguage;
  timeZone: string;
  totpEnabled: boolean;
  /** The office requires a second factor for this role and the user has none yet. */
  mustEnrolTotp: boolean;
}

export async function loadCurrentUser(db: DbOrTx, userId: string): Promise<CurrentUser | null> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      agencyId: users.agencyId,
      agencyName: agencies.name,
      agencyCountry: agencies.country,
      officeRole: users.officeRole,
      locale: users.locale,
      timeZone: users.timeZone,
      totpEnabledAt: users.totpEnabledAt,
      disabledAt: users.disabledAt,
      requireTotp: rolePolicies.requireTotp,
    })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(rolePolicies, eq(rolePolicies.role, users.officeRole))
    .where(eq(users.id, userId));
  if (!row || row.disabledAt) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    agencyId: row.agencyId,
    agencyName: row.agencyName,
    agencyCountry: row.agencyCountry,
    officeRole: row.officeRole as OfficeRole,
    locale: row.locale as UiLanguage,
    timeZone: row.timeZone,
    totpEnabled: row.totpEnabledAt !== null,
    mustEnrolTotp: row.totpEnabledAt === null && row.requireTotp === true,
  };
}

export function actorFor(user: CurrentUser, ip: string | null): Actor {
  return { kind: "user", id: user.id, label: `${user.name} <${user.email}>`, officeRole: user.officeRole, agencyId: user.agencyId, ip };
}
