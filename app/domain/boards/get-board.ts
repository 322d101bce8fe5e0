import { and, asc, eq, gte, ilike, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { agencies, boardColumns, boardLabels, boards, operationMembers, tasks, users } from "../../../db/schema/index";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { getOperationForActor } from "../operations/access";
import { parseInput } from "../validation";
import type { BoardColumnPreset, LabelColour, MemberRole } from "../vocabulary";
import { boardFilterSchema, type BoardFilter } from "./schemas";
import { ensureBoard } from "./support";
import { assigneesOf, cardListColumns, labelsOf, outer, toCard, type LabelView, type PersonView, type TaskCard } from "./views";

export interface ColumnView {
  id: string;
  /** null while a default column keeps its translated name: show t(`boards:columns.${preset}`) */
  name: string | null;
  preset: BoardColumnPreset | null;
  position: number;
  wipLimit: number | null;
  isDone: boolean;
  /** every card in the column, whatever the filter */
  taskCount: number;
  overWipLimit: boolean;
}

export interface BoardView {
  operation: { id: string; codeName: string; status: string };
  memberRole: MemberRole;
  readOnlyReason: "observer" | "jit_expired" | "closed" | null;
  canEdit: boolean;
  canManageColumns: boolean;
  columns: ColumnView[];
  labels: LabelView[];
  /** everyone who may be assigned or mentioned */
  members: (PersonView & { role: MemberRole })[];
  /** in column order, then card order */
  tasks: TaskCard[];
  filter: BoardFilter;
}

/** Monday 00:00 UTC of the week containing `now`, and the Monday after. */
export function utcWeek(now: Date): { start: Date; end: Date } {
  const day = (now.getUTCDay() + 6) % 7; // Monday = 0
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - day));
  return { start, end: new Date(start.getTime() + 7 * 86_400_000) };
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function filterConditions(filter: BoardFilter, now: Date): SQL[] {
  const where: SQL[] = [];
  if (filter.assigneeId === "none") where.push(sql`not exists (select 1 from task_assignees ta where ta.task_id = ${outer.taskId})`);
  else if (filter.assigneeId)
    where.push(sql`exists (select 1 from task_assignees ta where ta.task_id = ${outer.taskId} and ta.user_id = ${filter.assigneeId})`);
  if (filter.agencyId)
    where.push(
      sql`exists (select 1 from task_assignees ta join users u on u.id = ta.user_id where ta.task_id = ${outer.taskId} and u.agency_id = ${filter.agencyId})`,
    );
  if (filter.country)
    where.push(
      sql`exists (select 1 from task_assignees ta join users u on u.id = ta.user_id join agencies a on a.id = u.agency_id
                  where ta.task_id = ${outer.taskId} and a.country = ${filter.country})`,
    );
  if (filter.labelId) where.push(sql`exists (select 1 from task_labels tl where tl.task_id = ${outer.taskId} and tl.label_id = ${filter.labelId})`);
  if (filter.priority) where.push(eq(tasks.priority, filter.priority));
  if (filter.type) where.push(eq(tasks.type, filter.type));
  if (filter.due === "overdue") where.push(and(lt(tasks.dueAt, now), eq(boardColumns.isDone, false))!);
  if (filter.due === "none") where.push(isNull(tasks.dueAt));
  if (filter.due === "this_week") {
    const week = utcWeek(now);
    where.push(and(gte(tasks.dueAt, week.start), lt(tasks.dueAt, week.end))!);
  }
  if (filter.q) where.push(or(ilike(tasks.title, likePattern(filter.q)), ilike(tasks.description, likePattern(filter.q)))!);
  return where;
}

/**
 * The operation's board: columns, labels, members and the (filtered) cards, in a fixed
 * number of queries. The first visit creates the default columns.
 */
export async function getBoard(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId: string; input?: unknown }): Promise<BoardView> {
  const access = await getOperationForActor(deps.db, operationId, actor, deps.now());
  const filter = parseInput(boardFilterSchema, input ?? {});
  const now = deps.now();
  const [board] = await deps.db.select({ id: boards.operationId }).from(boards).where(eq(boards.operationId, operationId));
  if (!board) await withTransaction(deps, (tx, emit) => ensureBoard(tx, operationId, actor, now, emit));

  const db = deps.db;
  const inBoard = eq(tasks.operationId, operationId);
  const [columnRows, labelRows, memberRows, taskRows, assignees, taskLabelMap] = await Promise.all([
    db
      .select({ col: boardColumns, taskCount: sql<number>`(select count(*)::int from tasks t where t.column_id = ${outer.columnId})` })
      .from(boardColumns)
      .where(and(eq(boardColumns.operationId, operationId), isNull(boardColumns.archivedAt)))
      .orderBy(asc(boardColumns.position), asc(boardColumns.createdAt)),
    db
      .select({ id: boardLabels.id, name: boardLabels.name, colour: boardLabels.colour })
      .from(boardLabels)
      .where(eq(boardLabels.operationId, operationId))
      .orderBy(asc(sql`lower(${boardLabels.name})`)),
    db
      .select({ id: users.id, name: users.name, agencyId: agencies.id, agencyName: agencies.name, country: agencies.country, role: operationMembers.role })
      .from(operationMembers)
      .innerJoin(users, eq(users.id, operationMembers.userId))
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(and(eq(operationMembers.operationId, operationId), isNull(users.disabledAt)))
      .orderBy(asc(users.name), asc(users.id)),
    db
      .select(cardListColumns)
      .from(tasks)
      .innerJoin(boardColumns, eq(boardColumns.id, tasks.columnId))
      .where(and(inBoard, isNull(boardColumns.archivedAt), ...filterConditions(filter, now)))
      .orderBy(asc(boardColumns.position), asc(boardColumns.createdAt), asc(tasks.rank)),
    assigneesOf(db, inBoard),
    labelsOf(db, inBoard),
  ]);

  const readOnly = access.readOnlyReason !== null;
  return {
    operation: { id: access.operation.id, codeName: access.operation.codeName, status: access.operation.status },
    memberRole: access.memberRole,
    readOnlyReason: access.readOnlyReason,
    canEdit: !readOnly,
    canManageColumns: !readOnly && access.memberRole === "lead",
    columns: columnRows.map(({ col, taskCount }) => ({
      id: col.id,
      name: col.name,
      preset: col.preset as BoardColumnPreset | null,
      position: col.position,
      wipLimit: col.wipLimit,
      isDone: col.isDone,
      taskCount: Number(taskCount),
      overWipLimit: col.wipLimit !== null && Number(taskCount) > col.wipLimit,
    })),
    labels: labelRows.map((l) => ({ ...l, colour: l.colour as LabelColour })),
    members: memberRows.map((m) => ({ ...m, role: m.role as MemberRole })),
    tasks: taskRows.map((r) => toCard(r, now, assignees.get(r.task.id) ?? [], taskLabelMap.get(r.task.id) ?? [])),
    filter,
  };
}
