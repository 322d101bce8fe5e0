import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications, operationMembers, operations } from "../../db/schema/index";
import { createTestServices, type TestServices } from "../setup/services";
import { columnsOf, createBoardFixture, createTaskFor, type BoardFixture } from "./factories";

const HOUR = 3_600_000;

describe("due-soon reminders", () => {
  let t: TestServices;
  let f: BoardFixture;
  beforeAll(async () => {
    t = await createTestServices();
    f = await createBoardFixture(t);
  });
  afterAll(() => t.testDb.destroy());

  const dueIn = (ms: number) => new Date(t.clock.now.getTime() + ms).toISOString();
  const remindersOf = (taskId: string) =>
    t.testDb.db
      .select({ userId: notifications.userId, dedupeKey: notifications.dedupeKey, data: notifications.data, actorId: notifications.actorId })
      .from(notifications)
      .where(and(eq(notifications.kind, "task_due_soon"), eq(notifications.subjectId, taskId)));

  it("reminds every assignee once per card and due date, and again when the due date moves", async () => {
    const task = await createTaskFor(t, f, { title: "Interview the driver", dueAt: dueIn(23 * HOUR), assigneeIds: [f.member.id!, f.foreign.id!] });
    const before = t.events.length;
    const first = await t.services.boards.notifyDueSoon();
    expect(first.notified).toBeGreaterThanOrEqual(2);
    const rows = await remindersOf(task.id);
    // the one who created the card is reminded too: the reminder is nobody's own action
    expect(rows.map((r) => r.userId).sort()).toEqual([f.member.id, f.foreign.id].sort());
    expect(rows[0]).toMatchObject({ actorId: null, dedupeKey: `task_due_soon:${task.id}:${task.dueAt}`, data: { title: "Interview the driver", dueAt: task.dueAt } });
    expect(t.events.slice(before)).toContainEqual({ name: "notification.created", payload: { userIds: expect.arrayContaining([f.member.id, f.foreign.id]) } });

    t.clock.advance(HOUR);
    expect((await t.services.boards.notifyDueSoon()).notified).toBe(0);
    expect(await remindersOf(task.id)).toHaveLength(2);

    // a new due date is a new reminder; the old one stays as it was
    await t.services.boards.updateTask({ actor: f.member, input: { taskId: task.id, version: task.version, dueAt: dueIn(5 * HOUR) } });
    await t.services.boards.notifyDueSoon();
    const after = await remindersOf(task.id);
    expect(after).toHaveLength(4);
    expect(new Set(after.map((r) => r.dedupeKey)).size).toBe(2);

    const list = await t.services.notifications.list({ actor: f.foreign });
    expect(list.items.filter((n) => n.kind === "task_due_soon" && n.subjectId === task.id)).toHaveLength(2);
  });

  it("waits until the due date is within 24 hours, and never reminds of a date already past", async () => {
    const later = await createTaskFor(t, f, { dueAt: dueIn(25 * HOUR), assigneeIds: [f.member.id!] });
    const past = await createTaskFor(t, f, { dueAt: dueIn(-HOUR), assigneeIds: [f.member.id!] });
    await t.services.boards.notifyDueSoon();
    expect(await remindersOf(later.id)).toEqual([]);
    t.clock.advance(2 * HOUR);
    await t.services.boards.notifyDueSoon();
    expect(await remindersOf(later.id)).toHaveLength(1);
    expect(await remindersOf(past.id)).toEqual([]);
  });

  it("skips done cards, unassigned cards, people who left the operation and closed operations", async () => {
    const cols = await columnsOf(t, f);
    const done = await createTaskFor(t, f, { columnId: cols.done, dueAt: dueIn(2 * HOUR), assigneeIds: [f.member.id!] });
    const unassigned = await createTaskFor(t, f, { dueAt: dueIn(2 * HOUR) });
    const left = await createTaskFor(t, f, { dueAt: dueIn(2 * HOUR), assigneeIds: [f.foreign.id!, f.member.id!] });
    await t.testDb.db.delete(operationMembers).where(and(eq(operationMembers.operationId, f.operationId), eq(operationMembers.userId, f.foreign.id!)));
    await t.services.boards.notifyDueSoon();
    expect(await remindersOf(done.id)).toEqual([]);
    expect(await remindersOf(unassigned.id)).toEqual([]);
    expect((await remindersOf(left.id)).map((r) => r.userId)).toEqual([f.member.id]);

    const g = await createBoardFixture(t, { status: "active" });
    const closing = await t.services.boards.createTask({ actor: g.member, operationId: g.operationId, input: { title: "Close the file", dueAt: dueIn(3 * HOUR), assigneeIds: [g.member.id!] } });
    await t.testDb.db.update(operations).set({ status: "closed" }).where(eq(operations.id, g.operationId));
    await t.services.boards.notifyDueSoon();
    expect(await remindersOf(closing.id)).toEqual([]);
  });

  it("is safe when several processes run it at the same moment", async () => {
    const task = await createTaskFor(t, f, { dueAt: dueIn(6 * HOUR), assigneeIds: [f.member.id!, f.lead.id!] });
    const runs = await Promise.all([t.services.boards.notifyDueSoon(), t.services.boards.notifyDueSoon(), t.services.boards.notifyDueSoon()]);
    expect(runs.reduce((n, r) => n + r.notified, 0)).toBe(2);
    expect(await remindersOf(task.id)).toHaveLength(2);
  });
});
