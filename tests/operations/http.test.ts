import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, operationMembers, operations } from "../../db/schema/index";
import type { OfficeRole } from "../../app/domain/vocabulary";
import { createAgency, createOperation, createUser } from "../factories/index";
import { client, signInCookie, startTestApp, type TestApp } from "../setup/app";

let app: TestApp;
const db = () => app.testDb.db;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

async function as(role: OfficeRole = "officer") {
  const user = await createUser(db(), { role });
  return { user, http: client(app, await signInCookie(app, user.email)) };
}

const openedCount = async (operationId: string) =>
  Number((await db().select({ n: count() }).from(auditLog).where(and(eq(auditLog.operationId, operationId), eq(auditLog.action, "operation.opened"))))[0]!.n);

// The CSP nonce and the chat count's timestamp differ per response, and the page echoes its own
// path (language switch's redirectTo).
const normalise = (html: string, requestedId: string) =>
  html.replace(/nonce="[^"]*"/g, 'nonce=""').replace(/"unreadChatAt":\d+/g, '"unreadChatAt":0').replaceAll(requestedId, "<id>");

function editForm(op: typeof operations.$inferSelect, over: Record<string, string | string[]> = {}) {
  return {
    codeName: op.codeName,
    summary: op.summary,
    crimeAreas: op.crimeAreas,
    leadAgencyId: op.leadAgencyId,
    agencyIds: [op.leadAgencyId],
    jitReference: op.jitReference ?? "",
    jitStart: op.jitStart ?? "",
    jitEnd: op.jitEnd ?? "",
    status: op.status,
    version: String(op.version),
    ...over,
  };
}

