import { and, count, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, operationAgencies, operationMembers, operations } from "../../db/schema/index";
import { getOperationForActor } from "../../app/domain/operations/access";
import { actorOf, createAgency, createOperation, createUser } from "../factories/index";
import { createTestServices, type TestServices } from "../setup/services";

let t: TestServices;
beforeAll(async () => {
  t = await createTestServices();
});
afterAll(() => t.testDb.destroy());

const db = () => t.testDb.db;
const auditRows = (operationId: string, action: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.operationId, operationId), eq(auditLog.action, action)))
    .orderBy(desc(auditLog.id));
const auditCount = async () => Number((await db().select({ n: count() }).from(auditLog))[0]!.n);
const roleOf = async (operationId: string, userId: string) =>
  (await db().select({ role: operationMembers.role }).from(operationMembers).where(and(eq(operationMembers.operationId, operationId), eq(operationMembers.userId, userId))))[0]?.role ?? null;

/** An operation with a lead, a member and an observer, each with an Actor. */
async function team(over: Parameters<typeof createOperation>[1] = {}) {
  const agency = await createAgency(db(), { country: "RS" });
  const lead = await createUser(db(), { agencyId: agency.id });
  const member = await createUser(db());
  const observer = await createUser(db(), { role: "analyst" });
  const outsider = await createUser(db());
  const op = await createOperation(db(), {
    leadAgencyId: agency.id,
    members: [
      [lead.id, "lead"],
      [member.id, "member"],
      [observer.id, "observer"],
    ],
    ...over,
  });
  return {
    op,
    agency,
    lead: { user: lead, actor: await actorOf(db(), lead.id) },
    member: { user: member, actor: await actorOf(db(), member.id) },
    observer: { user: observer, actor: await actorOf(db(), observer.id) },
    outsider: { user: outsider, actor: await actorOf(db(), outsider.id) },
  };
}

function validCreate(agencyId: string, over: Record<string, unknown> = {}) {
  return {
    codeName: `Harbour ${Math.random().toString(36).slice(2, 8)}`,
    summary: "Smuggling network operating the Adriatic route.",
    crimeAreas: ["migrant_smuggling", "document_fraud"],
    leadAgencyId: agencyId,
    agencyIds: [],
    jitReference: "JIT-2025-014",
    jitStart: "2025-01-15",
    jitEnd: "2099-01-14",
    status: "active",
    ...over,
  };
}

async function editInput(operationId: string, actor: Awaited<ReturnType<typeof actorOf>>) {
  const { operation } = await t.services.operations.get({ actor, operationId });
  return {
    codeName: operation.codeName,
    summary: operation.summary,
    crimeAreas: operation.crimeAreas,
    leadAgencyId: operation.leadAgency.id,
    agencyIds: operation.agencies.map((a) => a.id),
    jitReference: operation.jitReference ?? "",
    jitStart: operation.jitStart ?? "",
    jitEnd: operation.jitEnd ?? "",
    status: operation.status,
    version: operation.version,
  };
}

