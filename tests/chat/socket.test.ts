import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { messages, operationMembers } from "../../db/schema/index";
import type { MessageDto } from "../../app/domain/chat/types";
import type { LiveSocket } from "../../app/hooks/live-channel";
import type { AckResult } from "../../app/server/socket/protocol";
import { actorOf, createOperation, createUser } from "../factories/index";
import { signInCookie, startTestApp, type TestApp } from "../setup/app";
import { closeAllSockets, connected, emitRaw, eventually, roundTrip } from "../socket/helpers";

interface Person {
  id: string;
  cookie: string;
}

const ack = <T>(socket: LiveSocket, event: string, payload: unknown) => emitRaw(socket, event, payload) as Promise<AckResult<T>>;
const join = (socket: LiveSocket, channelId: string) => ack<{ channelId: string; lastSeq: number }>(socket, "chat:join", { channelId });
const postVia = (socket: LiveSocket, channelId: string, body: string, idempotencyKey: string = randomUUID()) =>
  ack<{ message: MessageDto; duplicate: boolean }>(socket, "chat:post", { channelId, body, idempotencyKey });

function messagesOf(socket: LiveSocket): MessageDto[] {
  const seen: MessageDto[] = [];
  // one event may carry several messages that committed together
  socket.on("chat:message", (...ms) => seen.push(...ms));
  return seen;
}

