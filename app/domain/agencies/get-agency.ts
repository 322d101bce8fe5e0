import { eq, sql } from "drizzle-orm";
import { agencies } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { NotFound } from "../errors";
import { assertAdministrator } from "../office/permissions";
import type { AgencyKind } from "../vocabulary";

export const isUuid = (s: unknown): s is string => typeof s === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

export async function getAgency(deps: ServiceDeps, { actor, agencyId }: { actor: Actor; agencyId: string }) {
  assertAdministrator(actor);
  if (!isUuid(agencyId)) throw NotFound();
  const [row] = await deps.db
    .select({
      id: agencies.id,
      name: agencies.name,
      country: agencies.country,
      kind: agencies.kind,
      createdAt: agencies.createdAt,
      updatedAt: agencies.updatedAt,
      // spelled out: drizzle leaves single-table columns unqualified, and "id" would bind to users.id
      userCount: sql<number>`(select count(*)::int from "users" u where u."agency_id" = "agencies"."id")`,
    })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (!row) throw NotFound();
  return {
    ...row,
    kind: row.kind as AgencyKind,
    userCount: Number(row.userCount),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Finds an agency by id or by name (case-insensitive) for the command line.
 * Several agencies may share a name across countries: all matches are returned.
 */
export async function findAgencies(deps: ServiceDeps, { actor, ref }: { actor: Actor; ref: string }) {
  assertAdministrator(actor);
  const needle = ref.trim();
  if (!needle) return [];
  const where = isUuid(needle) ? eq(agencies.id, needle) : sql`lower(${agencies.name}) = lower(${needle})`;
  const rows = await deps.db.select({ id: agencies.id, name: agencies.name, country: agencies.country, kind: agencies.kind }).from(agencies).where(where);
  return rows.map((r) => ({ ...r, kind: r.kind as AgencyKind }));
}