describe("create", () => {
  it("creates the operation with its creator as lead, the lead agency participating, and both audit rows", async () => {
    const lead = await createAgency(db(), { country: "AT" });
    const partner = await createAgency(db(), { country: "HU" });
    const officer = await createUser(db(), { role: "officer" });
    const actor = await actorOf(db(), officer.id);
    const input = validCreate(lead.id, { agencyIds: [partner.id] });
    const before = await auditCount();
    const { id } = await t.services.operations.create({ actor, input });

    const [op] = await db().select().from(operations).where(eq(operations.id, id));
    expect(op).toMatchObject({ codeName: input.codeName, status: "active", jitStart: "2025-01-15", jitEnd: "2099-01-14", createdBy: officer.id, version: 1 });
    const agencyIds = (await db().select().from(operationAgencies).where(eq(operationAgencies.operationId, id))).map((a) => a.agencyId).sort();
    expect(agencyIds).toEqual([lead.id, partner.id].sort());
    expect(await roleOf(id, officer.id)).toBe("lead");

    const created = (await auditRows(id, "operation.created"))[0];
    expect(created).toMatchObject({ actorId: officer.id, targetType: "operation", targetId: id });
    expect(created!.details).toMatchObject({ codeName: input.codeName, leadAgencyId: lead.id });
    const added = (await auditRows(id, "operation.member_added"))[0];
    expect(added).toMatchObject({ actorId: officer.id, targetType: "user", targetId: officer.id, details: { role: "lead" } });
    // the third row is the operation's general chat channel, created in the same transaction
    expect(await auditCount()).toBe(before + 3);
  });

  it("refuses analysts and NGO partners", async () => {
    const agency = await createAgency(db());
    for (const role of ["analyst", "ngo_partner"] as const) {
      const u = await createUser(db(), { role });
      await expect(t.services.operations.create({ actor: await actorOf(db(), u.id), input: validCreate(agency.id) })).rejects.toMatchObject({ code: "forbidden" });
    }
  });

  it("answers a duplicate code name (any case) with a field error and writes nothing", async () => {
    const agency = await createAgency(db());
    const actor = await actorOf(db(), (await createUser(db())).id);
    const first = validCreate(agency.id);
    await t.services.operations.create({ actor, input: first });
    const before = await auditCount();
    await expect(t.services.operations.create({ actor, input: validCreate(agency.id, { codeName: `  ${first.codeName.toUpperCase()} ` }) })).rejects.toMatchObject({
      code: "invalid",
      fields: { codeName: ["operations:errors.code_name_taken"] },
    });
    expect(await auditCount()).toBe(before);
  });

  it("validates every field: lengths, dates, date order, crime areas, agencies", async () => {
    const agency = await createAgency(db());
    const actor = await actorOf(db(), (await createUser(db())).id);
    await expect(
      t.services.operations.create({
        actor,
        input: validCreate(agency.id, { codeName: "X", summary: "s".repeat(4001), crimeAreas: [], jitStart: "2025-02-30", status: "closed" }),
      }),
    ).rejects.toMatchObject({
      code: "invalid",
      fields: {
        codeName: [expect.stringContaining("validation.too_small")],
        summary: [expect.stringContaining("validation.too_big")],
        crimeAreas: ["validation.choose_one"],
        jitStart: ["validation.date"],
        status: ["validation.choose_valid"],
      },
    });
    await expect(t.services.operations.create({ actor, input: validCreate(agency.id, { jitStart: "2025-03-01", jitEnd: "2025-02-28" }) })).rejects.toMatchObject({
      code: "invalid",
      fields: { jitEnd: ["validation.date_order"] },
    });
    await expect(
      t.services.operations.create({ actor, input: validCreate("00000000-0000-4000-8000-000000000000") }),
    ).rejects.toMatchObject({ code: "invalid", fields: { leadAgencyId: ["validation.choose_valid"] } });
  });
});

