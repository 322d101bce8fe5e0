// Copies of the chain's head outside the database: they show what the chain alone cannot,
// that the newest rows were deleted or the chain was recomputed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema/index";
import { chainHash } from "../../app/domain/audit/chain";
import { recordAudit } from "../../app/domain/audit/record-audit";
import { WitnessFileError, readWitnessFile, witnessChainHead } from "../../app/domain/audit/witness";
import { systemActor } from "../../app/domain/context";
import { createUser } from "../factories/index";
import { client, signInCookie, startTestApp } from "../setup/app";
import { createTestServices, type TestServices } from "../setup/services";

const dir = mkdtempSync(path.join(tmpdir(), "concordia-witness-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("audit witness", () => {
  let t: TestServices;
  let file: string;
  const actor = systemActor("test");
  beforeEach(async () => {
    t = await createTestServices();
    file = path.join(dir, `witness-${Math.random().toString(36).slice(2)}.jsonl`);
    for (let i = 0; i < 4; i++) {
      await t.testDb.db.transaction((tx) => recordAudit(tx, actor, new Date(), { action: "user.updated", targetType: "user", targetId: `u${i}`, details: { i } }));
    }
    return () => t.testDb.destroy();
  });

  const newest = async () => (await t.testDb.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]!;
  const withoutTriggers = async (fn: () => Promise<unknown>) => {
    await t.testDb.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    try {
      await fn();
    } finally {
      await t.testDb.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    }
  };

  it("appends the head once, and an intact chain matches every witnessed head; the check is logged", async () => {
    const head = await newest();
    expect(await witnessChainHead(t.testDb.db, file, new Date("2026-11-22T10:00:00Z"))).toEqual({ id: head.id, hash: head.hash, at: "2026-11-22T10:00:00.000Z" });
    // the head did not move: nothing new
    expect(await witnessChainHead(t.testDb.db, file, new Date())).toBeNull();
    await t.testDb.db.transaction((tx) => recordAudit(tx, actor, new Date(), { action: "user.updated", targetType: "user", targetId: "u9" }));
    expect((await witnessChainHead(t.testDb.db, file, new Date()))?.id).toBe((await newest()).id);
    expect(readFileSync(file, "utf8").trim().split("\n")).toHaveLength(2);

    const admin = { ...systemActor("an administrator"), kind: "user" as const, id: "4b0c1b4e-0000-4000-8000-000000000001" };
    const report = await t.services.audit.verifyChain({ actor: admin, witnessFile: file });
    expect(report).toEqual({ intact: true, rows: 5, lastId: expect.any(Number), witnessed: 2 });
    const logged = await newest();
    expect(logged).toMatchObject({ action: "audit.verified", outcome: "success", actorId: admin.id, details: { rows: 5, witnessed: 2 } });
  });

  it("finds the newest rows deleted: the witnessed head is gone, though what is left still chains", async () => {
    await witnessChainHead(t.testDb.db, file, new Date());
    const head = await newest();
    const keep = (await t.testDb.db.select({ id: auditLog.id }).from(auditLog).orderBy(asc(auditLog.id)))[1]!.id;
    await withoutTriggers(() => t.testDb.db.delete(auditLog).where(gt(auditLog.id, keep)));

    // the chain alone cannot tell
    expect((await t.services.audit.verifyChain()).intact).toBe(true);
    const report = await t.services.audit.verifyChain({ witnessFile: file });
    expect(report).toMatchObject({ intact: false, firstBadId: head.id, problem: "truncated" });
    expect(await newest()).toMatchObject({ action: "audit.verified", outcome: "failure", details: { problem: "truncated", firstBadId: head.id } });
  });

  it("finds a chain recomputed from an altered row on: the witnessed row's hash differs", async () => {
    await witnessChainHead(t.testDb.db, file, new Date());
    const rows = await t.testDb.db.select().from(auditLog).orderBy(asc(auditLog.id));
    // someone with database access edits row 2 and recomputes every hash after it
    await withoutTriggers(async () => {
      let prev = rows[0]!.hash;
      for (const [i, row] of rows.entries()) {
        if (i === 0) continue;
        const details = i === 1 ? { ...row.details, i: 99 } : row.details;
        const hash = chainHash(prev, { ...row, details });
        await t.testDb.db.update(auditLog).set({ details, prevHash: prev, hash }).where(eq(auditLog.id, row.id));
        prev = hash;
      }
    });
    expect((await t.services.audit.verifyChain()).intact).toBe(true);
    const report = await t.services.audit.verifyChain({ witnessFile: file });
    expect(report).toMatchObject({ intact: false, firstBadId: rows[rows.length - 1]!.id, problem: "rewritten" });
  });

  it("refuses a witness file with an unreadable line, naming the line; a missing file witnesses nothing", async () => {
    writeFileSync(file, `${JSON.stringify({ id: 1, hash: "a".repeat(64), at: new Date().toISOString() })}\nnot json\n`);
    await expect(readWitnessFile(file)).rejects.toThrow(WitnessFileError);
    await expect(readWitnessFile(file)).rejects.toThrow(/line 2/);
    await expect(t.services.audit.verifyChain({ witnessFile: file })).rejects.toThrow(WitnessFileError);
    // nothing was logged for a check that did not run
    const checks = await t.testDb.db.select().from(auditLog).where(and(eq(auditLog.action, "audit.verified")));
    expect(checks).toEqual([]);
    expect(await readWitnessFile(path.join(dir, "absent.jsonl"))).toEqual([]);
  });
});

describe("audit witness in the running portal", () => {
  it("the server copies the head at shutdown; the admin's check shows the witnessed heads, then the cut tail", async () => {
    const file = path.join(dir, "server-witness.jsonl");
    const env = { AUDIT_WITNESS_FILE: file, AUDIT_WITNESS_INTERVAL_MS: "1000" };
    const app = await startTestApp({ env });
    try {
      const admin = await createUser(app.testDb.db, { role: "admin" });
      const cookie = await signInCookie(app, admin.email);
      // the periodic copy: wait until it has the head of what was written so far
      await expect.poll(async () => (await readWitnessFile(file)).length, { timeout: 15_000 }).toBeGreaterThan(0);
      const res = await client(app, cookie)("/audit", { method: "POST", form: { intent: "verify" } });
      const html = await res.text();
      expect(html).toMatch(/Chain intact — \d+ rows/);
      expect(html).toMatch(/All \d+ witnessed heads match\.|1 witnessed head matches\./);

      const witnessed = await readWitnessFile(file);
      const lastWitnessed = witnessed[witnessed.length - 1]!;
      await app.testDb.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await app.testDb.db.delete(auditLog).where(gt(auditLog.id, lastWitnessed.id - 1));
      await app.testDb.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
      const broken = await (await client(app, cookie)("/audit", { method: "POST", form: { intent: "verify" } })).text();
      expect(broken).toContain("Chain broken");
      expect(broken).toContain(`Row ${lastWitnessed.id} was copied to the witness file but is no longer in the log: the newest rows were deleted.`);
    } finally {
      await app.close();
    }
  });
});
