import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { utcWeek } from "../../app/domain/boards/get-board";
import { operationMembers } from "../../db/schema/index";
import { actorOf, createUser } from "../factories/index";
import { createTestServices, type TestServices } from "../setup/services";
import { columnsOf, createBoardFixture, createTaskFor, plannedAction, type BoardFixture } from "./factories";

const DAY = 86_400_000;

describe("reading boards", () => {
  let t: TestServices;
  let f: BoardFixture;
  let cols: Awaited<ReturnType<typeof columnsOf>>;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestServices();
    // a Wednesday noon, so "this week" has days on both sides
    t.clock.now = new Date("2031-01-15T12:00:00Z");
    f = await createBoardFixture(t);
    cols = await columnsOf(t, f);
    const now = t.clock.now.getTime();
    const finance = await t.services.boards.createLabel({ actor: f.member, operationId: f.operationId, input: { name: "Finance", colour: "green" } });
    ids.finance = finance.id;
    ids.overdue = (await createTaskFor(t, f, { title: "Overdue bank request", dueAt: new Date(now - DAY).toISOString(), assigneeIds: [f.member.id!], priority: "urgent", columnId: cols.todo })).id;
    ids.thisWeek = (await createTaskFor(t, f, { title: "Interview on Friday", dueAt: new Date(now + 2 * DAY).toISOString(), assigneeIds: [f.foreign.id!], labelIds: [finance.id], columnId: cols.todo })).id;
    ids.later = (await createTaskFor(t, f, { title: "Prepare 100% of the file_list", description: "Annex with **Hawala** ledger", dueAt: new Date(now + 30 * DAY).toISOString(), columnId: cols.in_progress })).id;
    ids.raid = (await createTaskFor(t, f, { title: "Dawn raid", type: "planned_action", plannedAction: plannedAction(t.clock.now), assigneeIds: [f.member.id!, f.foreign.id!], priority: "high" })).id;
    ids.doneOverdue = (await createTaskFor(t, f, { title: "Old finished thing", dueAt: new Date(now - 3 * DAY).toISOString(), columnId: cols.done, assigneeIds: [f.member.id!] })).id;
    await t.services.boards.addChecklistItem({ actor: f.member, input: { taskId: ids.thisWeek, text: "Book room" } });
    const { itemId } = await t.services.boards.addChecklistItem({ actor: f.member, input: { taskId: ids.thisWeek, text: "Interpreter" } });
    await t.services.boards.updateChecklistItem({ actor: f.member, input: { itemId, done: true } });
    await t.services.boards.addComment({ actor: f.foreign, input: { taskId: ids.thisWeek, body: "Room 3 is free" } });
  });
  afterAll(() => t.testDb.destroy());

  const board = (input: Record<string, unknown> = {}) => t.services.boards.getBoard({ actor: f.observer, operationId: f.operationId, input });
  const titles = async (input: Record<string, unknown>) => (await board(input)).tasks.map((x) => x.id).sort();

  it("returns columns in order with counts, and cards with assignees' agencies and countries, labels, progress and comment count", async () => {
    const b = await board();
    expect(b.operation.id).toBe(f.operationId);
    expect(b.columns.map((c) => [c.preset, c.taskCount])).toEqual([
      ["backlog", 1],
      ["todo", 2],
      ["in_progress", 1],
      ["blocked", 0],
      ["done", 1],
    ]);
    expect(b.tasks.map((x) => x.id)).toEqual([ids.raid, ids.overdue, ids.thisWeek, ids.later, ids.doneOverdue]);
    const week = b.tasks.find((x) => x.id === ids.thisWeek)!;
    expect(week).toMatchObject({
      checklist: { done: 1, total: 2 },
      commentCount: 1,
      labels: [{ id: ids.finance, name: "Finance", colour: "green" }],
      assignees: [{ id: f.foreign.id, name: "Ana Foreign", agencyId: f.agencies.rs.id, agencyName: f.agencies.rs.name, country: "RS", isMember: true }],
      priority: "normal",
      handlingCode: "H0",
      overdue: false,
    });
    expect(b.tasks.find((x) => x.id === ids.raid)).toMatchObject({ type: "planned_action", actionKind: "raid", priority: "high" });
    expect(b.tasks.find((x) => x.id === ids.overdue)!.overdue).toBe(true);
    // a finished card is never overdue
    expect(b.tasks.find((x) => x.id === ids.doneOverdue)!.overdue).toBe(false);
    expect(b.members.map((m) => [m.name, m.role])).toEqual([
      ["Ana Foreign", "member"],
      ["Lena Lead", "lead"],
      ["Max Member", "member"],
      ["Olga Observer", "observer"],
    ]);
    expect(b.labels).toEqual([{ id: ids.finance, name: "Finance", colour: "green" }]);
  });

  it("filters by assignee, unassigned, agency, country, label, priority, due, type and free text", async () => {
    expect(await titles({ assigneeId: f.member.id })).toEqual([ids.overdue, ids.raid, ids.doneOverdue].sort());
    expect(await titles({ assigneeId: "none" })).toEqual([ids.later]);
    expect(await titles({ agencyId: f.agencies.rs.id })).toEqual([ids.thisWeek, ids.raid].sort());
    expect(await titles({ country: "RS" })).toEqual([ids.thisWeek, ids.raid].sort());
    expect(await titles({ country: "FR" })).toEqual([]);
    expect(await titles({ labelId: ids.finance })).toEqual([ids.thisWeek]);
    expect(await titles({ priority: "urgent" })).toEqual([ids.overdue]);
    expect(await titles({ due: "overdue" })).toEqual([ids.overdue]);
    // yesterday (Tuesday) is this week too; Sunday before is not
    expect(await titles({ due: "this_week" })).toEqual([ids.overdue, ids.thisWeek].sort());
    expect(await titles({ due: "none" })).toEqual([ids.raid]);
    expect(await titles({ type: "planned_action" })).toEqual([ids.raid]);
    expect(await titles({ q: "hawala" })).toEqual([ids.later]);
    expect(await titles({ q: "100%" })).toEqual([ids.later]);
    expect(await titles({ q: "_" })).toEqual([ids.later]);
    expect(await titles({ q: "%" })).toEqual([ids.later]);
    expect(await titles({ assigneeId: f.member.id, priority: "high" })).toEqual([ids.raid]);
    await expect(board({ country: "rs" })).rejects.toMatchObject({ code: "invalid", fields: { country: ["validation.invalid"] } });
    await expect(board({ due: "someday" })).rejects.toMatchObject({ code: "invalid", fields: { due: ["validation.choose_valid"] } });
  });

  it("takes the week as Monday to Monday in UTC", () => {
    expect(utcWeek(new Date("2031-01-15T12:00:00Z"))).toEqual({ start: new Date("2031-01-13T00:00:00Z"), end: new Date("2031-01-20T00:00:00Z") });
    expect(utcWeek(new Date("2031-01-19T23:59:59Z")).start).toEqual(new Date("2031-01-13T00:00:00Z"));
    expect(utcWeek(new Date("2031-01-20T00:00:00Z")).start).toEqual(new Date("2031-01-20T00:00:00Z"));
  });

  it("lists my open cards across my operations, soonest due first, undated last, and only while I am a member", async () => {
    const g = await createBoardFixture(t);
    const gCols = await columnsOf(t, g);
    const now = t.clock.now.getTime();
    // make f.member a member of the second operation too
    await t.testDb.db.insert(operationMembers).values({ operationId: g.operationId, userId: f.member.id!, role: "member" });
    const soon = await createTaskFor(t, g, { title: "Soonest", dueAt: new Date(now + 3_600_000).toISOString(), assigneeIds: [f.member.id!], columnId: gCols.blocked });
    const sameTimeLow = await createTaskFor(t, g, { title: "Same time, low", dueAt: new Date(now + 5 * DAY).toISOString(), assigneeIds: [f.member.id!], priority: "low" });
    const sameTimeUrgent = await createTaskFor(t, g, { title: "Same time, urgent", dueAt: new Date(now + 5 * DAY).toISOString(), assigneeIds: [f.member.id!], priority: "urgent" });
    const notMine = await createTaskFor(t, g, { title: "Someone else's", dueAt: new Date(now).toISOString(), assigneeIds: [g.member.id!] });

    const page = await t.services.boards.listMyTasks({ actor: f.member });
    expect(page.items.map((x) => x.id)).toEqual([ids.overdue, soon.id, sameTimeUrgent.id, sameTimeLow.id, ids.raid]);
    expect(page).toMatchObject({ page: 1, total: 5 });
    expect(page.items.map((x) => x.id)).not.toContain(notMine.id);
    expect(page.items.map((x) => x.id)).not.toContain(ids.doneOverdue);
    expect(page.items[1]).toMatchObject({ operation: { id: g.operationId, readOnlyReason: null }, column: { id: gCols.blocked, preset: "blocked" } });

    // leaving an operation takes its cards off my list, even though I am still on them
    await t.testDb.db.execute(sql`delete from operation_members where operation_id = ${g.operationId} and user_id = ${f.member.id}`);
    const after = await t.services.boards.listMyTasks({ actor: f.member });
    expect(after.items.map((x) => x.id)).toEqual([ids.overdue, ids.raid]);
    // the card still shows who held it, marked as no longer a member
    const { task } = await t.services.boards.getTask({ actor: g.lead, input: { taskId: soon.id } });
    expect(task.assignees).toEqual([expect.objectContaining({ id: f.member.id, isMember: false })]);
  });

  it("pages my tasks", async () => {
    const g = await createBoardFixture(t);
    for (let i = 0; i < 52; i++) await createTaskFor(t, g, { title: `Bulk ${i}`, assigneeIds: [g.foreign.id!] });
    const p1 = await t.services.boards.listMyTasks({ actor: g.foreign, input: { page: 1 } });
    const p2 = await t.services.boards.listMyTasks({ actor: g.foreign, input: { page: 2 } });
    expect(p1).toMatchObject({ total: 52, pageSize: 50 });
    expect(p1.items).toHaveLength(50);
    expect(p2.items).toHaveLength(2);
    expect(new Set([...p1.items, ...p2.items].map((x) => x.id)).size).toBe(52);
  });
});

