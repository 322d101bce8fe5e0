import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema/index";
import { recordAudit } from "../../app/domain/audit/record-audit";
import { startOfDayInZone, utcRange } from "../../app/domain/audit/time-range";
import { AUDIT_PAGE_SIZE } from "../../app/domain/audit/schemas";
import { systemActor, type Actor } from "../../app/domain/context";
import { actorOf, createOperation, createUser } from "../factories/index";
import { createTestServices, type TestServices } from "../setup/services";

const lastAudit = async (t: TestServices, action: string) =>
  (await t.testDb.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1))[0]!;

describe("startOfDayInZone", () => {
  it.each([
    ["2026-03-10", "UTC", "2026-03-10T00:00:00.000Z"],
    ["2026-03-10", "Europe/Vienna", "2026-03-09T23:00:00.000Z"],
    ["2026-07-10", "Europe/Athens", "2026-07-09T21:00:00.000Z"],
    // the day of a DST change: midnight is still in winter time
    ["2026-03-29", "Europe/Vienna", "2026-03-28T23:00:00.000Z"],
    ["2026-10-25", "Europe/Vienna", "2026-10-24T22:00:00.000Z"],
    ["2026-01-15", "America/New_York", "2026-01-15T05:00:00.000Z"],
  ])("%s in %s begins at %s", (date, zone, iso) => {
    expect(startOfDayInZone(date, zone).toISOString()).toBe(iso);
  });

  it("makes the 'to' day inclusive", () => {
    expect(utcRange("2026-03-01", "2026-03-01", "Europe/Vienna")).toEqual({
      from: new Date("2026-02-28T23:00:00Z"),
      to: new Date("2026-03-01T23:00:00Z"),
    });
  });
});

