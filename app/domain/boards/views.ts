// How cards and tasks are read: a fixed number of queries per view, never one per card.
import { aliasedTable, and, asc, eq, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import {
  agencies,
  boardColumns,
  boardLabels,
  taskAssignees,
  taskChecklistItems,
  taskComments,
  taskLabels,
  taskLinks,
  tasks,
  users,
} from "../../../db/schema/index";
import type { BoardColumnPreset, HandlingCode, LabelColour, PlannedActionKind, TaskLinkKind, TaskPriority, TaskType } from "../vocabulary";

export interface PersonView {
  id: string;
  name: string;
  agencyId: string;
  agencyName: string;
  /** ISO 3166 alpha-2 of the person's agency */
  country: string;
}

export interface AssigneeView extends PersonView {
  /** false once the person has left the operation: the card still shows them until reassigned */
  isMember: boolean;
}

export interface LabelView {
  id: string;
  name: string;
  colour: LabelColour;
}

export interface PlannedActionView {
  kind: PlannedActionKind;
  latitude: number;
  longitude: number;
  radiusM: number;
  address: string | null;
  windowStart: string;
  windowEnd: string;
}

/** What a board shows of a task. Instants are ISO 8601 UTC strings. */
export interface TaskCard {
  id: string;
  operationId: string;
  columnId: string;
  rank: number;
  title: string;
  dueAt: string | null;
  overdue: boolean;
  priority: TaskPriority;
  handlingCode: HandlingCode;
  type: TaskType;
  actionKind: PlannedActionKind | null;
  version: number;
  assignees: AssigneeView[];
  labels: LabelView[];
  checklist: { done: number; total: number };
  commentCount: number;
  updatedAt: string;
}

export interface ChecklistItemView {
  id: string;
  text: string;
  done: boolean;
  position: number;
}

export interface CommentView {
  id: string;
  body: string;
  author: PersonView;
  mentions: string[];
  createdAt: string;
  editedAt: string | null;
  edited: boolean;
}

export interface LinkView {
  id: string;
  kind: TaskLinkKind;
  /** outgoing: this task → other ("this blocks other"); incoming: other → this */
  direction: "outgoing" | "incoming";
  task: { id: string; title: string; columnId: string; version: number };
}

export interface TaskDetail extends TaskCard {
  description: string;
  plannedAction: PlannedActionView | null;
  column: { id: string; name: string | null; preset: BoardColumnPreset | null; isDone: boolean };
  checklistItems: ChecklistItemView[];
  comments: CommentView[];
  links: LinkView[];
  createdBy: string | null;
  createdAt: string;
}

export type TaskRow = typeof tasks.$inferSelect;

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function plannedActionOf(row: TaskRow): PlannedActionView | null {
  if (row.type !== "planned_action" || !row.actionKind || !row.windowStart || !row.windowEnd) return null;
  return {
    kind: row.actionKind as PlannedActionKind,
    latitude: row.placeLatitude!,
    longitude: row.placeLongitude!,
    radiusM: row.placeRadiusM!,
    address: row.placeAddress,
    windowStart: iso(row.windowStart)!,
    windowEnd: iso(row.windowEnd)!,
  };
}

// Correlated subqueries name the outer row explicitly: drizzle leaves columns unqualified
// in single-table queries, where "id" would silently bind to the subquery's own table.
export const outer = {
  taskId: sql.raw(`"tasks"."id"`),
  taskOperationId: sql.raw(`"tasks"."operation_id"`),
  userId: sql.raw(`"users"."id"`),
  columnId: sql.raw(`"board_columns"."id"`),
};

/** The card columns of a task query, with checklist progress and comment count as subqueries. */
export const cardColumns = {
  task: tasks,
  isDone: boardColumns.isDone,
  checklistDone: sql<number>`(select count(*)::int from task_checklist_items ci where ci.task_id = ${outer.taskId} and ci.done)`,
  checklistTotal: sql<number>`(select count(*)::int from task_checklist_items ci where ci.task_id = ${outer.taskId})`,
  commentCount: sql<number>`(select count(*)::int from task_comments tc where tc.task_id = ${outer.taskId})`,
};

/**
 * The same card columns without the task's description and place: what a board or a
 * list shows. A board of hundreds of cards would otherwise carry every description.
 */
export const cardListColumns = {
  ...cardColumns,
  task: {
    id: tasks.id,
    operationId: tasks.operationId,
    columnId: tasks.columnId,
    rank: tasks.rank,
    title: tasks.title,
    dueAt: tasks.dueAt,
    priority: tasks.priority,
    handlingCode: tasks.handlingCode,
    type: tasks.type,
    actionKind: tasks.actionKind,
    version: tasks.version,
    updatedAt: tasks.updatedAt,
  },
};

type CardTask = Pick<TaskRow, keyof typeof cardListColumns.task>;
type CardRow = { task: CardTask; isDone: boolean; checklistDone: number; checklistTotal: number; commentCount: number };

export function toCard(r: CardRow, now: Date, assignees: AssigneeView[], labels: LabelView[]): TaskCard {
  const t = r.task;
  return {
    id: t.id,
    operationId: t.operationId,
    columnId: t.columnId,
    rank: t.rank,
    title: t.title,
    dueAt: iso(t.dueAt),
    overdue: !r.isDone && t.dueAt !== null && t.dueAt.getTime() < now.getTime(),
    priority: t.priority as TaskPriority,
    handlingCode: t.handlingCode as HandlingCode,
    type: t.type as TaskType,
    actionKind: t.actionKind as PlannedActionKind | null,
    version: t.version,
    assignees,
    labels,
    checklist: { done: Number(r.checklistDone), total: Number(r.checklistTotal) },
    commentCount: Number(r.commentCount),
    updatedAt: iso(t.updatedAt)!,
  };
}

const personColumns = { id: users.id, name: users.name, agencyId: agencies.id, agencyName: agencies.name, country: agencies.country };

/** Assignees of every task matching `where` (a condition on tasks), grouped by task. */
export async function assigneesOf(db: DbOrTx, where: SQL): Promise<Map<string, AssigneeView[]>> {
  const rows = await db
    .select({
      taskId: taskAssignees.taskId,
      ...personColumns,
      isMember: sql<boolean>`exists (select 1 from operation_members m where m.operation_id = ${outer.taskOperationId} and m.user_id = ${outer.userId})`,
    })
    .from(taskAssignees)
    .innerJoin(tasks, eq(tasks.id, taskAssignees.taskId))
    .innerJoin(users, eq(users.id, taskAssignees.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(where)
    .orderBy(asc(users.name), asc(users.id));
  const out = new Map<string, AssigneeView[]>();
  for (const { taskId, ...a } of rows) {
    const list = out.get(taskId) ?? [];
    list.push({ ...a, isMember: a.isMember === true });
    out.set(taskId, list);
  }
  return out;
}

/** Labels of every task matching `where`, grouped by task, in name order. */
export async function labelsOf(db: DbOrTx, where: SQL): Promise<Map<string, LabelView[]>> {
  const rows = await db
    .select({ taskId: taskLabels.taskId, id: boardLabels.id, name: boardLabels.name, colour: boardLabels.colour })
    .from(taskLabels)
    .innerJoin(tasks, eq(tasks.id, taskLabels.taskId))
    .innerJoin(boardLabels, eq(boardLabels.id, taskLabels.labelId))
    .where(where)
    .orderBy(asc(sql`lower(${boardLabels.name})`));
  const out = new Map<string, LabelView[]>();
  for (const { taskId, ...l } of rows) {
    const list = out.get(taskId) ?? [];
    list.push({ ...l, colour: l.colour as LabelColour });
    out.set(taskId, list);
  }
  return out;
}

/** The full task as its detail view and conflict answers show it, or null. */
export async function loadTaskDetail(db: DbOrTx, taskId: string, now: Date): Promise<TaskDetail | null> {
  const [row] = await db
    .select({ ...cardColumns, columnName: boardColumns.name, columnPreset: boardColumns.preset })
    .from(tasks)
    .innerJoin(boardColumns, eq(boardColumns.id, tasks.columnId))
    .where(eq(tasks.id, taskId));
  if (!row) return null;
  const other = aliasedTable(tasks, "other");
  const [assignees, labels, checklistItems, comments, links] = await Promise.all([
    assigneesOf(db, eq(tasks.id, taskId)),
    labelsOf(db, eq(tasks.id, taskId)),
    db
      .select({ id: taskChecklistItems.id, text: taskChecklistItems.text, done: taskChecklistItems.done, position: taskChecklistItems.position })
      .from(taskChecklistItems)
      .where(eq(taskChecklistItems.taskId, taskId))
      .orderBy(asc(taskChecklistItems.position), asc(taskChecklistItems.createdAt)),
    db
      .select({ c: taskComments, ...personColumns })
      .from(taskComments)
      .innerJoin(users, eq(users.id, taskComments.authorId))
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(eq(taskComments.taskId, taskId))
      .orderBy(asc(taskComments.createdAt), asc(taskComments.id)),
    db
      .select({ link: taskLinks, other: { id: other.id, title: other.title, columnId: other.columnId, version: other.version } })
      .from(taskLinks)
      .innerJoin(
        other,
        or(
          and(eq(taskLinks.fromTaskId, taskId), eq(other.id, taskLinks.toTaskId)),
          and(eq(taskLinks.toTaskId, taskId), eq(other.id, taskLinks.fromTaskId)),
        ),
      )
      .where(or(eq(taskLinks.fromTaskId, taskId), eq(taskLinks.toTaskId, taskId)))
      .orderBy(asc(taskLinks.createdAt), asc(taskLinks.id)),
  ]);
  const t = row.task;
  return {
    ...toCard(row, now, assignees.get(taskId) ?? [], labels.get(taskId) ?? []),
    description: t.description,
    plannedAction: plannedActionOf(t),
    column: { id: t.columnId, name: row.columnName, preset: row.columnPreset as BoardColumnPreset | null, isDone: row.isDone },
    checklistItems,
    comments: comments.map(({ c, ...author }) => ({
      id: c.id,
      body: c.body,
      author,
      mentions: c.mentions,
      createdAt: iso(c.createdAt)!,
      editedAt: iso(c.editedAt),
      edited: c.editedAt !== null,
    })),
    links: links.map(({ link, other: o }) => ({
      id: link.id,
      kind: link.kind as TaskLinkKind,
      direction: link.fromTaskId === taskId ? ("outgoing" as const) : ("incoming" as const),
      task: o,
    })),
    createdBy: t.createdBy,
    createdAt: iso(t.createdAt)!,
  };
}

/** Ids of the task's current assignees and labels, for change records. */
export async function taskSets(db: DbOrTx, taskId: string): Promise<{ assigneeIds: string[]; labelIds: string[] }> {
  const [a, l] = await Promise.all([
    db.select({ id: taskAssignees.userId }).from(taskAssignees).where(eq(taskAssignees.taskId, taskId)),
    db.select({ id: taskLabels.labelId }).from(taskLabels).where(eq(taskLabels.taskId, taskId)),
  ]);
  return { assigneeIds: a.map((r) => r.id).sort(), labelIds: l.map((r) => r.id).sort() };
}
