import { asc, isNull, sql } from "drizzle-orm";
import { agencies, users } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { assertAdministrator } from "../office/permissions";
import type { OfficeRole } from "../vocabulary";

/** What the token form offers: every agency, and each agency's active accounts a token may act as. */
export async function apiTokenFormOptions(deps: ServiceDeps, { actor }: { actor: Actor }) {
  assertAdministrator(actor);
  const [agencyRows, userRows] = await Promise.all([
    deps.db.select({ id: agencies.id, name: agencies.name, country: agencies.country }).from(agencies).orderBy(asc(sql`lower(${agencies.name})`), asc(agencies.id)),
    deps.db
      .select({ id: users.id, name: users.name, email: users.email, agencyId: users.agencyId, officeRole: users.officeRole })
      .from(users)
      .where(isNull(users.disabledAt))
      .orderBy(asc(sql`lower(${users.name})`), asc(users.id)),
  ]);
  return {
    agencies: agencyRows,
    users: userRows.map((u) => ({ ...u, officeRole: u.officeRole as OfficeRole })),
  };
}