describe("listAudit", () => {
  let t: TestServices;
  let lead: Actor;
  let admin: Actor;
  let officer: Actor;
  let alice: Actor;
  let bob: Actor;
  let opMine: { id: string; codeName: string };
  let opHidden: { id: string; codeName: string };

  const write = (actor: Actor, at: string, entry: Parameters<typeof recordAudit>[3]) =>
    t.testDb.db.transaction((tx) => recordAudit(tx, actor, new Date(at), entry));

  beforeAll(async () => {
    t = await createTestServices();
    const db = t.testDb.db;
    const leadUser = await createUser(db, { role: "office_lead" });
    lead = await actorOf(db, leadUser.id);
    admin = await actorOf(db, (await createUser(db, { role: "admin" })).id);
    officer = await actorOf(db, (await createUser(db, { role: "officer" })).id);
    alice = await actorOf(db, (await createUser(db, { name: "Alice Actor" })).id);
    bob = await actorOf(db, (await createUser(db, { name: "Bob Actor" })).id);
    opMine = await createOperation(db, { codeName: "NIGHT HERON", members: [[leadUser.id, "member"]] });
    opHidden = await createOperation(db, { codeName: "SECRET FALCON" });

    await write(alice, "2026-03-01T10:00:00Z", {
      action: "operation.updated",
      operationId: opMine.id,
      targetType: "operation",
      targetId: opMine.id,
      details: { field: "summary" },
    });
    await write(alice, "2026-03-02T10:00:00Z", {
      action: "operation.updated",
      operationId: opHidden.id,
      targetType: "operation",
      targetId: opHidden.id,
      details: { codeName: "SECRET FALCON" },
    });
    await write(bob, "2026-03-02T22:30:00Z", { action: "auth.sign_in_failed", outcome: "failure", targetType: "user", targetId: bob.id! });
    await write(bob, "2026-03-03T08:00:00Z", { action: "auth.sign_in", targetType: "user", targetId: bob.id! });
    await write(systemActor("cli"), "2026-03-04T08:00:00Z", { action: "operation.member_removed", outcome: "denied", operationId: opHidden.id });
  });
  afterAll(() => t.testDb.destroy());

  it("refuses readers who are not office leads or administrators", async () => {
    await expect(t.services.audit.list({ actor: officer, input: {} })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.audit.exportCsv({ actor: officer, input: {} })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("filters by actor, newest first", async () => {
    const r = await t.services.audit.list({ actor: lead, input: { actor: bob.id } });
    expect(r.rows.map((x) => x.action)).toEqual(["auth.sign_in", "auth.sign_in_failed"]);
    expect(r.total).toEqual({ count: 2, capped: false });
    expect(r.rows[0]).toMatchObject({ actorId: bob.id, actorLabel: bob.label, targetType: "user", targetId: bob.id, operation: null });
  });

  it("filters by action", async () => {
    const r = await t.services.audit.list({ actor: lead, input: { action: "operation.updated" } });
    expect(r.rows.map((x) => x.operation?.id)).toEqual([opHidden.id, opMine.id]);
  });

  it("filters by operation", async () => {
    const r = await t.services.audit.list({ actor: lead, input: { operation: opHidden.id } });
    expect(r.rows.map((x) => x.action)).toEqual(["operation.member_removed", "operation.updated"]);
  });

  it("filters by outcome", async () => {
    expect((await t.services.audit.list({ actor: lead, input: { outcome: "denied" } })).rows.map((x) => x.action)).toEqual(["operation.member_removed"]);
    expect((await t.services.audit.list({ actor: lead, input: { outcome: "failure", actor: bob.id } })).rows.map((x) => x.action)).toEqual([
      "auth.sign_in_failed",
    ]);
  });

  it("reads the time range as calendar days in the reader's zone", async () => {
    // 2026-03-02T22:30Z is already 3 March in Athens (UTC+2)
    const athens = await t.services.audit.list({ actor: lead, input: { actor: bob.id, from: "2026-03-03", to: "2026-03-03" }, timeZone: "Europe/Athens" });
    expect(athens.rows.map((x) => x.action)).toEqual(["auth.sign_in", "auth.sign_in_failed"]);
    const utc = await t.services.audit.list({ actor: lead, input: { actor: bob.id, from: "2026-03-03", to: "2026-03-03" }, timeZone: "UTC" });
    expect(utc.rows.map((x) => x.action)).toEqual(["auth.sign_in"]);
    const before = await t.services.audit.list({ actor: lead, input: { actor: bob.id, to: "2026-03-02" }, timeZone: "UTC" });
    expect(before.rows.map((x) => x.action)).toEqual(["auth.sign_in_failed"]);
  });

  it("rejects malformed filters with field errors", async () => {
    await expect(t.services.audit.list({ actor: lead, input: { from: "2026-02-30", outcome: "maybe", operation: "x" } })).rejects.toMatchObject({
      code: "invalid",
      fields: { from: ["validation.date"], outcome: ["validation.choose_valid"], operation: ["validation.invalid"] },
    });
    await expect(t.services.audit.list({ actor: lead, input: { from: "2026-03-05", to: "2026-03-01" } })).rejects.toMatchObject({
      fields: { to: ["validation.date_order"] },
    });
  });

  it("names only the operations the reader may know and withholds the others' details", async () => {
    const byLead = await t.services.audit.list({ actor: lead, input: { action: "operation.updated" } });
    const hidden = byLead.rows.find((r) => r.operation?.id === opHidden.id)!;
    const mine = byLead.rows.find((r) => r.operation?.id === opMine.id)!;
    expect(mine.operation).toMatchObject({ codeName: "NIGHT HERON" });
    expect(mine.details).toEqual({ field: "summary" });
    expect(hidden.operation).toEqual({ id: opHidden.id, ref: `#${opHidden.id.replace(/-/g, "").slice(0, 8)}`, codeName: null });
    expect(hidden.details).toBeNull();
    expect(JSON.stringify(byLead)).not.toContain("SECRET FALCON");
    expect(byLead.options.operations.map((o) => o.codeName)).toEqual(["NIGHT HERON"]);

    const byAdmin = await t.services.audit.list({ actor: admin, input: { action: "operation.updated" } });
    expect(byAdmin.rows.find((r) => r.operation?.id === opHidden.id)).toMatchObject({
      operation: { codeName: "SECRET FALCON" },
      details: { codeName: "SECRET FALCON" },
    });
    expect(byAdmin.options.operations.map((o) => o.codeName)).toEqual(expect.arrayContaining(["NIGHT HERON", "SECRET FALCON"]));
  });

  it("records each reading as audit.viewed with its filters", async () => {
    await t.services.audit.list({ actor: lead, input: { actor: bob.id, outcome: "failure", from: "2026-03-01" }, timeZone: "Europe/Vienna" });
    const row = await lastAudit(t, "audit.viewed");
    expect(row).toMatchObject({
      actorId: lead.id,
      outcome: "success",
      operationId: null,
      details: {
        scope: "office",
        rows: 1,
        filters: { actor: bob.id, outcome: "failure", from: "2026-03-01", timeZone: "Europe/Vienna", fromUtc: "2026-02-28T23:00:00.000Z" },
      },
    });
  });
});

describe("keyset pagination", () => {
  let t: TestServices;
  let lead: Actor;
  let chatty: Actor;
  const ids: number[] = [];

  beforeAll(async () => {
    t = await createTestServices();
    lead = await actorOf(t.testDb.db, (await createUser(t.testDb.db, { role: "office_lead" })).id);
    chatty = await actorOf(t.testDb.db, (await createUser(t.testDb.db)).id);
    const total = AUDIT_PAGE_SIZE * 2 + 7;
    for (let i = 0; i < total; i++) {
      ids.push(
        await t.testDb.db.transaction((tx) => recordAudit(tx, chatty, new Date(Date.UTC(2026, 0, 1, 0, i)), { action: "user.updated", details: { i } }))
      );
    }
    ids.reverse(); // newest first, as pages show them
  });
  afterAll(() => t.testDb.destroy());

  it("walks older and back newer without gaps or repeats", async () => {
    const list = (input: Record<string, unknown>) => t.services.audit.list({ actor: lead, input: { actor: chatty.id, ...input } });
    const p1 = await list({});
    expect(p1.rows.map((r) => r.id)).toEqual(ids.slice(0, AUDIT_PAGE_SIZE));
    expect(p1.newer).toBeNull();
    expect(p1.total).toEqual({ count: ids.length, capped: false });

    const p2 = await list({ before: p1.older });
    expect(p2.rows.map((r) => r.id)).toEqual(ids.slice(AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE * 2));
    const p3 = await list({ before: p2.older });
    expect(p3.rows.map((r) => r.id)).toEqual(ids.slice(AUDIT_PAGE_SIZE * 2));
    expect(p3.older).toBeNull();

    const back2 = await list({ after: p3.newer });
    expect(back2.rows.map((r) => r.id)).toEqual(p2.rows.map((r) => r.id));
    const back1 = await list({ after: back2.newer });
    expect(back1.rows.map((r) => r.id)).toEqual(p1.rows.map((r) => r.id));
    expect(back1.newer).toBeNull();
    expect(back1.older).toBe(p1.older);
  });
});

describe("listOperationAudit", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.testDb.destroy());

  it("shows members only their operation's rows, and answers non-members like a missing operation", async () => {
    const db = t.testDb.db;
    const member = await createUser(db, { role: "ngo_partner" });
    const outsider = await createUser(db, { role: "office_lead" });
    const op = await createOperation(db, { codeName: "RIVER DELTA", members: [[member.id, "observer"]] });
    const other = await createOperation(db);
    const writer = systemActor("cli");
    await db.transaction((tx) => recordAudit(tx, writer, new Date(), { action: "operation.updated", operationId: op.id }));
    await db.transaction((tx) => recordAudit(tx, writer, new Date(), { action: "operation.updated", operationId: other.id }));

    const memberActor = await actorOf(db, member.id);
    const r = await t.services.audit.listForOperation({ actor: memberActor, operationId: op.id, input: { operation: other.id } });
    expect(r.rows.map((x) => x.operation?.id)).toEqual([op.id]);
    expect(r.rows[0]!.operation?.codeName).toBe("RIVER DELTA");
    expect(r.options.actors.map((a) => a.id)).toEqual([member.id]);
    expect(await lastAudit(t, "audit.viewed")).toMatchObject({ actorId: member.id, operationId: op.id, details: { scope: "operation" } });

    const outsiderActor = await actorOf(db, outsider.id);
    const missing = await t.services.audit.listForOperation({ actor: outsiderActor, operationId: op.id, input: {} }).catch((e: unknown) => e);
    const unknown = await t.services.audit
      .listForOperation({ actor: outsiderActor, operationId: "00000000-0000-4000-8000-000000000000", input: {} })
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: "not_found" });
    expect(unknown).toMatchObject({ code: "not_found" });
    expect((missing as Error).message).toBe((unknown as Error).message);
  });
});
