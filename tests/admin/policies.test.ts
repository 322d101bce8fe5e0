import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCurrentUser } from "../../app/domain/auth/current-user";
import type { Actor } from "../../app/domain/context";
import { actorOf, createAgency, createOperation, createUser } from "../factories/index";
import { createTestServices, type TestServices } from "../setup/services";
import { auditCount, lastAudit } from "./helpers";

describe("second-factor policy and the overview", () => {
  let t: TestServices;
  let admin: Actor;
  beforeAll(async () => {
    t = await createTestServices();
    admin = await actorOf(t.testDb.db, (await createUser(t.testDb.db, { role: "admin" })).id);
  });
  afterAll(() => t.testDb.destroy());

  it("lists every role, requiring nothing on a fresh install", async () => {
    const policies = await t.services.office.listPolicies({ actor: admin });
    expect(policies.map((p) => p.role)).toEqual(["admin", "office_lead", "officer", "liaison_officer", "analyst", "ngo_partner"]);
    expect(policies.every((p) => !p.requireTotp)).toBe(true);
  });

  it("saves the roles that must enrol, audits only the changes, and the rule reaches the users", async () => {
    const analyst = await createUser(t.testDb.db, { role: "analyst" });
    const r = await t.services.office.setPolicies({ actor: admin, input: { requireTotp: ["analyst", "liaison_officer"] } });
    expect(r.changed).toBe(true);
    expect(await lastAudit(t.testDb.db, "office.policy_changed")).toMatchObject({
      actorId: admin.id,
      details: { requireTotp: { analyst: { from: false, to: true }, liaison_officer: { from: false, to: true } } },
    });
    expect((await loadCurrentUser(t.testDb.db, analyst.id))?.mustEnrolTotp).toBe(true);

    // one checkbox arrives as a plain string; unchanged roles are not audited again
    await t.services.office.setPolicies({ actor: admin, input: { requireTotp: "analyst" } });
    expect((await lastAudit(t.testDb.db, "office.policy_changed"))?.details).toEqual({ requireTotp: { liaison_officer: { from: true, to: false } } });

    const before = await auditCount(t.testDb.db);
    expect((await t.services.office.setPolicies({ actor: admin, input: { requireTotp: ["analyst"] } })).changed).toBe(false);
    expect(await auditCount(t.testDb.db)).toBe(before);

    // nothing checked: nothing required
    await t.services.office.setPolicies({ actor: admin, input: {} });
    expect((await t.services.office.listPolicies({ actor: admin })).every((p) => !p.requireTotp)).toBe(true);
  });

  it("refuses an unknown role and a non-administrator", async () => {
    await expect(t.services.office.setPolicies({ actor: admin, input: { requireTotp: ["admin", "janitor"] } })).rejects.toMatchObject({ code: "invalid" });
    const officer = await actorOf(t.testDb.db, (await createUser(t.testDb.db, { role: "officer" })).id);
    await expect(t.services.office.setPolicies({ actor: officer, input: { requireTotp: [] } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.office.overview({ actor: officer })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("counts users by status, agencies, pending invitations and operations", async () => {
    const before = await t.services.office.overview({ actor: admin });
    const agency = await createAgency(t.testDb.db, { country: "MK" });
    await createUser(t.testDb.db, { agencyId: agency.id, disabled: true });
    await t.services.invitations.invite({
      actor: admin,
      input: { name: "Ana Petrovska", email: "ana.petrovska@example.test", agencyId: agency.id, officeRole: "officer", timeZone: "Europe/Skopje", locale: "en" },
    });
    await createOperation(t.testDb.db, { leadAgencyId: agency.id });
    const after = await t.services.office.overview({ actor: admin });
    expect(after.users.total - before.users.total).toBe(2);
    expect(after.users.disabled - before.users.disabled).toBe(1);
    expect(after.users.invited - before.users.invited).toBe(1);
    expect(after.agencies.total - before.agencies.total).toBe(1);
    expect(after.invitations.pending - before.invitations.pending).toBe(1);
    expect(after.operations.total - before.operations.total).toBe(1);
  });
});
