import { createHash, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channels, messages, operationMembers } from "../../db/schema/index";
import { actorOf, createUser } from "../factories/index";
import { createTestServices, type TestServices } from "../setup/services";
import { verifyAuditChain } from "../../app/domain/audit/verify-chain";
import { defaultConfig } from "../../app/domain/context";
import { createEventBus } from "../../app/domain/events";
import { createServices } from "../../app/domain/services";
import { createDb } from "../../db/client";
import { auditCount, createChatFixture, lastAudit, messageCount, post, type ChatFixture } from "./factories";

const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

describe("chat messages", () => {
  let t: TestServices;
  let f: ChatFixture;
  const db = () => t.testDb.db;
  const chat = () => t.services.chat;

  beforeAll(async () => {
    t = await createTestServices();
    f = await createChatFixture(t);
  });
  afterAll(async () => t.testDb.destroy());

  it("posts with a strictly increasing seq, audits the body's hash, and publishes after commit", async () => {
    const before = await auditCount(db());
    const key = randomUUID();
    const a = await post(t, f.member, f.generalId, { body: "**Raid** at dawn", handlingCode: "H2", idempotencyKey: key });
    expect(a.duplicate).toBe(false);
    expect(a.message).toMatchObject({
      channelId: f.generalId,
      parentId: null,
      body: "**Raid** at dawn",
      handlingCode: "H2",
      author: { id: f.member.id, name: f.names[f.member.id!], country: "RS" },
      idempotencyKey: key,
      replyCount: 0,
      reactions: [],
      editedAt: null,
      deletedAt: null,
    });
    expect(await auditCount(db())).toBe(before + 1);
    expect(await lastAudit(db(), "chat.message_posted", a.message.id)).toMatchObject({
      actorId: f.member.id,
      targetType: "message",
      operationId: f.operationId,
      details: { channelId: f.generalId, seq: a.message.seq, bodySha256: sha("**Raid** at dawn"), handlingCode: "H2", idempotencyKey: key },
    });
    expect(t.events.at(-1)).toEqual({ name: "chat.message_posted", payload: { channelId: f.generalId, message: a.message } });
    const b = await post(t, f.lead, f.generalId);
    expect(b.message.seq).toBe(a.message.seq + 1);
    const [ch] = await db().select().from(channels).where(eq(channels.id, f.generalId));
    expect(ch!.lastSeq).toBe(b.message.seq);
  });

  it("answers a retried post with the first message and publishes nothing new", async () => {
    const key = randomUUID();
    const first = await post(t, f.member, f.generalId, { body: "once", idempotencyKey: key });
    const events = t.events.length;
    const audits = await auditCount(db());
    const count = await messageCount(db(), f.generalId);
    const again = await post(t, f.member, f.generalId, { body: "once", idempotencyKey: key });
    expect(again).toEqual({ message: first.message, duplicate: true });
    // concurrent retries: one message, every answer the same
    const key2 = randomUUID();
    const racing = await Promise.all([1, 2, 3].map(() => post(t, f.member, f.generalId, { body: "racing", idempotencyKey: key2 })));
    expect(new Set(racing.map((r) => r.message.id)).size).toBe(1);
    expect(racing.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await messageCount(db(), f.generalId)).toBe(count + 1);
    expect(t.events.slice(events).filter((e) => e.name === "chat.message_posted")).toHaveLength(1);
    expect(await auditCount(db())).toBe(audits + 1);
    // the same key in another channel is a client bug
    const { channelId } = await chat().openConversation({ actor: f.member, input: { userIds: [f.lead.id!] } });
    await expect(post(t, f.member, channelId, { idempotencyKey: key })).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses empty, oversize and malformed posts with field errors, writing nothing", async () => {
    const count = await messageCount(db());
    const audits = await auditCount(db());
    await expect(post(t, f.member, f.generalId, { body: "   " })).rejects.toMatchObject({ code: "invalid", fields: { body: ["validation.required"] } });
    await expect(post(t, f.member, f.generalId, { body: "a\u0000b" })).rejects.toMatchObject({ code: "invalid", fields: { body: ["validation.invalid"] } });
    await expect(post(t, f.member, f.generalId, { body: "x".repeat(10_001) })).rejects.toMatchObject({ code: "invalid", fields: { body: ['validation.too_big|{"count":10000}'] } });
    expect((await post(t, f.member, f.generalId, { body: "y".repeat(10_000) })).message.body).toHaveLength(10_000);
    await expect(post(t, f.member, f.generalId, { handlingCode: "H9" as "H0" })).rejects.toMatchObject({ code: "invalid", fields: { handlingCode: ["validation.choose_valid"] } });
    await expect(post(t, f.member, f.generalId, { idempotencyKey: "not-a-uuid" })).rejects.toMatchObject({ code: "invalid", fields: { idempotencyKey: ["validation.invalid"] } });
    await expect(chat().postMessage({ actor: f.member, input: { channelId: "nope", body: "x", idempotencyKey: randomUUID() } })).rejects.toMatchObject({ code: "not_found" });
    expect(await messageCount(db())).toBe(count + 1);
    expect(await auditCount(db())).toBe(audits + 1);
  });

  it("mentions readers only, and notifies them without the message's content", async () => {
    const { channelId } = await chat().createChannel({ actor: f.lead, input: { operationId: f.operationId, name: `Mentions ${randomUUID().slice(0, 4)}`, memberIds: [f.member.id!] } });
    await expect(post(t, f.lead, channelId, { mentions: [f.member2.id!] })).rejects.toMatchObject({ code: "invalid", fields: { mentions: ["chat:errors.mention_not_reader"] } });
    await expect(post(t, f.lead, channelId, { mentions: [f.outsider.id!] })).rejects.toMatchObject({ code: "invalid" });
    const ok = await post(t, f.lead, channelId, { body: "@member look", mentions: [f.member.id!] });
    expect(ok.message.mentions).toEqual([{ id: f.member.id, name: f.names[f.member.id!] }]);
    const list = await t.services.notifications.list({ actor: f.member });
    const note = list.items.find((n) => n.kind === "chat_mentioned" && n.subjectId === channelId);
    expect(note).toMatchObject({ operationId: f.operationId, data: { channelId, messageId: ok.message.id, seq: ok.message.seq } });
    expect(JSON.stringify(note)).not.toContain("look");
    // taken out of the channel: the notification is no longer shown
    await chat().setChannelMembers({ actor: f.lead, input: { channelId, memberIds: [] } });
    const later = await t.services.notifications.list({ actor: f.member });
    expect(later.items.some((n) => n.subjectId === channelId)).toBe(false);
  });

  it("notifies direct-message recipients once per unread stretch", async () => {
    const sender = f.member2;
    const { channelId } = await chat().openConversation({ actor: sender, input: { userIds: [f.outsider.id!] } });
    await post(t, sender, channelId, { body: "hello" });
    await post(t, sender, channelId, { body: "are you there" });
    const count = async () => (await t.services.notifications.list({ actor: f.outsider })).items.filter((n) => n.subjectId === channelId).length;
    expect(await count()).toBe(1);
    await chat().markRead({ actor: f.outsider, input: { channelId, seq: 2 } });
    await post(t, sender, channelId, { body: "again" });
    expect(await count()).toBe(2);
    expect(await t.services.notifications.unreadCount({ actor: f.outsider })).toBeGreaterThanOrEqual(1);
  });

  it("threads replies under their root: the channel's seq, the root's counters, replies to replies join the root", async () => {
    const root = await post(t, f.member, f.generalId, { body: "root" });
    t.clock.advance(1000);
    const r1 = await post(t, f.lead, f.generalId, { body: "reply 1", parentId: root.message.id });
    const r2 = await post(t, f.member2, f.generalId, { body: "reply 2", parentId: r1.message.id });
    expect(r1.message).toMatchObject({ parentId: root.message.id, seq: root.message.seq + 1 });
    expect(r2.message).toMatchObject({ parentId: root.message.id, seq: root.message.seq + 2 });
    expect(t.events.at(-1)).toMatchObject({ name: "chat.message_updated", payload: { message: { id: root.message.id, replyCount: 2 } } });
    const thread = await chat().listMessages({ actor: f.member, input: { channelId: f.generalId, parentId: root.message.id } });
    expect(thread.messages.map((m) => m.body)).toEqual(["reply 1", "reply 2"]);
    const panel = await chat().getThread({ actor: f.member, input: { channelId: f.generalId, rootId: r2.message.id } });
    expect(panel.rootId).toBe(root.message.id);
    expect(panel.messages.map((m) => m.body)).toEqual(["root", "reply 1", "reply 2"]);
    expect(panel.messages[0]).toMatchObject({ replyCount: 2, lastReplyAt: t.clock.now.toISOString() });
    // the timeline shows roots only
    const timeline = await chat().listMessages({ actor: f.member, input: { channelId: f.generalId } });
    expect(timeline.messages.some((m) => m.parentId !== null)).toBe(false);
    await expect(post(t, f.member, f.generalId, { parentId: randomUUID() })).rejects.toMatchObject({ code: "invalid", fields: { parentId: ["chat:errors.thread_not_found"] } });
  });

  it("pages history back, forward and around a seq, ascending", async () => {
    const { channelId } = await chat().createChannel({ actor: f.lead, input: { operationId: f.operationId, name: `Paging ${randomUUID().slice(0, 4)}`, memberIds: [f.member.id!] } });
    for (let i = 1; i <= 7; i++) await post(t, f.lead, channelId, { body: `m${i}` });
    const bodies = (p: { messages: { body: string | null }[] }) => p.messages.map((m) => m.body);
    const latest = await chat().listMessages({ actor: f.member, input: { channelId, limit: 3 } });
    expect(latest).toMatchObject({ hasOlder: true, hasNewer: false });
    expect(bodies(latest)).toEqual(["m5", "m6", "m7"]);
    const older = await chat().listMessages({ actor: f.member, input: { channelId, before: 5, limit: 3 } });
    expect(bodies(older)).toEqual(["m2", "m3", "m4"]);
    expect(older).toMatchObject({ hasOlder: true, hasNewer: true });
    const newer = await chat().listMessages({ actor: f.member, input: { channelId, after: 4, limit: 2 } });
    expect(bodies(newer)).toEqual(["m5", "m6"]);
    expect(newer).toMatchObject({ hasOlder: true, hasNewer: true });
    const around = await chat().listMessages({ actor: f.member, input: { channelId, around: 4, limit: 4 } });
    expect(bodies(around)).toEqual(["m2", "m3", "m4", "m5"]);
    await expect(chat().listMessages({ actor: f.member, input: { channelId, before: 3, after: 1 } })).rejects.toMatchObject({ code: "invalid" });
    const sync = await chat().syncMessages({ actor: f.member, input: { channelId, afterSeq: 2, limit: 3 } });
    expect(bodies(sync)).toEqual(["m3", "m4", "m5"]);
    expect(sync).toMatchObject({ more: true, lastSeq: 7 });
    const rest = await chat().syncMessages({ actor: f.member, input: { channelId, afterSeq: 5, limit: 3 } });
    expect(rest).toMatchObject({ more: false, lastSeq: 7 });
    expect(bodies(rest)).toEqual(["m6", "m7"]);
  });

  it("lets only the author edit, keeps earlier versions, and audits the previous text", async () => {
    const m = await post(t, f.member, f.generalId, { body: "first draft", handlingCode: "H0" });
    t.clock.advance(5000);
    const edited = await chat().editMessage({ actor: f.member, input: { messageId: m.message.id, body: "second draft", handlingCode: "H1", mentions: [f.lead.id!] } });
    expect(edited).toMatchObject({ changed: true, message: { body: "second draft", handlingCode: "H1", editedAt: t.clock.now.toISOString(), seq: m.message.seq } });
    expect(await lastAudit(db(), "chat.message_edited", m.message.id)).toMatchObject({
      actorId: f.member.id,
      details: { previousBody: "first draft", previousHandlingCode: "H0", bodySha256: sha("second draft"), handlingCode: "H1", mentions: [f.lead.id] },
    });
    expect(t.events.at(-1)).toMatchObject({ name: "chat.message_updated", payload: { message: { id: m.message.id, body: "second draft" } } });
    const versions = await chat().messageVersions({ actor: f.member2, messageId: m.message.id });
    expect(versions).toEqual([{ body: "first draft", handlingCode: "H0", replacedAt: t.clock.now.toISOString(), replacedBy: { id: f.member.id, name: f.names[f.member.id!] } }]);
    const audits = await auditCount(db());
    expect((await chat().editMessage({ actor: f.member, input: { messageId: m.message.id, body: "second draft", mentions: [f.lead.id!] } })).changed).toBe(false);
    expect(await auditCount(db())).toBe(audits);
    await expect(chat().editMessage({ actor: f.lead, input: { messageId: m.message.id, body: "lead's words" } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(chat().editMessage({ actor: f.outsider, input: { messageId: m.message.id, body: "x" } })).rejects.toMatchObject({ code: "not_found" });
    await expect(chat().messageVersions({ actor: f.outsider, messageId: m.message.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("deletes as a tombstone (author or operation lead), the audit keeping the original", async () => {
    const own = await post(t, f.member, f.generalId, { body: "secret detail", handlingCode: "H3" });
    await expect(chat().deleteMessage({ actor: f.member2, input: { messageId: own.message.id } })).rejects.toMatchObject({ code: "forbidden" });
    const del = await chat().deleteMessage({ actor: f.member, input: { messageId: own.message.id } });
    expect(del.message).toMatchObject({ body: null, deletedAt: t.clock.now.toISOString(), seq: own.message.seq, mentions: [], reactions: [] });
    expect(await lastAudit(db(), "chat.message_deleted", own.message.id)).toMatchObject({
      details: { body: "secret detail", handlingCode: "H3", authorId: f.member.id, as: "author" },
    });
    const [row] = await db().select().from(messages).where(eq(messages.id, own.message.id));
    expect(row).toMatchObject({ deletedBy: f.member.id });
    const page = await chat().listMessages({ actor: f.member2, input: { channelId: f.generalId, around: own.message.seq, limit: 2 } });
    expect(page.messages.find((m) => m.id === own.message.id)).toMatchObject({ body: null });
    await expect(chat().editMessage({ actor: f.member, input: { messageId: own.message.id, body: "back" } })).rejects.toMatchObject({ code: "conflict" });
    expect(await chat().messageVersions({ actor: f.member, messageId: own.message.id })).toEqual([]);

    const other = await post(t, f.member2, f.generalId, { body: "off topic" });
    const byLead = await chat().deleteMessage({ actor: f.lead, input: { messageId: other.message.id } });
    expect(byLead.message.body).toBeNull();
    expect(await lastAudit(db(), "chat.message_deleted", other.message.id)).toMatchObject({ actorId: f.lead.id, details: { as: "lead", body: "off topic" } });
  });

  it("toggles reactions, audited, and withholds them from outsiders", async () => {
    const m = await post(t, f.member, f.generalId, { body: "react to me" });
    const on = await chat().toggleReaction({ actor: f.lead, input: { messageId: m.message.id, emoji: "👍" } });
    expect(on).toMatchObject({ added: true, message: { reactions: [{ emoji: "👍", count: 1, mine: true, userIds: [f.lead.id] }] } });
    await chat().toggleReaction({ actor: f.member2, input: { messageId: m.message.id, emoji: "👍" } });
    const off = await chat().toggleReaction({ actor: f.lead, input: { messageId: m.message.id, emoji: "👍" } });
    expect(off).toMatchObject({ added: false, message: { reactions: [{ emoji: "👍", count: 1, mine: false, userIds: [f.member2.id] }] } });
    expect(await lastAudit(db(), "chat.reaction_toggled", m.message.id)).toMatchObject({ actorId: f.lead.id, details: { emoji: "👍", added: false } });
    await expect(chat().toggleReaction({ actor: f.lead, input: { messageId: m.message.id, emoji: "x".repeat(33) } })).rejects.toMatchObject({ code: "invalid" });
    await expect(chat().toggleReaction({ actor: f.outsider, input: { messageId: m.message.id, emoji: "👍" } })).rejects.toMatchObject({ code: "not_found" });
    // observers read, but do not post or react
    await expect(chat().toggleReaction({ actor: f.observer, input: { messageId: m.message.id, emoji: "👍" } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(post(t, f.observer, f.generalId)).rejects.toMatchObject({ code: "forbidden" });
    expect((await chat().getChannel({ actor: f.observer, channelId: f.generalId })).canPost).toBe(false);
  });

  it("searches every readable channel with full-text, prefixes, filters and keyset pages", async () => {
    const { channelId: privateId } = await chat().createChannel({ actor: f.lead, input: { operationId: f.operationId, name: `Search ${randomUUID().slice(0, 4)}`, memberIds: [] } });
    const tag = `zebra${randomUUID().slice(0, 6)}`;
    await post(t, f.lead, privateId, { body: `${tag} private note` });
    const items: string[] = [];
    for (let i = 0; i < 33; i++) {
      t.clock.advance(1000);
      const r = await post(t, i % 2 ? f.member : f.lead, f.generalId, { body: `crossing ${tag} number ${i}`, handlingCode: i % 3 === 0 ? "H2" : "H0" });
      items.push(r.message.id);
    }
    const deleted = await post(t, f.member, f.generalId, { body: `${tag} gone` });
    await chat().deleteMessage({ actor: f.member, input: { messageId: deleted.message.id } });

    const page1 = await chat().searchMessages({ actor: f.member, input: { q: tag } });
    expect(page1.hits).toHaveLength(30);
    expect(page1.hits[0]).toMatchObject({ message: { id: items[32] }, channel: { id: f.generalId, name: "general", operationId: f.operationId } });
    expect(page1.hits[0]!.snippet).toContain(`«${tag}»`);
    const page2 = await chat().searchMessages({ actor: f.member, input: { q: tag, cursor: page1.nextCursor! } });
    expect(page2.nextCursor).toBeNull();
    const all = [...page1.hits, ...page2.hits].map((h) => h.message.id);
    expect(all).toEqual([...items].reverse());
    // the lead also reads the private channel
    expect((await chat().searchMessages({ actor: f.lead, input: { q: `${tag} private` } })).hits.map((h) => h.channel.id)).toEqual([privateId]);
    // the last word is a prefix
    expect((await chat().searchMessages({ actor: f.member, input: { q: `crossing ${tag.slice(0, 7)}` } })).hits.length).toBe(30);
    expect((await chat().searchMessages({ actor: f.member, input: { q: tag, authorId: f.lead.id! } })).hits.every((h) => h.message.author.id === f.lead.id)).toBe(true);
    const restricted = await chat().searchMessages({ actor: f.member, input: { q: tag, handlingCode: "restricted" } });
    expect(restricted.hits).toHaveLength(11);
    expect((await chat().searchMessages({ actor: f.member, input: { q: tag, handlingCode: "H1" } })).hits).toHaveLength(0);
    const future = new Date(t.clock.now.getTime() + 86_400_000 * 2).toISOString().slice(0, 10);
    expect((await chat().searchMessages({ actor: f.member, input: { q: tag, from: future } })).hits).toHaveLength(0);
    expect((await chat().searchMessages({ actor: f.member, input: { q: tag, to: "2000-01-01" } })).hits).toHaveLength(0);
    await expect(chat().searchMessages({ actor: f.member, input: { q: tag, cursor: "garbage" } })).rejects.toMatchObject({ code: "invalid", fields: { cursor: ["validation.invalid"] } });
    await expect(chat().searchMessages({ actor: f.member, input: { q: "" } })).rejects.toMatchObject({ code: "invalid" });
    // outsiders and people who left find nothing
    expect((await chat().searchMessages({ actor: f.outsider, input: { q: tag } })).hits).toHaveLength(0);
    expect((await chat().searchMessages({ actor: f.outsider, input: { q: tag, channelId: f.generalId } })).hits).toHaveLength(0);
    const leaver = await createUser(db());
    await db().insert(operationMembers).values({ operationId: f.operationId, userId: leaver.id, role: "member" });
    const leaverActor = await actorOf(db(), leaver.id);
    expect((await chat().searchMessages({ actor: leaverActor, input: { q: tag } })).hits.length).toBe(30);
    await t.services.operations.removeMember({ actor: f.lead, operationId: f.operationId, input: { userId: leaver.id } });
    expect((await chat().searchMessages({ actor: leaverActor, input: { q: tag } })).hits).toHaveLength(0);
  });

  it("posts racing through two connection pools, as from two processes, get distinct gapless seqs and an intact audit chain", async () => {
    const other = t.testDb.url ? await createDb({ kind: "postgres", url: t.testDb.url, max: 4 }) : null;
    try {
      const second = other ? createServices({ db: other.db, events: createEventBus(), now: () => t.clock.now, config: defaultConfig }) : t.services;
      const posts = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          (i % 2 ? second : t.services).chat.postMessage({ actor: i % 3 ? f.member : f.lead, input: { channelId: f.generalId, body: `race ${i}`, idempotencyKey: randomUUID() } }),
        ),
      );
      const seqs = posts.map((p) => p.message.seq).sort((x, y) => x - y);
      expect(new Set(seqs).size).toBe(30);
      expect(seqs.at(-1)! - seqs[0]!).toBe(29);
      for (const p of posts) expect(await lastAudit(db(), "chat.message_posted", p.message.id)).toMatchObject({ details: { seq: p.message.seq } });
      expect(await verifyAuditChain(db())).toMatchObject({ intact: true });
    } finally {
      await other?.close();
    }
  });
});
