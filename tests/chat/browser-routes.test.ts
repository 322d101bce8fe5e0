// The chat pages and their JSON endpoints over plain HTTP, as a browser without
// JavaScript (or the page's own scripts) uses them: posting, refusals, need-to-know.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messages } from "../../db/schema/index";
import type { Actor } from "../../app/domain/context";
import { client, signInCookie, startTestApp, type TestApp } from "../setup/app";
import type { TestServices } from "../setup/services";
import { createChatFixture, post, type ChatFixture } from "./factories";

let app: TestApp;
let f: ChatFixture;
const db = () => app.testDb.db;
const emailOf = async (a: Actor) => (await db().query.users.findFirst({ where: (u, { eq }) => eq(u.id, a.id!) }))!.email;
const as = async (a: Actor) => client(app, await signInCookie(app, await emailOf(a)));
const stored = async (channelId: string, body: string) =>
  (await db().select({ id: messages.id }).from(messages).where(and(eq(messages.channelId, channelId), eq(messages.body, body)))).length;

beforeAll(async () => {
  app = await startTestApp();
  f = await createChatFixture({ testDb: app.testDb, services: app.services } as unknown as TestServices);
});
afterAll(() => app?.close());

describe("chat pages over HTTP", () => {
  it("renders the channel with its last messages, day by day, for a member", async () => {
    await post(app as unknown as TestServices, f.lead, f.generalId, { body: "Surveillance of the **Horgoš** car park from 05:00", handlingCode: "H2" });
    const http = await as(f.member);
    const res = await http(`/chat/${f.generalId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<strong>Horgoš</strong>");
    expect(html).toContain(">H2<");
    expect(html).toContain("Enter to send");
    // the sidebar lists the operation's general channel
    expect(html).toContain(`data-channel-id="${f.generalId}"`);
  });

  it("posts a message from the plain form, once per idempotency key", async () => {
    const http = await as(f.member);
    const key = randomUUID();
    const form = { intent: "post", body: "Driver identified: Ivan P., born 1988", handlingCode: "H1", idempotencyKey: key };
    const first = await http(`/chat/${f.generalId}`, { method: "POST", form });
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(`/chat/${f.generalId}`);
    // the browser resends the same form (a double click, a reload after a timeout)
    const again = await http(`/chat/${f.generalId}`, { method: "POST", form });
    expect(again.status).toBe(302);
    expect(await stored(f.generalId, form.body)).toBe(1);
    const [row] = await db().select().from(messages).where(eq(messages.idempotencyKey, key));
    expect(row).toMatchObject({ handlingCode: "H1", authorId: f.member.id });
  });

  it("a reply from the plain form goes into the thread and back to it", async () => {
    const { message: root } = await post(app as unknown as TestServices, f.lead, f.generalId, { body: "Who takes the bank records?" });
    const http = await as(f.member2);
    const res = await http(`/chat/${f.generalId}?thread=${root.id}`, {
      method: "POST",
      form: { intent: "post", body: "I do, request goes out today", handlingCode: "H0", idempotencyKey: randomUUID(), parentId: root.id },
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/chat/${f.generalId}?thread=${root.id}`);
    const [reply] = await db().select().from(messages).where(eq(messages.body, "I do, request goes out today"));
    expect(reply!.parentId).toBe(root.id);
    // the thread renders without JavaScript
    const page = await (await http(`/chat/${f.generalId}?thread=${root.id}`)).text();
    expect(page).toContain('data-testid="thread-panel"');
    expect(page).toContain("I do, request goes out today");
  });

  it("answers a bad post with 400 and field errors, and writes nothing", async () => {
    const http = await as(f.member);
    const key = randomUUID();
    const res = await http(`/chat/${f.generalId}?_data=routes%2Fchat.%24channelId`, { method: "POST", form: { intent: "post", body: "   ", handlingCode: "H9", idempotencyKey: key } });
    expect(res.status).toBe(400);
    const data = (await res.json()) as { fieldErrors: Record<string, string[]> };
    expect(Object.keys(data.fieldErrors).sort()).toEqual(["body", "handlingCode"]);
    expect(data.fieldErrors.body).toEqual(["validation.required"]);
    expect((await db().select().from(messages).where(eq(messages.idempotencyKey, key))).length).toBe(0);
    // as a page, the error is shown next to the composer, translated
    const page = await http(`/chat/${f.generalId}`, { method: "POST", form: { intent: "post", body: "", handlingCode: "H0", idempotencyKey: randomUUID() } });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('class="field-error"');
  });

  it("an observer cannot post: 403 with the reason, nothing written", async () => {
    const http = await as(f.observer);
    const res = await http(`/chat/${f.generalId}?_data=routes%2Fchat.%24channelId`, { method: "POST", form: { intent: "post", body: "I should not be able to", handlingCode: "H0", idempotencyKey: randomUUID() } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { formErrors: string[] }).formErrors).toEqual(["chat:errors.observer"]);
    expect(await stored(f.generalId, "I should not be able to")).toBe(0);
  });

  it("answers 404 alike for a channel the reader cannot read, an unknown id and a malformed one", async () => {
    const http = await as(f.outsider);
    const { channelId: privateId } = await app.services.chat.createChannel({ actor: f.lead, input: { operationId: f.operationId, name: "leads-only", memberIds: [] } });
    for (const id of [f.generalId, privateId, randomUUID(), "not-a-uuid"]) {
      const page = await http(`/chat/${id}`);
      expect(page.status, id).toBe(404);
      const posted = await http(`/chat/${id}`, { method: "POST", form: { intent: "post", body: "hello?", handlingCode: "H0", idempotencyKey: randomUUID() } });
      expect(posted.status, id).toBe(404);
      const api = await http(`/api/chat/messages?channelId=${encodeURIComponent(id)}`);
      expect(api.status, id).toBe(404);
    }
    // a member of the operation who is not in the private channel gets the same
    const member = await as(f.member);
    expect((await member(`/chat/${privateId}`)).status).toBe(404);
    expect(await stored(f.generalId, "hello?")).toBe(0);
  });

  it("pages through history with the JSON endpoint: before, after, around", async () => {
    // lines unique to this run, so that a second attempt does not read the first one's
    const run = randomUUID().slice(0, 8);
    const line = (i: number) => `History ${run} line ${i}`;
    const ids: number[] = [];
    for (let i = 0; i < 80; i++) ids.push((await post(app as unknown as TestServices, f.member, f.generalId, { body: line(i) })).message.seq);
    const http = await as(f.member2);
    const last = (await (await http(`/api/chat/messages?channelId=${f.generalId}&limit=10`)).json()) as { messages: { seq: number; body: string }[]; hasOlder: boolean; hasNewer: boolean };
    expect(last.messages.map((m) => m.body)).toEqual(Array.from({ length: 10 }, (_, i) => line(70 + i)));
    expect(last).toMatchObject({ hasOlder: true, hasNewer: false });
    const older = (await (await http(`/api/chat/messages?channelId=${f.generalId}&limit=10&before=${last.messages[0]!.seq}`)).json()) as typeof last;
    expect(older.messages.map((m) => m.body)).toEqual(Array.from({ length: 10 }, (_, i) => line(60 + i)));
    const around = (await (await http(`/api/chat/messages?channelId=${f.generalId}&limit=5&around=${ids[15]}`)).json()) as typeof last;
    expect(around.messages.map((m) => m.seq)).toContain(ids[15]);
    expect(around).toMatchObject({ hasOlder: true, hasNewer: true });
    // the page opened around a seq (a search hit) renders that message
    const page = await (await http(`/chat/${f.generalId}?around=${ids[15]}`)).text();
    expect(page).toContain(line(15));
    expect(page).not.toContain(line(79));
    const bad = await http(`/api/chat/messages?channelId=${f.generalId}&limit=5000`);
    expect(bad.status).toBe(400);
  });

  it("searches every readable channel with filters, and never another operation's", async () => {
    await post(app as unknown as TestServices, f.lead, f.generalId, { body: "Payment through a hawala agent in Kumanovo", handlingCode: "H3" });
    const http = await as(f.member);
    const res = await http(`/chat/search?q=hawala&handlingCode=restricted`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<mark>hawala</mark>");
    expect(html).toMatch(new RegExp(`/chat/${f.generalId}\\?around=\\d+`));
    const outsider = await as(f.outsider);
    const none = await (await outsider(`/chat/search?q=hawala`)).text();
    expect(none).not.toContain("Kumanovo");
    expect(none).toContain("No messages found");
    const bad = await http(`/chat/search?q=hawala&from=yesterday`);
    expect(bad.status).toBe(400);
  });

  it("the operation's Chat tab opens its general channel; a non-member gets 404", async () => {
    const member = await as(f.member);
    const res = await member(`/operations/${f.operationId}/chat`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/chat/${f.generalId}`);
    const outsider = await as(f.outsider);
    expect((await outsider(`/operations/${f.operationId}/chat`)).status).toBe(404);
  });

  it("a lead creates a channel from the form; a member is refused; a bad name is a field error", async () => {
    const lead = await as(f.lead);
    const page = await lead(`/chat/new-channel?operationId=${f.operationId}`);
    expect(page.status).toBe(200);
    const created = await lead(`/chat/new-channel`, { method: "POST", form: { operationId: f.operationId, name: "surveillance", memberIds: [f.member.id!] } });
    expect(created.status).toBe(302);
    const channelId = created.headers.get("location")!.split("/").pop()!;
    const detail = await app.services.chat.getChannel({ actor: f.member, channelId });
    expect(detail.members.map((m) => m.id).sort()).toEqual([f.lead.id, f.member.id].sort());
    const taken = await lead(`/chat/new-channel?_data=routes%2Fchat.new-channel`, { method: "POST", form: { operationId: f.operationId, name: "Surveillance" } });
    expect(taken.status).toBe(400);
    expect(((await taken.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.name).toEqual(["chat:errors.channel_name_taken"]);
    const member = await as(f.member);
    expect((await member(`/chat/new-channel?operationId=${f.operationId}`)).status).toBe(403);
    const refused = await member(`/chat/new-channel?_data=routes%2Fchat.new-channel`, { method: "POST", form: { operationId: f.operationId, name: "mine" } });
    expect(refused.status).toBe(403);
    // the lead's settings page; the member gets 403 there too
    expect((await lead(`/chat/${channelId}/settings`)).status).toBe(200);
    expect((await member(`/chat/${channelId}/settings`)).status).toBe(403);
    const renamed = await lead(`/chat/${channelId}/settings`, { method: "POST", form: { intent: "rename", name: "surveillance-night" } });
    expect(renamed.status).toBe(302);
    expect((await app.services.chat.getChannel({ actor: f.lead, channelId })).channel.name).toBe("surveillance-night");
  });

  it("opens a direct conversation from the people list, once per pair", async () => {
    const http = await as(f.member);
    const list = await (await http(`/chat/new?q=${encodeURIComponent(f.names[f.outsider.id!]!.split(" ")[0]!)}`)).text();
    expect(list).toContain(f.names[f.outsider.id!]!);
    const first = await http(`/chat/new`, { method: "POST", form: { userIds: f.outsider.id! } });
    expect(first.status).toBe(302);
    const second = await http(`/chat/new`, { method: "POST", form: { userIds: f.outsider.id! } });
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    const none = await http(`/chat/new?_data=routes%2Fchat.new`, { method: "POST", form: {} });
    expect(none.status).toBe(400);
  });
});
