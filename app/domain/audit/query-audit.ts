// Reading the audit log: filters, keyset pages and the need-to-know view of each row.
import { and, asc, desc, eq, gt, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { auditLog, operationMembers, operations, users } from "../../../db/schema/index";
import type { Actor } from "../context";
import { isTimeZone } from "../users/schemas";
import { AUDIT_COUNT_CAP, AUDIT_FILTER_KEYS, AUDIT_PAGE_SIZE, type AuditFilter } from "./schemas";
import { utcRange } from "./time-range";

type AuditRecord = typeof auditLog.$inferSelect;

export interface AuditRowView {
  id: number;
  /** UTC, ISO 8601 */
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  /** codeName is null when the reader may not know which operation this is. */
  operation: { id: string; ref: string; codeName: string | null } | null;
  ip: string | null;
  /** null when withheld: the details of an operation's row are its content too. */
  details: Record<string, unknown> | null;
}

/** Office leads and administrators read the whole office's log. */
export const canReadOfficeLog = (actor: Actor) => actor.kind === "user" && (actor.officeRole === "admin" || actor.officeRole === "office_lead");

export const readerTimeZone = (tz: string | null | undefined) => (tz && isTimeZone(tz) ? tz : "UTC");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A short reference that says which rows belong together without naming the operation. */
export const opaqueRef = (id: string) => `#${id.replace(/-/g, "").slice(0, 8)}`;

function operationOf(row: Pick<AuditRecord, "operationId" | "targetType" | "targetId">): string | null {
  if (row.operationId) return row.operationId;
  if (row.targetType === "operation" && row.targetId && UUID.test(row.targetId)) return row.targetId;
  return null;
}

export function filterConditions(filter: AuditFilter, timeZone: string, scopeOperationId: string | null): SQL[] {
  const where: SQL[] = [];
  if (scopeOperationId) where.push(eq(auditLog.operationId, scopeOperationId));
  else if (filter.operation) where.push(eq(auditLog.operationId, filter.operation));
  if (filter.actor) where.push(eq(auditLog.actorId, filter.actor));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.outcome) where.push(eq(auditLog.outcome, filter.outcome));
  const range = utcRange(filter.from, filter.to, timeZone);
  if (range.from) where.push(gte(auditLog.at, range.from));
  if (range.to) where.push(lt(auditLog.at, range.to));
  return where;
}

/** The filters a reader applied, for the audit row that records the reading. */
export function filtersForAudit(filter: AuditFilter, timeZone: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of AUDIT_FILTER_KEYS) if (filter[k] !== undefined) out[k] = filter[k];
  if (filter.from || filter.to) {
    const range = utcRange(filter.from, filter.to, timeZone);
    out.timeZone = timeZone;
    if (range.from) out.fromUtc = range.from.toISOString();
    if (range.to) out.toUtc = range.to.toISOString();
  }
  return out;
}

/** Code names of those operations the reader may know: an admin all, anyone else their own. */
export async function knownOperationNames(db: DbOrTx, actor: Actor, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0 || !actor.id) return new Map();
  const rows =
    actor.officeRole === "admin"
      ? await db.select({ id: operations.id, codeName: operations.codeName }).from(operations).where(inArray(operations.id, unique))
      : await db
          .select({ id: operations.id, codeName: operations.codeName })
          .from(operations)
          .innerJoin(operationMembers, and(eq(operationMembers.operationId, operations.id), eq(operationMembers.userId, actor.id)))
          .where(inArray(operations.id, unique));
  return new Map(rows.map((r) => [r.id, r.codeName]));
}

export async function viewRows(db: DbOrTx, actor: Actor, rows: AuditRecord[]): Promise<AuditRowView[]> {
  const names = await knownOperationNames(
    db,
    actor,
    rows.map(operationOf).filter((x): x is string => x !== null)
  );
  return rows.map((r) => {
    const opId = operationOf(r);
    const codeName = opId ? names.get(opId) ?? null : null;
    return {
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorLabel: r.actorLabel,
      action: r.action,
      outcome: r.outcome,
      targetType: r.targetType,
      targetId: r.targetId,
      operation: opId ? { id: opId, ref: opaqueRef(opId), codeName } : null,
      ip: r.ip,
      details: opId && codeName === null ? null : r.details,
    };
  });
}

