// Board fixtures: an operation with a lead, members from two countries, an observer
// and an outsider, each as an Actor, plus short-hands for the verbs the tests repeat.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { auditLog, tasks } from "../../db/schema/index";
import type { Actor } from "../../app/domain/context";
import type { CreateTaskInput } from "../../app/domain/boards/schemas";
import type { MemberRole, OfficeRole } from "../../app/domain/vocabulary";
import { actorOf, createAgency, createOperation, createUser } from "../factories/index";
import type { TestServices } from "../setup/services";

export interface BoardFixture {
  operationId: string;
  lead: Actor;
  member: Actor;
  /** a member from another country's agency */
  foreign: Actor;
  observer: Actor;
  outsider: Actor;
  agencies: { at: { id: string; name: string }; rs: { id: string; name: string } };
}

export async function createBoardFixture(
  t: TestServices,
  over: Partial<{ status: string; jitEnd: string | null; leadRole: OfficeRole }> = {},
): Promise<BoardFixture> {
  const db = t.testDb.db;
  const at = await createAgency(db, { country: "AT" });
  const rs = await createAgency(db, { country: "RS", kind: "border_police" });
  const lead = await createUser(db, { agencyId: at.id, role: over.leadRole ?? "officer", name: "Lena Lead" });
  const member = await createUser(db, { agencyId: at.id, name: "Max Member" });
  const foreign = await createUser(db, { agencyId: rs.id, name: "Ana Foreign" });
  const observer = await createUser(db, { agencyId: rs.id, name: "Olga Observer" });
  const outsider = await createUser(db, { agencyId: at.id, name: "Otto Outsider" });
  const members: [string, MemberRole][] = [
    [lead.id, "lead"],
    [member.id, "member"],
    [foreign.id, "member"],
    [observer.id, "observer"],
  ];
  const op = await createOperation(db, { leadAgencyId: at.id, members, status: over.status, jitEnd: over.jitEnd });
  return {
    operationId: op.id,
    lead: await actorOf(db, lead.id),
    member: await actorOf(db, member.id),
    foreign: await actorOf(db, foreign.id),
    observer: await actorOf(db, observer.id),
    outsider: await actorOf(db, outsider.id),
    agencies: { at: { id: at.id, name: at.name }, rs: { id: rs.id, name: rs.name } },
  };
}

/** The board's columns by preset key (creating the board on first use). */
export async function columnsOf(t: TestServices, f: BoardFixture) {
  const board = await t.services.boards.getBoard({ actor: f.lead, operationId: f.operationId });
  const byPreset = Object.fromEntries(board.columns.filter((c) => c.preset).map((c) => [c.preset!, c.id])) as Record<
    "backlog" | "todo" | "in_progress" | "blocked" | "done",
    string
  >;
  return { list: board.columns, ...byPreset };
}

let n = 0;
export async function createTaskFor(t: TestServices, f: BoardFixture, input: Partial<CreateTaskInput> = {}, actor: Actor = f.member) {
  return t.services.boards.createTask({ actor, operationId: f.operationId, input: { title: `Task ${++n}`, ...input } });
}

/** Card ids of a column in board order, straight from the database. */
export async function columnOrder(db: DbOrTx, columnId: string): Promise<string[]> {
  const rows = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.columnId, columnId)).orderBy(asc(tasks.rank));
  return rows.map((r) => r.id);
}

export async function lastAudit(db: DbOrTx, action: string, targetId?: string) {
  const [row] = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), targetId ? eq(auditLog.targetId, targetId) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

export async function auditCount(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  return Number(row!.n);
}

export async function taskCount(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(tasks);
  return Number(row!.n);
}

/** A well-formed planned action, one hour from `now`. */
export function plannedAction(now: Date, over: Record<string, unknown> = {}) {
  return {
    kind: "raid" as const,
    latitude: 48.2082,
    longitude: 16.3738,
    radiusM: 250,
    address: "Praterstern 1, Wien",
    windowStart: new Date(now.getTime() + 3_600_000).toISOString(),
    windowEnd: new Date(now.getTime() + 7_200_000).toISOString(),
    ...over,
  };
}
