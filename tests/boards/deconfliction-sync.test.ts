import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, hits, notifications, plannedActions, tasks } from "../../db/schema/index";
import { createTestServices, type TestServices } from "../setup/services";
import { auditCount, createBoardFixture, taskCount, type BoardFixture } from "./factories";

const H = 3_600_000;

describe("planned-action cards feed event deconfliction", () => {
  let t: TestServices;
  let a: BoardFixture;
  let b: BoardFixture;
  // every test gets a place of its own, so actions left by earlier tests never meet it
  let spot = 0;
  const place = () => ({ latitude: 40 + ++spot * 0.5, longitude: 20.4569 });
  const at = (hours: number) => new Date(t.clock.now.getTime() + hours * H).toISOString();

  beforeAll(async () => {
    t = await createTestServices();
    a = await createBoardFixture(t);
    b = await createBoardFixture(t);
  });
  afterAll(() => t.testDb.destroy());

  /** Operation B's officer (its member) registers a raid at the place, 10:00-14:00 from now. */
  async function otherRaid(p: { latitude: number; longitude: number }) {
    return t.services.deconfliction.registerPlannedAction({
      actor: b.member,
      operationId: b.operationId,
      input: { kind: "raid", lat: p.latitude, lon: p.longitude, radiusM: 300, startsAt: at(10), endsAt: at(14) },
    });
  }

  it("creating a card that overlaps another operation's planned action makes a hit and tells both points of contact", async () => {
    const p = place();
    await otherRaid(p);
    const before = t.events.length;
    const card = await t.services.boards.createTask({
      actor: a.member,
      operationId: a.operationId,
      input: { title: "Search the warehouse", type: "planned_action", plannedAction: { kind: "search", ...p, radiusM: 200, windowStart: at(11), windowEnd: at(12) } },
    });
    expect(card.newHitIds).toHaveLength(1);
    const [action] = await t.testDb.db.select().from(plannedActions).where(eq(plannedActions.taskId, card.id));
    expect(action).toMatchObject({ operationId: a.operationId, kind: "search", registeredBy: a.member.id, cancelledAt: null });
    const [hit] = await t.testDb.db.select().from(hits).where(eq(hits.id, card.newHitIds[0]!));
    expect(hit).toMatchObject({ kind: "event", aOperationId: a.operationId, aOfficerId: a.member.id, bOperationId: b.operationId, bOfficerId: b.member.id });
    // the other side gets a notification; the officer who acted sees the hit in the answer and live
    const told = await t.testDb.db.select().from(notifications).where(and(eq(notifications.kind, "deconfliction_hit"), eq(notifications.subjectId, hit!.id)));
    expect(told.map((n) => [n.userId, n.operationId])).toEqual([[b.member.id, b.operationId]]);
    const published = t.events.slice(before);
    expect(published).toContainEqual({ name: "deconfliction.hit", payload: { hitId: hit!.id, userIds: expect.arrayContaining([a.member.id, b.member.id]) } });
    // published after commit, in order: the card first
    expect(published.findIndex((e) => e.name === "board.changed")).toBeLessThan(published.findIndex((e) => e.name === "deconfliction.hit"));
    const synced = await t.testDb.db.select().from(auditLog).where(and(eq(auditLog.action, "action.synced"), eq(auditLog.targetId, action!.id)));
    expect(synced.map((s) => s.details)).toEqual([expect.objectContaining({ taskId: card.id, created: true, conflicts: 1, newHits: 1 })]);
  });

  it("a card edited onto another operation's action is checked again; when it stops being a planned action, the action is cancelled", async () => {
    const p = place();
    await otherRaid(p);
    const card = await t.services.boards.createTask({
      actor: a.member,
      operationId: a.operationId,
      input: { title: "Watch the garage", type: "planned_action", plannedAction: { kind: "surveillance", ...p, radiusM: 100, windowStart: at(30), windowEnd: at(31) } },
    });
    expect(card.newHitIds).toEqual([]);
    // edited by someone else: the card's author stays the point of contact and is told too
    const moved = await t.services.boards.updateTask({
      actor: a.foreign,
      input: { taskId: card.id, version: card.version, plannedAction: { kind: "surveillance", ...p, radiusM: 100, windowStart: at(12), windowEnd: at(13) } },
    });
    expect(moved.newHitIds).toHaveLength(1);
    const told = await t.testDb.db.select({ userId: notifications.userId }).from(notifications).where(eq(notifications.subjectId, moved.newHitIds[0]!));
    expect(told.map((n) => n.userId).sort()).toEqual([a.member.id, b.member.id].sort());

    // a title edit does not touch deconfliction
    const synced = async () => (await t.testDb.db.select().from(auditLog).where(eq(auditLog.action, "action.synced"))).length;
    const n = await synced();
    const renamed = await t.services.boards.updateTask({ actor: a.member, input: { taskId: card.id, version: moved.task.version, title: "Watch the garage (night)" } });
    expect(await synced()).toBe(n);

    await t.services.boards.updateTask({ actor: a.member, input: { taskId: card.id, version: renamed.task.version, type: "general", plannedAction: null } });
    const [action] = await t.testDb.db.select().from(plannedActions).where(eq(plannedActions.taskId, card.id));
    expect(action!.cancelledAt).toEqual(t.clock.now);
    const check = await t.services.deconfliction.checkPlannedAction({
      actor: b.member,
      operationId: b.operationId,
      input: { kind: "raid", lat: p.latitude, lon: p.longitude, radiusM: 300, startsAt: at(10), endsAt: at(14) },
    });
    expect(check.conflicts).toEqual([]);
  });

  it("when the deconfliction check cannot run, the card change is refused as a whole: nothing is half-saved", async () => {
    const db = t.testDb.db;
    const p = place();
    const card = await t.services.boards.createTask({
      actor: a.member,
      operationId: a.operationId,
      input: { title: "Arrest at the border crossing", type: "planned_action", plannedAction: { kind: "arrest", ...p, radiusM: 100, windowStart: at(50), windowEnd: at(51) } },
    });
    const [tasksBefore, auditBefore] = [await taskCount(db), await auditCount(db)];
    // the index becomes unreachable: the card's own tables stay fine
    await db.execute(sql`alter table planned_actions rename to planned_actions_away`);
    try {
      await expect(
        t.services.boards.createTask({
          actor: a.member,
          operationId: a.operationId,
          input: { title: "Second arrest", type: "planned_action", plannedAction: { kind: "arrest", ...p, radiusM: 100, windowStart: at(52), windowEnd: at(53) } },
        }),
      ).rejects.toMatchObject({ code: "conflict", message: "deconfliction_unavailable" });
      await expect(
        t.services.boards.updateTask({
          actor: a.member,
          input: { taskId: card.id, version: card.version, title: "Moved arrest", plannedAction: { kind: "arrest", ...p, radiusM: 100, windowStart: at(60), windowEnd: at(61) } },
        }),
      ).rejects.toMatchObject({ code: "conflict", message: "deconfliction_unavailable" });
      // a general card does not depend on it
      await t.services.boards.createTask({ actor: a.member, operationId: a.operationId, input: { title: "Write the report" } });
    } finally {
      await db.execute(sql`alter table planned_actions_away rename to planned_actions`);
    }
    expect(await taskCount(db)).toBe(tasksBefore + 1);
    expect(await auditCount(db)).toBe(auditBefore + 1);
    const [row] = await db.select().from(tasks).where(eq(tasks.id, card.id));
    expect(row).toMatchObject({ title: "Arrest at the border crossing", version: card.version, windowStart: new Date(at(50)) });
    const [action] = await db.select().from(plannedActions).where(eq(plannedActions.taskId, card.id));
    expect(action!.startsAt).toEqual(new Date(at(50)));
  });
});