export interface AuditPage {
  rows: AuditRowView[];
  /** Cursor for the next newer page (`after`), or null at the newest. */
  newer: number | null;
  /** Cursor for the next older page (`before`), or null at the oldest. */
  older: number | null;
  /** Matching rows, counted up to AUDIT_COUNT_CAP. */
  total: { count: number; capped: boolean };
}

/** One keyset page, newest first: `before` walks to older rows, `after` back to newer ones. */
export async function readPage(db: DbOrTx, actor: Actor, where: SQL[], cursor: { before?: number; after?: number }): Promise<AuditPage> {
  const base = where.length ? and(...where) : undefined;
  const exists = async (cond: SQL) => (await db.select({ id: auditLog.id }).from(auditLog).where(and(base, cond)).limit(1)).length > 0;

  let records: AuditRecord[];
  let newer: number | null;
  let older: number | null;
  if (cursor.after !== undefined && cursor.before === undefined) {
    const ascending = await db
      .select()
      .from(auditLog)
      .where(and(base, gt(auditLog.id, cursor.after)))
      .orderBy(asc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE + 1);
    records = ascending.slice(0, AUDIT_PAGE_SIZE).reverse();
    newer = ascending.length > AUDIT_PAGE_SIZE ? records[0]!.id : null;
    // an empty page past the newest row still leads back to what came before the cursor
    const oldestShown = records.length ? records[records.length - 1]!.id : cursor.after + 1;
    older = (await exists(lt(auditLog.id, oldestShown))) ? oldestShown : null;
  } else {
    const cond = cursor.before !== undefined ? lt(auditLog.id, cursor.before) : undefined;
    const descending = await db
      .select()
      .from(auditLog)
      .where(and(base, cond))
      .orderBy(desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE + 1);
    records = descending.slice(0, AUDIT_PAGE_SIZE);
    older = descending.length > AUDIT_PAGE_SIZE ? records[records.length - 1]!.id : null;
    const newestShown = records.length ? records[0]!.id : (cursor.before ?? 1) - 1;
    newer = cursor.before !== undefined && (await exists(gt(auditLog.id, newestShown))) ? newestShown : null;
  }

  const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(
    db
      .select({ one: sql`1`.as("one") })
      .from(auditLog)
      .where(base)
      .limit(AUDIT_COUNT_CAP + 1)
      .as("matching")
  );
  const n = Number(counted?.n ?? 0);

  return {
    rows: await viewRows(db, actor, records),
    newer,
    older,
    total: { count: Math.min(n, AUDIT_COUNT_CAP), capped: n > AUDIT_COUNT_CAP },
  };
}

export interface AuditFilterOptions {
  actors: { id: string; label: string }[];
  operations: { id: string; codeName: string }[];
}

/** Choices for the filter selects: only operations the reader may know appear by name. */
export async function filterOptions(db: DbOrTx, actor: Actor, scopeOperationId: string | null): Promise<AuditFilterOptions> {
  const actorRows = scopeOperationId
    ? await db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .innerJoin(operationMembers, and(eq(operationMembers.userId, users.id), eq(operationMembers.operationId, scopeOperationId)))
        .orderBy(asc(users.name))
    : await db.select({ id: users.id, name: users.name, email: users.email }).from(users).orderBy(asc(users.name));
  let ops: { id: string; codeName: string }[] = [];
  if (!scopeOperationId && actor.id) {
    ops =
      actor.officeRole === "admin"
        ? await db.select({ id: operations.id, codeName: operations.codeName }).from(operations).orderBy(asc(operations.codeName))
        : await db
            .select({ id: operations.id, codeName: operations.codeName })
            .from(operations)
            .innerJoin(operationMembers, and(eq(operationMembers.operationId, operations.id), eq(operationMembers.userId, actor.id)))
            .orderBy(asc(operations.codeName));
  }
  return { actors: actorRows.map((u) => ({ id: u.id, label: `${u.name} <${u.email}>` })), operations: ops };
}
