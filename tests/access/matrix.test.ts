// The access-control matrix: every resource × every kind of visitor, over HTTP
// and over sockets, with the expected outcome in one table. Later features add rows.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgency, createOperation, createUser } from "../factories/index";
import { client, startTestApp, type TestApp } from "../setup/app";
import { closeAllSockets, connectOutcome, connectSocket, joinOperation } from "../socket/helpers";
import { PERSONAS, type Persona, type Outcome, MEMBERS_ONLY, httpOutcome, createPersonaUsers, personaMembers, signInPersonas } from "./personas";


let app: TestApp;
let cookies = {} as Record<Persona, string | null>;
let opId = "";
let otherOpId = "";
let candidateId = "";
const SECRET_SUMMARY = "Summary only members may read: safehouse on Vardar street";

beforeAll(async () => {
  app = await startTestApp();
  const db = app.testDb.db;
  const agency = await createAgency(db, { country: "RS" });
  const u = await createPersonaUsers(db, agency.id);
  candidateId = (await createUser(db, { agencyId: agency.id })).id;
  const op = await createOperation(db, {
    leadAgencyId: agency.id,
    members: personaMembers(u),
  });
  opId = op.id;
  await app.testDb.db.execute(`update operations set summary = '${SECRET_SUMMARY}' where id = '${op.id}'`);
  // the NGO partner belongs to another operation only: they see what is theirs, nothing else
  otherOpId = (await createOperation(db, { leadAgencyId: agency.id, members: [[u.ngo.id, "observer"]] })).id;

  // disabled after signing in: the live session must stop working
  cookies = await signInPersonas(app, u);
}, 120_000);

afterAll(async () => {
  closeAllSockets();
  await app?.close();
});

const outcome = (persona: Persona, path: string, init: Parameters<ReturnType<typeof client>>[1] = {}) => httpOutcome(app, cookies[persona], path, init);

const ADMIN_ONLY: Record<Persona, Outcome> = {
  lead: 403,
  member: 403,
  observer: 403,
  nonMember: 403,
  adminNonMember: 200,
  officeLeadNonMember: 403,
  ngo: 403,
  disabled: "login",
  anonymous: "login",
};

const HTTP_READS: { resource: string; path: () => string; expected: Record<Persona, Outcome> }[] = [
  { resource: "operation overview", path: () => `/operations/${opId}`, expected: MEMBERS_ONLY },
  { resource: "operation members", path: () => `/operations/${opId}/members`, expected: MEMBERS_ONLY },
  { resource: "operation audit tab", path: () => `/operations/${opId}/audit`, expected: MEMBERS_ONLY },
  {
    resource: "office audit log",
    path: () => "/audit",
    expected: { ...ADMIN_ONLY, officeLeadNonMember: 200 },
  },
  {
    resource: "office audit CSV export",
    path: () => "/audit.csv",
    expected: { ...ADMIN_ONLY, officeLeadNonMember: 200 },
  },
  { resource: "admin overview", path: () => "/admin", expected: ADMIN_ONLY },
  { resource: "admin users", path: () => "/admin/users", expected: ADMIN_ONLY },
  { resource: "admin agencies", path: () => "/admin/agencies", expected: ADMIN_ONLY },
  { resource: "admin invitations", path: () => "/admin/invitations", expected: ADMIN_ONLY },
  { resource: "admin second-factor policy", path: () => "/admin/policies", expected: ADMIN_ONLY },
  { resource: "admin operations", path: () => "/admin/operations", expected: ADMIN_ONLY },
  { resource: "admin operation membership", path: () => `/admin/operations/${opId}`, expected: ADMIN_ONLY },
  { resource: "dashboard", path: () => "/dashboard", expected: { ...MEMBERS_ONLY, nonMember: 200, adminNonMember: 200, officeLeadNonMember: 200, ngo: 200 } },
];

