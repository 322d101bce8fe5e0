// The browser's chat state without React: the windowed timeline merged by seq, the
// Markdown additions, and the outbox against a real server with a real socket.io-client.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messages } from "../../db/schema/index";
import type { MessageDto } from "../../app/domain/chat/types";
import { chatMarkdownSource, chipTaskLinks } from "../../app/components/chat/message-body";
import { renderMarkdown } from "../../app/components/board/markdown";
import { ChatOutbox } from "../../app/hooks/use-chat-outbox";
import { WINDOW_MAX, advanceSeq, firstUnreadId, mergeBySeq, withLive, withNewerPage, withOlderPage, type Timeline } from "../../app/hooks/use-chat-store";
import type { Actor } from "../../app/domain/context";
import { signInCookie, startTestApp, type TestApp } from "../setup/app";
import type { TestServices } from "../setup/services";
import { closeAllSockets, connectSocket, eventually } from "../socket/helpers";
import { createChatFixture, type ChatFixture } from "./factories";

function msg(seq: number, over: Partial<MessageDto> = {}): MessageDto {
  return {
    id: `m${seq}`,
    channelId: "c1",
    seq,
    parentId: null,
    author: { id: "u1", name: "Ana", agencyName: "A", country: "RS" },
    body: `body ${seq}`,
    handlingCode: "H0",
    mentions: [],
    replyCount: 0,
    lastReplyAt: null,
    editedAt: null,
    deletedAt: null,
    reactions: [],
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, seq)).toISOString(),
    idempotencyKey: `k${seq}`,
    ...over,
  };
}
const seqs = (t: { messages: MessageDto[] }) => t.messages.map((m) => m.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => msg(from + i));

describe("timeline window", () => {
  it("merges by seq: no duplicates, no reordering, updates replace", () => {
    const list = [msg(1), msg(3), msg(5)];
    const merged = mergeBySeq(list, [msg(4), msg(3, { body: "edited", editedAt: "2026-01-02T00:00:00.000Z" }), msg(2), msg(5)]);
    expect(seqs({ messages: merged })).toEqual([1, 2, 3, 4, 5]);
    expect(merged.find((m) => m.seq === 3)!.body).toBe("edited");
    // nothing new: the same array, so React does not re-render
    expect(mergeBySeq(merged, [msg(1), msg(2)])).toBe(merged);
  });

  it("older pages prepend and, beyond the window, let go of the newest", () => {
    let t: Timeline = { messages: range(WINDOW_MAX + 1, WINDOW_MAX + 50), hasOlder: true, hasNewer: false };
    for (let top = WINDOW_MAX; top > 0; top -= 50) t = withOlderPage(t, { messages: range(top - 49, top), hasOlder: top - 49 > 1 });
    expect(t.messages.length).toBe(WINDOW_MAX);
    expect(seqs(t)[0]).toBe(1);
    expect(t).toMatchObject({ hasOlder: false, hasNewer: true });
    // scrolling back down brings the newest again, and lets go of the oldest
    t = withNewerPage(t, { messages: range(WINDOW_MAX + 1, WINDOW_MAX + 50), hasNewer: false });
    expect(t.messages.length).toBe(WINDOW_MAX);
    expect(seqs(t)[WINDOW_MAX - 1]).toBe(WINDOW_MAX + 50);
    expect(t).toMatchObject({ hasOlder: true, hasNewer: false });
  });

  it("live messages join at the live end, but not while the reader is in history (only updates apply)", () => {
    const live: Timeline = { messages: range(1, 3), hasOlder: false, hasNewer: false };
    expect(seqs(withLive(live, [msg(5), msg(4), msg(4)]))).toEqual([1, 2, 3, 4, 5]);
    const history: Timeline = { messages: range(1, 3), hasOlder: false, hasNewer: true };
    const after = withLive(history, [msg(9), msg(2, { deletedAt: "2026-01-02T00:00:00.000Z", body: null })]);
    expect(seqs(after)).toEqual([1, 2, 3]);
    expect(after.messages[1]!.body).toBeNull();
  });

  it("a seq beyond the next one is a gap to sync; older or equal ones are not", () => {
    expect(advanceSeq(10, 11)).toEqual({ synced: 11, gap: false });
    expect(advanceSeq(10, 13)).toEqual({ synced: 10, gap: true });
    expect(advanceSeq(10, 7)).toEqual({ synced: 10, gap: false });
  });

  it("the unread line goes before the first unread message of someone else", () => {
    const list = [msg(1), msg(2, { author: { id: "me", name: "Me", agencyName: "A", country: "AT" } }), msg(3), msg(4)];
    expect(firstUnreadId(list, 1, "me")).toBe("m3");
    expect(firstUnreadId(list, 4, "me")).toBeNull();
  });
});

