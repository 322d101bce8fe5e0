// What every board verb needs: need-to-know through the owning operation, the lazily
// created board, serialised placement of cards, and field-level change records.
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../../db/client";
import {
  boardColumns,
  boardLabels,
  boards,
  operationMembers,
  taskAssignees,
  taskChecklistItems,
  taskComments,
  taskLabels,
  taskLinks,
  tasks,
} from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import type { Actor, ServiceDeps } from "../context";
import { Conflict, Forbidden, Invalid, NotFound, type DomainError } from "../errors";
import type { BoardChangedPayload, DomainEvent } from "../events";
import { getOperationForActor, type OperationAccess } from "../operations/access";
import { BOARD_COLUMN_PRESETS } from "../vocabulary";
import { evenRanks, rankAt } from "./rank";
import type { PlannedActionInput } from "./schemas";
import { loadTaskDetail, type PlannedActionView } from "./views";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === "string" && UUID.test(v);

/**
 * The id a verb acts on. A malformed or missing id is answered like an unknown one:
 * it names a record, it is not a form field.
 */
export function idFrom(input: unknown, key: string): string {
  const v = input && typeof input === "object" ? (input as Record<string, unknown>)[key] : undefined;
  if (!isUuid(v)) throw NotFound();
  return v;
}

export type BoardEntity = "task" | "column" | "label" | "checklist_item" | "comment" | "link";

/** The operation an entity belongs to, or NotFound; the id alone reveals nothing. */
async function operationOf(db: DbOrTx, entity: BoardEntity, id: string): Promise<string> {
  const rows =
    entity === "task"
      ? await db.select({ op: tasks.operationId }).from(tasks).where(eq(tasks.id, id))
      : entity === "column"
        ? await db.select({ op: boardColumns.operationId }).from(boardColumns).where(eq(boardColumns.id, id))
        : entity === "label"
          ? await db.select({ op: boardLabels.operationId }).from(boardLabels).where(eq(boardLabels.id, id))
          : entity === "checklist_item"
            ? await db
                .select({ op: tasks.operationId })
                .from(taskChecklistItems)
                .innerJoin(tasks, eq(tasks.id, taskChecklistItems.taskId))
                .where(eq(taskChecklistItems.id, id))
            : entity === "comment"
              ? await db.select({ op: tasks.operationId }).from(taskComments).innerJoin(tasks, eq(tasks.id, taskComments.taskId)).where(eq(taskComments.id, id))
              : await db.select({ op: taskLinks.operationId }).from(taskLinks).where(eq(taskLinks.id, id));
  if (!rows[0]) throw NotFound();
  return rows[0].op;
}

/**
 * Need-to-know for a verb addressed by an entity id: the entity's operation, through
 * the actor's membership. A caller that also names the operation must name the right one.
 */
export async function accessVia(
  deps: ServiceDeps,
  actor: Actor,
  entity: BoardEntity,
  id: string,
  operationId?: string,
): Promise<OperationAccess> {
  if (!actor.id) throw NotFound();
  const op = await operationOf(deps.db, entity, id);
  if (operationId !== undefined && operationId !== op) throw NotFound();
  return getOperationForActor(deps.db, op, actor, deps.now());
}

export function assertWritable(access: OperationAccess): void {
  if (access.readOnlyReason) throw Forbidden("read_only");
}

/** The board's shape (columns) is the operation leads' to decide. */
export function assertLead(access: OperationAccess): void {
  assertWritable(access);
  if (access.memberRole !== "lead") throw Forbidden("lead_only");
}

export const boardChanged = (payload: BoardChangedPayload): DomainEvent => ({ name: "board.changed", payload });

/**
 * Creates the board with its default columns the first time anyone needs it.
 * The board's primary key makes concurrent first visits create it exactly once.
 */
export async function ensureBoard(tx: Tx, operationId: string, actor: Actor, now: Date, emit: (e: DomainEvent) => void): Promise<void> {
  const created = await tx.insert(boards).values({ operationId, createdAt: now }).onConflictDoNothing().returning({ id: boards.operationId });
  if (created.length === 0) return;
  await tx.insert(boardColumns).values(
    BOARD_COLUMN_PRESETS.map((preset, position) => ({ operationId, preset, position, isDone: preset === "done", createdAt: now, updatedAt: now })),
  );
  await recordAudit(tx, actor, now, {
    action: "board.created",
    targetType: "board",
    targetId: operationId,
    operationId,
    details: { columns: [...BOARD_COLUMN_PRESETS] },
  });
  emit(boardChanged({ operationId, change: "board.created" }));
}