describe("access-control matrix over HTTP: reads", () => {
  for (const row of HTTP_READS) {
    for (const persona of PERSONAS) {
      it(`${row.resource} × ${persona} → ${row.expected[persona]}`, async () => {
        const { outcome: got, body } = await outcome(persona, row.path());
        expect(got).toBe(row.expected[persona]);
        // whatever the status, a non-member never reads the operation's content
        if (!["lead", "member", "observer"].includes(persona)) expect(body).not.toContain(SECRET_SUMMARY);
      });
    }
  }

  it("a non-member's 404 is the same as for an operation that does not exist", async () => {
    const missing = await outcome("nonMember", `/operations/${randomUUID()}`);
    const hidden = await outcome("nonMember", `/operations/${opId}`);
    const malformed = await outcome("nonMember", `/operations/not-a-uuid`);
    expect(hidden.outcome).toBe(404);
    expect(missing.outcome).toBe(404);
    expect(malformed.outcome).toBe(404);
    const strip = (html: string) => html.replace(/nonce="[^"]*"/g, "").replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "");
    expect(strip(hidden.body).length).toBe(strip(missing.body).length);
  });
});

describe("access-control matrix over HTTP: writes", () => {
  // Adding a member: only the operation's leads, and admins from the admin page.
  const addMember = (persona: Persona, path: string) =>
    outcome(persona, path, { method: "POST", form: { intent: "add", userId: candidateId, role: "member" } });

  // Admins manage membership without seeing content, whichever page posts it;
  // the action answers with the form result only, never the operation's content.
  const CONTENT_WRITE: Record<Persona, Outcome> = {
    lead: 200,
    member: 403,
    observer: 403,
    nonMember: 404,
    adminNonMember: 200,
    officeLeadNonMember: 404,
    ngo: 404,
    disabled: "login",
    anonymous: "login",
  };
  for (const persona of PERSONAS) {
    it(`add member on the operation page × ${persona} → ${CONTENT_WRITE[persona]}`, async () => {
      if (CONTENT_WRITE[persona] === 200) {
        // remove first so the add is a real change every time
        await client(app, cookies[persona])(`/operations/${opId}/members`, { method: "POST", form: { intent: "remove", userId: candidateId } });
      }
      const { outcome: got } = await addMember(persona, `/operations/${opId}/members`);
      expect(got).toBe(CONTENT_WRITE[persona]);
    });
  }

  for (const persona of PERSONAS) {
    const expected = { ...ADMIN_ONLY };
    it(`add member on the admin page × ${persona} → ${expected[persona]}`, async () => {
      if (persona === "adminNonMember") {
        await client(app, cookies.adminNonMember)(`/admin/operations/${opId}`, { method: "POST", form: { intent: "remove", userId: candidateId } });
      }
      const { outcome: got } = await addMember(persona, `/admin/operations/${opId}`);
      expect(got).toBe(expected[persona]);
    });
  }

  it("a state-changing request from another site is refused whoever sends it", async () => {
    const res = await client(app, cookies.lead)(`/operations/${opId}/members`, {
      method: "POST",
      headers: { Origin: "https://evil.example" },
      form: { intent: "add", userId: candidateId, role: "member" },
    });
    expect(res.status).toBe(403);
  });
});

describe("access-control matrix over sockets", () => {
  type SocketOutcome = "joined" | "not_found" | "refused";
  const JOIN: Record<Persona, SocketOutcome> = {
    lead: "joined",
    member: "joined",
    observer: "joined",
    nonMember: "not_found",
    adminNonMember: "not_found",
    officeLeadNonMember: "not_found",
    ngo: "not_found",
    disabled: "refused",
    anonymous: "refused",
  };

  for (const persona of PERSONAS) {
    it(`join the operation's room × ${persona} → ${JOIN[persona]}`, async () => {
      const socket = connectSocket(app.url, { cookie: cookies[persona] });
      const conn = await connectOutcome(socket);
      if (!conn.connected) {
        expect(JOIN[persona]).toBe("refused");
        return;
      }
      const ack = await joinOperation(socket, opId);
      expect(ack.ok ? "joined" : ack.code).toBe(JOIN[persona]);
      // a guessed id of an operation that does not exist answers the same as a hidden one
      const guess = await joinOperation(socket, randomUUID());
      expect(guess).toMatchObject({ ok: false, code: "not_found" });
      socket.disconnect();
    });
  }

  it("the NGO partner joins their own operation's room", async () => {
    const socket = connectSocket(app.url, { cookie: cookies.ngo });
    expect(await connectOutcome(socket)).toEqual({ connected: true });
    expect(await joinOperation(socket, otherOpId)).toMatchObject({ ok: true });
    socket.disconnect();
  });
});
