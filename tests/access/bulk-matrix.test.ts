// Who may see a bulk check and its rows (which hold the values checked): its owner,
// nobody else — not another user of the office, not a member of the operation it was
// made for, not an administrator. Partners may not bulk-check at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf, createAgency, createOperation, createUser } from "../factories/index";
import { client, signInCookie, startTestApp, type TestApp } from "../setup/app";

const PERSONAS = ["owner", "otherUser", "operationMember", "admin", "ngo", "anonymous"] as const;
type Persona = (typeof PERSONAS)[number];
type Outcome = number | "login";

let app: TestApp;
const cookies = {} as Record<Persona, string | null>;
let checkId = "";
let pendingId = "";
const SECRET_VALUE = "+381 64 999 0001";

beforeAll(async () => {
  app = await startTestApp();
  const db = app.testDb.db;
  const agency = await createAgency(db, { country: "RS" });
  const u = {
    owner: await createUser(db, { agencyId: agency.id }),
    otherUser: await createUser(db, { agencyId: agency.id }),
    operationMember: await createUser(db, { agencyId: agency.id }),
    admin: await createUser(db, { agencyId: agency.id, role: "admin" }),
    ngo: await createUser(db, { role: "ngo_partner" }),
  };
  const op = await createOperation(db, { leadAgencyId: agency.id, members: [[u.owner.id, "lead"], [u.operationMember.id, "member"]] });
  const owner = await actorOf(db, u.owner.id);
  const csv = new TextEncoder().encode(`phone\n${SECRET_VALUE}\nnot a number\n`);
  checkId = (await app.services.deconfliction.uploadBulkCheck({ actor: owner, input: { filename: "seized-phone.csv", bytes: csv } })).id;
  await app.services.deconfliction.startBulkCheck({ actor: owner, bulkCheckId: checkId, input: { hasHeader: "1", columns: { "0": "phone" }, operationId: op.id } });
  pendingId = (await app.services.deconfliction.uploadBulkCheck({ actor: owner, input: { filename: "pending.csv", bytes: csv } })).id;
  // the app's own worker runs it; wait until it is done so the rows exist
  for (let i = 0; i < 150; i++) {
    if ((await app.services.deconfliction.getBulkCheck({ actor: owner, bulkCheckId: checkId })).check.status === "done") break;
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const p of PERSONAS) cookies[p] = p === "anonymous" ? null : await signInCookie(app, u[p].email);
}, 120_000);

afterAll(() => app?.close());

async function outcome(persona: Persona, path: string, init: Parameters<ReturnType<typeof client>>[1] = {}): Promise<{ outcome: Outcome; body: string }> {
  const res = await client(app, cookies[persona])(path, init);
  const body = await res.text();
  if (res.status === 302 && (res.headers.get("location") ?? "").startsWith("/login")) return { outcome: "login", body };
  return { outcome: res.status, body };
}

const OWNER_ONLY: Record<Persona, Outcome> = { owner: 200, otherUser: 404, operationMember: 404, admin: 404, ngo: 403, anonymous: "login" };

const READS: { resource: string; path: () => string; expected: Record<Persona, Outcome> }[] = [
  { resource: "my bulk checks (list + upload)", path: () => "/deconfliction/bulk", expected: { ...OWNER_ONLY, otherUser: 200, operationMember: 200, admin: 200 } },
  { resource: "a bulk check's result", path: () => `/deconfliction/bulk/${checkId}`, expected: OWNER_ONLY },
  { resource: "a bulk check's hits page", path: () => `/deconfliction/bulk/${checkId}?outcome=invalid`, expected: OWNER_ONLY },
  { resource: "a bulk check's CSV", path: () => `/deconfliction/bulk/${checkId}/result.csv`, expected: OWNER_ONLY },
  { resource: "a bulk check in its mapping step", path: () => `/deconfliction/bulk/${pendingId}`, expected: OWNER_ONLY },
  { resource: "a malformed bulk check id", path: () => "/deconfliction/bulk/not-a-uuid", expected: { ...OWNER_ONLY, owner: 404 } },
];

describe("access-control matrix: bulk checks", () => {
  for (const row of READS) {
    for (const persona of PERSONAS) {
      it(`${row.resource} × ${persona} → ${row.expected[persona]}`, async () => {
        const r = await outcome(persona, row.path());
        expect(r.outcome).toBe(row.expected[persona]);
        // the values checked never reach anyone but the owner
        if (persona !== "owner") {
          expect(r.body).not.toContain("999 0001");
          expect(r.body).not.toContain("seized-phone");
        }
      });
    }
  }

  for (const persona of PERSONAS.filter((p) => p !== "owner")) {
    it(`starting someone else's check × ${persona} is refused and changes nothing`, async () => {
      const r = await outcome(persona, `/deconfliction/bulk/${pendingId}`, { method: "POST", form: { hasHeader: "1", col_0: "phone" } });
      expect(r.outcome).toBe(OWNER_ONLY[persona]);
      const owner = await actorOf(app.testDb.db, await ownerId());
      expect((await app.services.deconfliction.getBulkCheck({ actor: owner, bulkCheckId: pendingId })).check.status).toBe("mapping");
    });
  }

  it("the owner sees the value they checked", async () => {
    const r = await outcome("owner", `/deconfliction/bulk/${checkId}?outcome=invalid`);
    expect(r.body).toContain("not a number");
  });
});

async function ownerId() {
  const r = (await app.testDb.db.execute(`select user_id from bulk_checks where id = '${pendingId}'`)) as unknown as { rows?: { user_id: string }[] } | { user_id: string }[];
  return (Array.isArray(r) ? r[0]!.user_id : r.rows![0]!.user_id) as string;
}
