import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, hits, notifications, operationMembers } from "../../db/schema/index";
import { actorOf, createAgency, createOperation, createUser } from "../factories/index";
import { createTestServices, type TestServices } from "../setup/services";

describe("deconfliction hits (services)", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.testDb.destroy());

  let seq = 0;
  /** A phone registered in two operations: one hit, side A = operation B's later registration. */
  async function hitBetweenTwoOperations() {
    const db = t.testDb.db;
    const rs = await createAgency(db, { country: "RS" });
    const a = await createUser(db, { agencyId: rs.id });
    const b = await createUser(db);
    const watcher = await createUser(db);
    const opA = await createOperation(db, { leadAgencyId: rs.id, members: [[a.id, "lead"], [watcher.id, "observer"]] });
    const opB = await createOperation(db, { members: [[b.id, "member"]] });
    const number = `+38164${String(1_000_000 + ++seq).padStart(7, "0")}`;
    const actorA = await actorOf(db, a.id);
    const actorB = await actorOf(db, b.id);
    const first = await t.services.deconfliction.registerTarget({ actor: actorA, operationId: opA.id, input: { kind: "phone", value: { number }, note: "Secret note of A" } });
    const second = await t.services.deconfliction.registerTarget({ actor: actorB, operationId: opB.id, input: { kind: "phone", value: { number } } });
    return { a, b, watcher, opA, opB, actorA, actorB, hitId: second.newHitIds[0]!, targetA: first.target, targetB: second.target };
  }

  it("each side sees its own registration and the other's contact, nothing more; outsiders get NotFound", async () => {
    const db = t.testDb.db;
    const { a, b, opA, opB, actorA, actorB, hitId, targetA, targetB } = await hitBetweenTwoOperations();
    const seenByA = await t.services.deconfliction.getHit({ actor: actorA, input: { hitId } });
    expect(seenByA).toMatchObject({
      id: hitId,
      kind: "target",
      identifierKind: "phone",
      status: "new",
      mine: { operationId: opA.id, operationCodeName: opA.codeName, targetId: targetA.id, display: targetA.display },
      other: { contact: { email: b.email } },
    });
    const seenByB = await t.services.deconfliction.getHit({ actor: actorB, input: { hitId } });
    expect(seenByB).toMatchObject({ mine: { operationId: opB.id, targetId: targetB.id }, other: { contact: { email: a.email } } });
    const json = JSON.stringify(seenByB);
    for (const secret of [opA.codeName, opA.id, targetA.id, "Secret note of A", "Test operation"]) expect(json).not.toContain(secret);
    expect(JSON.stringify(seenByA)).not.toContain(opB.codeName);

    const listA = await t.services.deconfliction.listHits({ actor: actorA });
    expect(listA.items.map((h) => h.id)).toContain(hitId);
    const stranger = await actorOf(db, (await createUser(db)).id);
    await expect(t.services.deconfliction.getHit({ actor: stranger, input: { hitId } })).rejects.toMatchObject({ code: "not_found" });
    await expect(t.services.deconfliction.getHit({ actor: stranger, input: { hitId: "nope" } })).rejects.toMatchObject({ code: "invalid" });
    expect((await t.services.deconfliction.listHits({ actor: stranger })).items).toEqual([]);
    await expect(t.services.deconfliction.updateHitStatus({ actor: stranger, input: { hitId, status: "acknowledged" } })).rejects.toMatchObject({ code: "not_found" });

    // a member who leaves stops seeing the hit
    await db.delete(operationMembers).where(and(eq(operationMembers.userId, b.id), eq(operationMembers.operationId, opB.id)));
    await expect(t.services.deconfliction.getHit({ actor: actorB, input: { hitId } })).rejects.toMatchObject({ code: "not_found" });
  });

  it("moves forward only, every step audited; observers may read but not change", async () => {
    const db = t.testDb.db;
    const { a, b, watcher, opA, opB, actorA, actorB, hitId } = await hitBetweenTwoOperations();
    const observer = await actorOf(db, watcher.id);
    expect((await t.services.deconfliction.getHit({ actor: observer, input: { hitId } })).status).toBe("new");
    await expect(t.services.deconfliction.updateHitStatus({ actor: observer, input: { hitId, status: "acknowledged" } })).rejects.toMatchObject({ code: "forbidden" });

    const ack = await t.services.deconfliction.updateHitStatus({ actor: actorA, input: { hitId, status: "acknowledged" } });
    expect(ack).toMatchObject({ status: "acknowledged", acknowledgedAt: expect.any(String) });
    await expect(t.services.deconfliction.updateHitStatus({ actor: actorB, input: { hitId, status: "acknowledged" } })).rejects.toMatchObject({ code: "conflict" });
    await t.services.deconfliction.updateHitStatus({ actor: actorB, input: { hitId, status: "in_contact" } });
    await expect(t.services.deconfliction.updateHitStatus({ actor: actorB, input: { hitId, status: "resolved" } })).rejects.toMatchObject({ code: "invalid", fields: { outcome: expect.any(Array) } });
    const done = await t.services.deconfliction.updateHitStatus({ actor: actorB, input: { hitId, status: "resolved", outcome: "joint_action", note: "Joint search on Friday" } });
    expect(done).toMatchObject({ status: "resolved", outcome: "joint_action", resolutionNote: "Joint search on Friday" });
    await expect(t.services.deconfliction.updateHitStatus({ actor: actorA, input: { hitId, status: "in_contact" } })).rejects.toMatchObject({ code: "conflict" });

    const trail = await db.select().from(auditLog).where(and(eq(auditLog.targetType, "hit"), eq(auditLog.targetId, hitId))).orderBy(auditLog.id);
    expect(trail.map((r) => [r.action, r.actorId, r.operationId, r.details])).toEqual([
      ["hit.created", b.id, opB.id, expect.objectContaining({ kind: "target", identifierKind: "phone" })],
      ["hit.acknowledged", a.id, opA.id, { from: "new", to: "acknowledged" }],
      ["hit.status_changed", b.id, opB.id, { from: "acknowledged", to: "in_contact" }],
      ["hit.resolved", b.id, opB.id, { from: "in_contact", to: "resolved", outcome: "joint_action" }],
    ]);
  });

  it("lists open hits first, oldest first", async () => {
    const one = await hitBetweenTwoOperations();
    t.clock.advance(1000);
    const db = t.testDb.db;
    // a second hit for the same officer of operation A
    const c = await createUser(db);
    const opC = await createOperation(db, { members: [[c.id, "member"]] });
    const [first] = await db.select().from(hits).where(eq(hits.id, one.hitId));
    const number = (await t.services.deconfliction.getHit({ actor: one.actorA, input: { hitId: one.hitId } })).mine.display!;
    const later = await t.services.deconfliction.registerTarget({ actor: await actorOf(db, c.id), operationId: opC.id, input: { kind: "phone", value: { number } } });
    // one hit with each of the two operations that registered the number before
    expect(later.newHitIds).toHaveLength(2);
    const [withA] = await db.select().from(hits).where(and(inArray(hits.id, later.newHitIds), eq(hits.bOperationId, one.opA.id)));
    await t.services.deconfliction.updateHitStatus({ actor: one.actorA, input: { hitId: one.hitId, status: "resolved", outcome: "no_conflict" } });
    const list = await t.services.deconfliction.listHits({ actor: one.actorA });
    expect(list.items.map((h) => h.id)).toEqual([withA!.id, first!.id]);
    expect(list.total).toBe(2);
  });

  it("escalates hits nobody acknowledged in time to the office leads, once", async () => {
    const db = t.testDb.db;
    const lead = await createUser(db, { role: "office_lead" });
    const { hitId, actorA } = await hitBetweenTwoOperations();
    const early = await t.services.deconfliction.escalateOverdueHits({ now: new Date(t.clock.now.getTime() + 3_600_000) });
    expect(early.escalated).toBe(0);
    const later = new Date(t.clock.now.getTime() + 3 * 3_600_000);
    const r = await t.services.deconfliction.escalateOverdueHits({ now: later });
    expect(r.escalated).toBeGreaterThanOrEqual(1);
    expect((await t.services.deconfliction.getHit({ actor: actorA, input: { hitId } })).escalatedAt).toBe(later.toISOString());
    await t.services.deconfliction.escalateOverdueHits({ now: new Date(later.getTime() + 3_600_000) });
    const sent = await db.select().from(notifications).where(and(eq(notifications.userId, lead.id), eq(notifications.subjectId, hitId)));
    expect(sent).toMatchObject([{ kind: "deconfliction_escalated", operationId: null, data: { hitKind: "target", hours: 2 } }]);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, "hit.escalated"), inArray(auditLog.targetId, [hitId])));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: null, actorLabel: "deconfliction-escalation" });
  });

  it("office settings: only leads and admins, validated, audited", async () => {
    const db = t.testDb.db;
    const officer = await actorOf(db, (await createUser(db)).id);
    const lead = await actorOf(db, (await createUser(db, { role: "office_lead" })).id);
    await expect(t.services.deconfliction.getSettings({ actor: officer })).rejects.toMatchObject({ code: "forbidden" });
    expect(await t.services.deconfliction.getSettings({ actor: lead })).toEqual({ personThreshold: 0.85, eventBufferM: 500, eventBufferMinutes: 30, escalationHours: 2 });
    await expect(t.services.deconfliction.updateSettings({ actor: lead, input: { personThreshold: 2, eventBufferM: 10, eventBufferMinutes: 5, escalationHours: 1 } })).rejects.toMatchObject({ code: "invalid" });
    const saved = await t.services.deconfliction.updateSettings({ actor: lead, input: { personThreshold: 0.9, eventBufferM: 250, eventBufferMinutes: 15, escalationHours: 4 } });
    expect(saved).toEqual({ personThreshold: 0.9, eventBufferM: 250, eventBufferMinutes: 15, escalationHours: 4 });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "deconfliction.settings_changed"), eq(auditLog.actorId, lead.id!)));
    expect(audit!.details).toMatchObject({ before: { personThreshold: 0.85 }, after: { personThreshold: 0.9 } });
  });
});