describe("workload", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
    t.clock.now = new Date("2031-03-10T08:00:00Z");
  });
  afterAll(() => t.testDb.destroy());

  it("counts open, overdue and unassigned cards per officer, agency and operation, over the lead's own operations only", async () => {
    const a = await createBoardFixture(t);
    const b = await createBoardFixture(t);
    const hidden = await createBoardFixture(t);
    const officeLeadUser = await createUser(t.testDb.db, { role: "office_lead", name: "Olivia Office" });
    const officeLead = await actorOf(t.testDb.db, officeLeadUser.id);
    for (const op of [a.operationId, b.operationId]) await t.testDb.db.insert(operationMembers).values({ operationId: op, userId: officeLead.id!, role: "observer" });
    // a.member also works in b
    await t.testDb.db.insert(operationMembers).values({ operationId: b.operationId, userId: a.member.id!, role: "member" });
    const aCols = await columnsOf(t, a);
    const past = new Date(t.clock.now.getTime() - 86_400_000).toISOString();
    const future = new Date(t.clock.now.getTime() + 86_400_000).toISOString();

    await createTaskFor(t, a, { assigneeIds: [a.member.id!], dueAt: past });
    await createTaskFor(t, a, { assigneeIds: [a.member.id!, a.foreign.id!], dueAt: future });
    await createTaskFor(t, a, { assigneeIds: [a.member.id!], dueAt: past, columnId: aCols.done }); // done: not counted
    const unassignedA = await createTaskFor(t, a, { title: "Nobody yet", dueAt: past });
    await createTaskFor(t, b, { assigneeIds: [a.member.id!] });
    const unassignedB = await createTaskFor(t, b, { title: "Nobody either" });
    await createTaskFor(t, hidden, { assigneeIds: [hidden.member.id!], dueAt: past }); // not the lead's operation

    const w = await t.services.boards.getWorkload({ actor: officeLead });
    expect(w.totals).toEqual({ open: 5, overdue: 2, unassigned: 2 });
    expect(w.operations.map((o) => [o.id, o.open, o.overdue, o.unassigned]).sort()).toEqual(
      [
        [a.operationId, 3, 2, 1],
        [b.operationId, 2, 0, 1],
      ].sort(),
    );
    const officer = (id: string) => w.byOfficer.find((o) => o.userId === id);
    expect(officer(a.member.id!)).toMatchObject({ open: 3, overdue: 1, name: "Max Member", country: "AT" });
    expect(officer(a.foreign.id!)).toMatchObject({ open: 1, overdue: 0, country: "RS" });
    // members who could take work show with zero; observers and other operations' people do not
    expect(officer(a.lead.id!)).toMatchObject({ open: 0, overdue: 0 });
    expect(officer(b.member.id!)).toMatchObject({ open: 0 });
    expect(officer(a.observer.id!)).toBeUndefined();
    expect(officer(hidden.member.id!)).toBeUndefined();
    expect(w.byOfficer[0]!.userId).toBe(a.member.id);
    const agency = (id: string) => w.byAgency.find((x) => x.agencyId === id);
    expect(agency(a.agencies.at.id)).toMatchObject({ open: 3, overdue: 1, country: "AT" });
    expect(agency(a.agencies.rs.id)).toMatchObject({ open: 1, overdue: 0, country: "RS" });
    expect(agency(hidden.agencies.at.id)).toBeUndefined();
    expect(w.unassigned.map((u) => [u.id, u.title])).toEqual([
      [unassignedA.id, "Nobody yet"],
      [unassignedB.id, "Nobody either"],
    ]);
    expect(JSON.stringify(w)).not.toContain(hidden.operationId);

    // handing out an unassigned card from here follows the ordinary rules: the lead is only an observer
    await expect(
      t.services.boards.reassignTask({ actor: officeLead, input: { taskId: unassignedA.id, version: w.unassigned[0]!.version, assigneeIds: [a.foreign.id!] } }),
    ).rejects.toMatchObject({ code: "forbidden", message: "read_only" });
    await t.testDb.db.execute(sql`update operation_members set role = 'member' where operation_id = ${a.operationId} and user_id = ${officeLead.id}`);
    await t.services.boards.reassignTask({ actor: officeLead, input: { taskId: unassignedA.id, version: w.unassigned[0]!.version, assigneeIds: [a.foreign.id!] } });
    const after = await t.services.boards.getWorkload({ actor: officeLead });
    expect(after.totals.unassigned).toBe(1);
    expect(after.byOfficer.find((o) => o.userId === a.foreign.id)).toMatchObject({ open: 2, overdue: 1 });
  });

  it("is empty for an office lead who belongs to no operation, and leaves closed operations out", async () => {
    const u = await createUser(t.testDb.db, { role: "admin" });
    const admin = await actorOf(t.testDb.db, u.id);
    expect(await t.services.boards.getWorkload({ actor: admin })).toMatchObject({ totals: { open: 0, overdue: 0, unassigned: 0 }, byOfficer: [], operations: [] });
    const c = await createBoardFixture(t);
    await createTaskFor(t, c, { assigneeIds: [c.member.id!] });
    await t.testDb.db.insert(operationMembers).values({ operationId: c.operationId, userId: admin.id!, role: "member" });
    expect((await t.services.boards.getWorkload({ actor: admin })).totals.open).toBe(1);
    await t.testDb.db.execute(sql`update operations set status = 'closed' where id = ${c.operationId}`);
    expect((await t.services.boards.getWorkload({ actor: admin })).operations).toEqual([]);
  });
});
