import { and, asc, count, eq, ilike, sql, type SQL } from "drizzle-orm";
import { agencies } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { assertAdministrator } from "../office/permissions";
import { agencyFiltersSchema } from "./schemas";
import type { AgencyKind } from "../vocabulary";

export interface AgencyListItem {
  id: string;
  name: string;
  country: string;
  kind: AgencyKind;
  userCount: number;
  updatedAt: string;
}

/** `%` and `_` in a search are literal characters, not wildcards. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The agencies directory, filtered and paginated (filters come from the URL and are forgiving). */
export async function listAgencies(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }) {
  assertAdministrator(actor);
  const f = agencyFiltersSchema.parse(input ?? {});
  const conditions: SQL[] = [];
  if (f.country) conditions.push(eq(agencies.country, f.country));
  if (f.kind) conditions.push(eq(agencies.kind, f.kind));
  if (f.q) conditions.push(ilike(agencies.name, likePattern(f.q)));
  const where = conditions.length ? and(...conditions) : undefined;

  const [{ total }] = (await deps.db.select({ total: count() }).from(agencies).where(where)) as [{ total: number }];
  const rows = await deps.db
    .select({
      id: agencies.id,
      name: agencies.name,
      country: agencies.country,
      kind: agencies.kind,
      updatedAt: agencies.updatedAt,
      // spelled out: drizzle leaves single-table columns unqualified, and "id" would bind to users.id
      userCount: sql<number>`(select count(*)::int from "users" u where u."agency_id" = "agencies"."id")`,
    })
    .from(agencies)
    .where(where)
    .orderBy(asc(agencies.country), asc(sql`lower(${agencies.name})`))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const items: AgencyListItem[] = rows.map((r) => ({
    ...r,
    kind: r.kind as AgencyKind,
    userCount: Number(r.userCount),
    updatedAt: r.updatedAt.toISOString(),
  }));
  return { items, total: Number(total), page: f.page, pageSize: f.pageSize, filters: f };
}

/** Every agency, for the pick lists of the user forms. */
export async function listAgencyOptions(deps: ServiceDeps, { actor }: { actor: Actor }) {
  assertAdministrator(actor);
  const rows = await deps.db
    .select({ id: agencies.id, name: agencies.name, country: agencies.country, kind: agencies.kind })
    .from(agencies)
    .orderBy(asc(agencies.country), asc(sql`lower(${agencies.name})`));
  return rows.map((r) => ({ ...r, kind: r.kind as AgencyKind }));
}