/** Serialises changes to the board's column set (adding, reordering, archiving). */
export async function lockBoard(tx: Tx, operationId: string): Promise<void> {
  await tx.select({ id: boards.operationId }).from(boards).where(eq(boards.operationId, operationId)).for("update");
}

export type ColumnRow = typeof boardColumns.$inferSelect;

/**
 * Locks an active column of this board for placing cards in it: placements in one
 * column are serialised, so two cards never compute the same slot and a renumbering
 * never races a move. Null when the column is not an active column of this board.
 */
export async function lockColumn(tx: Tx, operationId: string, columnId: string): Promise<ColumnRow | null> {
  if (!isUuid(columnId)) return null;
  const [col] = await tx
    .select()
    .from(boardColumns)
    .where(and(eq(boardColumns.id, columnId), eq(boardColumns.operationId, operationId), isNull(boardColumns.archivedAt)))
    .for("no key update");
  return col ?? null;
}

export async function firstColumn(tx: DbOrTx, operationId: string): Promise<ColumnRow | null> {
  const [col] = await tx
    .select()
    .from(boardColumns)
    .where(and(eq(boardColumns.operationId, operationId), isNull(boardColumns.archivedAt)))
    .orderBy(asc(boardColumns.position), asc(boardColumns.createdAt))
    .limit(1);
  return col ?? null;
}

export interface Placement {
  beforeTaskId?: string;
  afterTaskId?: string;
  position?: number;
}

async function cardsOf(tx: Tx, columnId: string, movingTaskId: string | null, lock: boolean) {
  const q = tx
    .select({ id: tasks.id, rank: tasks.rank })
    .from(tasks)
    .where(and(eq(tasks.columnId, columnId), movingTaskId ? ne(tasks.id, movingTaskId) : undefined))
    .orderBy(asc(tasks.rank));
  return lock ? q.for("update") : q;
}

function indexFor(rows: { id: string }[], where: Placement): number {
  if (where.beforeTaskId !== undefined || where.afterTaskId !== undefined) {
    const field = where.beforeTaskId !== undefined ? "beforeTaskId" : "afterTaskId";
    const at = rows.findIndex((r) => r.id === (where.beforeTaskId ?? where.afterTaskId));
    if (at < 0) throw Invalid({ [field]: ["boards:errors.anchor_not_in_column"] });
    return field === "beforeTaskId" ? at : at + 1;
  }
  return where.position !== undefined ? Math.min(where.position, rows.length) : rows.length;
}

/**
 * The rank for a card placed in a locked column. Renumbers the column (order kept)
 * in the rare case the chosen gap is too small to split.
 */
export async function rankInColumn(tx: Tx, columnId: string, where: Placement, movingTaskId: string | null): Promise<number> {
  const rows = await cardsOf(tx, columnId, movingTaskId, false);
  const rank = rankAt(
    rows.map((r) => r.rank),
    indexFor(rows, where),
  );
  if (rank !== null) return rank;

  // Renumbering writes other cards' rows: lock them, so one that is leaving the column
  // right now is either gone from this list or waits until we are done.
  const locked = await cardsOf(tx, columnId, movingTaskId, true);
  const index = indexFor(locked, where);
  const renumbered = evenRanks(locked.length);
  // Two steps, because a unique (column, rank) is checked row by row: first lift every
  // rank above any new one, then write the new ranks.
  await tx
    .update(tasks)
    .set({ rank: sql`${tasks.rank} + 1e10` })
    .where(eq(tasks.columnId, columnId));
  if (locked.length > 0) {
    const values = sql.join(
      locked.map((r, k) => sql`(${r.id}::uuid, ${renumbered[k]}::double precision)`),
      sql`, `,
    );
    await tx.execute(sql`update tasks set rank = v.rank from (values ${values}) as v(id, rank) where tasks.id = v.id and tasks.column_id = ${columnId}`);
  }
  const fresh = rankAt(renumbered, index);
  if (fresh === null) throw new Error("no rank after renumbering");
  return fresh;
}

