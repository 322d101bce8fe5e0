import { and, asc, eq, sql } from "drizzle-orm";
import { agencies, operationMembers, operations } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { operationReadOnlyReason } from "./access";

/** The actor's own operations (membership in the query), for the dashboard. */
export async function listMyOperations(deps: ServiceDeps, { actor }: { actor: Actor }) {
  if (!actor.id) return [];
  const rows = await deps.db
    .select({
      id: operations.id,
      codeName: operations.codeName,
      summary: operations.summary,
      status: operations.status,
      crimeAreas: operations.crimeAreas,
      jitEnd: operations.jitEnd,
      leadAgencyName: agencies.name,
      leadAgencyCountry: agencies.country,
      memberRole: operationMembers.role,
      memberCount: sql<number>`(select count(*)::int from operation_members m where m.operation_id = ${operations.id})`,
    })
    .from(operations)
    .innerJoin(operationMembers, and(eq(operationMembers.operationId, operations.id), eq(operationMembers.userId, actor.id)))
    .innerJoin(agencies, eq(agencies.id, operations.leadAgencyId))
    .orderBy(asc(operations.codeName));
  const now = deps.now();
  return rows.map((r) => ({ ...r, readOnlyReason: operationReadOnlyReason(r, now) }));
}
