// The integration API over HTTP with real tokens: each endpoint's answer, its
// refusals, and that nothing is stored when the input is bad.
import { randomUUID } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens, auditLog, hits, plannedActions, targets } from "../../db/schema/index";
import type { Actor } from "../../app/domain/context";
import * as S from "../../app/server/api/schemas";
import { actorOf, createAgency, createOperation, createUser } from "../factories/index";
import { startTestApp, type TestApp } from "../setup/app";
import { api, issueToken } from "./helpers";

let app: TestApp;
let admin: Actor;
let officerB: Actor;
let opA = "";
let opB = "";
let observedOp = "";
const tokens = {} as Record<"full" | "checkOnly" | "registerOnly" | "revoked" | "expired" | "disabledUser", string>;
let fullPrefix = "";

const phone = (n: number) => ({ kind: "phone", value: { number: `+381 64 ${String(1_000_000 + n)}` } });
const raid = (over: Record<string, unknown> = {}) => ({ kind: "raid", lat: 44.8125, lon: 20.4612, radiusM: 200, startsAt: "2031-05-01T04:00:00Z", endsAt: "2031-05-01T08:00:00Z", ...over });
const countTargets = async (operationId: string) => Number((await app.testDb.db.select({ n: count() }).from(targets).where(eq(targets.operationId, operationId)))[0]!.n);

beforeAll(async () => {
  app = await startTestApp({ env: { API_RATE_LIMIT_REQUESTS: "10000" } });
  const db = app.testDb.db;
  const rs = await createAgency(db, { country: "RS", name: "Serbian Border Police" });
  const at = await createAgency(db, { country: "AT", name: "Austrian Criminal Police" });
  admin = await actorOf(db, (await createUser(db, { role: "admin" })).id);
  const a = await createUser(db, { agencyId: rs.id, name: "Ana System" });
  const b = await createUser(db, { agencyId: at.id, name: "Bernd Officer" });
  const doomed = await createUser(db, { agencyId: rs.id });
  officerB = await actorOf(db, b.id);
  opA = (await createOperation(db, { leadAgencyId: rs.id, codeName: "VARDAR", members: [[a.id, "member"], [doomed.id, "member"]] })).id;
  opB = (await createOperation(db, { leadAgencyId: at.id, codeName: "DANUBE SECRET", members: [[b.id, "lead"]] })).id;
  observedOp = (await createOperation(db, { leadAgencyId: rs.id, members: [[a.id, "observer"]] })).id;

  const full = await issueToken(app, admin, { agencyId: rs.id, actingUserId: a.id, scopes: ["check", "register"] });
  tokens.full = full.secret;
  fullPrefix = full.prefix;
  tokens.checkOnly = (await issueToken(app, admin, { agencyId: rs.id, actingUserId: a.id, scopes: ["check"] })).secret;
  tokens.registerOnly = (await issueToken(app, admin, { agencyId: rs.id, actingUserId: a.id, scopes: ["register"] })).secret;
  const revoked = await issueToken(app, admin, { agencyId: rs.id, actingUserId: a.id, scopes: ["check", "register"] });
  await app.services.integration.revokeToken({ actor: admin, tokenId: revoked.id });
  tokens.revoked = revoked.secret;
  const expired = await issueToken(app, admin, { agencyId: rs.id, actingUserId: a.id, scopes: ["check", "register"] });
  await db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.id, expired.id));
  tokens.expired = expired.secret;
  tokens.disabledUser = (await issueToken(app, admin, { agencyId: rs.id, actingUserId: doomed.id, scopes: ["check", "register"] })).secret;
  await app.services.users.disable({ actor: admin, userId: doomed.id });
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe("who may call", () => {
  it.each([
    ["no token", null],
    ["a garbage token", "garbage"],
    ["a well-formed unknown token", `cnc_0badc0de_${"x".repeat(43)}`],
    ["a revoked token", "revoked"],
    ["an expired token", "expired"],
    ["a token whose acting account is disabled", "disabledUser"],
  ] as const)("%s → 401 with the JSON error, the same for every reason", async (_label, which) => {
    const token = which === null ? null : which in tokens ? tokens[which as keyof typeof tokens] : which;
    const r = await api(app, token)("POST", "/checks", phone(1));
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(S.ErrorResponse.parse(r.body)).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
    const list = await api(app, token)("GET", "/hits");
    expect(list.status).toBe(401);
  });

  it("a session cookie alone opens nothing: the API never reads cookies", async () => {
    const res = await fetch(`${app.url}/api/v1/hits`, { headers: { Cookie: "concordia_session=whatever" } });
    expect(res.status).toBe(401);
  });

  it("a token outside its scope → 403, and nothing is stored", async () => {
    const before = await countTargets(opA);
    const write = await api(app, tokens.checkOnly)("POST", "/targets", { operationId: opA, ...phone(2) });
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe("forbidden");
    expect(await countTargets(opA)).toBe(before);
    expect((await api(app, tokens.checkOnly)("POST", "/planned-actions", { operationId: opA, ...raid() })).status).toBe(403);
    expect((await api(app, tokens.checkOnly)("PATCH", `/hits/${randomUUID()}`, { status: "acknowledged" })).status).toBe(403);
    expect((await api(app, tokens.registerOnly)("POST", "/checks", phone(2))).status).toBe(403);
    expect((await api(app, tokens.registerOnly)("GET", "/hits")).status).toBe(403);
    expect((await api(app, tokens.registerOnly)("POST", "/planned-actions/check", { operationId: opA, ...raid() })).status).toBe(403);
  });

  it("a write from another Origin with a token is not a CSRF refusal: the token is the credential", async () => {
    const r = await api(app, tokens.full)("POST", "/checks", phone(3), { headers: { Origin: "https://national-system.example" } });
    expect(r.status).toBe(200);
  });

  it("an unknown endpoint is a JSON 404", async () => {
    const r = await api(app, tokens.full)("GET", "/operations");
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe("not_found");
  });
});