/** Users among `userIds` who are not members of the operation. */
export async function notMembers(db: DbOrTx, operationId: string, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ id: operationMembers.userId })
    .from(operationMembers)
    .where(and(eq(operationMembers.operationId, operationId), inArray(operationMembers.userId, userIds)));
  const members = new Set(rows.map((r) => r.id));
  return userIds.filter((id) => !members.has(id));
}

export async function assertMembers(db: DbOrTx, operationId: string, userIds: string[], field: string, message: string): Promise<void> {
  if ((await notMembers(db, operationId, userIds)).length > 0) throw Invalid({ [field]: [message] });
}

export async function assertLabelsOnBoard(db: DbOrTx, operationId: string, labelIds: string[]): Promise<void> {
  if (labelIds.length === 0) return;
  const rows = await db
    .select({ id: boardLabels.id })
    .from(boardLabels)
    .where(and(eq(boardLabels.operationId, operationId), inArray(boardLabels.id, labelIds)))
    // held until commit, so a label being deleted meanwhile is either gone here or waits for us
    .for("key share");
  if (rows.length !== labelIds.length) throw Invalid({ labelIds: ["boards:errors.label_not_on_board"] });
}

export type Changes = Record<string, { from: unknown; to: unknown }>;

/** Values as they are stored in audit details: ISO strings for instants, sets and keys sorted. */
export function auditValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(auditValue).sort();
  if (v && typeof v === "object")
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, auditValue((v as Record<string, unknown>)[k])]),
    );
  return v === undefined ? null : v;
}

/** The keys that were given: an absent optional field means "unchanged", never "cleared". */
export function given<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Field-level before/after of the fields that really changed. */
export function changesBetween(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const out: Changes = {};
  for (const key of Object.keys(after)) {
    const from = auditValue(before[key]);
    const to = auditValue(after[key]);
    if (JSON.stringify(from) !== JSON.stringify(to)) out[key] = { from, to };
  }
  return out;
}

/** The unique constraint a database error violated, if that is what it was (either driver, wrapped or not). */
export function violatedUnique(err: unknown): string | null {
  let e = err as { code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (e.code === "23505") return String(e.constraint_name ?? e.constraint ?? "");
    e = e.cause as typeof e;
  }
  return null;
}

/**
 * The answer to a writer who saw an older version: Conflict carrying the task as it is
 * now, so the UI can show what changed and let the user decide.
 */
export async function staleTask(db: DbOrTx, taskId: string, now: Date): Promise<DomainError> {
  const current = await loadTaskDetail(db, taskId, now);
  return current ? Conflict("task_stale", { current }) : NotFound();
}

/** The planned-action columns of a task row: all set for a planned action, all null otherwise. */
export function plannedActionColumns(pa: PlannedActionInput | PlannedActionView | null) {
  return {
    actionKind: pa?.kind ?? null,
    placeLatitude: pa?.latitude ?? null,
    placeLongitude: pa?.longitude ?? null,
    placeRadiusM: pa?.radiusM ?? null,
    placeAddress: pa?.address ?? null,
    windowStart: pa ? new Date(pa.windowStart) : null,
    windowEnd: pa ? new Date(pa.windowEnd) : null,
  };
}

/** Replaces a task's assignees; returns who was added. */
export async function replaceAssignees(tx: Tx, taskId: string, from: string[], to: string[], actor: Actor, now: Date): Promise<string[]> {
  const removed = from.filter((id) => !to.includes(id));
  const added = to.filter((id) => !from.includes(id));
  if (removed.length) await tx.delete(taskAssignees).where(and(eq(taskAssignees.taskId, taskId), inArray(taskAssignees.userId, removed)));
  if (added.length) await tx.insert(taskAssignees).values(added.map((userId) => ({ taskId, userId, assignedAt: now, assignedBy: actor.id })));
  return added;
}

export async function replaceLabels(tx: Tx, operationId: string, taskId: string, from: string[], to: string[]): Promise<void> {
  const removed = from.filter((id) => !to.includes(id));
  const added = to.filter((id) => !from.includes(id));
  if (removed.length) await tx.delete(taskLabels).where(and(eq(taskLabels.taskId, taskId), inArray(taskLabels.labelId, removed)));
  if (added.length) await tx.insert(taskLabels).values(added.map((labelId) => ({ taskId, labelId, operationId })));
}
