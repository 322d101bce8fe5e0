import { and, asc, eq, inArray } from "drizzle-orm";
import { agencies, auditLog, boardColumns, boardLabels, tasks, users } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import type { BoardColumnPreset, LabelColour } from "../vocabulary";
import { accessVia, idFrom } from "./support";
import type { PersonView } from "./views";

export interface TaskHistoryEntry {
  id: number;
  /** UTC, ISO 8601: the reader's page shows it in their own zone */
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  /** `{ changes: { field: { from, to } }, ... }` as the change recorded it */
  details: Record<string, unknown>;
}

export interface TaskHistory {
  entries: TaskHistoryEntry[];
  /** names for the ids the entries mention, so the UI renders "Anna (AT)" rather than an id */
  refs: {
    users: Record<string, PersonView>;
    labels: Record<string, { name: string; colour: LabelColour }>;
    columns: Record<string, { name: string | null; preset: BoardColumnPreset | null }>;
    /** linked cards' current titles; only cards of this operation (a link never crosses one) */
    tasks: Record<string, { title: string }>;
  };
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : []);

/** Every recorded change of one card, oldest first, from the tamper-evident audit log. */
export async function getTaskHistory(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId?: string; input: unknown }): Promise<TaskHistory> {
  const taskId = idFrom(input, "taskId");
  const access = await accessVia(deps, actor, "task", taskId, operationId);
  const rows = await deps.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "task"), eq(auditLog.targetId, taskId), eq(auditLog.operationId, access.operation.id)))
    .orderBy(asc(auditLog.id));

  const userIds = new Set<string>();
  const labelIds = new Set<string>();
  const columnIds = new Set<string>();
  const taskIds = new Set<string>();
  for (const r of rows) {
    if (r.actorId) userIds.add(r.actorId);
    const changes = (r.details.changes ?? {}) as Record<string, { from?: unknown; to?: unknown }>;
    for (const id of [...strings(changes.assigneeIds?.from), ...strings(changes.assigneeIds?.to), ...strings(r.details.mentions)]) userIds.add(id);
    for (const id of [...strings(changes.labelIds?.from), ...strings(changes.labelIds?.to)]) labelIds.add(id);
    for (const id of [...strings(changes.columnId?.from), ...strings(changes.columnId?.to)]) columnIds.add(id);
    for (const id of strings(r.details.otherTaskId)) taskIds.add(id);
  }
  const opId = access.operation.id;
  const [people, labels, columns, linked] = await Promise.all([
    userIds.size
      ? deps.db
          .select({ id: users.id, name: users.name, agencyId: agencies.id, agencyName: agencies.name, country: agencies.country })
          .from(users)
          .innerJoin(agencies, eq(agencies.id, users.agencyId))
          .where(inArray(users.id, [...userIds]))
      : [],
    labelIds.size
      ? deps.db
          .select({ id: boardLabels.id, name: boardLabels.name, colour: boardLabels.colour })
          .from(boardLabels)
          .where(and(eq(boardLabels.operationId, opId), inArray(boardLabels.id, [...labelIds])))
      : [],
    columnIds.size
      ? deps.db
          .select({ id: boardColumns.id, name: boardColumns.name, preset: boardColumns.preset })
          .from(boardColumns)
          .where(and(eq(boardColumns.operationId, opId), inArray(boardColumns.id, [...columnIds])))
      : [],
    taskIds.size
      ? deps.db
          .select({ id: tasks.id, title: tasks.title })
          .from(tasks)
          .where(and(eq(tasks.operationId, opId), inArray(tasks.id, [...taskIds])))
      : [],
  ]);
  return {
    entries: rows.map((r) => ({ id: r.id, at: r.at.toISOString(), actorId: r.actorId, actorLabel: r.actorLabel, action: r.action, details: r.details })),
    refs: {
      users: Object.fromEntries(people.map((p) => [p.id, p])),
      labels: Object.fromEntries(labels.map(({ id, ...l }) => [id, { ...l, colour: l.colour as LabelColour }])),
      columns: Object.fromEntries(columns.map(({ id, ...c }) => [id, { ...c, preset: c.preset as BoardColumnPreset | null }])),
      tasks: Object.fromEntries(linked.map(({ id, title }) => [id, { title }])),
    },
  };
}
