import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, hits, targetKeys, targets } from "../../db/schema/index";
import { defaultConfig, systemActor } from "../../app/domain/context";
import { createEventBus } from "../../app/domain/events";
import { createServices } from "../../app/domain/services";
import type { ReindexProgress } from "../../app/domain/deconfliction/reindex";
import { actorOf, createAgency, createOperation, createUser } from "../factories/index";
import { createTestDb, type TestDb } from "../setup/db";

const OLD_KEY = "old-deconfliction-key-".padEnd(40, "o");
const NEW_KEY = "new-deconfliction-key-".padEnd(40, "n");

describe("re-indexing the blind-matching index after the key changes", () => {
  let testDb: TestDb;
  const servicesWith = (secret: string | undefined) =>
    createServices({ db: testDb.db, events: createEventBus(), now: () => new Date(), config: { ...defaultConfig, deconflictionSecret: secret } });

  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(() => testDb.destroy());

  async function officerInOperation(country: string) {
    const db = testDb.db;
    const agency = await createAgency(db, { country });
    const user = await createUser(db, { agencyId: agency.id });
    const op = await createOperation(db, { leadAgencyId: agency.id, members: [[user.id, "lead"]] });
    return { user, op, actor: await actorOf(db, user.id) };
  }

  it("a registration under the new key meets the old targets only after re-indexing; hits stay; the run is audited", async () => {
    const db = testDb.db;
    const before = servicesWith(OLD_KEY);
    const a = await officerInOperation("RS");
    const b = await officerInOperation("AT");
    // national format: re-keying must read it in the operation's country again
    const phone = await before.deconfliction.registerTarget({ actor: a.actor, operationId: a.op.id, input: { kind: "phone", value: { number: "064 123 4567" } } });
    await before.deconfliction.registerTarget({
      actor: a.actor,
      operationId: a.op.id,
      input: { kind: "person", value: { names: ["Марко Петровић"], dateOfBirth: "1985-04-12" } },
    });
    await before.deconfliction.registerTarget({ actor: a.actor, operationId: a.op.id, input: { kind: "iban", value: { iban: "AT61 1904 3002 3457 3201" } } });
    const hitBefore = await before.deconfliction.registerTarget({ actor: b.actor, operationId: b.op.id, input: { kind: "iban", value: { iban: "AT611904300234573201" } } });
    expect(hitBefore.newHitIds).toHaveLength(1);
    const oldDigests = (await db.select({ d: targetKeys.digest }).from(targetKeys).where(eq(targetKeys.targetId, phone.target.id))).map((r) => r.d);

    // the server now runs with the new key, the index still holds the old digests
    const after = servicesWith(NEW_KEY);
    const c = await officerInOperation("DE");
    const missed = await after.deconfliction.checkIdentifiers({
      actor: c.actor,
      input: { items: [{ kind: "phone", value: { number: "+381641234567" } }, { kind: "person", value: { names: ["Marko Petrovic"], dateOfBirth: "1985-04-12" } }] },
    });
    expect(missed.items.map((i) => (i.ok ? i.matches.length : -1))).toEqual([0, 0]);

    const seen: ReindexProgress[] = [];
    const r = await after.deconfliction.reindex({ actor: systemActor("cli"), input: { batchSize: 2 }, onProgress: (p) => seen.push(p) });
    const total = (await db.select({ id: targets.id }).from(targets)).length;
    expect(r).toMatchObject({ done: total, total, failed: 0, failedTargetIds: [] });
    expect(r.batches).toBe(Math.ceil(total / 2));
    expect(seen[0]).toMatchObject({ done: 0, total });
    expect(seen.at(-1)).toMatchObject({ done: total, total });
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((x, y) => x - y));
    const keyCount = (await db.select({ d: targetKeys.digest }).from(targetKeys)).length;
    expect(r.keys).toBe(keyCount);
    const newDigests = (await db.select({ d: targetKeys.digest }).from(targetKeys).where(eq(targetKeys.targetId, phone.target.id))).map((r) => r.d);
    expect(newDigests).toHaveLength(oldDigests.length);
    for (const d of newDigests) expect(oldDigests).not.toContain(d);

    const found = await after.deconfliction.checkIdentifiers({
      actor: c.actor,
      input: { items: [{ kind: "phone", value: { number: "+381641234567" } }, { kind: "person", value: { names: ["Marko Petrovic"], dateOfBirth: "1985-04-12" } }] },
    });
    expect(found.items.map((i) => (i.ok ? i.matches.length : -1))).toEqual([1, 1]);
    const registered = await after.deconfliction.registerTarget({ actor: c.actor, operationId: c.op.id, input: { kind: "phone", value: { number: "00381 64 123 4567" } } });
    expect(registered.matches).toHaveLength(1);
    expect(registered.newHitIds).toHaveLength(1);
    // the IBAN pair met under the old key: its hit is still there, and meeting again does not repeat it
    const again = await after.deconfliction.registerTarget({ actor: b.actor, operationId: b.op.id, input: { kind: "iban", value: { iban: "AT61 1904 3002 3457 3201" } } });
    expect(again.matches).toHaveLength(1);
    expect(again.newHitIds).toEqual([]);
    expect(await db.select().from(hits).where(eq(hits.id, hitBefore.newHitIds[0]!))).toHaveLength(1);

    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "deconfliction.reindexed"));
    expect(audit).toMatchObject({ actorId: null, actorLabel: "cli", outcome: "success" });
    expect(audit!.details).toEqual({ targets: total, keys: keyCount, failed: 0, failedTargetIds: [], batches: r.batches, batchSize: 2 });
  });

  it("a stored value the normalisers now refuse loses its keys and is reported; the others are re-keyed", async () => {
    const db = testDb.db;
    const s = servicesWith(NEW_KEY);
    const a = await officerInOperation("AT");
    const ok = await s.deconfliction.registerTarget({ actor: a.actor, operationId: a.op.id, input: { kind: "email", value: { email: "boss@example.org" } } });
    const stale = await s.deconfliction.registerTarget({ actor: a.actor, operationId: a.op.id, input: { kind: "email", value: { email: "driver@example.org" } } });
    // as if a stricter normaliser had shipped since this was registered
    await db.update(targets).set({ raw: { email: "not an address" } }).where(eq(targets.id, stale.target.id));
    const r = await s.deconfliction.reindex({ actor: systemActor("cli") });
    expect(r.failed).toBe(1);
    expect(r.failedTargetIds).toEqual([stale.target.id]);
    expect(await db.select().from(targetKeys).where(eq(targetKeys.targetId, stale.target.id))).toEqual([]);
    expect((await db.select().from(targetKeys).where(eq(targetKeys.targetId, ok.target.id))).length).toBeGreaterThan(0);
    const rows = await db.select().from(auditLog).where(eq(auditLog.action, "deconfliction.reindexed"));
    expect(rows.at(-1)!.details).toMatchObject({ failed: 1, failedTargetIds: [stale.target.id] });
  });

  it("refuses without a configured key (never the per-process development key), officers, and a bad batch size, changing nothing", async () => {
    const db = testDb.db;
    const a = await officerInOperation("AT");
    const keysBefore = await db.select().from(targetKeys);
    const auditsBefore = await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, "deconfliction.reindexed"));
    await expect(servicesWith(undefined).deconfliction.reindex({ actor: systemActor("cli") })).rejects.toMatchObject({ code: "conflict", message: "deconfliction_not_configured" });
    await expect(servicesWith(NEW_KEY).deconfliction.reindex({ actor: a.actor })).rejects.toMatchObject({ code: "forbidden" });
    await expect(servicesWith(NEW_KEY).deconfliction.reindex({ actor: systemActor("cli"), input: { batchSize: 0 } })).rejects.toMatchObject({
      code: "invalid",
      fields: { batchSize: expect.any(Array) },
    });
    expect(await db.select().from(targetKeys)).toEqual(keysBefore);
    expect(await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, "deconfliction.reindexed"))).toEqual(auditsBefore);
  });

  it("an administrator may run it from the portal's services too", async () => {
    const db = testDb.db;
    const agency = await createAgency(db, { country: "AT" });
    const admin = await createUser(db, { agencyId: agency.id, role: "admin" });
    const r = await servicesWith(NEW_KEY).deconfliction.reindex({ actor: await actorOf(db, admin.id) });
    expect(r.done).toBe((await db.select({ id: targets.id }).from(targets)).length);
    const [last] = (await db.select().from(auditLog).where(eq(auditLog.action, "deconfliction.reindexed"))).slice(-1);
    expect(last).toMatchObject({ actorId: admin.id });
  });
});