describe("message Markdown", () => {
  const opId = "5b1c7e0e-1c1f-4a53-9d1b-0f4bb0c7d001";
  const taskId = "0f0e8f4a-2f7c-4d62-8f0e-57c4b5a1a9e2";
  it("turns #task:<id> into a chip linking to the card of the same operation, and bolds mentions", () => {
    const src = chatMarkdownSource(`See #task:${taskId} — @Katalin Szabó please check`, { operationId: opId, mentions: [{ name: "Katalin Szabó" }], taskLabel: "Task" });
    const html = chipTaskLinks(renderMarkdown(src));
    expect(html).toContain(`<a class="chat-chip" href="/operations/${opId}/board/${taskId}" rel="noopener noreferrer">Task</a>`);
    expect(html).toContain("<strong>@Katalin Szabó</strong>");
  });
  it("leaves task references alone outside an operation, and never renders raw HTML", () => {
    const html = chipTaskLinks(renderMarkdown(chatMarkdownSource(`#task:${taskId} <img src=x onerror=alert(1)>`, { operationId: null, mentions: [], taskLabel: "Task" })));
    expect(html).not.toContain("<a");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img");
  });
});

describe("outbox against a real server", () => {
  let app: TestApp;
  let f: ChatFixture;
  beforeAll(async () => {
    app = await startTestApp();
    f = await createChatFixture({ testDb: app.testDb, services: app.services } as unknown as TestServices);
  });
  afterAll(async () => {
    closeAllSockets();
    await app?.close();
  });
  const emailOf = async (a: Actor) => (await app.testDb.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, a.id!) }))!.email;
  const count = async (body: string) => (await app.testDb.db.select({ id: messages.id }).from(messages).where(and(eq(messages.channelId, f.generalId), eq(messages.body, body)))).length;

  it("queues while disconnected, sends in order once connected, once per key; a refusal fails with its code and retries with the same key", async () => {
    const cookie = await signInCookie(app, await emailOf(f.member));
    const socket = connectSocket(app.url, { cookie, reconnection: true });
    socket.disconnect();
    const outbox = new ChatOutbox();
    const delivered: MessageDto[] = [];
    outbox.onDelivered((m) => delivered.push(m));
    outbox.attach(socket);
    const keyA = randomUUID();
    const keyB = randomUUID();
    outbox.add({ idempotencyKey: keyA, channelId: f.generalId, parentId: null, body: "Queued first", handlingCode: "H0", mentions: [] });
    outbox.add({ idempotencyKey: keyB, channelId: f.generalId, parentId: null, body: "Queued second", handlingCode: "H1", mentions: [] });
    expect(outbox.snapshot().map((i) => i.status)).toEqual(["queued", "queued"]);
    expect(await count("Queued first")).toBe(0);

    socket.connect();
    await eventually(() => outbox.snapshot().length === 0, "outbox drained");
    expect(delivered.map((m) => m.body)).toEqual(["Queued first", "Queued second"]);
    expect(delivered[0]!.seq).toBeLessThan(delivered[1]!.seq);
    expect([...outbox.sentKeys]).toEqual([keyA, keyB]);

    // the same key again (a retry after a lost ack) stores nothing new
    outbox.add({ idempotencyKey: keyA, channelId: f.generalId, parentId: null, body: "Queued first", handlingCode: "H0", mentions: [] });
    await eventually(() => outbox.snapshot().length === 0, "duplicate acked");
    expect(await count("Queued first")).toBe(1);

    // an observer's post is refused: failed with the code, kept for a retry with its key
    const observerSocket = connectSocket(app.url, { cookie: await signInCookie(app, await emailOf(f.observer)) });
    const refused = new ChatOutbox();
    refused.attach(observerSocket);
    const keyC = randomUUID();
    refused.add({ idempotencyKey: keyC, channelId: f.generalId, parentId: null, body: "Observer tries", handlingCode: "H0", mentions: [] });
    await eventually(() => refused.snapshot()[0]?.status === "failed", "refused");
    expect(refused.snapshot()[0]).toMatchObject({ idempotencyKey: keyC, error: "forbidden" });
    refused.retry(keyC);
    await eventually(() => refused.snapshot()[0]?.status === "failed", "refused again");
    expect(refused.snapshot()[0]!.idempotencyKey).toBe(keyC);
    expect(await count("Observer tries")).toBe(0);
  });
});
