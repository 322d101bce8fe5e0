import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, bulkCheckRows, bulkChecks, hits, notifications } from "../../db/schema/index";
import { actorOf, createAgency, createOperation, createUser } from "../factories/index";
import { createTestServices, type TestServices } from "../setup/services";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("bulk checks of a CSV (services)", () => {
  let t: TestServices;
  let me: Awaited<ReturnType<typeof actorOf>>;
  let other: Awaited<ReturnType<typeof actorOf>>;
  let ngo: Awaited<ReturnType<typeof actorOf>>;
  let them: { email: string; id: string };
  let myOpId = "";
  beforeAll(async () => {
    t = await createTestServices();
    const db = t.testDb.db;
    const rs = await createAgency(db, { country: "RS" });
    const at = await createAgency(db, { country: "AT" });
    const meRow = await createUser(db, { agencyId: rs.id });
    const themRow = await createUser(db, { agencyId: at.id, name: "Eva Huber" });
    them = { email: themRow.email, id: themRow.id };
    me = await actorOf(db, meRow.id);
    other = await actorOf(db, (await createUser(db, { agencyId: rs.id })).id);
    ngo = await actorOf(db, (await createUser(db, { role: "ngo_partner" })).id);
    myOpId = (await createOperation(db, { leadAgencyId: rs.id, members: [[meRow.id, "lead"]] })).id;
    const theirOp = await createOperation(db, { leadAgencyId: at.id, members: [[themRow.id, "lead"]] });
    const actor = await actorOf(db, themRow.id);
    for (const input of [
      { kind: "phone", value: { number: "+381 64 123 4567" } },
      { kind: "email", value: { email: "courier.sava@example.org" } },
      { kind: "phone", value: { number: "+381 65 000 0042" } },
    ]) {
      await t.services.deconfliction.registerTarget({ actor, operationId: theirOp.id, input });
    }
  });
  afterAll(() => t.testDb.destroy());

  const run = () => t.services.deconfliction.runNextBulkCheck();

  it("reads a semicolon CSV with a BOM and a header, maps it, runs it: a hit with the other contact, an invalid row with its reason; no hit recorded, no one told; audited without values", async () => {
    const csv = "\uFEFFName;Telefon;E-mail\nMarko;064 123 4567;marko@example.org\nJelena;;not-an-email\nAli;+43 660 1234567;\n";
    const { id } = await t.services.deconfliction.uploadBulkCheck({ actor: me, input: { filename: "contacts.csv", bytes: bytes(csv) } });
    const { check, preview } = await t.services.deconfliction.getBulkCheck({ actor: me, bulkCheckId: id });
    expect(check.status).toBe("mapping");
    expect(preview).toMatchObject({ delimiter: ";", headerGuess: true, columnCount: 3, records: 4, guesses: ["ignore", "phone", "email"] });
    expect(preview!.sample[0]).toEqual(["Name", "Telefon", "E-mail"]);

    const hitsBefore = (await t.testDb.db.select().from(hits)).length;
    const notesBefore = (await t.testDb.db.select().from(notifications)).length;
    await t.services.deconfliction.startBulkCheck({ actor: me, bulkCheckId: id, input: { hasHeader: "1", columns: { "0": "ignore", "1": "phone", "2": "email" }, defaultCountry: "" } });
    expect(await run()).toEqual({ id, status: "done" });
    expect(await run()).toBeNull();

    const done = await t.services.deconfliction.getBulkCheck({ actor: me, bulkCheckId: id });
    expect(done.check).toMatchObject({ status: "done", totalRows: 3, processedRows: 3, hitRows: 1, invalidRows: 1 });
    const rows = await t.services.deconfliction.listBulkCheckRows({ actor: me, bulkCheckId: id });
    expect(rows.items).toEqual([
      expect.objectContaining({ rowNumber: 2, column: "Telefon", kind: "phone", value: "064 123 4567", outcome: "hit", score: 1, matches: [expect.objectContaining({ contact: expect.objectContaining({ email: them.email }) })] }),
      expect.objectContaining({ rowNumber: 3, column: "E-mail", kind: "email", value: "not-an-email", outcome: "invalid", reason: "email_invalid" }),
    ]);
    expect((await t.services.deconfliction.listBulkCheckRows({ actor: me, bulkCheckId: id, input: { outcome: "invalid" } })).total).toBe(1);

    // "just checking": nothing recorded for the other side, no one notified
    expect((await t.testDb.db.select().from(hits)).length).toBe(hitsBefore);
    expect((await t.testDb.db.select().from(notifications)).length).toBe(notesBefore);
    // the file is gone after the run
    const [stored] = await t.testDb.db.select({ mapping: bulkChecks.mapping }).from(bulkChecks).where(eq(bulkChecks.id, id));
    expect(stored!.mapping).not.toHaveProperty("records");
    expect(JSON.stringify(stored!.mapping)).not.toContain("4567");

    const audit = await t.testDb.db.select().from(auditLog).where(and(eq(auditLog.targetId, id), inArray(auditLog.action, ["bulk_check.started", "bulk_check.finished"])));
    expect(audit.map((a) => a.action).sort()).toEqual(["bulk_check.finished", "bulk_check.started"]);
    expect(audit.find((a) => a.action === "bulk_check.started")).toMatchObject({ actorId: me.id, details: { rows: 3, columns: 2, kinds: ["email", "phone"] } });
    expect(audit.find((a) => a.action === "bulk_check.finished")).toMatchObject({ actorId: me.id, details: { rows: 3, hitRows: 1, invalidRows: 1, kinds: ["email", "phone"] } });
    expect(JSON.stringify(audit)).not.toMatch(/4567|not-an-email|marko|contacts\.csv/i);

    const exported = await t.services.deconfliction.exportBulkCheck({ actor: me, bulkCheckId: id });
    expect(exported.csv.split("\r\n")[0]).toBe("\uFEFFrow,column,value,kind,outcome,normalised,score,reason,contact_name,contact_agency,contact_country,contact_phone,contact_email,registered_at");
    expect(exported.csv).toContain(`2,Telefon,064 123 4567,phone,hit,`);
    expect(exported.csv).toContain(them.email);
    expect(exported.csv).toContain("3,E-mail,not-an-email,email,invalid,,,email_invalid");
  });

  it("is the owner's alone: another user and a malformed id get the same not found; partners may not bulk-check", async () => {
    const { id } = await t.services.deconfliction.uploadBulkCheck({ actor: me, input: { filename: "a.csv", bytes: bytes("phone\n+381641234567\n") } });
    await expect(t.services.deconfliction.getBulkCheck({ actor: other, bulkCheckId: id })).rejects.toMatchObject({ code: "not_found" });
    await expect(t.services.deconfliction.listBulkCheckRows({ actor: other, bulkCheckId: id })).rejects.toMatchObject({ code: "not_found" });
    await expect(t.services.deconfliction.getBulkCheck({ actor: me, bulkCheckId: "x" })).rejects.toMatchObject({ code: "not_found" });
    await expect(t.services.deconfliction.uploadBulkCheck({ actor: ngo, input: { filename: "a.csv", bytes: bytes("a\n1\n") } })).rejects.toMatchObject({ code: "forbidden" });
    expect((await t.services.deconfliction.listBulkChecks({ actor: other })).items).toHaveLength(0);
  });

  it("refuses a file that is not CSV, a mapping with no column and one naming a missing column, with field errors", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expect(t.services.deconfliction.uploadBulkCheck({ actor: me, input: { filename: "x.png", bytes: png } })).rejects.toMatchObject({ code: "invalid", fields: { file: ["bulk:errors.not_csv"] } });
    await expect(t.services.deconfliction.uploadBulkCheck({ actor: me, input: { filename: "x.csv", bytes: new Uint8Array([0x61, 0xff, 0xfe, 0x0a]) } })).rejects.toMatchObject({ fields: { file: ["bulk:errors.not_utf8"] } });
    const { id } = await t.services.deconfliction.uploadBulkCheck({ actor: me, input: { filename: "b.csv", bytes: bytes("a,b\n+381641234567,x\n") } });
    await expect(t.services.deconfliction.startBulkCheck({ actor: me, bulkCheckId: id, input: { hasHeader: "1", columns: { "0": "ignore", "1": "ignore" } } })).rejects.toMatchObject({ code: "invalid", fields: { columns: ["bulk:errors.no_column"] } });
    await expect(t.services.deconfliction.startBulkCheck({ actor: me, bulkCheckId: id, input: { hasHeader: "1", columns: { "0": "phone", "7": "email" } } })).rejects.toMatchObject({ code: "invalid", fields: { columns: [expect.stringMatching(/^bulk:errors\.missing_column\|.*"column":8/)] } });
    await expect(t.services.deconfliction.startBulkCheck({ actor: me, bulkCheckId: id, input: { hasHeader: "1", columns: { "0": "person" } } })).rejects.toMatchObject({ code: "invalid" });
    // nothing started
    expect((await t.services.deconfliction.getBulkCheck({ actor: me, bulkCheckId: id })).check.status).toBe("mapping");
    expect(await t.testDb.db.select().from(auditLog).where(eq(auditLog.targetId, id))).toHaveLength(0);
  });

  it("a run left by a stopped process is taken over after the timeout and finishes without counting a row twice", async () => {
    const lines = ["number"];
    for (let i = 0; i < 30; i++) lines.push(i === 7 ? "+381 64 123 4567" : i === 20 ? "12" : `+4366012345${String(i).padStart(2, "0")}`);
    const { id } = await t.services.deconfliction.uploadBulkCheck({ actor: me, input: { filename: "c.csv", bytes: bytes(lines.join("\n")) } });
    await t.services.deconfliction.startBulkCheck({ actor: me, bulkCheckId: id, input: { hasHeader: "1", columns: { "0": "phone" }, operationId: myOpId } });
    let batches = 0;
    // the first process stops after one batch of ten rows, as if it had crashed
    expect(await t.services.deconfliction.runNextBulkCheck({ batchRows: 10, shouldStop: () => batches++ >= 1 })).toEqual({ id, status: "running" });
    expect((await t.services.deconfliction.getBulkCheck({ actor: me, bulkCheckId: id })).check).toMatchObject({ status: "running", processedRows: 10, hitRows: 1 });
    // not yet stale: nobody takes it
    expect(await t.services.deconfliction.runNextBulkCheck({ batchRows: 10 })).toBeNull();
    t.clock.advance(3 * 60_000);
    expect(await t.services.deconfliction.runNextBulkCheck({ batchRows: 10 })).toEqual({ id, status: "done" });
    const done = (await t.services.deconfliction.getBulkCheck({ actor: me, bulkCheckId: id })).check;
    expect(done).toMatchObject({ status: "done", totalRows: 30, processedRows: 30, hitRows: 1, invalidRows: 1, operationId: myOpId });
    expect(await t.testDb.db.select().from(bulkCheckRows).where(eq(bulkCheckRows.bulkCheckId, id))).toHaveLength(2);
  });

  it("checks 100,000 rows in batches and counts them right", async () => {
    const lines = ["msisdn,email"];
    // every 10,000th row is a registered number, every 25,000th an unreadable one; national format in the agency's country
    for (let i = 0; i < 100_000; i++) {
      const phone = i % 10_000 === 5 ? "065 000 0042" : i % 25_000 === 9 ? "12-AB" : `+43 660 ${String(1_000_000 + i)}`;
      lines.push(`${phone},${i === 77_777 ? "courier.sava@example.org" : ""}`);
    }
    const { id } = await t.services.deconfliction.uploadBulkCheck({ actor: me, input: { filename: "cdr.csv", bytes: bytes(lines.join("\n")) } });
    const { preview } = await t.services.deconfliction.getBulkCheck({ actor: me, bulkCheckId: id });
    expect(preview).toMatchObject({ records: 100_001, headerGuess: true, columnCount: 2 });
    await t.services.deconfliction.startBulkCheck({ actor: me, bulkCheckId: id, input: { hasHeader: "1", columns: { "0": "phone", "1": "email" } } });
    expect(await run()).toEqual({ id, status: "done" });
    const done = (await t.services.deconfliction.getBulkCheck({ actor: me, bulkCheckId: id })).check;
    expect(done).toMatchObject({ status: "done", totalRows: 100_000, processedRows: 100_000, hitRows: 11, invalidRows: 4 });
    const page = await t.services.deconfliction.listBulkCheckRows({ actor: me, bulkCheckId: id, input: { outcome: "hit" } });
    expect(page.total).toBe(11);
    expect(page.items[0]).toMatchObject({ rowNumber: 7, value: "065 000 0042" });
  }, 300_000);
});
