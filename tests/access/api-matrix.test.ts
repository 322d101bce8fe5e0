// The integration API in the access-control matrix: every kind of token × every
// endpoint, with the expected status in one table; and the administration pages
// that issue tokens × every kind of signed-in visitor. A token acts as its
// account: it sees what that account sees, within the token's scopes.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens } from "../../db/schema/index";
import type { Actor } from "../../app/domain/context";
import { actorOf, createAgency, createOperation, createUser } from "../factories/index";
import { api, issueToken } from "../integration-api/helpers";
import { client, startTestApp, type TestApp } from "../setup/app";
import { PERSONAS, type Persona, type Outcome, createPersonaUsers, personaMembers, signInPersonas } from "./personas";


// tokens: acting as a persona with both scopes, or acting as the lead with one scope, or not working at all
const TOKENS = ["lead", "member", "observer", "nonMember", "ngo", "checkOnly", "registerOnly", "revoked", "expired", "disabledAccount", "garbage", "none"] as const;
type TokenKind = (typeof TOKENS)[number];

let app: TestApp;
let admin: Actor;
let agencyId = "";
let leadId = "";
let opId = "";
let otherOpId = "";
let otherActor: Actor;
let cookies = {} as Record<Persona, string | null>;
const secrets = {} as Record<TokenKind, string | null>;
let seq = 0;
const nextPhone = () => `+38164${String(5_000_000 + ++seq).padStart(7, "0")}`;

/** A hit between our operation and the other one, registered by our lead. */
async function newHit() {
  const db = app.testDb.db;
  const number = nextPhone();
  await app.services.deconfliction.registerTarget({ actor: otherActor, operationId: otherOpId, input: { kind: "phone", value: { number } } });
  const ours = await app.services.deconfliction.registerTarget({ actor: await actorOf(db, leadId), operationId: opId, input: { kind: "phone", value: { number } } });
  return ours.newHitIds[0]!;
}