describe("need-to-know", () => {
  it("gives a non-member, an unknown id and a malformed id the same NotFound on every verb", async () => {
    const { op, outsider } = await team();
    const unknown = "7d1f3f1e-0b0e-4c56-9f61-5b3a3c9a0d11";
    for (const id of [op.id, unknown, "not-a-uuid", "------------------------------------"]) {
      const actor = outsider.actor;
      await expect(getOperationForActor(db(), id, actor, t.clock.now)).rejects.toMatchObject({ code: "not_found" });
      await expect(t.services.operations.get({ actor, operationId: id })).rejects.toMatchObject({ code: "not_found" });
      await expect(t.services.operations.open({ actor, operationId: id })).rejects.toMatchObject({ code: "not_found" });
      await expect(t.services.operations.listMembers({ actor, operationId: id })).rejects.toMatchObject({ code: "not_found" });
      await expect(t.services.operations.update({ actor, operationId: id, input: {} })).rejects.toMatchObject({ code: "not_found" });
      await expect(t.services.operations.addMember({ actor, operationId: id, input: { userId: actor.id, role: "lead" } })).rejects.toMatchObject({ code: "not_found" });
      await expect(t.services.operations.changeMemberRole({ actor, operationId: id, input: { userId: actor.id, role: "lead" } })).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(t.services.operations.removeMember({ actor, operationId: id, input: { userId: actor.id } })).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await auditRows(op.id, "operation.opened")).toHaveLength(0);
  });

  it("records operation.opened when a member opens the operation", async () => {
    const { op, observer } = await team();
    await t.services.operations.open({ actor: observer.actor, operationId: op.id });
    const rows = await auditRows(op.id, "operation.opened");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: observer.user.id, targetType: "operation", targetId: op.id, details: { memberRole: "observer" } });
  });

  it("lets an admin who is not a member manage members and the agreement, but not see the operation", async () => {
    const { op, lead } = await team();
    const admin = await createUser(db(), { role: "admin" });
    const actor = await actorOf(db(), admin.id);
    const newcomer = await createUser(db());
    await expect(getOperationForActor(db(), op.id, actor, t.clock.now)).rejects.toMatchObject({ code: "not_found" });
    await expect(t.services.operations.get({ actor, operationId: op.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(t.services.operations.update({ actor, operationId: op.id, input: await editInput(op.id, lead.actor) })).rejects.toMatchObject({ code: "not_found" });

    const view = await t.services.operations.adminGet({ actor, operationId: op.id });
    expect(view.isMember).toBe(false);
    expect(view.operation).not.toHaveProperty("summary");
    expect(view.members.map((m) => m.userId)).toContain(lead.user.id);

    await t.services.operations.addMember({ actor, operationId: op.id, input: { userId: newcomer.id, role: "member" } });
    expect(await roleOf(op.id, newcomer.id)).toBe("member");
    expect((await auditRows(op.id, "operation.member_added"))[0]).toMatchObject({ actorId: admin.id, targetId: newcomer.id, details: { role: "member", via: "admin" } });
    await expect(getOperationForActor(db(), op.id, actor, t.clock.now)).rejects.toMatchObject({ code: "not_found" });
    await expect(t.services.operations.adminGet({ actor, operationId: "7d1f3f1e-0b0e-4c56-9f61-5b3a3c9a0d11" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("keeps the admin pages from everyone else", async () => {
    const { op, lead } = await team();
    await expect(t.services.operations.adminList({ actor: lead.actor, input: {} })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.operations.adminGet({ actor: lead.actor, operationId: op.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      t.services.operations.updateAgreement({ actor: lead.actor, operationId: op.id, input: { jitReference: "X", jitStart: "2020-01-01", jitEnd: "2099-01-01", status: "active", version: 1 } }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("update", () => {
  it("applies a lead's edit, bumps the version, audits before/after and emits operation.updated", async () => {
    const { op, lead } = await team();
    const partner = await createAgency(db(), { country: "GR" });
    const input = await editInput(op.id, lead.actor);
    const updated = await t.services.operations.update({
      actor: lead.actor,
      operationId: op.id,
      input: { ...input, summary: "New picture of the route.", status: "suspended", agencyIds: [...input.agencyIds, partner.id] },
    });
    expect(updated).toMatchObject({ summary: "New picture of the route.", status: "suspended", version: 2 });
    expect(updated.agencies.map((a) => a.id)).toContain(partner.id);
    const row = (await auditRows(op.id, "operation.updated"))[0]!;
    expect(row).toMatchObject({ actorId: lead.user.id, targetId: op.id });
    const changes = (row.details as { changes: Record<string, { before: unknown; after: unknown }> }).changes;
    expect(Object.keys(changes).sort()).toEqual(["agencyIds", "status", "summary"]);
    expect(changes.status).toEqual({ before: "active", after: "suspended" });
    expect(changes.summary).toEqual({ before: "Test operation", after: "New picture of the route." });
    expect(t.events).toContainEqual({ name: "operation.updated", payload: { operationId: op.id } });
  });

  it("answers a stale version with Conflict carrying the current values, and writes nothing", async () => {
    const { op, lead } = await team();
    const second = await createUser(db());
    await db().insert(operationMembers).values({ operationId: op.id, userId: second.id, role: "lead" });
    const secondActor = await actorOf(db(), second.id);
    const mine = await editInput(op.id, lead.actor);
    const theirs = await editInput(op.id, secondActor);
    await t.services.operations.update({ actor: secondActor, operationId: op.id, input: { ...theirs, summary: "Theirs" } });
    const before = await auditCount();
    const eventsBefore = t.events.length;
    const err = await t.services.operations.update({ actor: lead.actor, operationId: op.id, input: { ...mine, summary: "Mine" } }).catch((e) => e);
    expect(err).toMatchObject({ code: "conflict", message: "stale_version" });
    expect(err.params.current).toMatchObject({ summary: "Theirs", version: 2 });
    const [row] = await db().select().from(operations).where(eq(operations.id, op.id));
    expect(row).toMatchObject({ summary: "Theirs", version: 2 });
    expect(await auditCount()).toBe(before);
    expect(t.events.length).toBe(eventsBefore);
  });

  it("refuses members who are not leads, and non-creatable changes to the code name", async () => {
    const { op, lead, member } = await team();
    const input = await editInput(op.id, lead.actor);
    await expect(t.services.operations.update({ actor: member.actor, operationId: op.id, input })).rejects.toMatchObject({ code: "forbidden", message: "not_lead" });
    const other = await createOperation(db());
    await expect(t.services.operations.update({ actor: lead.actor, operationId: op.id, input: { ...input, codeName: other.codeName.toLowerCase() } })).rejects.toMatchObject({
      code: "invalid",
      fields: { codeName: ["operations:errors.code_name_taken"] },
    });
  });
});

describe("membership", () => {
  it("adds, changes the role of and removes a member, auditing each and emitting membership_changed", async () => {
    const { op, lead } = await team();
    const u = await createUser(db());
    await t.services.operations.addMember({ actor: lead.actor, operationId: op.id, input: { userId: u.id, role: "observer" } });
    expect(await roleOf(op.id, u.id)).toBe("observer");
    expect((await auditRows(op.id, "operation.member_added"))[0]).toMatchObject({ actorId: lead.user.id, targetId: u.id, details: { role: "observer", via: "lead" } });
    expect(t.events).toContainEqual({ name: "operation.membership_changed", payload: { operationId: op.id, userId: u.id, removed: false } });

    await t.services.operations.changeMemberRole({ actor: lead.actor, operationId: op.id, input: { userId: u.id, role: "lead" } });
    expect(await roleOf(op.id, u.id)).toBe("lead");
    expect((await auditRows(op.id, "operation.member_role_changed"))[0]).toMatchObject({ targetId: u.id, details: { before: "observer", after: "lead" } });

    await t.services.operations.removeMember({ actor: lead.actor, operationId: op.id, input: { userId: u.id } });
    expect(await roleOf(op.id, u.id)).toBeNull();
    expect((await auditRows(op.id, "operation.member_removed"))[0]).toMatchObject({ targetId: u.id, details: { role: "lead" } });
    expect(t.events).toContainEqual({ name: "operation.membership_changed", payload: { operationId: op.id, userId: u.id, removed: true } });
  });

  it("protects the last lead from removal and demotion", async () => {
    const { op, lead } = await team();
    const before = await auditCount();
    await expect(t.services.operations.removeMember({ actor: lead.actor, operationId: op.id, input: { userId: lead.user.id } })).rejects.toMatchObject({
      code: "conflict",
      message: "last_lead",
    });
    await expect(
      t.services.operations.changeMemberRole({ actor: lead.actor, operationId: op.id, input: { userId: lead.user.id, role: "member" } }),
    ).rejects.toMatchObject({ code: "conflict", message: "last_lead" });
    const admin = await actorOf(db(), (await createUser(db(), { role: "admin" })).id);
    await expect(t.services.operations.removeMember({ actor: admin, operationId: op.id, input: { userId: lead.user.id } })).rejects.toMatchObject({
      code: "conflict",
      message: "last_lead",
    });
    expect(await roleOf(op.id, lead.user.id)).toBe("lead");
    expect(await auditCount()).toBe(before);
  });

  it("rejects duplicates, disabled users and non-members with field errors", async () => {
    const { op, lead, member } = await team();
    const disabled = await createUser(db(), { disabled: true });
    const stranger = await createUser(db());
    await expect(t.services.operations.addMember({ actor: lead.actor, operationId: op.id, input: { userId: member.user.id, role: "member" } })).rejects.toMatchObject({
      fields: { userId: ["operations:errors.already_member"] },
    });
    await expect(t.services.operations.addMember({ actor: lead.actor, operationId: op.id, input: { userId: disabled.id, role: "member" } })).rejects.toMatchObject({
      fields: { userId: ["validation.choose_valid"] },
    });
    await expect(t.services.operations.removeMember({ actor: lead.actor, operationId: op.id, input: { userId: stranger.id } })).rejects.toMatchObject({
      fields: { userId: ["validation.not_a_member"] },
    });
    await expect(t.services.operations.addMember({ actor: lead.actor, operationId: op.id, input: { userId: stranger.id, role: "boss" } })).rejects.toMatchObject({
      fields: { role: ["validation.choose_valid"] },
    });
  });

  it("refuses members who are not leads", async () => {
    const { op, member, observer } = await team();
    await expect(t.services.operations.removeMember({ actor: member.actor, operationId: op.id, input: { userId: observer.user.id } })).rejects.toMatchObject({
      code: "forbidden",
      message: "not_lead",
    });
  });

  it("lists members, and candidates (active non-members grouped by agency) only for leads", async () => {
    const { op, lead, member } = await team();
    const agency = await createAgency(db(), { country: "AL" });
    const candidate = await createUser(db(), { agencyId: agency.id });
    await createUser(db(), { agencyId: agency.id, disabled: true });
    const forLead = await t.services.operations.listMembers({ actor: lead.actor, operationId: op.id });
    expect(forLead.canManage).toBe(true);
    expect(forLead.members.map((m) => m.role)).toEqual(["lead", "member", "observer"]);
    const group = forLead.candidates.find((g) => g.agency.id === agency.id)!;
    expect(group.users.map((u) => u.id)).toEqual([candidate.id]);
    expect(forLead.candidates.flatMap((g) => g.users.map((u) => u.id))).not.toContain(member.user.id);
    const forMember = await t.services.operations.listMembers({ actor: member.actor, operationId: op.id });
    expect(forMember).toMatchObject({ canManage: false, candidates: [] });
  });
});

describe("read-only", () => {
  async function expectAllChangesRefused(op: { id: string }, actor: Awaited<ReturnType<typeof actorOf>>, editFrom: Awaited<ReturnType<typeof actorOf>>) {
    const someone = await createUser(db());
    const before = await auditCount();
    const input = await editInput(op.id, editFrom);
    await expect(t.services.operations.update({ actor, operationId: op.id, input: { ...input, summary: "changed" } })).rejects.toMatchObject({
      code: "forbidden",
      message: "read_only",
    });
    await expect(t.services.operations.addMember({ actor, operationId: op.id, input: { userId: someone.id, role: "member" } })).rejects.toMatchObject({
      code: "forbidden",
      message: "read_only",
    });
    await expect(t.services.operations.changeMemberRole({ actor, operationId: op.id, input: { userId: actor.id, role: "member" } })).rejects.toMatchObject({
      code: "forbidden",
      message: "read_only",
    });
    await expect(t.services.operations.removeMember({ actor, operationId: op.id, input: { userId: actor.id } })).rejects.toMatchObject({
      code: "forbidden",
      message: "read_only",
    });
    expect(await auditCount()).toBe(before);
  }

  it("refuses every change when the JIT agreement has ended (UTC date), and not on its last day", async () => {
    const yesterday = new Date(t.clock.now.getTime() - 86_400_000).toISOString().slice(0, 10);
    const today = t.clock.now.toISOString().slice(0, 10);
    const expired = await team({ jitStart: "2020-01-01", jitEnd: yesterday });
    const lead = expired.lead.actor;
    const view = await t.services.operations.get({ actor: lead, operationId: expired.op.id });
    expect(view).toMatchObject({ readOnlyReason: "jit_expired", canEdit: false });
    await expectAllChangesRefused(expired.op, lead, lead);

    const lastDay = await team({ jitStart: "2020-01-01", jitEnd: today });
    const v2 = await t.services.operations.get({ actor: lastDay.lead.actor, operationId: lastDay.op.id });
    expect(v2).toMatchObject({ readOnlyReason: null, canEdit: true });
  });

  it("refuses every change when the operation is closed", async () => {
    const closed = await team({ status: "closed" });
    await expectAllChangesRefused(closed.op, closed.lead.actor, closed.lead.actor);
  });

  it("refuses every change by an observer", async () => {
    const { op, observer, lead } = await team();
    await expectAllChangesRefused(op, observer.actor, lead.actor);
  });

  it("lets an admin extend an expired agreement, which lifts the read-only state; audited with before/after", async () => {
    const expired = await team({ jitStart: "2020-01-01", jitEnd: "2021-01-01" });
    const admin = await createUser(db(), { role: "admin" });
    const actor = await actorOf(db(), admin.id);
    const frame = (await t.services.operations.adminGet({ actor, operationId: expired.op.id })).operation;
    expect(frame.readOnlyReason).toBe("jit_expired");
    const updated = await t.services.operations.updateAgreement({
      actor,
      operationId: expired.op.id,
      input: { jitReference: "JIT-TEST-EXT", jitStart: "2020-01-01", jitEnd: "2099-06-30", status: "active", version: frame.version },
    });
    expect(updated).toMatchObject({ jitEnd: "2099-06-30", readOnlyReason: null, version: frame.version + 1 });
    const row = (await auditRows(expired.op.id, "operation.updated"))[0]!;
    expect(row).toMatchObject({ actorId: admin.id, details: { via: "admin", changes: { jitEnd: { before: "2021-01-01", after: "2099-06-30" } } } });
    expect(t.events).toContainEqual({ name: "operation.updated", payload: { operationId: expired.op.id } });
    expect((await t.services.operations.get({ actor: expired.lead.actor, operationId: expired.op.id })).canEdit).toBe(true);

    await expect(
      t.services.operations.updateAgreement({
        actor,
        operationId: expired.op.id,
        input: { jitReference: "JIT", jitStart: "2020-01-01", jitEnd: "2099-06-30", status: "closed", version: frame.version },
      }),
    ).rejects.toMatchObject({ code: "conflict", message: "stale_version", params: { current: { jitEnd: "2099-06-30" } } });
  });
});

describe("list", () => {
  it("lists only the actor's operations, with filters and pagination", async () => {
    const me = await createUser(db());
    const actor = await actorOf(db(), me.id);
    const at = await createAgency(db(), { country: "AT" });
    const gr = await createAgency(db(), { country: "GR" });
    for (let i = 1; i <= 23; i++) {
      await createOperation(db(), { codeName: `Lyra ${String(i).padStart(2, "0")} ${me.id.slice(0, 6)}`, leadAgencyId: i % 2 ? at.id : gr.id, members: [[me.id, i === 1 ? "lead" : "member"]] });
    }
    const closed = await createOperation(db(), { codeName: `Vega 100% ${me.id.slice(0, 6)}`, status: "closed", leadAgencyId: gr.id, members: [[me.id, "observer"]] });
    await db().update(operations).set({ crimeAreas: ["drugs", "money_laundering"] }).where(eq(operations.id, closed.id));
    const notMine = await createOperation(db(), { codeName: `Lyra hidden ${me.id.slice(0, 6)}`, leadAgencyId: at.id });

    const page1 = await t.services.operations.list({ actor, input: {} });
    expect(page1.total).toBe(24);
    expect(page1.items).toHaveLength(20);
    expect(page1.items.map((i) => i.id)).not.toContain(notMine.id);
    expect(page1.items[0]).toMatchObject({ memberRole: "lead", memberCount: 1, leadAgencyCountry: "AT" });
    const page2 = await t.services.operations.list({ actor, input: { page: "2" } });
    expect(page2.items).toHaveLength(4);
    expect(page2.page).toBe(2);
    expect(new Set([...page1.items, ...page2.items].map((i) => i.id)).size).toBe(24);

    expect((await t.services.operations.list({ actor, input: { status: "closed" } })).items.map((i) => i.id)).toEqual([closed.id]);
    expect((await t.services.operations.list({ actor, input: { crimeArea: "drugs" } })).items.map((i) => i.id)).toEqual([closed.id]);
    expect((await t.services.operations.list({ actor, input: { country: "gr" } })).total).toBe(12);
    expect((await t.services.operations.list({ actor, input: { q: "lyra 0" } })).total).toBe(9);
    // LIKE wildcards in the search are literal
    expect((await t.services.operations.list({ actor, input: { q: "100%" } })).items.map((i) => i.id)).toEqual([closed.id]);
    expect((await t.services.operations.list({ actor, input: { q: "%" } })).total).toBe(1);
    // a mangled filter is ignored, a page past the end shows the last page
    expect((await t.services.operations.list({ actor, input: { status: "bogus", page: "99" } })).page).toBe(2);
    expect(page1.countries).toEqual(["AT", "GR"]);
  });

  it("lists every operation for an admin, without content", async () => {
    const admin = await actorOf(db(), (await createUser(db(), { role: "admin" })).id);
    const op = await createOperation(db(), { codeName: `Admin sees ${Date.now()}` });
    const r = await t.services.operations.adminList({ actor: admin, input: { q: op.codeName } });
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ id: op.id, status: "active", memberCount: 0 });
    expect(r.items[0]).not.toHaveProperty("summary");
  });
});