describe("POST /targets", () => {
  it("registers in the acting account's operation (201), again is 200, and the audit row names the token", async () => {
    const r = await api(app, tokens.full)("POST", "/targets", { operationId: opA, kind: "email", value: { email: "Boss@Example.org" }, note: "from the national system", handlingCode: "H2" });
    expect(r.status).toBe(201);
    const body = S.RegisterTargetResponse.parse(r.body);
    expect(body.target).toMatchObject({ kind: "email", alreadyRegistered: false });
    const again = await api(app, tokens.full)("POST", "/targets", { operationId: opA, kind: "email", value: { email: "boss@example.org" } });
    expect(again.status).toBe(200);
    expect(again.body.target).toMatchObject({ id: body.target.id, alreadyRegistered: true });
    const [row] = await app.testDb.db.select().from(auditLog).where(and(eq(auditLog.action, "target.registered"), eq(auditLog.targetId, body.target.id))).limit(1);
    expect(row!.details).toMatchObject({ via: "api", tokenPrefix: fullPrefix, handlingCode: "H2" });
    expect(row!.operationId).toBe(opA);
  });

  it("a match with another operation names its officer, never its case", async () => {
    await app.services.deconfliction.registerTarget({ actor: officerB, operationId: opB, input: { kind: "iban", value: { iban: "AT61 1904 3002 3457 3201" }, note: "DANUBE money mule" } });
    const r = await api(app, tokens.full)("POST", "/targets", { operationId: opA, kind: "iban", value: { iban: "AT611904300234573201" } });
    expect(r.status).toBe(201);
    expect(r.body.matches).toEqual([expect.objectContaining({ score: 1, contact: expect.objectContaining({ name: "Bernd Officer", agency: "Austrian Criminal Police" }) })]);
    expect(r.body.newHitIds).toHaveLength(1);
    expect(JSON.stringify(r.body)).not.toContain("DANUBE");
    expect(JSON.stringify(r.body)).not.toContain(opB);
  });

  it.each([
    ["no operation", { kind: "email", value: { email: "x@example.org" } }, "operationId"],
    ["an unknown kind", { operationId: "OPA", kind: "horse", value: {} }, "kind"],
    ["a value of the wrong shape", { operationId: "OPA", kind: "phone", value: "+381641234567" }, "value"],
    ["a phone that is not one", { operationId: "OPA", kind: "phone", value: { number: "12" } }, "value"],
    ["an unknown handling code", { operationId: "OPA", kind: "email", value: { email: "x@example.org" }, handlingCode: "H9" }, "handlingCode"],
  ])("%s → 400 with the field named, nothing stored", async (_label, body, field) => {
    const before = await countTargets(opA);
    const payload = { ...body, ...((body as { operationId?: string }).operationId === "OPA" ? { operationId: opA } : {}) };
    const r = await api(app, tokens.full)("POST", "/targets", payload);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("invalid");
    expect(Object.keys(r.body.error.fields)).toContain(field);
    expect(await countTargets(opA)).toBe(before);
  });

  it("another operation's, an unknown and a malformed operation id are one 404; an observer's write is 403", async () => {
    const before = await countTargets(opB);
    for (const operationId of [opB, randomUUID(), "not-a-uuid"]) {
      const r = await api(app, tokens.full)("POST", "/targets", { operationId, ...phone(4) });
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe("not_found");
    }
    expect(await countTargets(opB)).toBe(before);
    const observer = await api(app, tokens.full)("POST", "/targets", { operationId: observedOp, ...phone(4) });
    expect(observer.status).toBe(403);
    expect(await countTargets(observedOp)).toBe(0);
  });

  it("bad JSON, a non-JSON body and an oversized body are refused as JSON errors", async () => {
    const malformed = await api(app, tokens.full)("POST", "/targets", undefined, { raw: '{"operationId":', headers: { "Content-Type": "application/json" } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("invalid");
    const form = await api(app, tokens.full)("POST", "/targets", undefined, { raw: "operationId=x", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(400);
    expect(form.body.error.code).toBe("invalid");
    const array = await api(app, tokens.full)("POST", "/targets", [1, 2]);
    expect(array.status).toBe(400);
    const huge = await api(app, tokens.full)("POST", "/checks", { items: [{ kind: "email", value: { email: `${"a".repeat(2_000_000)}@example.org` } }] });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("invalid");
  });
});

describe("POST /checks", () => {
  it("checks one identifier without storing it", async () => {
    await app.services.deconfliction.registerTarget({ actor: officerB, operationId: opB, input: { kind: "phone", value: { number: "+43 664 1234567" } } });
    const [before] = await app.testDb.db.select({ n: count() }).from(targets);
    const r = await api(app, tokens.checkOnly)("POST", "/checks", { kind: "phone", value: { number: "0043 664 1234567" } });
    expect(r.status).toBe(200);
    const body = S.CheckResponse.parse(r.body);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ index: 0, ok: true, kind: "phone", matches: [expect.objectContaining({ contact: expect.objectContaining({ name: "Bernd Officer" }) })] });
    const [after] = await app.testDb.db.select({ n: count() }).from(targets);
    expect(after!.n).toBe(before!.n);
    const [audit] = await app.testDb.db.select().from(auditLog).where(eq(auditLog.action, "target.checked")).orderBy(sql`${auditLog.id} desc`).limit(1);
    expect(audit!.details).toMatchObject({ via: "api", items: 1, withMatches: 1 });
  });

  it("answers every item of a batch, an invalid one among them", async () => {
    const r = await api(app, tokens.full)("POST", "/checks", { items: [phone(5), { kind: "phone", value: { number: "12" } }, { kind: "email", value: { email: "nobody@example.org" } }], defaultCountry: "RS" });
    expect(r.status).toBe(200);
    const body = S.CheckResponse.parse(r.body);
    expect(body.items.map((i) => [i.index, i.ok])).toEqual([
      [0, true],
      [1, false],
      [2, true],
    ]);
    expect(body.items[1]).toMatchObject({ fields: { value: ["deconfliction:errors.phone_invalid"] } });
  });

  it.each([
    ["a single invalid identifier", { kind: "phone", value: { number: "12" } }, "value"],
    ["an empty batch", { items: [] }, "items"],
    ["a batch over the limit", { items: Array.from({ length: 1001 }, (_, i) => phone(i)) }, "items"],
    ["neither form", { identifiers: [] }, "items"],
    ["a bad default country", { items: [phone(1)], defaultCountry: "Serbia" }, "defaultCountry"],
  ])("%s → 400 with fields", async (_label, body, field) => {
    const r = await api(app, tokens.full)("POST", "/checks", body);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("invalid");
    expect(Object.keys(r.body.error.fields)).toContain(field);
  });

  it("a batch of 1,000 is answered", async () => {
    const r = await api(app, tokens.checkOnly)("POST", "/checks", { items: Array.from({ length: 1000 }, (_, i) => ({ kind: "email", value: { email: `batch${i}@example.org` } })) });
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(1000);
  }, 120_000);
});

describe("planned actions", () => {
  it("registers one (201) and finds the other operation's overlapping raid; checking stores nothing", async () => {
    await app.services.deconfliction.registerPlannedAction({ actor: officerB, operationId: opB, input: raid({ lat: 44.813, lon: 20.4615 }) });
    const before = Number((await app.testDb.db.select({ n: count() }).from(plannedActions))[0]!.n);
    const check = await api(app, tokens.checkOnly)("POST", "/planned-actions/check", { operationId: opA, ...raid() });
    expect(check.status).toBe(200);
    expect(S.CheckPlannedActionResponse.parse(check.body).conflicts).toEqual([expect.objectContaining({ contact: expect.objectContaining({ name: "Bernd Officer" }) })]);
    expect(Number((await app.testDb.db.select({ n: count() }).from(plannedActions))[0]!.n)).toBe(before);

    const r = await api(app, tokens.full)("POST", "/planned-actions", { operationId: opA, ...raid() });
    expect(r.status).toBe(201);
    const body = S.RegisterPlannedActionResponse.parse(r.body);
    expect(body.conflicts).toHaveLength(1);
    expect(body.newHitIds).toHaveLength(1);
    expect(JSON.stringify(body)).not.toContain("DANUBE");
  });

  it.each([
    ["an end before the start", raid({ endsAt: "2031-05-01T03:00:00Z" }), "endsAt"],
    ["a latitude off the globe", raid({ lat: 123 }), "lat"],
    ["an unknown kind", raid({ kind: "party" }), "kind"],
    ["no radius", { ...raid(), radiusM: undefined }, "radiusM"],
  ])("%s → 400 with fields, nothing stored", async (_label, body, field) => {
    const before = Number((await app.testDb.db.select({ n: count() }).from(plannedActions))[0]!.n);
    for (const path of ["/planned-actions", "/planned-actions/check"]) {
      const r = await api(app, tokens.full)("POST", path, { operationId: opA, ...body });
      expect(r.status).toBe(400);
      expect(Object.keys(r.body.error.fields)).toContain(field);
    }
    expect(Number((await app.testDb.db.select({ n: count() }).from(plannedActions))[0]!.n)).toBe(before);
  });

  it("another operation's id is 404", async () => {
    expect((await api(app, tokens.full)("POST", "/planned-actions", { operationId: opB, ...raid() })).status).toBe(404);
    expect((await api(app, tokens.full)("POST", "/planned-actions/check", { operationId: opB, ...raid() })).status).toBe(404);
  });
});

describe("hits", () => {
  let hitId = "";
  let foreignHitId = "";
  beforeAll(async () => {
    const r = await api(app, tokens.full)("POST", "/targets", { operationId: opA, kind: "vin", value: { vin: "WVWZZZ1JZXW000001" } });
    await app.services.deconfliction.registerTarget({ actor: officerB, operationId: opB, input: { kind: "vin", value: { vin: "WVWZZZ1JZXW000001" } } });
    void r;
    const [row] = await app.testDb.db.select({ id: hits.id }).from(hits).where(and(eq(hits.identifierKind, "vin"), eq(hits.aOperationId, opB)));
    hitId = row!.id;
    // a hit between two operations the acting account is in neither of
    const db = app.testDb.db;
    const c = await createUser(db, { agencyId: (await createAgency(db)).id });
    const d = await createUser(db, { agencyId: (await createAgency(db)).id });
    const opC = await createOperation(db, { members: [[c.id, "lead"]] });
    const opD = await createOperation(db, { members: [[d.id, "lead"]] });
    await app.services.deconfliction.registerTarget({ actor: await actorOf(db, c.id), operationId: opC.id, input: { kind: "email", value: { email: "foreign@example.org" } } });
    const foreign = await app.services.deconfliction.registerTarget({ actor: await actorOf(db, d.id), operationId: opD.id, input: { kind: "email", value: { email: "foreign@example.org" } } });
    foreignHitId = foreign.newHitIds[0]!;
  }, 60_000);

  it("lists the acting account's hits and reads one, as its own side", async () => {
    const list = await api(app, tokens.checkOnly)("GET", "/hits?status=new");
    expect(list.status).toBe(200);
    const body = S.HitList.parse(list.body);
    expect(body.items.map((h) => h.id)).toContain(hitId);
    expect(body.items.map((h) => h.id)).not.toContain(foreignHitId);
    expect(body.nextCursor).toBeNull();
    for (const h of body.items) expect(h.mine.operationId).toBe(opA);

    const one = await api(app, tokens.checkOnly)("GET", `/hits/${hitId}`);
    expect(one.status).toBe(200);
    expect(S.Hit.parse(one.body)).toMatchObject({ id: hitId, status: "new", mine: { operationId: opA, operationCodeName: "VARDAR" }, other: { contact: { name: "Bernd Officer" } } });
    expect(JSON.stringify(one.body)).not.toContain("DANUBE");
  });

  it("filters by kind, and refuses a bad filter or cursor with 400", async () => {
    const vin = await api(app, tokens.checkOnly)("GET", "/hits?kind=vin");
    expect(vin.body.items.map((h: { id: string }) => h.id)).toEqual([hitId]);
    const bad = await api(app, tokens.checkOnly)("GET", "/hits?status=sleeping");
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toContain("status");
    const cursor = await api(app, tokens.checkOnly)("GET", "/hits?cursor=%%%");
    expect(cursor.status).toBe(400);
    expect(Object.keys(cursor.body.error.fields)).toContain("cursor");
  });

  it("another operation's hit, an unknown and a malformed id are one 404", async () => {
    for (const id of [foreignHitId, randomUUID(), "nope"]) {
      expect((await api(app, tokens.checkOnly)("GET", `/hits/${id}`)).status).toBe(404);
      expect((await api(app, tokens.full)("PATCH", `/hits/${id}`, { status: "acknowledged" })).status).toBe(404);
    }
    const [row] = await app.testDb.db.select().from(hits).where(eq(hits.id, foreignHitId));
    expect(row!.status).toBe("new");
  });

  it("moves a hit forward; a repeat is 409, a resolution without outcome 400", async () => {
    const ack = await api(app, tokens.registerOnly)("PATCH", `/hits/${hitId}`, { status: "acknowledged" });
    expect(ack.status).toBe(200);
    expect(S.Hit.parse(ack.body).status).toBe("acknowledged");
    const again = await api(app, tokens.full)("PATCH", `/hits/${hitId}`, { status: "acknowledged" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("conflict");
    const noOutcome = await api(app, tokens.full)("PATCH", `/hits/${hitId}`, { status: "resolved" });
    expect(noOutcome.status).toBe(400);
    expect(Object.keys(noOutcome.body.error.fields)).toContain("outcome");
    const unknown = await api(app, tokens.full)("PATCH", `/hits/${hitId}`, { status: "forgotten" });
    expect(unknown.status).toBe(400);
    const resolved = await api(app, tokens.full)("PATCH", `/hits/${hitId}`, { status: "resolved", outcome: "coordinated", note: "Called Bernd; they go first." });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: "resolved", outcome: "coordinated", resolutionNote: "Called Bernd; they go first." });
    const [audit] = await app.testDb.db.select().from(auditLog).where(and(eq(auditLog.action, "hit.resolved"), eq(auditLog.targetId, hitId)));
    expect(audit!.details).toMatchObject({ via: "api", tokenPrefix: fullPrefix, outcome: "coordinated" });
  });

  it("pages with a cursor until nextCursor is null", async () => {
    const db = app.testDb.db;
    const mine = await createUser(db, { agencyId: (await createAgency(db, { country: "RS" })).id });
    const theirs = await createUser(db, { agencyId: (await createAgency(db)).id });
    const own = await createOperation(db, { members: [[mine.id, "member"]] });
    const other = await createOperation(db, { members: [[theirs.id, "lead"]] });
    const emails = Array.from({ length: 53 }, (_, i) => `page${i}@example.org`);
    const theirActor = await actorOf(db, theirs.id);
    const myActor = await actorOf(db, mine.id);
    for (const email of emails) await app.services.deconfliction.registerTarget({ actor: theirActor, operationId: other.id, input: { kind: "email", value: { email } } });
    for (const email of emails) await app.services.deconfliction.registerTarget({ actor: myActor, operationId: own.id, input: { kind: "email", value: { email } } });
    const token = (await issueToken(app, admin, { agencyId: mine.agencyId, actingUserId: mine.id, scopes: ["check"] })).secret;
    const first = await api(app, token)("GET", "/hits");
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(53);
    expect(first.body.items).toHaveLength(50);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api(app, token)("GET", `/hits?cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.items).toHaveLength(3);
    expect(second.body.nextCursor).toBeNull();
    const ids = new Set([...first.body.items, ...second.body.items].map((h: { id: string }) => h.id));
    expect(ids.size).toBe(53);
  }, 120_000);
});