describe("need-to-know over HTTP", () => {
  it("answers a non-member, an unknown id and a malformed id with the same 404 page", async () => {
    const lead = await createUser(db());
    const op = await createOperation(db(), { members: [[lead.id, "lead"]] });
    const { http } = await as("officer");
    const nonMember = await http(`/operations/${op.id}`);
    const unknownId = "0b9a4c1e-5d7f-4e21-9a3c-7f0e2d1b6a55";
    const malformedId = "------------------------------------";
    const unknown = await http(`/operations/${unknownId}`);
    const malformed = await http(`/operations/${malformedId}`);
    const nonMemberTab = await http(`/operations/${op.id}/members`);
    expect([nonMember.status, unknown.status, malformed.status, nonMemberTab.status]).toEqual([404, 404, 404, 404]);
    const [a, b, c] = await Promise.all([nonMember.text(), unknown.text(), malformed.text()]);
    expect(a).toContain("Operation not found");
    expect(a).not.toContain(op.codeName);
    expect(normalise(a, op.id)).toBe(normalise(b, unknownId));
    expect(normalise(a, op.id)).toBe(normalise(c, malformedId));
    expect(await openedCount(op.id)).toBe(0);
  });

  it("shows an admin who is not a member the admin page (no content) but the 404 on the operation itself", async () => {
    const lead = await createUser(db());
    const op = await createOperation(db(), { members: [[lead.id, "lead"]] });
    await db().update(operations).set({ summary: "Confidential route details" }).where(eq(operations.id, op.id));
    const { http } = await as("admin");
    expect((await http(`/operations/${op.id}`)).status).toBe(404);
    const page = await http(`/admin/operations/${op.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(op.codeName);
    expect(html).not.toContain("Confidential route details");
    const list = await http("/admin/operations");
    expect(list.status).toBe(200);
    expect(await list.text()).not.toContain("Confidential route details");
    const { http: officer } = await as("officer");
    expect((await officer(`/admin/operations/${op.id}`)).status).toBe(403);
  });

  it("records operation.opened when a member opens the overview, and not when the layout revalidates", async () => {
    const { user, http } = await as("officer");
    const op = await createOperation(db(), { members: [[user.id, "member"]] });
    const page = await http(`/operations/${op.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(op.codeName);
    expect(await openedCount(op.id)).toBe(1);
    // what Remix fetches to revalidate after an action: the layout's data only
    expect((await http(`/operations/${op.id}?_data=${encodeURIComponent("routes/operations.$id")}`)).status).toBe(200);
    expect(await openedCount(op.id)).toBe(1);
    expect((await http(`/operations/${op.id}/members`)).status).toBe(200);
    expect(await openedCount(op.id)).toBe(1);
  });
});

describe("create over HTTP", () => {
  it("rejects a bad form with 400 and field errors, writing nothing", async () => {
    const { http } = await as("officer");
    const before = Number((await db().select({ n: count() }).from(operations))[0]!.n);
    const res = await http(`/operations/new?_data=${encodeURIComponent("routes/operations.new")}`, {
      method: "POST",
      form: { codeName: "X", crimeAreas: [], leadAgencyId: "nope", jitReference: "JIT-1", jitStart: "2025-05-01", jitEnd: "2025-04-01", status: "active" },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: Record<string, string[]> };
    expect(body.error.codeName?.[0]).toMatch(/^validation\.too_small/);
    expect(body.error.crimeAreas).toEqual(["validation.choose_one"]);
    expect(body.error.leadAgencyId).toEqual(["validation.invalid"]);
    expect(Number((await db().select({ n: count() }).from(operations))[0]!.n)).toBe(before);
  });

  it("creates an operation, makes the creator its lead and redirects to it", async () => {
    const { user, http } = await as("liaison_officer");
    const agency = await createAgency(db(), { country: "DE" });
    const res = await http("/operations/new", {
      method: "POST",
      form: { codeName: "Operation Kestrel", summary: "Route via the Balkans", crimeAreas: ["migrant_smuggling"], leadAgencyId: agency.id, agencyIds: [], jitReference: "JIT-K-1", jitStart: "2025-01-01", jitEnd: "2099-01-01", status: "active" },
    });
    expect(res.status).toBe(302);
    const [op] = await db().select().from(operations).where(eq(operations.codeName, "Operation Kestrel"));
    expect(res.headers.get("location")).toBe(`/operations/${op!.id}`);
    const [m] = await db().select().from(operationMembers).where(eq(operationMembers.operationId, op!.id));
    expect(m).toMatchObject({ userId: user.id, role: "lead" });
  });

  it("refuses analysts and NGO partners with 403", async () => {
    const agency = await createAgency(db());
    for (const role of ["analyst", "ngo_partner"] as const) {
      const { http } = await as(role);
      expect((await http("/operations/new")).status).toBe(403);
      const res = await http("/operations/new", {
        method: "POST",
        form: { codeName: `Refused ${role}`, crimeAreas: ["drugs"], leadAgencyId: agency.id, jitReference: "J", jitStart: "2025-01-01", jitEnd: "2099-01-01", status: "active" },
      });
      expect(res.status).toBe(403);
    }
    expect(await db().select().from(operations).where(eq(operations.codeName, "Refused analyst"))).toHaveLength(0);
  });
});

describe("changes over HTTP", () => {
  it("refuses an observer's edit with 403 and says the operation is read-only", async () => {
    const { user, http } = await as("analyst");
    const op = await createOperation(db(), { members: [[user.id, "observer"]] });
    const res = await http(`/operations/${op.id}?index`, { method: "POST", form: editForm(op, { summary: "Observer was here" }) });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("This operation is read-only.");
    const [row] = await db().select().from(operations).where(eq(operations.id, op.id));
    expect(row!.summary).toBe("Test operation");
    const add = await http(`/operations/${op.id}/members`, { method: "POST", form: { intent: "add", userId: (await createUser(db())).id, role: "member" } });
    expect(add.status).toBe(403);
  });

  it("refuses a lead's edit when the JIT agreement has ended", async () => {
    const { user, http } = await as("officer");
    const op = await createOperation(db(), { jitStart: "2019-01-01", jitEnd: "2020-12-31", members: [[user.id, "lead"]] });
    const page = await (await http(`/operations/${op.id}`)).text();
    expect(page).toContain("The JIT agreement ended on");
    const res = await http(`/operations/${op.id}?index`, { method: "POST", form: editForm(op, { summary: "Too late" }) });
    expect(res.status).toBe(403);
  });

  it("saves a lead's edit, and answers a stale version with 409 and the current values", async () => {
    const { user, http } = await as("officer");
    const op = await createOperation(db(), { members: [[user.id, "lead"]] });
    const ok = await http(`/operations/${op.id}?index`, { method: "POST", form: editForm(op, { summary: "First edit" }) });
    expect(ok.status).toBe(200);
    const stale = await http(`/operations/${op.id}?index`, { method: "POST", form: editForm(op, { summary: "Second edit on the old version" }) });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain("Someone changed this operation since you opened it.");
    expect(html).toContain("First edit");
    const [row] = await db().select().from(operations).where(eq(operations.id, op.id));
    expect(row).toMatchObject({ summary: "First edit", version: 2 });
  });

  it("manages members: add, and the last lead is protected with 409", async () => {
    const { user, http } = await as("officer");
    const op = await createOperation(db(), { members: [[user.id, "lead"]] });
    const newcomer = await createUser(db(), { name: "Nadia Newcomer" });
    const add = await http(`/operations/${op.id}/members`, { method: "POST", form: { intent: "add", userId: newcomer.id, role: "member" } });
    expect(add.status).toBe(200);
    expect(await add.text()).toContain("Nadia Newcomer");
    const bad = await http(`/operations/${op.id}/members`, { method: "POST", form: { intent: "add", userId: "", role: "chief" } });
    expect(bad.status).toBe(400);
    const last = await http(`/operations/${op.id}/members`, { method: "POST", form: { intent: "remove", userId: user.id } });
    expect(last.status).toBe(409);
    expect(await last.text()).toContain("The operation must keep at least one lead.");
    const members = await db().select().from(operationMembers).where(eq(operationMembers.operationId, op.id));
    expect(members.map((m) => m.userId).sort()).toEqual([user.id, newcomer.id].sort());
  });

  it("sends a lead who removes themselves back to their list, and refuses plain members", async () => {
    const { user, http } = await as("officer");
    const other = await createUser(db());
    const member = await as("officer");
    const op = await createOperation(db(), { members: [[user.id, "lead"], [other.id, "lead"], [member.user.id, "member"]] });
    const refused = await member.http(`/operations/${op.id}/members`, { method: "POST", form: { intent: "change_role", userId: member.user.id, role: "lead" } });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Only the operation&#x27;s leads can do this.");
    const leave = await http(`/operations/${op.id}/members`, { method: "POST", form: { intent: "remove", userId: user.id } });
    expect(leave.status).toBe(302);
    expect(leave.headers.get("location")).toBe("/operations");
    expect((await http(`/operations/${op.id}`)).status).toBe(404);
  });
});
