import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { agencies, operations, users } from "../../../db/schema/index";

/** What a hit discloses about the other side: the officer to call, nothing about the case. */
export interface PointOfContact {
  name: string;
  agency: string;
  country: string;
  phone: string | null;
  email: string;
}

export async function contactsOf(db: DbOrTx, userIds: string[]): Promise<Map<string, PointOfContact>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, phone: users.phone, agency: agencies.name, country: agencies.country })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, { name: r.name, agency: r.agency, country: r.country, phone: r.phone, email: r.email }]));
}

/** National formats (a phone without +country) are read in the lead agency's country. */
export async function operationCountry(db: DbOrTx, operationId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ country: agencies.country })
    .from(operations)
    .innerJoin(agencies, eq(agencies.id, operations.leadAgencyId))
    .where(eq(operations.id, operationId));
  return row?.country;
}

export async function agencyCountry(db: DbOrTx, agencyId: string | null): Promise<string | undefined> {
  if (!agencyId) return undefined;
  const [row] = await db.select({ country: agencies.country }).from(agencies).where(eq(agencies.id, agencyId));
  return row?.country;
}
