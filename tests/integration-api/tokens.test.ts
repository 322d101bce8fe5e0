import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens, auditLog } from "../../db/schema/index";
import { systemActor, type Actor } from "../../app/domain/context";
import { hashApiToken } from "../../app/domain/integration/tokens";
import { actorOf, createAgency, createOperation, createUser } from "../factories/index";
import { createTestServices, type TestServices } from "../setup/services";

describe("API tokens (services)", () => {
  let t: TestServices;
  let admin: Actor;
  let agencyId: string;
  let officerId: string;
  beforeAll(async () => {
    t = await createTestServices();
    const db = t.testDb.db;
    const agency = await createAgency(db, { country: "RS" });
    agencyId = agency.id;
    admin = await actorOf(db, (await createUser(db, { role: "admin" })).id);
    officerId = (await createUser(db, { agencyId, name: "Marko Officer" })).id;
  });
  afterAll(() => t.testDb.destroy());

  const create = (over: Record<string, unknown> = {}) =>
    t.services.integration.createToken({ actor: admin, input: { name: "Border police system", agencyId, actingUserId: officerId, scopes: ["check"], ...over } });

  it("shows the secret once, stores only its SHA-256 digest, and audits the creation without the secret", async () => {
    const db = t.testDb.db;
    const r = await create({ scopes: ["check", "register"] });
    expect(r.secret).toMatch(/^cnc_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(r.secret.startsWith(r.prefix)).toBe(true);
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, r.id));
    expect(row!.tokenHash).toBe(hashApiToken(r.secret));
    expect(JSON.stringify(row)).not.toContain(r.secret.slice(13));
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "api_token.created"), eq(auditLog.targetId, r.id)));
    expect(audit).toMatchObject({ actorId: admin.id, targetType: "api_token", outcome: "success" });
    expect(audit!.details).toMatchObject({ prefix: r.prefix, name: "Border police system", agencyId, actingUserId: officerId, scopes: ["check", "register"], expiresAt: null });
    expect(JSON.stringify(audit)).not.toContain(r.secret.slice(13));
    // nothing lists the secret again
    const list = await t.services.integration.listTokens({ actor: admin });
    expect(JSON.stringify(list)).not.toContain(r.secret.slice(13));
    expect(list.items.find((i) => i.id === r.id)).toMatchObject({ prefix: r.prefix, state: "active", scopes: ["check", "register"], actingUser: { id: officerId, name: "Marko Officer" } });
  });

  it("every secret is different", async () => {
    const a = await create();
    const b = await create();
    expect(a.secret).not.toBe(b.secret);
    expect(a.prefix).not.toBe(b.prefix);
  });

  it("refuses bad input with field errors and stores nothing", async () => {
    const db = t.testDb.db;
    const before = (await db.select().from(apiTokens)).length;
    const other = await createAgency(db);
    const disabled = await createUser(db, { agencyId, disabled: true });
    await expect(create({ name: "", scopes: [] })).rejects.toMatchObject({ code: "invalid", fields: { name: ["validation.required"], scopes: ["validation.choose_one"] } });
    await expect(create({ scopes: ["admin"] })).rejects.toMatchObject({ code: "invalid", fields: { "scopes.0": ["validation.choose_valid"] } });
    await expect(create({ agencyId: other.id })).rejects.toMatchObject({ fields: { actingUserId: ["integration:errors.acting_user_agency"] } });
    await expect(create({ actingUserId: disabled.id })).rejects.toMatchObject({ fields: { actingUserId: ["integration:errors.acting_user_disabled"] } });
    await expect(create({ expiresOn: "2001-01-01" })).rejects.toMatchObject({ fields: { expiresOn: ["integration:errors.expiry_past"] } });
    await expect(create({ expiresOn: "next week" })).rejects.toMatchObject({ fields: { expiresOn: ["validation.invalid"] } });
    expect((await db.select().from(apiTokens)).length).toBe(before);
  });

  it("only administrators issue, list and revoke tokens", async () => {
    const db = t.testDb.db;
    const lead = await actorOf(db, (await createUser(db, { agencyId, role: "office_lead" })).id);
    const { id } = await create();
    await expect(t.services.integration.createToken({ actor: lead, input: { name: "x", agencyId, actingUserId: officerId, scopes: ["check"] } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.integration.listTokens({ actor: lead })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.integration.revokeToken({ actor: lead, tokenId: id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.integration.tokenFormOptions({ actor: lead })).rejects.toMatchObject({ code: "forbidden" });
    // the command line has no name to answer for a token
    await expect(t.services.integration.createToken({ actor: systemActor("cli"), input: { name: "x", agencyId, actingUserId: officerId, scopes: ["check"] } })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("authenticates a working token as its acting user, named as the API in the audit log", async () => {
    const db = t.testDb.db;
    const r = await create({ scopes: ["check"] });
    const caller = await t.services.integration.authenticateToken({ authorization: `Bearer ${r.secret}`, ip: "10.0.0.9" });
    expect(caller.actor).toMatchObject({ kind: "user", id: officerId, agencyId, ip: "10.0.0.9", via: { kind: "api", tokenId: r.id, tokenPrefix: r.prefix } });
    expect(caller.token).toEqual({ id: r.id, prefix: r.prefix, agencyId, scopes: ["check"] });
    const checked = await t.services.deconfliction.checkIdentifiers({ actor: caller.actor, input: { items: [{ kind: "email", value: { email: "nobody@example.org" } }] } });
    expect(checked.items).toHaveLength(1);
    const rows = await db.select().from(auditLog).where(eq(auditLog.action, "target.checked"));
    expect(rows.at(-1)).toMatchObject({ actorId: officerId, ip: "10.0.0.9", details: expect.objectContaining({ via: "api", tokenPrefix: r.prefix, items: 1 }) });
  });

  it("records last use at most once a minute", async () => {
    const db = t.testDb.db;
    const r = await create();
    const used = async () => (await db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, r.id)))[0]!.at;
    expect(await used()).toBeNull();
    await t.services.integration.authenticateToken({ authorization: `Bearer ${r.secret}`, ip: null });
    const first = await used();
    expect(first?.getTime()).toBe(t.clock.now.getTime());
    t.clock.advance(30_000);
    await t.services.integration.authenticateToken({ authorization: `Bearer ${r.secret}`, ip: null });
    expect((await used())?.getTime()).toBe(first!.getTime());
    t.clock.advance(31_000);
    await t.services.integration.authenticateToken({ authorization: `Bearer ${r.secret}`, ip: null });
    expect((await used())?.getTime()).toBe(t.clock.now.getTime());
  });

  it("refuses malformed, unknown, revoked and expired tokens, and a disabled or moved acting account, all alike", async () => {
    const db = t.testDb.db;
    const auth = (authorization: string | null) => t.services.integration.authenticateToken({ authorization, ip: null });
    const unauthenticated = { code: "unauthenticated" };
    await expect(auth(null)).rejects.toMatchObject(unauthenticated);
    await expect(auth("Bearer garbage")).rejects.toMatchObject(unauthenticated);
    await expect(auth(`Bearer cnc_00000000_${"A".repeat(43)}`)).rejects.toMatchObject(unauthenticated);

    const revoked = await create();
    await t.services.integration.revokeToken({ actor: admin, tokenId: revoked.id });
    await expect(auth(`Bearer ${revoked.secret}`)).rejects.toMatchObject(unauthenticated);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "api_token.revoked"), eq(auditLog.targetId, revoked.id)));
    expect(audit).toMatchObject({ actorId: admin.id, details: { prefix: revoked.prefix, name: "Border police system", agencyId } });
    await expect(t.services.integration.revokeToken({ actor: admin, tokenId: revoked.id })).rejects.toMatchObject({ code: "conflict" });
    await expect(t.services.integration.revokeToken({ actor: admin, tokenId: "not-a-uuid" })).rejects.toMatchObject({ code: "not_found" });

    // works through the chosen day (UTC), not after
    const day = t.clock.now.toISOString().slice(0, 10);
    const expiring = await create({ expiresOn: day });
    expect(await auth(`Bearer ${expiring.secret}`)).toBeTruthy();
    const saved = t.clock.now;
    t.clock.now = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
    await expect(auth(`Bearer ${expiring.secret}`)).rejects.toMatchObject(unauthenticated);
    expect((await t.services.integration.listTokens({ actor: admin, input: { state: "expired" } })).items.map((i) => i.id)).toContain(expiring.id);
    t.clock.now = saved;

    const person = await createUser(db, { agencyId });
    const theirs = await create({ actingUserId: person.id });
    expect(await auth(`Bearer ${theirs.secret}`)).toBeTruthy();
    await t.services.users.disable({ actor: admin, userId: person.id });
    await expect(auth(`Bearer ${theirs.secret}`)).rejects.toMatchObject(unauthenticated);

    const mover = await createUser(db, { agencyId });
    const moved = await create({ actingUserId: mover.id });
    await db.execute(`update users set agency_id = '${(await createAgency(db)).id}' where id = '${mover.id}'`);
    await expect(auth(`Bearer ${moved.secret}`)).rejects.toMatchObject(unauthenticated);
  });

  it("a token's acting user sees only what that user sees", async () => {
    const db = t.testDb.db;
    const member = await createUser(db, { agencyId });
    const op = await createOperation(db, { leadAgencyId: agencyId, members: [[member.id, "member"]] });
    const outsider = await create({ actingUserId: officerId, scopes: ["register"] });
    const caller = await t.services.integration.authenticateToken({ authorization: `Bearer ${outsider.secret}`, ip: null });
    await expect(t.services.deconfliction.registerTarget({ actor: caller.actor, operationId: op.id, input: { kind: "email", value: { email: "a@b.example" } } })).rejects.toMatchObject({ code: "not_found" });
  });
});
