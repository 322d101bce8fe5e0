import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { agencies, boardColumns, operationMembers, operations, taskAssignees, tasks, users } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { Forbidden } from "../errors";
import type { MemberRole, TaskPriority } from "../vocabulary";
import { priorityOrder } from "./list-my-tasks";
import { outer } from "./views";

export interface WorkloadCounts {
  open: number;
  overdue: number;
}

export interface Workload {
  /** UTC instant the overdue figures were computed at */
  at: string;
  totals: WorkloadCounts & { unassigned: number };
  operations: (WorkloadCounts & { id: string; codeName: string; unassigned: number })[];
  /** every member who may act (observers excepted) and anyone holding open cards, busiest first */
  byOfficer: (WorkloadCounts & { userId: string; name: string; agencyId: string; agencyName: string; country: string })[];
  byAgency: (WorkloadCounts & { agencyId: string; agencyName: string; country: string })[];
  /** the oldest-due unassigned open cards, to hand out from here with reassignTask */
  unassigned: { id: string; operationId: string; codeName: string; title: string; dueAt: string | null; priority: TaskPriority; version: number }[];
}

export const canSeeWorkload = (actor: Actor) => actor.kind === "user" && (actor.officeRole === "office_lead" || actor.officeRole === "admin");

const UNASSIGNED_LIST = 50;

/**
 * Open, overdue and unassigned cards per officer, agency and operation, for office
 * leads — over the operations they are members of, and only those that are not closed:
 * office rank grants no look into other operations.
 */
export async function getWorkload(deps: ServiceDeps, { actor }: { actor: Actor }): Promise<Workload> {
  if (!canSeeWorkload(actor) || !actor.id) throw Forbidden();
  const now = deps.now();
  const db = deps.db;
  const ops = await db
    .select({ id: operations.id, codeName: operations.codeName })
    .from(operations)
    .innerJoin(operationMembers, and(eq(operationMembers.operationId, operations.id), eq(operationMembers.userId, actor.id)))
    .where(ne(operations.status, "closed"))
    .orderBy(asc(operations.codeName));
  const empty: Workload = { at: now.toISOString(), totals: { open: 0, overdue: 0, unassigned: 0 }, operations: [], byOfficer: [], byAgency: [], unassigned: [] };
  if (ops.length === 0) return empty;
  const opIds = ops.map((o) => o.id);

  const openTask = and(inArray(tasks.operationId, opIds), eq(boardColumns.isDone, false));
  const overdue = sql<number>`(count(distinct ${tasks.id}) filter (where ${tasks.dueAt} < ${now.toISOString()}::timestamptz))::int`;
  const open = sql<number>`count(distinct ${tasks.id})::int`;
  const noAssignee = sql`not exists (select 1 from task_assignees ta where ta.task_id = ${outer.taskId})`;

  const [perOperation, perOfficer, perAgency, people, unassigned] = await Promise.all([
    db
      .select({ id: tasks.operationId, open, overdue, unassigned: sql<number>`(count(*) filter (where ${noAssignee}))::int` })
      .from(tasks)
      .innerJoin(boardColumns, eq(boardColumns.id, tasks.columnId))
      .where(openTask)
      .groupBy(tasks.operationId),
    db
      .select({ userId: taskAssignees.userId, open, overdue })
      .from(taskAssignees)
      .innerJoin(tasks, eq(tasks.id, taskAssignees.taskId))
      .innerJoin(boardColumns, eq(boardColumns.id, tasks.columnId))
      .where(openTask)
      .groupBy(taskAssignees.userId),
    db
      .select({ agencyId: users.agencyId, open, overdue })
      .from(taskAssignees)
      .innerJoin(tasks, eq(tasks.id, taskAssignees.taskId))
      .innerJoin(boardColumns, eq(boardColumns.id, tasks.columnId))
      .innerJoin(users, eq(users.id, taskAssignees.userId))
      .where(openTask)
      .groupBy(users.agencyId),
    // who could take work, plus anyone who holds open cards here (even after leaving)
    db
      .selectDistinct({ userId: users.id, name: users.name, agencyId: agencies.id, agencyName: agencies.name, country: agencies.country })
      .from(users)
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(
        sql`${users.id} in (
          select m.user_id from operation_members m where m.operation_id in ${opIds} and m.role <> ${"observer" satisfies MemberRole}
          union
          select ta.user_id from task_assignees ta join tasks t on t.id = ta.task_id join board_columns c on c.id = t.column_id
           where t.operation_id in ${opIds} and not c.is_done)`,
      ),
    db
      .select({ id: tasks.id, operationId: tasks.operationId, title: tasks.title, dueAt: tasks.dueAt, priority: tasks.priority, version: tasks.version })
      .from(tasks)
      .innerJoin(boardColumns, eq(boardColumns.id, tasks.columnId))
      .where(and(openTask, noAssignee))
      .orderBy(sql`${tasks.dueAt} asc nulls last`, asc(priorityOrder), asc(tasks.createdAt), asc(tasks.id))
      .limit(UNASSIGNED_LIST),
  ]);

  const codeNames = new Map(ops.map((o) => [o.id, o.codeName]));
  const opStats = new Map(perOperation.map((r) => [r.id, r]));
  const officerStats = new Map(perOfficer.map((r) => [r.userId, r]));
  const agencyStats = new Map(perAgency.map((r) => [r.agencyId, r]));
  const counts = (r?: { open: number; overdue: number }) => ({ open: Number(r?.open ?? 0), overdue: Number(r?.overdue ?? 0) });
  const busiest = <T extends WorkloadCounts & { name?: string; agencyName?: string }>(a: T, b: T) =>
    b.open - a.open || b.overdue - a.overdue || (a.name ?? a.agencyName ?? "").localeCompare(b.name ?? b.agencyName ?? "");

  const operationsView = ops.map((o) => ({ id: o.id, codeName: o.codeName, ...counts(opStats.get(o.id)), unassigned: Number(opStats.get(o.id)?.unassigned ?? 0) }));
  const agencyNames = new Map(people.map((p) => [p.agencyId, { agencyName: p.agencyName, country: p.country }]));
  return {
    at: now.toISOString(),
    totals: {
      open: operationsView.reduce((s, o) => s + o.open, 0),
      overdue: operationsView.reduce((s, o) => s + o.overdue, 0),
      unassigned: operationsView.reduce((s, o) => s + o.unassigned, 0),
    },
    operations: operationsView,
    byOfficer: people.map((p) => ({ ...p, ...counts(officerStats.get(p.userId)) })).sort(busiest),
    byAgency: [...agencyNames.entries()].map(([agencyId, a]) => ({ agencyId, ...a, ...counts(agencyStats.get(agencyId)) })).sort(busiest),
    unassigned: unassigned.map((u) => ({
      ...u,
      codeName: codeNames.get(u.operationId)!,
      dueAt: u.dueAt ? u.dueAt.toISOString() : null,
      priority: u.priority as TaskPriority,
    })),
  };
}

