// A post from a socket, which passes the account as it last loaded it instead of loading it
// again (post-message.ts): on PostgreSQL the common post is then one statement whose
// conditions are every check the full path makes. Whatever the path, the outcome is the
// full path's: the same refusals, nothing written on a refusal, the audit row naming the
// account as it is now.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies, channelMembers, channels, messages, operationMembers, operations, users } from "../../db/schema/index";
import { loadCurrentUser, type CurrentUser } from "../../app/domain/auth/current-user";
import { verifyAuditChain } from "../../app/domain/audit/verify-chain";
import type { Actor } from "../../app/domain/context";
import { createServices, type Services } from "../../app/domain/services";
import { createTestServices, type TestServices } from "../setup/services";
import { auditCount, createChatFixture, lastAudit, messageCount, notFound, type ChatFixture } from "./factories";

const onPostgres = Boolean(process.env.DATABASE_URL);

/** The database, counting the queries started through it. */
function counting<T extends object>(db: T) {
  let calls = 0;
  const counted = new Set(["execute", "select", "insert", "update", "delete", "transaction"]);
  const proxy = new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== "function") return value;
      if (typeof prop === "string" && counted.has(prop))
        return (...args: unknown[]) => {
          calls++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
  return { db: proxy, calls: () => calls, reset: () => void (calls = 0) };
}