describe("chat over the socket", () => {
  let app: TestApp;
  let lead: Person;
  let member: Person;
  let member2: Person;
  let outsider: Person;
  let operationId: string;
  let generalId: string;
  const db = () => app.testDb.db;

  beforeAll(async () => {
    app = await startTestApp();
    const people = await Promise.all([0, 1, 2, 3].map(() => createUser(db())));
    [lead, member, member2, outsider] = await Promise.all(people.map(async (p) => ({ id: p.id, cookie: await signInCookie(app, p.email) })));
    operationId = (
      await createOperation(db(), {
        members: [
          [lead.id, "lead"],
          [member.id, "member"],
          [member2.id, "member"],
        ],
      })
    ).id;
    const list = await app.services.chat.listChannels({ actor: await actorOf(db(), lead.id) });
    generalId = list.find((c) => c.operationId === operationId && c.isGeneral)!.id;
  });
  afterEach(() => closeAllSockets());
  afterAll(() => app.close());

  it("lets a reader join a channel's room; a non-reader gets what an unknown id gets", async () => {
    const s = await connected(app.url, member.cookie);
    const joined = await join(s, generalId);
    expect(joined).toEqual({ ok: true, data: { channelId: generalId, lastSeq: expect.any(Number) } });
    const intruder = await connected(app.url, outsider.cookie);
    const refused = await join(intruder, generalId);
    expect(refused).toEqual({ ok: false, code: "not_found" });
    expect(await join(intruder, randomUUID())).toEqual(refused);
    expect(await join(intruder, "not-a-uuid")).toEqual({ ok: false, code: "invalid", fields: { channelId: ["validation.invalid"] } });
    // nothing of the channel reaches the intruder
    const intruderSeen = messagesOf(intruder);
    const memberSeen = messagesOf(s);
    await postVia(await connected(app.url, lead.cookie), generalId, "members only");
    await eventually(() => memberSeen.length === 1, "the message at the member");
    await roundTrip(intruder);
    expect(intruderSeen).toEqual([]);
  });

  it("persists, acks the poster, then delivers the message to the room", async () => {
    const poster = await connected(app.url, member.cookie);
    const reader = await connected(app.url, member2.cookie);
    await join(poster, generalId);
    await join(reader, generalId);
    const order: string[] = [];
    poster.on("chat:message", () => order.push("broadcast"));
    const readerSeen = messagesOf(reader);
    const acked = await new Promise<AckResult<{ message: MessageDto; duplicate: boolean }>>((resolve) => {
      poster.timeout(10_000).emit("chat:post", { channelId: generalId, body: "**hello** room", idempotencyKey: randomUUID(), handlingCode: "H1" }, (err, res) => {
        order.push("ack");
        resolve(err ? { ok: false, code: "internal" } : res);
      });
    });
    expect(acked).toMatchObject({ ok: true, data: { duplicate: false, message: { body: "**hello** room", handlingCode: "H1", author: { id: member.id } } } });
    const message = (acked as { data: { message: MessageDto } }).data.message;
    const [row] = await db().select().from(messages).where(eq(messages.id, message.id));
    expect(row).toMatchObject({ seq: message.seq, body: "**hello** room" });
    await eventually(() => readerSeen.length === 1 && order.length === 2, "the broadcast");
    expect(readerSeen).toEqual([message]);
    expect(order).toEqual(["ack", "broadcast"]);
  });

  it("answers a retried post with the same message and broadcasts it once", async () => {
    const poster = await connected(app.url, member.cookie);
    const reader = await connected(app.url, member2.cookie);
    await join(reader, generalId);
    const seen = messagesOf(reader);
    const key = randomUUID();
    const first = await postVia(poster, generalId, "only once", key);
    const second = await postVia(poster, generalId, "only once", key);
    expect(first).toMatchObject({ ok: true, data: { duplicate: false } });
    expect(second).toMatchObject({ ok: true, data: { duplicate: true } });
    const id = (first as { data: { message: MessageDto } }).data.message.id;
    expect((second as { data: { message: MessageDto } }).data.message.id).toBe(id);
    await eventually(() => seen.length >= 1, "the broadcast");
    // a marker message after the retry: once it has arrived, a second broadcast would have too
    const marker = await postVia(poster, generalId, "marker");
    await eventually(() => seen.some((m) => m.id === (marker as { data: { message: MessageDto } }).data.message.id), "the marker");
    expect(seen.filter((m) => m.id === id)).toHaveLength(1);
    expect(await db().select().from(messages).where(eq(messages.idempotencyKey, key))).toHaveLength(1);
  });

  it("fills the gap after a reconnect: everything missed, nothing twice", async () => {
    const { channelId } = await app.services.chat.createChannel({
      actor: await actorOf(db(), lead.id),
      input: { operationId, name: `Gap ${randomUUID().slice(0, 4)}`, memberIds: [member.id] },
    });
    const poster = await connected(app.url, lead.cookie);
    let reader = await connected(app.url, member.cookie);
    await join(reader, channelId);
    const received = new Map<number, MessageDto>();
    const track = (s: LiveSocket) => s.on("chat:message", (...ms) => ms.forEach((m) => received.set(m.seq, m)));
    track(reader);
    for (let i = 0; i < 3; i++) await postVia(poster, channelId, `before ${i}`);
    await eventually(() => received.size === 3, "three live messages");
    const lastSeen = Math.max(...received.keys());

    reader.disconnect();
    const missed: string[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await postVia(poster, channelId, `while away ${i}`);
      missed.push((r as { data: { message: MessageDto } }).data.message.id);
    }
    reader = await connected(app.url, member.cookie);
    track(reader);
    const rejoined = await join(reader, channelId);
    expect(rejoined).toMatchObject({ ok: true, data: { lastSeq: lastSeen + 7 } });
    // paged: three at a time
    let after = lastSeen;
    const synced: MessageDto[] = [];
    for (;;) {
      const page = await ack<{ messages: MessageDto[]; lastSeq: number; more: boolean }>(reader, "chat:sync", { channelId, afterSeq: after, limit: 3 });
      if (!page.ok) throw new Error(`sync refused: ${page.code}`);
      synced.push(...page.data!.messages);
      for (const m of page.data!.messages) received.set(m.seq, m);
      if (!page.data!.more) break;
      after = page.data!.messages.at(-1)!.seq;
    }
    expect(synced.map((m) => m.id)).toEqual(missed);
    // another tab of the poster: the first has used its ten posts a second
    const live = await postVia(await connected(app.url, lead.cookie), channelId, "after the reconnect");
    expect(live.ok).toBe(true);
    await eventually(() => received.size === 11, "the live message after the sync");
    const seqs = [...received.keys()].sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 11 }, (_, i) => seqs[0]! + i));
    expect(received.get(seqs.at(-1)!)!.id).toBe((live as { data: { message: MessageDto } }).data.message.id);
  });

  it("refuses the eleventh post within a second with rate_limited, and writes none of the refused", async () => {
    const s = await connected(app.url, member2.cookie);
    const keys = Array.from({ length: 11 }, () => randomUUID());
    const acks = await Promise.all(keys.map((k, i) => postVia(s, generalId, `burst ${i}`, k)));
    expect(acks.filter((a) => a.ok)).toHaveLength(10);
    const refused = keys.filter((_, i) => !acks[i]!.ok);
    expect(acks.filter((a) => !a.ok)).toEqual([{ ok: false, code: "rate_limited" }]);
    expect(await db().select().from(messages).where(inArray(messages.idempotencyKey, refused))).toEqual([]);
    expect(await db().select().from(messages).where(inArray(messages.idempotencyKey, keys))).toHaveLength(10);
    // the socket still works
    expect(await join(s, generalId)).toMatchObject({ ok: true });
  });

  it("keeps non-readers out of history, edits, deletes, reactions and typing, identically", async () => {
    const author = await connected(app.url, member.cookie);
    const posted = await postVia(author, generalId, "someone else's");
    const messageId = (posted as { data: { message: MessageDto } }).data.message.id;
    const intruder = await connected(app.url, outsider.cookie);
    const unknown = randomUUID();
    for (const [event, payload, guess] of [
      ["chat:sync", { channelId: generalId, afterSeq: 0 }, { channelId: unknown, afterSeq: 0 }],
      ["chat:edit", { messageId, body: "mine now" }, { messageId: unknown, body: "mine now" }],
      ["chat:delete", { messageId }, { messageId: unknown }],
      ["chat:react", { messageId, emoji: "👍" }, { messageId: unknown, emoji: "👍" }],
      ["chat:typing", { channelId: generalId }, { channelId: unknown }],
      ["chat:read", { channelId: generalId, seq: 1 }, { channelId: unknown, seq: 1 }],
    ] as const) {
      const real = await ack(intruder, event, payload);
      expect(real, event).toEqual({ ok: false, code: "not_found" });
      expect(await ack(intruder, event, guess), event).toEqual(real);
    }
    // a reader who is not the author
    const other = await connected(app.url, member2.cookie);
    expect(await ack(other, "chat:edit", { messageId, body: "mine now" })).toEqual({ ok: false, code: "forbidden" });
    expect(await ack(other, "chat:delete", { messageId })).toEqual({ ok: false, code: "forbidden" });
    const [row] = await db().select().from(messages).where(eq(messages.id, messageId));
    expect(row).toMatchObject({ body: "someone else's", deletedAt: null });
  });

  it("delivers edits, deletions and reactions to the room as the new message", async () => {
    const author = await connected(app.url, member.cookie);
    const reader = await connected(app.url, member2.cookie);
    await join(reader, generalId);
    const updates: MessageDto[] = [];
    reader.on("chat:message_updated", (m) => updates.push(m));
    const posted = await postVia(author, generalId, "draft");
    const messageId = (posted as { data: { message: MessageDto } }).data.message.id;
    expect(await ack(author, "chat:edit", { messageId, body: "final" })).toMatchObject({ ok: true, data: { message: { body: "final" } } });
    expect(await ack(reader, "chat:react", { messageId, emoji: "✅" })).toMatchObject({ ok: true, data: { message: { reactions: [{ emoji: "✅", count: 1, mine: true }] } } });
    expect(await ack(author, "chat:delete", { messageId })).toMatchObject({ ok: true, data: { message: { body: null } } });
    await eventually(() => updates.length === 3, "three updates");
    expect(updates.map((m) => m.body)).toEqual(["final", "final", null]);
    expect(updates[1]!.reactions).toEqual([{ emoji: "✅", count: 1, mine: true, userIds: [member2.id] }]);
  });

  it("tells the room who is typing (not the typist), and the user's other tabs what was read", async () => {
    const typist = await connected(app.url, member.cookie);
    const reader = await connected(app.url, member2.cookie);
    const otherTab = await connected(app.url, member.cookie);
    await join(typist, generalId);
    await join(reader, generalId);
    const typing: unknown[] = [];
    const typistSaw: unknown[] = [];
    reader.on("chat:typing", (p) => typing.push(p));
    typist.on("chat:typing", (p) => typistSaw.push(p));
    expect(await ack(typist, "chat:typing", { channelId: generalId })).toEqual({ ok: true });
    await eventually(() => typing.length === 1, "typing at the reader");
    expect(typing[0]).toMatchObject({ channelId: generalId, userId: member.id, userName: expect.any(String) });
    await roundTrip(typist);
    expect(typistSaw).toEqual([]);

    const reads: unknown[] = [];
    otherTab.on("chat:read", (p) => reads.push(p));
    const seq = (await join(typist, generalId) as { data: { lastSeq: number } }).data.lastSeq;
    expect(await ack(typist, "chat:read", { channelId: generalId, seq })).toEqual({ ok: true, data: { channelId: generalId, seq } });
    await eventually(() => reads.length === 1, "the read marker on the other tab");
    expect(reads).toEqual([{ channelId: generalId, seq }]);
  });

  it("takes a member who leaves the operation out of its channel rooms at once", async () => {
    const leaver = await createUser(db());
    await db().insert(operationMembers).values({ operationId, userId: leaver.id, role: "member" });
    const cookie = await signInCookie(app, leaver.email);
    const s = await connected(app.url, cookie);
    expect(await join(s, generalId)).toMatchObject({ ok: true });
    const revoked: unknown[] = [];
    s.on("chat:access_revoked", (p) => revoked.push(p));
    const seen = messagesOf(s);
    await app.services.operations.removeMember({ actor: await actorOf(db(), lead.id), operationId, input: { userId: leaver.id } });
    // the very next message is not delivered to the former member
    await postVia(await connected(app.url, lead.cookie), generalId, "after the removal");
    await eventually(() => revoked.some((r) => (r as { channelId: string }).channelId === generalId), "access revoked");
    await roundTrip(s);
    expect(seen).toEqual([]);
    expect(await join(s, generalId)).toEqual({ ok: false, code: "not_found" });
  });

  it("watches every readable channel at once, conversations included", async () => {
    const { channelId } = await app.services.chat.openConversation({ actor: await actorOf(db(), member.id), input: { userIds: [outsider.id] } });
    const s = await connected(app.url, outsider.cookie);
    const watched = await ack<{ channels: { channelId: string; lastSeq: number }[] }>(s, "chat:watch", {});
    expect(watched.ok && watched.data!.channels.map((c) => c.channelId)).toEqual([channelId]);
    const seen = messagesOf(s);
    await postVia(await connected(app.url, member.cookie), channelId, "psst");
    await eventually(() => seen.length === 1, "the direct message");
    expect(seen[0]).toMatchObject({ channelId, body: "psst" });
  });

  it("shows presence: online while connected, away when the client says so, offline when the last socket closes", async () => {
    // someone no other test has used: no socket of theirs is still closing
    const fresh = await createUser(db());
    const watched = { id: fresh.id, cookie: await signInCookie(app, fresh.email) };
    const watcher = await connected(app.url, lead.cookie);
    const heard: { userId: string; status: string }[] = [];
    watcher.on("presence", (p) => heard.push(p));
    expect(await ack(watcher, "presence:watch", { userIds: [watched.id] })).toEqual({ ok: true, data: { statuses: { [watched.id]: "offline" } } });
    const a = await connected(app.url, watched.cookie);
    await eventually(() => heard.at(-1)?.status === "online", "online");
    const b = await connected(app.url, watched.cookie);
    expect(await ack(a, "presence:set", { status: "away" })).toEqual({ ok: true });
    await roundTrip(watcher);
    // the other tab is still active
    expect(await ack(watcher, "presence:watch", { userIds: [watched.id] })).toMatchObject({ data: { statuses: { [watched.id]: "online" } } });
    await ack(b, "presence:set", { status: "away" });
    await eventually(() => heard.at(-1)?.status === "away", "away");
    b.disconnect();
    await roundTrip(watcher);
    expect(await ack(watcher, "presence:watch", { userIds: [watched.id] })).toMatchObject({ data: { statuses: { [watched.id]: "away" } } });
    a.disconnect();
    await eventually(() => heard.at(-1)?.status === "offline", "offline");
    expect(await ack(watcher, "presence:set", { status: "busy" })).toMatchObject({ ok: false, code: "invalid" });
  });
});
