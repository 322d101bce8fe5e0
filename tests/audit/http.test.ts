import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema/index";
import { recordAudit } from "../../app/domain/audit/record-audit";
import { systemActor } from "../../app/domain/context";
import { createOperation, createUser } from "../factories/index";
import { client, signInCookie, startTestApp, type TestApp } from "../setup/app";

// The nonce and the chat count's timestamp differ per response; everything else of two 404
// pages must be the same.
const normalise = (html: string) => html.replace(/nonce="[^"]*"/g, 'nonce=""').replace(/"unreadChatAt":\d+/g, '"unreadChatAt":0');

describe("audit pages over HTTP", () => {
  let app: TestApp;
  const cookies: Record<string, string> = {};
  let op: { id: string };
  let memberCookie: string;
  let outsiderCookie: string;

  beforeAll(async () => {
    app = await startTestApp();
    const db = app.testDb.db;
    for (const role of ["officer", "ngo_partner", "office_lead", "admin"] as const) {
      const u = await createUser(db, { role });
      cookies[role] = await signInCookie(app, u.email);
    }
    const member = await createUser(db, { role: "analyst" });
    const outsider = await createUser(db, { role: "officer" });
    op = await createOperation(db, { codeName: "SILENT HARBOUR", members: [[member.id, "member"]] });
    await db.transaction((tx) =>
      recordAudit(tx, systemActor("cli"), new Date(), { action: "operation.updated", operationId: op.id, details: { note: "=2+3" } })
    );
    memberCookie = await signInCookie(app, member.email);
    outsiderCookie = await signInCookie(app, outsider.email);
  });
  afterAll(() => app.close());

  it("refuses /audit to officers and NGO partners", async () => {
    for (const role of ["officer", "ngo_partner"]) {
      expect((await client(app, cookies[role]!)("/audit")).status).toBe(403);
      expect((await client(app, cookies[role]!)("/audit.csv")).status).toBe(403);
    }
  });

  it("sends a visitor who is not signed in to the sign-in page", async () => {
    const res = await client(app, null)("/audit");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?redirectTo=%2Faudit");
  });

  it("shows the log to office leads, without the chain check or an operation they are not in", async () => {
    const res = await client(app, cookies.office_lead!)("/audit");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Audit log");
    expect(html).toContain("Signed in");
    expect(html).toContain("Operation updated");
    expect(html).not.toContain("SILENT HARBOUR");
    expect(html).not.toContain("Verify chain");
    expect(html).toContain("At most 50,000 entries per file");
    expect((await client(app, cookies.office_lead!)("/audit", { method: "POST", form: { intent: "verify" } })).status).toBe(403);
  });

  it("shows administrators the code names and lets them verify the chain", async () => {
    const page = await client(app, cookies.admin!)(`/audit?operation=${op.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("SILENT HARBOUR");
    expect(html).toContain("Verify chain");
    const verified = await client(app, cookies.admin!)("/audit", { method: "POST", form: { intent: "verify" } });
    expect(verified.status).toBe(200);
    expect(await verified.text()).toMatch(/Chain intact — \d+ rows/);
  });

  it("answers malformed filters with 400 and the error beside the filter", async () => {
    const res = await client(app, cookies.office_lead!)("/audit?from=2026-02-30&outcome=maybe");
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Enter a valid date.");
    expect(html).toContain("Choose one of the listed options.");
  });

  it("downloads the filtered log as CSV", async () => {
    const res = await client(app, cookies.admin!)(`/audit.csv?action=operation.updated`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="concordia-audit-.*\.csv"$/);
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("id,time_utc,actor_id,actor,action,outcome,target_type,target_id,operation_ref,operation,ip,details");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("SILENT HARBOUR");
    expect(lines[1]).toContain('"{""note"":""=2+3""}"');
  });

  it("shows an operation's audit tab to its members", async () => {
    const res = await client(app, memberCookie)(`/operations/${op.id}/audit`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Audit trail");
    expect(html).toContain("Operation updated");
  });

  it("answers a non-member exactly like an unknown operation", async () => {
    const hidden = await client(app, outsiderCookie)(`/operations/${op.id}/audit`);
    const unknown = await client(app, outsiderCookie)(`/operations/00000000-0000-4000-8000-000000000000/audit`);
    expect(hidden.status).toBe(404);
    expect(unknown.status).toBe(404);
    // the requested URL is echoed (the language switch returns to it); nothing else may differ
    const [a, b] = [
      normalise(await hidden.text()).replaceAll(op.id, "ID"),
      normalise(await unknown.text()).replaceAll("00000000-0000-4000-8000-000000000000", "ID"),
    ];
    expect(a).toBe(b);
    expect(a).not.toContain("SILENT HARBOUR");
    // an office lead who is not a member gets the same answer on the tab
    expect((await client(app, cookies.office_lead!)(`/operations/${op.id}/audit`)).status).toBe(404);
  });

  // last: it breaks this database's chain on purpose
  it("shows the first altered row when the chain is broken", async () => {
    const db = app.testDb.db;
    const [victim] = await db.select({ id: auditLog.id }).from(auditLog).orderBy(asc(auditLog.id)).limit(1).offset(2);
    // tampering as a superuser would: switch the guard off, change a row, switch it on again
    await db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await db.execute(sql`update audit_log set actor_label = 'someone else' where id = ${victim!.id}`);
    await db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    const res = await client(app, cookies.admin!)("/audit", { method: "POST", form: { intent: "verify" } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Chain broken");
    expect(html).toContain(`Row ${victim!.id} was altered after it was written.`);
  });
});
