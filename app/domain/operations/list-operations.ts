import { and, asc, count, eq, ilike, sql, type SQL } from "drizzle-orm";
import { agencies, operationMembers, operations } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import type { CrimeArea, MemberRole, OperationStatus } from "../vocabulary";
import { operationReadOnlyReason } from "./access";
import { OPERATIONS_PAGE_SIZE, operationListFiltersSchema, type OperationListFilters } from "./schemas";

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, "\\$&");

export interface OperationListItem {
  id: string;
  codeName: string;
  status: OperationStatus;
  memberRole: MemberRole;
  crimeAreas: CrimeArea[];
  leadAgencyName: string;
  leadAgencyCountry: string;
  memberCount: number;
  jitEnd: string | null;
  readOnlyReason: "jit_expired" | "closed" | null;
}

/** The actor's operations only (membership is the join), filtered and paginated. */
export async function listOperations(
  deps: ServiceDeps,
  { actor, input }: { actor: Actor; input: unknown },
): Promise<{ items: OperationListItem[]; total: number; page: number; pageSize: number; filters: OperationListFilters; countries: string[] }> {
  const filters = operationListFiltersSchema.parse(input ?? {});
  const pageSize = OPERATIONS_PAGE_SIZE;
  if (!actor.id) return { items: [], total: 0, page: 1, pageSize, filters, countries: [] };
  const membership = and(eq(operationMembers.operationId, operations.id), eq(operationMembers.userId, actor.id));
  const where: SQL[] = [];
  if (filters.status) where.push(eq(operations.status, filters.status));
  if (filters.crimeArea) where.push(sql`${filters.crimeArea} = any(${operations.crimeAreas})`);
  if (filters.country) where.push(eq(agencies.country, filters.country));
  if (filters.q) where.push(ilike(operations.codeName, `%${escapeLike(filters.q)}%`));

  const [totalRow] = await deps.db
    .select({ n: count() })
    .from(operations)
    .innerJoin(operationMembers, membership)
    .innerJoin(agencies, eq(agencies.id, operations.leadAgencyId))
    .where(and(...where));
  const total = Number(totalRow?.n ?? 0);
  const page = Math.min(filters.page, Math.max(1, Math.ceil(total / pageSize)));

  const rows = await deps.db
    .select({
      id: operations.id,
      codeName: operations.codeName,
      status: operations.status,
      memberRole: operationMembers.role,
      crimeAreas: operations.crimeAreas,
      leadAgencyName: agencies.name,
      leadAgencyCountry: agencies.country,
      memberCount: sql<number>`(select count(*)::int from operation_members m where m.operation_id = ${operations.id})`,
      jitEnd: operations.jitEnd,
    })
    .from(operations)
    .innerJoin(operationMembers, membership)
    .innerJoin(agencies, eq(agencies.id, operations.leadAgencyId))
    .where(and(...where))
    .orderBy(asc(sql`lower(${operations.codeName})`), asc(operations.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);

  const countryRows = await deps.db
    .selectDistinct({ country: agencies.country })
    .from(operations)
    .innerJoin(operationMembers, membership)
    .innerJoin(agencies, eq(agencies.id, operations.leadAgencyId))
    .orderBy(asc(agencies.country));

  const now = deps.now();
  return {
    items: rows.map((r) => ({
      ...r,
      status: r.status as OperationStatus,
      memberRole: r.memberRole as MemberRole,
      crimeAreas: r.crimeAreas as CrimeArea[],
      memberCount: Number(r.memberCount),
      readOnlyReason: operationReadOnlyReason(r, now),
    })),
    total,
    page,
    pageSize,
    filters: { ...filters, page },
    countries: countryRows.map((c) => c.country),
  };
}
