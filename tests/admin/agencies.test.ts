import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../../db/schema/index";
import { systemActor, type Actor } from "../../app/domain/context";
import { actorOf, createAgency, createUser } from "../factories/index";
import { createTestServices, type TestServices } from "../setup/services";
import { auditCount, lastAudit } from "./helpers";

describe("agencies administration", () => {
  let t: TestServices;
  let admin: Actor;
  let officer: Actor;
  beforeAll(async () => {
    t = await createTestServices();
    admin = await actorOf(t.testDb.db, (await createUser(t.testDb.db, { role: "admin" })).id);
    officer = await actorOf(t.testDb.db, (await createUser(t.testDb.db, { role: "officer" })).id);
  });
  afterAll(() => t.testDb.destroy());

  it("creates an agency, normalising the country code, and audits it", async () => {
    const row = await t.services.agencies.create({ actor: admin, input: { name: "  Policia   Kosovës ", country: "xk", kind: "police" } });
    expect(row).toMatchObject({ name: "Policia Kosovës", country: "XK", kind: "police" });
    const audit = await lastAudit(t.testDb.db, "agency.created", row.id);
    expect(audit).toMatchObject({ actorId: admin.id, targetType: "agency", details: { name: "Policia Kosovës", country: "XK", kind: "police" } });
  });

  it("refuses a name already used in the same country, whatever the case, with a field error and no write", async () => {
    await t.services.agencies.create({ actor: admin, input: { name: "Guardia di Finanza", country: "IT", kind: "customs" } });
    const before = await auditCount(t.testDb.db);
    await expect(t.services.agencies.create({ actor: admin, input: { name: "GUARDIA DI FINANZA", country: "IT", kind: "police" } })).rejects.toMatchObject({
      code: "invalid",
      fields: { name: ["admin:errors.agency_name_taken"] },
    });
    expect(await auditCount(t.testDb.db)).toBe(before);
    // the same name in another country is another agency
    await expect(t.services.agencies.create({ actor: admin, input: { name: "Guardia di Finanza", country: "SM", kind: "customs" } })).resolves.toBeTruthy();
  });

  it("validates name length, country against the ISO list, and kind", async () => {
    await expect(t.services.agencies.create({ actor: admin, input: { name: "X", country: "QQ", kind: "army" } })).rejects.toMatchObject({
      code: "invalid",
      fields: {
        name: [expect.stringContaining("validation.too_small")],
        country: ["validation.country"],
        kind: ["validation.choose_valid"],
      },
    });
    await expect(t.services.agencies.create({ actor: admin, input: { name: "A".repeat(121), country: "AT", kind: "police" } })).rejects.toMatchObject({
      fields: { name: [expect.stringContaining("validation.too_big")] },
    });
  });

  it("updates only changed fields and audits before and after", async () => {
    const a = await createAgency(t.testDb.db, { name: "Hellenic Coast Guard", country: "GR", kind: "police" });
    const r = await t.services.agencies.update({
      actor: admin,
      agencyId: a.id,
      input: { name: "Hellenic Coast Guard", country: "GR", kind: "border_police", version: a.updatedAt.toISOString() },
    });
    expect(r.changed).toBe(true);
    const audit = await lastAudit(t.testDb.db, "agency.updated", a.id);
    expect(audit?.details).toEqual({ changes: { kind: { from: "police", to: "border_police" } } });
    const [row] = await t.testDb.db.select().from(agencies).where(eq(agencies.id, a.id));
    expect(row!.kind).toBe("border_police");
  });

  it("refuses a stale edit instead of overwriting a newer change", async () => {
    const a = await createAgency(t.testDb.db, { name: "Guardia Civil", country: "ES" });
    const staleVersion = a.updatedAt.toISOString();
    t.clock.advance(1000);
    await t.services.agencies.update({ actor: admin, agencyId: a.id, input: { name: "Guardia Civil", country: "ES", kind: "border_police", version: staleVersion } });
    t.clock.advance(1000);
    await expect(
      t.services.agencies.update({ actor: admin, agencyId: a.id, input: { name: "Guardia Civil", country: "ES", kind: "customs", version: staleVersion } }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses renaming onto another agency's name in the same country", async () => {
    await createAgency(t.testDb.db, { name: "Policie ČR", country: "CZ" });
    const b = await createAgency(t.testDb.db, { name: "Celní správa", country: "CZ", kind: "customs" });
    await expect(t.services.agencies.update({ actor: admin, agencyId: b.id, input: { name: "policie čr", country: "CZ", kind: "customs" } })).rejects.toMatchObject({
      code: "invalid",
      fields: { name: ["admin:errors.agency_name_taken"] },
    });
  });

  it("lists with filters on country, kind and text, paginated", async () => {
    await createAgency(t.testDb.db, { name: "Zollfahndung Wien", country: "AT", kind: "customs" });
    await createAgency(t.testDb.db, { name: "Zollamt Graz", country: "AT", kind: "customs" });
    const byKind = await t.services.agencies.list({ actor: admin, input: { country: "AT", kind: "customs" } });
    expect(byKind.items.map((a) => a.name)).toEqual(["Zollamt Graz", "Zollfahndung Wien"]);
    const byText = await t.services.agencies.list({ actor: admin, input: { q: "fahndung" } });
    expect(byText.items.map((a) => a.name)).toEqual(["Zollfahndung Wien"]);
    const paged = await t.services.agencies.list({ actor: admin, input: { country: "AT", kind: "customs", pageSize: "1", page: "2" } });
    expect(paged).toMatchObject({ total: 2, page: 2 });
    expect(paged.items.map((a) => a.name)).toEqual(["Zollfahndung Wien"]);
    // a malformed filter is ignored, not an error
    const lenient = await t.services.agencies.list({ actor: admin, input: { country: "nowhere", kind: "army", page: "-3" } });
    expect(lenient.page).toBe(1);
    expect(lenient.total).toBeGreaterThan(2);
    // a literal % matches only itself
    expect((await t.services.agencies.list({ actor: admin, input: { q: "%" } })).total).toBe(0);
  });

  it("is for administrators and the command line only", async () => {
    await expect(t.services.agencies.list({ actor: officer, input: {} })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.agencies.create({ actor: officer, input: { name: "Sneaky", country: "AT", kind: "police" } })).rejects.toMatchObject({ code: "forbidden" });
    const cli = systemActor("cli");
    const row = await t.services.agencies.create({ actor: cli, input: { name: "Policija", country: "SI", kind: "police" } });
    expect(await lastAudit(t.testDb.db, "agency.created", row.id)).toMatchObject({ actorId: null, actorLabel: "cli" });
  });

  it("answers a malformed or unknown id with NotFound", async () => {
    await expect(t.services.agencies.get({ actor: admin, agencyId: "not-a-uuid" })).rejects.toMatchObject({ code: "not_found" });
    await expect(t.services.agencies.get({ actor: admin, agencyId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "not_found" });
  });
});
