import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, hits, notifications, plannedActions } from "../../db/schema/index";
import { actorOf, createOperation, createUser } from "../factories/index";
import { createTestServices, type TestServices } from "../setup/services";

describe("planned actions entered on the actions tab (services)", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
    const admin = await actorOf(t.testDb.db, (await createUser(t.testDb.db, { role: "admin" })).id);
    await t.services.deconfliction.updateSettings({ actor: admin, input: { personThreshold: 0.85, eventBufferM: 0, eventBufferMinutes: 0, escalationHours: 2 } });
  });
  afterAll(() => t.testDb.destroy());

  // each scenario takes its own year so actions of other scenarios never meet it
  let year = 2040;
  async function sides() {
    const db = t.testDb.db;
    const [a, b, observer] = [await createUser(db), await createUser(db, { name: "Ana Kovač" }), await createUser(db)];
    const opA = await createOperation(db, { codeName: `ALPHA ${year}`, members: [[a.id, "lead"], [observer.id, "observer"]] });
    const opB = await createOperation(db, { codeName: `BRAVO ${year}`, members: [[b.id, "member"]] });
    const y = year++;
    const window = (h1: number, h2: number) => ({ startsAt: `${y}-05-01T${String(h1).padStart(2, "0")}:00:00Z`, endsAt: `${y}-05-01T${String(h2).padStart(2, "0")}:00:00Z` });
    return { a, b, opA, opB, window, y, actorA: await actorOf(db, a.id), actorB: await actorOf(db, b.id), observer: await actorOf(db, observer.id) };
  }

  it("lists an action with its conflict: the other contact, both kinds, the rounded distance and the overlap; never the other operation", async () => {
    const s = await sides();
    const other = await t.services.deconfliction.registerPlannedAction({ actor: s.actorB, operationId: s.opB.id, input: { kind: "surveillance", lat: 44.8176, lon: 20.4569, radiusM: 300, ...s.window(5, 9) } });
    const mine = await t.services.deconfliction.registerPlannedAction({ actor: s.actorA, operationId: s.opA.id, input: { kind: "raid", lat: 44.8196, lon: 20.4569, radiusM: 200, ...s.window(8, 11) } });
    expect(mine.newHitIds).toHaveLength(1);

    const list = await t.services.deconfliction.listPlannedActions({ actor: s.actorA, operationId: s.opA.id });
    expect(list.items).toEqual([expect.objectContaining({ id: mine.action.id, kind: "raid", source: "entered", conflicts: 1, openConflicts: 1, radiusM: 200 })]);

    const detail = await t.services.deconfliction.getPlannedAction({ actor: s.actorA, operationId: s.opA.id, actionId: mine.action.id });
    expect(detail.conflicts).toHaveLength(1);
    const c = detail.conflicts[0]!;
    // 0.002° of latitude is about 222 m
    expect(c).toMatchObject({
      actionKinds: ["raid", "surveillance"],
      distanceM: 200,
      placesOverlap: true,
      overlap: { startsAt: `${s.y}-05-01T08:00:00.000Z`, endsAt: `${s.y}-05-01T09:00:00.000Z` },
      stillConflicts: true,
      contact: expect.objectContaining({ email: s.b.email }),
    });
    const text = JSON.stringify(detail.conflicts);
    expect(text).not.toContain(s.opB.codeName);
    expect(text).not.toContain(s.opB.id);
    expect(text).not.toContain(other.action.id);
    expect(text).not.toMatch(/44\.81|20\.45/);

    // the other side sees the same conflict from its end
    const theirs = await t.services.deconfliction.getPlannedAction({ actor: s.actorB, operationId: s.opB.id, actionId: other.action.id });
    expect(theirs.conflicts[0]).toMatchObject({ actionKinds: ["surveillance", "raid"], distanceM: 200, contact: expect.objectContaining({ email: s.a.email }) });
    // the other officer is notified; the one registering reads it in the answer (nobody is notified of their own act)
    const told = await t.testDb.db.select().from(notifications).where(eq(notifications.subjectId, mine.newHitIds[0]!));
    expect(told.map((n) => n.userId)).toEqual([s.b.id]);
    expect(mine.conflicts[0]!.contact.email).toBe(s.b.email);
    // and both get the live event
    expect(t.events).toContainEqual({ name: "deconfliction.hit", payload: { hitId: mine.newHitIds[0], userIds: expect.arrayContaining([s.a.id, s.b.id]) } });
  });

  it("a non-member, and another operation's action id, are the same 404", async () => {
    const s = await sides();
    const other = await t.services.deconfliction.registerPlannedAction({ actor: s.actorB, operationId: s.opB.id, input: { kind: "arrest", lat: 10, lon: 10, radiusM: 50, ...s.window(1, 2) } });
    await expect(t.services.deconfliction.listPlannedActions({ actor: s.actorB, operationId: s.opA.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(t.services.deconfliction.getPlannedAction({ actor: s.actorA, operationId: s.opA.id, actionId: other.action.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(t.services.deconfliction.getPlannedAction({ actor: s.actorA, operationId: s.opA.id, actionId: "nope" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("an edit is audited and checked again: a move into another action makes a new hit; a stale version is a conflict", async () => {
    const s = await sides();
    await t.services.deconfliction.registerPlannedAction({ actor: s.actorB, operationId: s.opB.id, input: { kind: "controlled_delivery", lat: 45, lon: 19, radiusM: 500, ...s.window(10, 12) } });
    const mine = await t.services.deconfliction.registerPlannedAction({ actor: s.actorA, operationId: s.opA.id, input: { kind: "search", lat: 46, lon: 19, radiusM: 500, ...s.window(10, 12) } });
    expect(mine.conflicts).toHaveLength(0);
    const before = (await t.services.deconfliction.getPlannedAction({ actor: s.actorA, operationId: s.opA.id, actionId: mine.action.id })).action;

    t.clock.advance(1000);
    const moved = await t.services.deconfliction.updatePlannedAction({
      actor: s.actorA,
      operationId: s.opA.id,
      actionId: mine.action.id,
      input: { kind: "search", lat: 45.001, lon: 19, radiusM: 500, ...s.window(11, 13), version: before.updatedAt },
    });
    expect(moved.conflicts).toHaveLength(1);
    expect(moved.newHitIds).toHaveLength(1);
    const [audit] = await t.testDb.db.select().from(auditLog).where(and(eq(auditLog.action, "action.updated"), eq(auditLog.targetId, mine.action.id)));
    expect(audit).toMatchObject({ actorId: s.a.id, operationId: s.opA.id, details: { kind: "search", moved: true, rescheduled: true, conflicts: 1, newHits: 1 } });

    // the same old version again: someone else's change is not overwritten
    await expect(
      t.services.deconfliction.updatePlannedAction({
        actor: s.actorA,
        operationId: s.opA.id,
        actionId: mine.action.id,
        input: { kind: "search", lat: 46, lon: 19, radiusM: 500, ...s.window(11, 13), version: before.updatedAt },
      }),
    ).rejects.toMatchObject({ code: "conflict", message: "stale_action" });
    const [row] = await t.testDb.db.select().from(plannedActions).where(eq(plannedActions.id, mine.action.id));
    expect(row!.lat).toBeCloseTo(45.001);

    // bad input is a field error and changes nothing
    const current = (await t.services.deconfliction.getPlannedAction({ actor: s.actorA, operationId: s.opA.id, actionId: mine.action.id })).action;
    await expect(
      t.services.deconfliction.updatePlannedAction({ actor: s.actorA, operationId: s.opA.id, actionId: mine.action.id, input: { kind: "search", lat: 95, lon: 19, radiusM: 0, ...s.window(11, 13), version: current.updatedAt } }),
    ).rejects.toMatchObject({ code: "invalid", fields: { lat: expect.any(Array), radiusM: expect.any(Array) } });
  });

  it("moving away keeps the hit but marks it as no longer conflicting", async () => {
    const s = await sides();
    await t.services.deconfliction.registerPlannedAction({ actor: s.actorB, operationId: s.opB.id, input: { kind: "raid", lat: 30, lon: 30, radiusM: 100, ...s.window(1, 3) } });
    const mine = await t.services.deconfliction.registerPlannedAction({ actor: s.actorA, operationId: s.opA.id, input: { kind: "raid", lat: 30, lon: 30, radiusM: 100, ...s.window(2, 4) } });
    const v = (await t.services.deconfliction.getPlannedAction({ actor: s.actorA, operationId: s.opA.id, actionId: mine.action.id })).action.updatedAt;
    t.clock.advance(1000);
    await t.services.deconfliction.updatePlannedAction({ actor: s.actorA, operationId: s.opA.id, actionId: mine.action.id, input: { kind: "raid", lat: 31, lon: 30, radiusM: 100, ...s.window(2, 4), version: v } });
    const detail = await t.services.deconfliction.getPlannedAction({ actor: s.actorA, operationId: s.opA.id, actionId: mine.action.id });
    expect(detail.conflicts).toEqual([expect.objectContaining({ stillConflicts: false, placesOverlap: false })]);
    expect(detail.conflicts[0]!.distanceM).toBeGreaterThan(100_000);
  });

  it("cancelling is audited, takes the action out of later checks, and is refused to observers", async () => {
    const s = await sides();
    const mine = await t.services.deconfliction.registerPlannedAction({ actor: s.actorA, operationId: s.opA.id, input: { kind: "interview", lat: -33.9, lon: 18.4, radiusM: 100, ...s.window(9, 10) } });
    const v = (await t.services.deconfliction.getPlannedAction({ actor: s.actorA, operationId: s.opA.id, actionId: mine.action.id })).action.updatedAt;
    await expect(t.services.deconfliction.cancelPlannedAction({ actor: s.observer, operationId: s.opA.id, actionId: mine.action.id, input: { version: v } })).rejects.toMatchObject({ code: "forbidden" });
    t.clock.advance(1000);
    await t.services.deconfliction.cancelPlannedAction({ actor: s.actorA, operationId: s.opA.id, actionId: mine.action.id, input: { version: v } });
    const [audit] = await t.testDb.db.select().from(auditLog).where(and(eq(auditLog.action, "action.cancelled"), eq(auditLog.targetId, mine.action.id)));
    expect(audit).toMatchObject({ actorId: s.a.id, operationId: s.opA.id, details: { kind: "interview" } });
    expect((await t.services.deconfliction.listPlannedActions({ actor: s.actorA, operationId: s.opA.id })).items).toHaveLength(0);
    expect((await t.services.deconfliction.listPlannedActions({ actor: s.actorA, operationId: s.opA.id, input: { show: "all" } })).items).toEqual([expect.objectContaining({ id: mine.action.id, cancelledAt: expect.any(String) })]);
    const later = await t.services.deconfliction.checkPlannedAction({ actor: s.actorB, operationId: s.opB.id, input: { kind: "interview", lat: -33.9, lon: 18.4, radiusM: 100, ...s.window(9, 10) } });
    expect(later.conflicts).toHaveLength(0);
    // a second cancel (or an edit) of a cancelled action is a conflict
    await expect(t.services.deconfliction.cancelPlannedAction({ actor: s.actorA, operationId: s.opA.id, actionId: mine.action.id, input: { version: v } })).rejects.toMatchObject({ code: "conflict", message: "action_cancelled" });
    expect(await t.testDb.db.select().from(hits).where(eq(hits.aActionId, mine.action.id))).toHaveLength(0);
  });
});
