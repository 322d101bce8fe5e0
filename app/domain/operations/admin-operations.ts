// The administrator's view of operations: the frame (code name, status, lead
// agency, agreement, members) and never the content. Opening it is not a
// consultation of the operation, so it writes no operation.opened row.
import { and, asc, count, eq, ilike, sql, type SQL } from "drizzle-orm";
import { agencies, operations } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { Forbidden, NotFound } from "../errors";
import type { OperationStatus } from "../vocabulary";
import { isUuid, operationReadOnlyReason, type OperationRow } from "./access";
import { escapeLike } from "./list-operations";
import { findMembership } from "./membership";
import { OPERATIONS_PAGE_SIZE, adminOperationFiltersSchema, type AdminOperationFilters } from "./schemas";
import { loadCandidates, loadMembers } from "./views";
import type { DbOrTx } from "../../../db/client";

export function assertAdmin(actor: Actor): void {
  if (actor.kind !== "user" || !actor.id || actor.officeRole !== "admin") throw Forbidden();
}

export interface AdminOperationItem {
  id: string;
  codeName: string;
  status: OperationStatus;
  leadAgencyName: string;
  leadAgencyCountry: string;
  memberCount: number;
  jitEnd: string | null;
  readOnlyReason: "jit_expired" | "closed" | null;
}

export async function adminListOperations(
  deps: ServiceDeps,
  { actor, input }: { actor: Actor; input: unknown },
): Promise<{ items: AdminOperationItem[]; total: number; page: number; pageSize: number; filters: AdminOperationFilters }> {
  assertAdmin(actor);
  const filters = adminOperationFiltersSchema.parse(input ?? {});
  const pageSize = OPERATIONS_PAGE_SIZE;
  const where: SQL[] = [];
  if (filters.status) where.push(eq(operations.status, filters.status));
  if (filters.q) where.push(ilike(operations.codeName, `%${escapeLike(filters.q)}%`));
  const [totalRow] = await deps.db.select({ n: count() }).from(operations).where(and(...where));
  const total = Number(totalRow?.n ?? 0);
  const page = Math.min(filters.page, Math.max(1, Math.ceil(total / pageSize)));
  const rows = await deps.db
    .select({
      id: operations.id,
      codeName: operations.codeName,
      status: operations.status,
      leadAgencyName: agencies.name,
      leadAgencyCountry: agencies.country,
      memberCount: sql<number>`(select count(*)::int from operation_members m where m.operation_id = ${operations.id})`,
      jitEnd: operations.jitEnd,
    })
    .from(operations)
    .innerJoin(agencies, eq(agencies.id, operations.leadAgencyId))
    .where(and(...where))
    .orderBy(asc(sql`lower(${operations.codeName})`), asc(operations.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const now = deps.now();
  return {
    items: rows.map((r) => ({ ...r, status: r.status as OperationStatus, memberCount: Number(r.memberCount), readOnlyReason: operationReadOnlyReason(r, now) })),
    total,
    page,
    pageSize,
    filters: { ...filters, page },
  };
}

export interface OperationFrame {
  id: string;
  codeName: string;
  status: OperationStatus;
  version: number;
  jitReference: string | null;
  jitStart: string | null;
  jitEnd: string | null;
  leadAgency: { name: string; country: string };
  readOnlyReason: "jit_expired" | "closed" | null;
}

export async function loadOperationFrame(db: DbOrTx, row: OperationRow, now: Date): Promise<OperationFrame> {
  const [lead] = await db.select({ name: agencies.name, country: agencies.country }).from(agencies).where(eq(agencies.id, row.leadAgencyId));
  return {
    id: row.id,
    codeName: row.codeName,
    status: row.status as OperationStatus,
    version: row.version,
    jitReference: row.jitReference,
    jitStart: row.jitStart,
    jitEnd: row.jitEnd,
    leadAgency: lead!,
    readOnlyReason: operationReadOnlyReason(row, now),
  };
}

/** One operation for the administrator: its frame and membership, no content. */
export async function adminGetOperation(deps: ServiceDeps, { actor, operationId }: { actor: Actor; operationId: string }) {
  assertAdmin(actor);
  if (!isUuid(operationId)) throw NotFound();
  const [row] = await deps.db.select().from(operations).where(eq(operations.id, operationId));
  if (!row) throw NotFound();
  return {
    operation: await loadOperationFrame(deps.db, row, deps.now()),
    members: await loadMembers(deps.db, row.id),
    candidates: await loadCandidates(deps.db, row.id),
    isMember: (await findMembership(deps.db, row.id, actor.id!)) !== null,
  };
}
