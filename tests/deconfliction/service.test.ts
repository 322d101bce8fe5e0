import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, hits, notifications, targetKeys, targets } from "../../db/schema/index";
import { actorOf, createAgency, createOperation, createUser } from "../factories/index";
import { createTestServices, type TestServices } from "../setup/services";

describe("target deconfliction (services)", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.testDb.destroy());

  /** Two operations of different countries, each with its officer; ownCountry sets the lead agency's country. */
  async function twoOperations(countries: [string, string] = ["RS", "AT"]) {
    const db = t.testDb.db;
    const agencyA = await createAgency(db, { country: countries[0] });
    const agencyB = await createAgency(db, { country: countries[1] });
    const a = await createUser(db, { agencyId: agencyA.id, name: "Ana Officer" });
    const b = await createUser(db, { agencyId: agencyB.id, name: "Bernd Officer" });
    const opA = await createOperation(db, { leadAgencyId: agencyA.id, codeName: `BALKAN ${Math.random()}`, members: [[a.id, "lead"]] });
    const opB = await createOperation(db, { leadAgencyId: agencyB.id, codeName: `DANUBE ${Math.random()}`, members: [[b.id, "member"]] });
    return { a, b, opA, opB, agencyA, agencyB, actorA: await actorOf(db, a.id), actorB: await actorOf(db, b.id) };
  }

  it("one phone in two formats in two operations: one hit, both officers told, each sees only the other's contact", async () => {
    const db = t.testDb.db;
    const { a, b, opA, opB, agencyB, actorA, actorB } = await twoOperations(["AT", "RS"]);
    // a number of this run's own, so that a second attempt does not meet the first one's
    const last4 = String(1000 + Math.floor(Math.random() * 9000));
    const first = await t.services.deconfliction.registerTarget({ actor: actorA, operationId: opA.id, input: { kind: "phone", value: { number: `+381 64 123 ${last4}` }, note: "Driver of the van" } });
    expect(first.matches).toEqual([]);
    const before = t.events.length;
    // operation B is led by a Serbian agency: the national format reads as +381
    const second = await t.services.deconfliction.registerTarget({ actor: actorB, operationId: opB.id, input: { kind: "phone", value: { number: `064123${last4}` } } });
    expect(second.target.display).toBe(`+381 64 123${last4}`);
    expect(second.newHitIds).toHaveLength(1);
    expect(second.matches).toEqual([
      {
        score: 1,
        reasons: [{ code: "same_identifier" }],
        registeredAt: first.target.registeredAt,
        contact: { name: "Ana Officer", agency: expect.any(String), country: "AT", phone: null, email: a.email },
      },
    ]);
    const payload = JSON.stringify(second);
    expect(payload).not.toContain(opA.codeName);
    expect(payload).not.toContain("Test operation");
    expect(payload).not.toContain("Driver of the van");
    expect(payload).not.toContain(opA.id);

    const stored = await db.select().from(hits).where(eq(hits.id, second.newHitIds[0]!));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ kind: "target", identifierKind: "phone", aOperationId: opB.id, bOperationId: opA.id, aOfficerId: b.id, bOfficerId: a.id, status: "new" });

    // the registering officer learns it in the answer; the other officer by notification
    const noted = await db.select().from(notifications).where(eq(notifications.subjectId, second.newHitIds[0]!));
    expect(noted.map((n) => [n.userId, n.operationId])).toEqual([[a.id, opA.id]]);
    expect(JSON.stringify(noted)).not.toContain(opB.codeName);
    const published = t.events.slice(before);
    expect(published).toContainEqual({ name: "deconfliction.hit", payload: { hitId: second.newHitIds[0], userIds: [b.id, a.id] } });
    // no digit of the number (ids are random hex, so look for the number itself)
    expect(JSON.stringify(published)).not.toContain(`64123${last4}`);
    expect(JSON.stringify(published)).not.toContain("+381");

    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "target.registered"), eq(auditLog.targetId, second.target.id)));
    expect(audit).toMatchObject({ actorId: b.id, operationId: opB.id, outcome: "success" });
    expect(audit!.details).toMatchObject({ kind: "phone", alreadyRegistered: false, matches: 1, newHits: 1 });
    expect(JSON.stringify(audit!.details)).not.toContain(`64123${last4}`);
    const [hitAudit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "hit.created"), eq(auditLog.targetId, second.newHitIds[0]!)));
    expect(hitAudit).toMatchObject({ actorId: b.id, operationId: opB.id });
    void agencyB;
  });

  it("stores only digests in the index, and the raw value only in the owner's row", async () => {
    const db = t.testDb.db;
    const { opA, actorA } = await twoOperations();
    const r = await t.services.deconfliction.registerTarget({ actor: actorA, operationId: opA.id, input: { kind: "email", value: { email: "Boss@Example.com" } } });
    const keys = await db.select().from(targetKeys).where(eq(targetKeys.targetId, r.target.id));
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(k.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(keys).toLowerCase()).not.toContain("example");
  });

  it("re-registering or re-checking the same identifier makes no second hit and no second notification", async () => {
    const db = t.testDb.db;
    const { a, opA, opB, actorA, actorB } = await twoOperations(["RS", "RS"]);
    await t.services.deconfliction.registerTarget({ actor: actorA, operationId: opA.id, input: { kind: "phone", value: { number: "+381 65 555 0101" } } });
    const one = await t.services.deconfliction.registerTarget({ actor: actorB, operationId: opB.id, input: { kind: "phone", value: { number: "065 555 0101" } } });
    const again = await t.services.deconfliction.registerTarget({ actor: actorB, operationId: opB.id, input: { kind: "phone", value: { number: "+381655550101" } } });
    expect(again.target).toMatchObject({ id: one.target.id, alreadyRegistered: true });
    expect(again.newHitIds).toEqual([]);
    expect(again.matches).toHaveLength(1);
    await t.services.deconfliction.checkIdentifiers({ actor: actorB, input: { items: [{ kind: "phone", value: { number: "+381 65 555 0101" } }] } });
    const hitRows = await db.select().from(hits).where(eq(hits.aOperationId, opB.id));
    expect(hitRows).toHaveLength(1);
    const toA = await db.select().from(notifications).where(and(eq(notifications.userId, a.id), eq(notifications.kind, "deconfliction_hit")));
    expect(toA).toHaveLength(1);
    expect(await db.select().from(targets).where(eq(targets.operationId, opB.id))).toHaveLength(1);
  });

  it("matches a person across scripts with the same date of birth, not with another date", async () => {
    const { opA, opB, actorA, actorB } = await twoOperations();
    await t.services.deconfliction.registerTarget({ actor: actorA, operationId: opA.id, input: { kind: "person", value: { names: ["Марко Петровић"], dateOfBirth: "1985-04-12" } } });
    const same = await t.services.deconfliction.registerTarget({ actor: actorB, operationId: opB.id, input: { kind: "person", value: { names: ["Marko Petrovic"], dateOfBirth: "1985-04-12" } } });
    expect(same.newHitIds).toHaveLength(1);
    expect(same.matches[0]!.score).toBeGreaterThanOrEqual(0.85);
    expect(same.matches[0]!.reasons).toContainEqual({ code: "same_date_of_birth" });
    expect(JSON.stringify(same)).not.toContain("Петровић");

    const { opA: opC, actorA: actorC } = await twoOperations();
    const other = await t.services.deconfliction.registerTarget({ actor: actorC, operationId: opC.id, input: { kind: "person", value: { names: ["Marko Petrović"], dateOfBirth: "1991-09-30" } } });
    expect(other.matches).toEqual([]);
    expect(other.newHitIds).toEqual([]);
  });

  it("rejects bad input with per-field errors and stores nothing", async () => {
    const db = t.testDb.db;
    const { opA, actorA } = await twoOperations();
    await expect(t.services.deconfliction.registerTarget({ actor: actorA, operationId: opA.id, input: { kind: "phone", value: { number: "12ab" } } })).rejects.toMatchObject({
      code: "invalid",
      fields: { value: ["deconfliction:errors.phone_invalid_characters"] },
    });
    await expect(t.services.deconfliction.registerTarget({ actor: actorA, operationId: opA.id, input: { kind: "person", value: { names: [] } } })).rejects.toMatchObject({
      code: "invalid",
      fields: { "value.names": ["deconfliction:errors.person_name_required"] },
    });
    await expect(t.services.deconfliction.registerTarget({ actor: actorA, operationId: opA.id, input: { kind: "spaceship", value: {} } })).rejects.toMatchObject({ code: "invalid" });
    expect(await db.select().from(targets).where(eq(targets.operationId, opA.id))).toEqual([]);
  });

  it("non-members get NotFound, observers Forbidden", async () => {
    const db = t.testDb.db;
    const { opA } = await twoOperations();
    const stranger = await actorOf(db, (await createUser(db)).id);
    await expect(t.services.deconfliction.registerTarget({ actor: stranger, operationId: opA.id, input: { kind: "phone", value: { number: "+381641110000" } } })).rejects.toMatchObject({ code: "not_found" });
    const watcher = await createUser(db);
    const opW = await createOperation(db, { members: [[watcher.id, "observer"]] });
    await expect(t.services.deconfliction.registerTarget({ actor: await actorOf(db, watcher.id), operationId: opW.id, input: { kind: "phone", value: { number: "+381641110000" } } })).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.select().from(targets).where(eq(targets.operationId, opW.id))).toEqual([]);
  });

  it("checks a batch without storing: per-item errors, matches with contact, and a logged consultation without values", async () => {
    const db = t.testDb.db;
    const { a, opA, actorA, actorB } = await twoOperations(["RS", "AT"]);
    const reg = await t.services.deconfliction.registerTarget({ actor: actorA, operationId: opA.id, input: { kind: "iban", value: { iban: "DE89 3704 0044 0532 0130 00" } } });
    const targetsBefore = (await db.select().from(targets)).length;
    const r = await t.services.deconfliction.checkIdentifiers({
      actor: actorB,
      input: {
        items: [
          { kind: "iban", value: { iban: "de89370400440532013000" } },
          { kind: "phone", value: { number: "not a phone" } },
          { kind: "email", value: { email: "nobody@example.org" } },
          "garbage",
        ],
      },
    });
    expect(r.items).toHaveLength(4);
    expect(r.items[0]).toMatchObject({ index: 0, ok: true, kind: "iban", matches: [{ score: 1, contact: { email: a.email, country: "RS" } }] });
    expect(r.items[1]).toMatchObject({ index: 1, ok: false, fields: { value: [expect.stringMatching(/^deconfliction:errors\./)] } });
    expect(r.items[2]).toMatchObject({ ok: true, matches: [] });
    expect(r.items[3]).toMatchObject({ ok: false });
    expect(JSON.stringify(r)).not.toContain(opA.codeName);
    expect((await db.select().from(targets)).length).toBe(targetsBefore);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "target.checked"), eq(auditLog.actorId, actorB.id!)));
    expect(audit!.details).toEqual({ items: 4, invalid: 2, withMatches: 1, kinds: ["email", "iban"], matchedTargetIds: [reg.target.id] });
    await expect(t.services.deconfliction.checkIdentifiers({ actor: actorB, input: { items: Array.from({ length: 1001 }, () => ({})) } })).rejects.toMatchObject({ code: "invalid" });
  });
  it("shows an operation's targets, raw input included, to its members only", async () => {
    const db = t.testDb.db;
    const { opA, opB, actorA, actorB } = await twoOperations(["RS", "RS"]);
    const reg = await t.services.deconfliction.registerTarget({ actor: actorA, operationId: opA.id, input: { kind: "vehicle_plate", value: { plate: "BG 123-AB", country: "RS" }, note: "Black Audi", handlingCode: "H2" } });
    const list = await t.services.deconfliction.listTargets({ actor: actorA, operationId: opA.id });
    expect(list).toMatchObject({ total: 1, items: [{ id: reg.target.id, kind: "vehicle_plate", handlingCode: "H2", hits: 0 }] });
    const one = await t.services.deconfliction.getTarget({ actor: actorA, operationId: opA.id, input: { targetId: reg.target.id } });
    expect(one).toMatchObject({ note: "Black Audi", raw: { plate: "BG 123-AB", country: "RS" } });
    // a member of another operation: NotFound through either operation id
    await expect(t.services.deconfliction.listTargets({ actor: actorB, operationId: opA.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(t.services.deconfliction.getTarget({ actor: actorB, operationId: opB.id, input: { targetId: reg.target.id } })).rejects.toMatchObject({ code: "not_found" });
    await expect(t.services.deconfliction.getTarget({ actor: actorA, operationId: opA.id, input: { targetId: "x" } })).rejects.toMatchObject({ code: "not_found" });
    const watcher = await createUser(db);
    const opW = await createOperation(db, { members: [[watcher.id, "observer"]] });
    const observer = await actorOf(db, watcher.id);
    expect((await t.services.deconfliction.listTargets({ actor: observer, operationId: opW.id })).total).toBe(0);
    await expect(
      t.services.deconfliction.registerPlannedAction({ actor: observer, operationId: opW.id, input: { kind: "raid", lat: 1, lon: 1, radiusM: 10, startsAt: "2027-01-01T00:00:00Z", endsAt: "2027-01-01T01:00:00Z" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const partner = await actorOf(db, (await createUser(db, { role: "ngo_partner" })).id);
    await expect(t.services.deconfliction.checkIdentifiers({ actor: partner, input: { items: [{ kind: "phone", value: { number: "+381641234567" } }] } })).rejects.toMatchObject({ code: "forbidden" });
  });
});
