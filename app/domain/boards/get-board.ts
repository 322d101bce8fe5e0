import { and, asc, eq, gte, ilike, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
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
  /** every card in the column, whatever the filter (what the WIP limit counts) */
  taskCount: number;
  /** the column's cards that match the filter (taskCount without one); `tasks` may hold fewer */
  matchCount: number;
  /** false when only the first cards of the column were loaded */
  complete: boolean;
  overWipLimit: boolean;
}

/**
 * How many cards to load: the first `perColumn` of each column (in card order) and
 * every card of the columns in `full` ("all": of every column). Without it, all cards.
 */
export interface BoardCardsWanted {
  perColumn: number;
  full?: string[] | "all";
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
  /** in column order, then card order: every matching card, or the ones `cards` asked for */
  tasks: TaskCard[];
  /** cards matching the filter over all columns (tasks.length when everything was loaded) */
  matchCount: number;
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
export async function getBoard(
  deps: ServiceDeps,
  { actor, operationId, input, cards }: { actor: Actor; operationId: string; input?: unknown; cards?: BoardCardsWanted },
): Promise<BoardView> {
  const access = await getOperationForActor(deps.db, operationId, actor, deps.now());
  const filter = parseInput(boardFilterSchema, input ?? {});
  const now = deps.now();
  const [board] = await deps.db.select({ id: boards.operationId }).from(boards).where(eq(boards.operationId, operationId));
  if (!board) await withTransaction(deps, (tx, emit) => ensureBoard(tx, operationId, actor, now, emit));

  const db = deps.db;
  const matching = and(eq(tasks.operationId, operationId), isNull(boardColumns.archivedAt), ...filterConditions(filter, now))!;
  // the first cards of each column: numbered in card order, per column, in one subquery
  const partial = cards && cards.full !== "all" ? cards : null;
  let loaded: SQL = matching;
  if (partial) {
    const ordered = db
      .select({ id: tasks.id, columnId: tasks.columnId, n: sql<number>`row_number() over (partition by ${tasks.columnId} order by ${tasks.rank})`.as("n") })
      .from(tasks)
      .innerJoin(boardColumns, eq(boardColumns.id, tasks.columnId))
      .where(matching)
      .as("ordered");
    const full = (Array.isArray(partial.full) ? partial.full : []).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    const wanted = db
      .select({ id: ordered.id })
      .from(ordered)
      .where(full.length ? or(lte(ordered.n, partial.perColumn), inArray(ordered.columnId, full)) : lte(ordered.n, partial.perColumn));
    loaded = inArray(tasks.id, wanted);
  }
  const [columnRows, labelRows, memberRows, taskRows, assignees, taskLabelMap, matchRows] = await Promise.all([
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
      .where(partial ? and(eq(tasks.operationId, operationId), loaded) : matching)
      .orderBy(asc(boardColumns.position), asc(boardColumns.createdAt), asc(tasks.rank)),
    assigneesOf(db, partial ? loaded : eq(tasks.operationId, operationId)),
    labelsOf(db, partial ? loaded : eq(tasks.operationId, operationId)),
    // without a filter every card matches: the column's own count says it
    Object.keys(filter).length === 0
      ? Promise.resolve(null)
      : db
          .select({ columnId: tasks.columnId, n: sql<number>`count(*)::int` })
          .from(tasks)
          .innerJoin(boardColumns, eq(boardColumns.id, tasks.columnId))
          .where(matching)
          .groupBy(tasks.columnId),
  ]);

  const matchCounts = matchRows ? new Map(matchRows.map((r) => [r.columnId, Number(r.n)])) : null;
  const loadedCounts = new Map<string, number>();
  for (const r of taskRows) loadedCounts.set(r.task.columnId, (loadedCounts.get(r.task.columnId) ?? 0) + 1);
  const columns = columnRows.map(({ col, taskCount }) => {
    const matchCount = matchCounts ? (matchCounts.get(col.id) ?? 0) : Number(taskCount);
    return {
      id: col.id,
      name: col.name,
      preset: col.preset as BoardColumnPreset | null,
      position: col.position,
      wipLimit: col.wipLimit,
      isDone: col.isDone,
      taskCount: Number(taskCount),
      matchCount,
      complete: (loadedCounts.get(col.id) ?? 0) >= matchCount,
      overWipLimit: col.wipLimit !== null && Number(taskCount) > col.wipLimit,
    };
  });
  const readOnly = access.readOnlyReason !== null;
  return {
    operation: { id: access.operation.id, codeName: access.operation.codeName, status: access.operation.status },
    memberRole: access.memberRole,
    readOnlyReason: access.readOnlyReason,
    canEdit: !readOnly,
    canManageColumns: !readOnly && access.memberRole === "lead",
    columns,
    labels: labelRows.map((l) => ({ ...l, colour: l.colour as LabelColour })),
    members: memberRows.map((m) => ({ ...m, role: m.role as MemberRole })),
    tasks: taskRows.map((r) => toCard(r, now, assignees.get(r.task.id) ?? [], taskLabelMap.get(r.task.id) ?? [])),
    matchCount: columns.reduce((n, c) => n + c.matchCount, 0),
    filter,
  };
}