beforeAll(async () => {
  app = await startTestApp({ env: { API_RATE_LIMIT_REQUESTS: "10000" } });
  const db = app.testDb.db;
  const rs = await createAgency(db, { country: "RS" });
  agencyId = rs.id;
  const hu = await createAgency(db, { country: "HU" });
  const u = await createPersonaUsers(db, rs.id);
  leadId = u.lead.id;
  admin = await actorOf(db, u.adminNonMember.id);
  opId = (await createOperation(db, { leadAgencyId: rs.id, members: personaMembers(u) })).id;
  const other = await createUser(db, { agencyId: hu.id });
  otherActor = await actorOf(db, other.id);
  otherOpId = (await createOperation(db, { leadAgencyId: hu.id, members: [[other.id, "lead"]] })).id;
  // the NGO partner belongs to another operation of their own only
  await createOperation(db, { leadAgencyId: rs.id, members: [[u.ngo.id, "observer"]] });

  const both = ["check", "register"];
  for (const p of ["lead", "member", "observer", "nonMember", "ngo"] as const) secrets[p] = (await issueToken(app, admin, { agencyId, actingUserId: u[p].id, scopes: both })).secret;
  secrets.checkOnly = (await issueToken(app, admin, { agencyId, actingUserId: u.lead.id, scopes: ["check"] })).secret;
  secrets.registerOnly = (await issueToken(app, admin, { agencyId, actingUserId: u.lead.id, scopes: ["register"] })).secret;
  const revoked = await issueToken(app, admin, { agencyId, actingUserId: u.lead.id, scopes: both });
  await app.services.integration.revokeToken({ actor: admin, tokenId: revoked.id });
  secrets.revoked = revoked.secret;
  const expired = await issueToken(app, admin, { agencyId, actingUserId: u.lead.id, scopes: both });
  await db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(apiTokens.id, expired.id));
  secrets.expired = expired.secret;
  secrets.disabledAccount = (await issueToken(app, admin, { agencyId, actingUserId: u.disabled.id, scopes: both })).secret;
  secrets.garbage = "not-a-token";
  secrets.none = null;

  // disabled after signing in and after its token was issued: both must stop working
  cookies = await signInPersonas(app, u);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const REFUSED = { revoked: 401, expired: 401, disabledAccount: 401, garbage: 401, none: 401 } as const;

const API_ROWS: { resource: string; call: (token: string | null) => Promise<number>; expected: Record<TokenKind, number> }[] = [
  {
    resource: "POST /targets in the operation",
    call: async (t) => (await api(app, t)("POST", "/targets", { operationId: opId, kind: "phone", value: { number: nextPhone() } })).status,
    expected: { lead: 201, member: 201, observer: 403, nonMember: 404, ngo: 404, checkOnly: 403, registerOnly: 201, ...REFUSED },
  },
  {
    resource: "POST /checks",
    call: async (t) => (await api(app, t)("POST", "/checks", { kind: "phone", value: { number: nextPhone() } })).status,
    // a check is office-wide for officers; partners refer victims and do not query targets
    expected: { lead: 200, member: 200, observer: 200, nonMember: 200, ngo: 403, checkOnly: 200, registerOnly: 403, ...REFUSED },
  },
  {
    resource: "POST /planned-actions in the operation",
    call: async (t) =>
      (await api(app, t)("POST", "/planned-actions", { operationId: opId, kind: "raid", lat: 45.25 + seq++ / 1000, lon: 19.84, radiusM: 100, startsAt: "2032-01-01T05:00:00Z", endsAt: "2032-01-01T06:00:00Z" })).status,
    expected: { lead: 201, member: 201, observer: 403, nonMember: 404, ngo: 404, checkOnly: 403, registerOnly: 201, ...REFUSED },
  },
  {
    resource: "POST /planned-actions/check in the operation",
    call: async (t) => (await api(app, t)("POST", "/planned-actions/check", { operationId: opId, kind: "arrest", lat: 45.25, lon: 19.84, radiusM: 100, startsAt: "2032-02-01T05:00:00Z", endsAt: "2032-02-01T06:00:00Z" })).status,
    expected: { lead: 200, member: 200, observer: 200, nonMember: 404, ngo: 404, checkOnly: 200, registerOnly: 403, ...REFUSED },
  },
  {
    resource: "GET /hits",
    call: async (t) => (await api(app, t)("GET", "/hits")).status,
    expected: { lead: 200, member: 200, observer: 200, nonMember: 200, ngo: 200, checkOnly: 200, registerOnly: 403, ...REFUSED },
  },
  {
    resource: "GET /hits/:id of the operation",
    call: async (t) => (await api(app, t)("GET", `/hits/${await newHit()}`)).status,
    expected: { lead: 200, member: 200, observer: 200, nonMember: 404, ngo: 404, checkOnly: 200, registerOnly: 403, ...REFUSED },
  },
  {
    resource: "PATCH /hits/:id of the operation",
    call: async (t) => (await api(app, t)("PATCH", `/hits/${await newHit()}`, { status: "acknowledged" })).status,
    expected: { lead: 200, member: 200, observer: 403, nonMember: 404, ngo: 404, checkOnly: 403, registerOnly: 200, ...REFUSED },
  },
];

describe("access-control matrix over the integration API", () => {
  for (const row of API_ROWS) {
    for (const kind of TOKENS) {
      it(`${row.resource} × ${kind} token → ${row.expected[kind]}`, async () => {
        expect(await row.call(secrets[kind])).toBe(row.expected[kind]);
      });
    }
  }

  it("a non-member's list holds none of the operation's hits", async () => {
    const id = await newHit();
    const list = await api(app, secrets.nonMember)("GET", "/hits");
    expect(list.body.items.map((h: { id: string }) => h.id)).not.toContain(id);
    const mine = await api(app, secrets.member)("GET", "/hits?status=new");
    expect(mine.body.items.map((h: { id: string }) => h.id)).toContain(id);
  });
});

describe("access-control matrix: the API token pages", () => {
  async function outcome(persona: Persona, path: string, init: Parameters<ReturnType<typeof client>>[1] = {}): Promise<Outcome> {
    const res = await client(app, cookies[persona])(path, init);
    await res.text();
    if (res.status === 302 && (res.headers.get("location") ?? "").startsWith("/login")) return "login";
    return res.status;
  }
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
  for (const path of ["/admin/api-tokens", "/admin/api-tokens/new"]) {
    for (const persona of PERSONAS) {
      it(`${path} × ${persona} → ${ADMIN_ONLY[persona]}`, async () => {
        expect(await outcome(persona, path)).toBe(ADMIN_ONLY[persona]);
      });
    }
  }

  for (const persona of PERSONAS) {
    // the administrator's revoke redirects back to the list
    const expected = persona === "adminNonMember" ? 302 : ADMIN_ONLY[persona];
    it(`revoke a token × ${persona} → ${expected}`, async () => {
      const token = await issueToken(app, admin, { agencyId, actingUserId: leadId, scopes: ["check"] });
      expect(await outcome(persona, "/admin/api-tokens", { method: "POST", form: { intent: "revoke", tokenId: token.id } })).toBe(expected);
      const [row] = await app.testDb.db.select({ revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.id, token.id));
      expect(row!.revokedAt !== null).toBe(persona === "adminNonMember");
    });
  }

  for (const persona of PERSONAS) {
    const expected = persona === "adminNonMember" ? 200 : ADMIN_ONLY[persona];
    it(`create a token × ${persona} → ${expected}`, async () => {
      const before = (await app.testDb.db.select({ id: apiTokens.id }).from(apiTokens)).length;
      const got = await outcome(persona, "/admin/api-tokens/new", { method: "POST", form: { name: `by ${persona}`, agencyId, actingUserId: leadId, scopes: "check" } });
      expect(got).toBe(expected);
      expect((await app.testDb.db.select({ id: apiTokens.id }).from(apiTokens)).length).toBe(before + (persona === "adminNonMember" ? 1 : 0));
    });
  }
});
