import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, hits, notifications, plannedActions } from "../../db/schema/index";
import { rowsOf } from "../../app/domain/audit/record-audit";
import { actorOf, createOperation, createUser } from "../factories/index";
import { createTestServices, type TestServices } from "../setup/services";

const H = 3_600_000;
const at = (iso: string) => new Date(iso);

describe("event deconfliction (services)", () => {
  let t: TestServices;
  let admin: Awaited<ReturnType<typeof actorOf>>;
  beforeAll(async () => {
    t = await createTestServices();
    admin = await actorOf(t.testDb.db, (await createUser(t.testDb.db, { role: "admin" })).id);
  });
  afterAll(() => t.testDb.destroy());

  async function buffers(eventBufferM: number, eventBufferMinutes: number) {
    await t.services.deconfliction.updateSettings({ actor: admin, input: { personThreshold: 0.85, eventBufferM, eventBufferMinutes, escalationHours: 2 } });
  }
  beforeEach(() => buffers(0, 0));

  async function sides() {
    const db = t.testDb.db;
    const [a, b] = [await createUser(db), await createUser(db)];
    const opA = await createOperation(db, { members: [[a.id, "lead"]] });
    const opB = await createOperation(db, { members: [[b.id, "member"]] });
    return { a, b, opA, opB, actorA: await actorOf(db, a.id), actorB: await actorOf(db, b.id) };
  }
  const action = (lat: number, lon: number, radiusM: number, startsAt: string, endsAt: string, kind = "raid") => ({ kind, lat, lon, radiusM, startsAt, endsAt });

  // every pair gets a week of its own, so actions left by earlier pairs never meet it
  let week = 0;
  const shifted = (a: ReturnType<typeof action>, weeks: number) => {
    const move = (iso: string) => new Date(at(iso).getTime() + weeks * 7 * 24 * H).toISOString();
    return { ...a, startsAt: move(a.startsAt), endsAt: move(a.endsAt) };
  };
  /** Registers x in A, then y in B; returns how many conflicts B's registration found. */
  async function pair(x: ReturnType<typeof action>, y: ReturnType<typeof action>) {
    const s = await sides();
    const n = ++week;
    await t.services.deconfliction.registerPlannedAction({ actor: s.actorA, operationId: s.opA.id, input: shifted(x, n) });
    const r = await t.services.deconfliction.registerPlannedAction({ actor: s.actorB, operationId: s.opB.id, input: shifted(y, n) });
    return r.conflicts.length;
  }

  async function distance(lat1: number, lon1: number, lat2: number, lon2: number) {
    const r = await t.testDb.db.execute(sql`select earth_distance(ll_to_earth(${lat1}::float8, ${lon1}::float8), ll_to_earth(${lat2}::float8, ${lon2}::float8)) as d`);
    return Number(rowsOf<{ d: number }>(r)[0]!.d);
  }

  it("an overlapping raid in another operation makes one event hit, both officers told, no place or case disclosed", async () => {
    const db = t.testDb.db;
    const { a, b, opA, opB, actorA, actorB } = await sides();
    await t.services.deconfliction.registerPlannedAction({ actor: actorA, operationId: opA.id, input: action(44.8176, 20.4569, 300, "2027-03-01T05:00:00Z", "2027-03-01T09:00:00Z", "surveillance") });
    const r = await t.services.deconfliction.registerPlannedAction({ actor: actorB, operationId: opB.id, input: action(44.8180, 20.4575, 200, "2027-03-01T06:00:00Z", "2027-03-01T07:00:00Z") });
    expect(r.conflicts).toEqual([
      { reasons: [{ code: "places_overlap" }, { code: "windows_overlap" }], registeredAt: expect.any(String), contact: expect.objectContaining({ email: a.email }) },
    ]);
    expect(JSON.stringify(r)).not.toMatch(/44\.81|20\.45|surveillance|Test operation/);
    expect(JSON.stringify(r)).not.toContain(opA.codeName);
    const [hit] = await db.select().from(hits).where(eq(hits.id, r.newHitIds[0]!));
    expect(hit).toMatchObject({ kind: "event", aOperationId: opB.id, bOperationId: opA.id, aOfficerId: b.id, bOfficerId: a.id });
    // the other officer's notification names their own action, not the raid that met it
    const noted = await db.select().from(notifications).where(eq(notifications.subjectId, hit!.id));
    expect(noted).toMatchObject([{ userId: a.id, kind: "deconfliction_hit", operationId: opA.id, data: { hitKind: "event", actionKind: "surveillance" } }]);
    expect(JSON.stringify(noted)).not.toContain("raid");
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "action.registered"), eq(auditLog.targetId, r.action.id)));
    expect(audit).toMatchObject({ actorId: b.id, operationId: opB.id, details: { kind: "raid", conflicts: 1, newHits: 1 } });
    // checking the same plan again finds it without a second hit
    const check = await t.services.deconfliction.checkPlannedAction({ actor: actorB, operationId: opB.id, input: action(44.8180, 20.4575, 200, "2027-03-01T06:00:00Z", "2027-03-01T07:00:00Z") });
    expect(check.conflicts).toHaveLength(1);
    expect(await db.select().from(hits).where(eq(hits.aOperationId, opB.id))).toHaveLength(1);
    const [checked] = await db.select().from(auditLog).where(and(eq(auditLog.action, "action.checked"), eq(auditLog.actorId, b.id)));
    expect(checked!.details).toMatchObject({ conflicts: 1 });
  });

  it("touching circles conflict; a metre apart they do not (no buffer)", async () => {
    const d = await distance(45, 15, 45, 15.01);
    const r1 = Math.floor(d / 2);
    const r2 = Math.ceil(d) - r1;
    const w = ["2027-04-01T10:00:00Z", "2027-04-01T12:00:00Z"] as const;
    expect(await pair(action(45, 15, r1, ...w), action(45, 15.01, r2, ...w))).toBe(1);
    expect(await pair(action(45, 15, r1, ...w), action(45, 15.01, r2 - 1, ...w))).toBe(0);
  });

  it("adjacent windows do not conflict without a time buffer, do with one", async () => {
    const first = action(48.2, 16.37, 500, "2027-05-01T08:00:00Z", "2027-05-01T10:00:00Z");
    const next = action(48.2, 16.37, 500, "2027-05-01T10:00:00Z", "2027-05-01T11:00:00Z");
    expect(await pair(first, next)).toBe(0);
    await buffers(0, 30);
    expect(await pair(first, next)).toBe(1);
    expect(await pair(first, action(48.2, 16.37, 500, "2027-05-01T10:31:00Z", "2027-05-01T11:00:00Z"))).toBe(0);
  });

  it("the spatial buffer widens the circles", async () => {
    const d = await distance(41.99, 21.43, 41.99, 21.45);
    const w = ["2027-06-01T10:00:00Z", "2027-06-01T12:00:00Z"] as const;
    const gap = 100;
    const r = Math.floor((d - gap) / 2);
    expect(await pair(action(41.99, 21.43, r, ...w), action(41.99, 21.45, r, ...w))).toBe(0);
    await buffers(150, 0);
    const s = await sides();
    const n = ++week;
    await t.services.deconfliction.registerPlannedAction({ actor: s.actorA, operationId: s.opA.id, input: shifted(action(41.99, 21.43, r, ...w), n) });
    const res = await t.services.deconfliction.registerPlannedAction({ actor: s.actorB, operationId: s.opB.id, input: shifted(action(41.99, 21.45, r, ...w), n) });
    expect(res.conflicts[0]!.reasons).toEqual([{ code: "places_within_buffer" }, { code: "windows_overlap" }]);
  });

  it("measures across the antimeridian and over the pole", async () => {
    const w = ["2027-07-01T00:00:00Z", "2027-07-01T03:00:00Z"] as const;
    // 0.2° of longitude at the equator is about 22.2 km
    expect(await pair(action(0, 179.9, 12_000, ...w), action(0, -179.9, 12_000, ...w))).toBe(1);
    expect(await pair(action(0, 179.9, 10_000, ...w), action(0, -179.9, 10_000, ...w))).toBe(0);
    // two points 0.001° from the pole on opposite meridians are about 222 m apart
    expect(await pair(action(89.999, 0, 150, ...w), action(89.999, 180, 150, ...w))).toBe(1);
    expect(await pair(action(89.999, 0, 100, ...w), action(89.999, 180, 100, ...w))).toBe(0);
    expect(await pair(action(90, 0, 1, ...w), action(90, 120, 1, ...w))).toBe(1);
  });

  it("has the extent-and-window prefilter served by the GiST index", async () => {
    const db = t.testDb.db;
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const plan = rowsOf<Record<string, string>>(
        await tx.execute(
          sql`explain select id from planned_actions
            where cancelled_at is null
              and earth_box(ll_to_earth(lat, lon), radius_m::float8) && earth_box(ll_to_earth(45::float8, 15::float8), 1000::float8)
              and tstzrange(starts_at, ends_at) && tstzrange('2027-01-01T00:00:00Z'::timestamptz, '2027-01-02T00:00:00Z'::timestamptz)`,
        ),
      );
      expect(plan.map((r) => Object.values(r)[0]).join("\n")).toContain("planned_actions_live_extent_gist_idx");
    });
  });

  it("never conflicts with the operation's own actions, and validates input", async () => {
    const { opA, actorA } = await sides();
    const w = ["2027-08-01T00:00:00Z", "2027-08-01T03:00:00Z"] as const;
    await t.services.deconfliction.registerPlannedAction({ actor: actorA, operationId: opA.id, input: action(50, 10, 1000, ...w) });
    const again = await t.services.deconfliction.registerPlannedAction({ actor: actorA, operationId: opA.id, input: action(50, 10, 1000, ...w) });
    expect(again.conflicts).toEqual([]);
    await expect(
      t.services.deconfliction.registerPlannedAction({ actor: actorA, operationId: opA.id, input: action(91, 10, 0, "2027-08-01T03:00:00Z", "2027-08-01T01:00:00Z") }),
    ).rejects.toMatchObject({ code: "invalid", fields: { lat: expect.any(Array), radiusM: expect.any(Array), endsAt: ["deconfliction:errors.window_end_before_start"] } });
    const stranger = await actorOf(t.testDb.db, (await createUser(t.testDb.db)).id);
    await expect(t.services.deconfliction.registerPlannedAction({ actor: stranger, operationId: opA.id, input: action(50, 10, 1000, ...w) })).rejects.toMatchObject({ code: "not_found" });
    await expect(t.services.deconfliction.checkPlannedAction({ actor: stranger, operationId: opA.id, input: action(50, 10, 1000, ...w) })).rejects.toMatchObject({ code: "not_found" });
  });

  it("mirrors a board planned-action card: the board registers it, rechecks when moved, cancels when it stops being one", async () => {
    const db = t.testDb.db;
    const { a, opA, opB, actorA, actorB } = await sides();
    // a place of this run's own (half a degree apart), so that a second attempt does not meet the first one's actions
    const lon = 10 + Math.floor(Math.random() * 40) / 2;
    await t.services.deconfliction.registerPlannedAction({ actor: actorB, operationId: opB.id, input: action(43.85, lon, 400, "2027-09-01T04:00:00Z", "2027-09-01T08:00:00Z") });
    // the board calls syncFromTask itself, in the card's own transaction
    const task = await t.services.boards.createTask({
      actor: actorA,
      operationId: opA.id,
      input: { title: "Search the warehouse", type: "planned_action", plannedAction: { kind: "search", latitude: 44.5, longitude: lon, radiusM: 300, windowStart: "2027-09-01T05:00:00Z", windowEnd: "2027-09-01T06:00:00Z" } },
    });
    const [row] = await db.select().from(plannedActions).where(eq(plannedActions.taskId, task.id));
    expect(row).toMatchObject({ operationId: opA.id, kind: "search", registeredBy: a.id, cancelledAt: null });
    const hitCount = async () => (await db.select().from(hits).where(eq(hits.aActionId, row!.id))).length + (await db.select().from(hits).where(eq(hits.bActionId, row!.id))).length;
    expect(await hitCount()).toBe(0);

    await t.services.boards.updateTask({ actor: actorA, input: { taskId: task.id, version: task.version, plannedAction: { kind: "search", latitude: 43.851, longitude: lon, radiusM: 300, windowStart: "2027-09-01T05:00:00Z", windowEnd: "2027-09-01T06:00:00Z" } } });
    expect(await hitCount()).toBe(1);
    // syncing again changes nothing: the same pair is one hit
    const again = await t.services.deconfliction.syncFromTask({ actor: actorA, input: { taskId: task.id } });
    expect(again.conflicts).toHaveLength(1);
    expect(again.newHitIds).toHaveLength(0);
    expect(await hitCount()).toBe(1);
    expect(await db.select().from(plannedActions).where(eq(plannedActions.taskId, task.id))).toHaveLength(1);

    const [{ version }] = (await db.execute(sql`select version from tasks where id = ${task.id}::uuid`).then(rowsOf)) as [{ version: number }];
    await t.services.boards.updateTask({ actor: actorA, input: { taskId: task.id, version, type: "general", plannedAction: null } });
    const [cancelled] = await db.select().from(plannedActions).where(eq(plannedActions.taskId, task.id));
    expect(cancelled!.cancelledAt).not.toBeNull();
    const check = await t.services.deconfliction.checkPlannedAction({ actor: actorB, operationId: opB.id, input: action(43.85, lon, 400, "2027-09-01T04:00:00Z", "2027-09-01T08:00:00Z") });
    expect(check.conflicts).toEqual([]);
    const synced = await db.select().from(auditLog).where(and(eq(auditLog.action, "action.synced"), eq(auditLog.targetId, row!.id))).orderBy(auditLog.id);
    expect(synced.map((s) => s.details)).toEqual([
      expect.objectContaining({ created: true, conflicts: 0 }),
      expect.objectContaining({ created: false, conflicts: 1, newHits: 1 }),
      expect.objectContaining({ created: false, conflicts: 1, newHits: 0 }),
      expect.objectContaining({ cancelled: true }),
    ]);
    await expect(t.services.deconfliction.syncFromTask({ actor: actorB, input: { taskId: task.id } })).rejects.toMatchObject({ code: "not_found" });
  });
});