describe("chat post with the socket's account", () => {
  let t: TestServices;
  let services: Services;
  let db: ReturnType<typeof counting<TestServices["testDb"]["db"]>>;

  beforeAll(async () => {
    t = await createTestServices();
    db = counting(t.testDb.db);
    services = createServices({ ...t.services.deps, db: db.db });
  });
  afterAll(async () => t.testDb.destroy());

  const account = async (actor: Actor): Promise<CurrentUser> => (await loadCurrentUser(t.testDb.db, actor.id!))!;
  const postAs = (actor: Actor, acc: CurrentUser, channelId: string, over: Record<string, unknown> = {}) =>
    services.chat.postMessage({ actor, account: acc, input: { channelId, body: `Note ${randomUUID().slice(0, 8)}`, idempotencyKey: randomUUID(), ...over } });
  const outcome = (p: Promise<unknown>) =>
    p.then(
      () => ({ code: "ok" }),
      (err: { code?: string; message?: string }) => ({ code: err.code, why: err.message }),
    );

  /** A fixture whose general channel this process has already posted to. */
  async function warm(): Promise<ChatFixture> {
    const f = await createChatFixture(t);
    await postAs(f.lead, await account(f.lead), f.generalId);
    return f;
  }

  it(`stores, audits and publishes the post${onPostgres ? ", in one statement" : ""}`, async () => {
    const f = await warm();
    const acc = await account(f.member);
    db.reset();
    const a = await postAs(f.member, acc, f.generalId, { body: "Border crossing at 04:00", handlingCode: "H2" });
    if (onPostgres) expect(db.calls()).toBe(1);
    const b = await postAs(f.member, acc, f.generalId);
    expect(b.message.seq).toBe(a.message.seq + 1);
    expect(a.message).toMatchObject({
      body: "Border crossing at 04:00",
      handlingCode: "H2",
      author: { id: f.member.id, name: acc.name, agencyName: acc.agencyName, country: acc.agencyCountry },
    });
    expect(await lastAudit(t.testDb.db, "chat.message_posted", a.message.id)).toMatchObject({
      actorId: f.member.id,
      actorLabel: `${acc.name} <${acc.email}>`,
      operationId: f.operationId,
      details: { channelId: f.generalId, seq: a.message.seq, handlingCode: "H2" },
    });
    expect(t.events.filter((e) => e.name === "chat.message_posted" && e.payload.message.id === a.message.id)).toHaveLength(1);
    expect(await verifyAuditChain(t.testDb.db)).toMatchObject({ intact: true });
  });

  it("answers a retry with the first message, writing nothing", async () => {
    const f = await warm();
    const acc = await account(f.member);
    const key = randomUUID();
    const first = await postAs(f.member, acc, f.generalId, { idempotencyKey: key });
    const [messagesBefore, auditBefore] = [await messageCount(t.testDb.db, f.generalId), await auditCount(t.testDb.db)];
    const again = await postAs(f.member, acc, f.generalId, { idempotencyKey: key });
    expect(again).toEqual({ message: first.message, duplicate: true });
    expect([await messageCount(t.testDb.db, f.generalId), await auditCount(t.testDb.db)]).toEqual([messagesBefore, auditBefore]);
  });

  it("names the account as it is now when it changed since the socket loaded it", async () => {
    const f = await warm();
    const stale = await account(f.member);
    const newName = `Renamed ${randomUUID().slice(0, 6)}`;
    await t.testDb.db.update(users).set({ name: newName }).where(eq(users.id, f.member.id!));
    await t.testDb.db.update(agencies).set({ name: "Renamed agency" }).where(eq(agencies.id, stale.agencyId));
    let now: CurrentUser | null = null;
    const { message } = await services.chat.postMessage({
      actor: f.member,
      account: stale,
      reloaded: (fresh) => void (now = fresh),
      input: { channelId: f.generalId, body: "After the rename", idempotencyKey: randomUUID() },
    });
    expect(message.author).toMatchObject({ name: newName, agencyName: "Renamed agency" });
    // handed back, so that the socket's next post is the one-statement post again
    expect(now).toMatchObject({ id: f.member.id, name: newName, agencyName: "Renamed agency" });
    db.reset();
    await postAs(f.member, now!, f.generalId);
    if (onPostgres) expect(db.calls()).toBe(1);
    expect(await lastAudit(t.testDb.db, "chat.message_posted", message.id)).toMatchObject({ actorLabel: `${newName} <${stale.email}>` });
    expect(await verifyAuditChain(t.testDb.db)).toMatchObject({ intact: true });
  });

  // each case: a fixture, a change to it, who posts, and the full path's answer
  const refusals: [string, (f: ChatFixture) => Promise<Actor>, Record<string, unknown>][] = [
    ["an observer", async (f) => f.observer, { code: "forbidden", why: "observer" }],
    ["someone outside the operation", async (f) => f.outsider, notFound],
    [
      "a member removed from the operation",
      async (f) => {
        await t.testDb.db.delete(operationMembers).where(eq(operationMembers.userId, f.member.id!));
        return f.member;
      },
      notFound,
    ],
    [
      "a member in an archived channel",
      async (f) => {
        await t.testDb.db.update(channels).set({ archivedAt: new Date() }).where(eq(channels.id, f.generalId));
        return f.member;
      },
      { code: "forbidden", why: "archived" },
    ],
    [
      "a member of a closed operation",
      async (f) => {
        await t.testDb.db.update(operations).set({ status: "closed" }).where(eq(operations.id, f.operationId));
        return f.member;
      },
      { code: "forbidden", why: "closed" },
    ],
    [
      "a member after the agreement ended",
      async (f) => {
        await t.testDb.db.update(operations).set({ jitStart: "2020-01-01", jitEnd: "2020-12-31" }).where(eq(operations.id, f.operationId));
        return f.member;
      },
      { code: "forbidden", why: "jit_expired" },
    ],
    [
      "a disabled account",
      async (f) => {
        await t.testDb.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, f.member2.id!));
        return f.member2;
      },
      { code: "unauthenticated" },
    ],
  ];

  for (const [who, arrange, expected] of refusals) {
    it(`refuses ${who} as the full path does, writing nothing`, async () => {
      const f = await warm();
      // the account as the socket loaded it, before the change
      const accounts = new Map(await Promise.all([f.member, f.member2, f.observer, f.outsider].map(async (a) => [a.id!, await account(a)] as const)));
      const actor = await arrange(f);
      const [messagesBefore, auditBefore] = [await messageCount(t.testDb.db, f.generalId), await auditCount(t.testDb.db)];
      expect(await outcome(postAs(actor, accounts.get(actor.id!)!, f.generalId))).toMatchObject(expected);
      expect([await messageCount(t.testDb.db, f.generalId), await auditCount(t.testDb.db)]).toEqual([messagesBefore, auditBefore]);
    });
  }

  it("refuses a channel of the operation the poster is not in, as the full path does", async () => {
    const f = await warm();
    const { channelId } = await services.chat.createChannel({ actor: f.lead, input: { operationId: f.operationId, name: `leads-${randomUUID().slice(0, 4)}`, memberIds: [] } });
    await postAs(f.lead, await account(f.lead), channelId);
    expect(await outcome(postAs(f.member, await account(f.member), channelId))).toMatchObject(notFound);
    await t.testDb.db.insert(channelMembers).values({ channelId, userId: f.member.id! });
    expect(await outcome(postAs(f.member, await account(f.member), channelId))).toMatchObject({ code: "ok" });
  });

  it("takes the full path for mentions and thread replies, and tells bad input to readers only", async () => {
    const f = await warm();
    const acc = await account(f.member);
    const root = await postAs(f.member, acc, f.generalId);
    const reply = await postAs(f.member, acc, f.generalId, { parentId: root.message.id, mentions: [f.lead.id] });
    expect(reply.message).toMatchObject({ parentId: root.message.id, mentions: [{ id: f.lead.id }] });
    expect(await outcome(postAs(f.member, acc, f.generalId, { body: "" }))).toMatchObject({ code: "invalid" });
    expect(await outcome(postAs(f.outsider, await account(f.outsider), f.generalId, { body: "" }))).toMatchObject(notFound);
    const [row] = await t.testDb.db.select().from(messages).where(eq(messages.id, root.message.id));
    expect(row!.replyCount).toBe(1);
  });
});
