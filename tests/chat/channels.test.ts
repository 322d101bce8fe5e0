import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channels, notifications, operationMembers } from "../../db/schema/index";
import { actorOf, createAgency, createOperation, createUser } from "../factories/index";
import { createTestServices, type TestServices } from "../setup/services";
import { auditCount, createChatFixture, lastAudit, post, type ChatFixture } from "./factories";

describe("chat channels", () => {
  let t: TestServices;
  let f: ChatFixture;
  const db = () => t.testDb.db;

  beforeAll(async () => {
    t = await createTestServices();
    f = await createChatFixture(t);
  });
  afterAll(async () => t.testDb.destroy());

  it("creates the general channel with the operation, in its transaction, audited", async () => {
    const agency = await createAgency(db());
    const creator = await actorOf(db(), (await createUser(db(), { agencyId: agency.id })).id);
    const { id } = await t.services.operations.create({
      actor: creator,
      input: {
        codeName: `Harbour ${randomUUID().slice(0, 6)}`,
        summary: "Route",
        crimeAreas: ["migrant_smuggling"],
        leadAgencyId: agency.id,
        agencyIds: [],
        jitReference: "JIT-1",
        jitStart: "2025-01-15",
        jitEnd: "2099-01-14",
        status: "active",
      },
    });
    const [general] = await db().select().from(channels).where(and(eq(channels.operationId, id), eq(channels.isGeneral, true)));
    expect(general).toMatchObject({ kind: "operation", name: "general", createdBy: creator.id });
    expect(await lastAudit(db(), "chat.channel_created", general!.id)).toMatchObject({ operationId: id, details: { general: true } });
    const list = await t.services.chat.listChannels({ actor: creator });
    expect(list.filter((c) => c.operationId === id).map((c) => c.id)).toEqual([general!.id]);
  });

  it("creates a missing general channel once when an operation's channels are listed", async () => {
    const op = await createOperation(db(), { members: [[f.member.id!, "member"]] });
    const [first, second] = await Promise.all([t.services.chat.listChannels({ actor: f.member }), t.services.chat.listChannels({ actor: f.member })]);
    const a = first.filter((c) => c.operationId === op.id);
    const b = second.filter((c) => c.operationId === op.id);
    expect(a).toHaveLength(1);
    expect(b.map((c) => c.id)).toEqual(a.map((c) => c.id));
    expect(await db().select().from(channels).where(eq(channels.operationId, op.id))).toHaveLength(1);
  });

  it("lets a lead open a channel for some members; others neither see nor open it", async () => {
    const before = await auditCount(db());
    const { channelId } = await t.services.chat.createChannel({ actor: f.lead, input: { operationId: f.operationId, name: "Surveillance", memberIds: [f.member.id!] } });
    expect(await auditCount(db())).toBe(before + 1);
    expect(await lastAudit(db(), "chat.channel_created", channelId)).toMatchObject({
      actorId: f.lead.id,
      operationId: f.operationId,
      details: { name: "Surveillance", memberIds: [f.lead.id, f.member.id].sort() },
    });
    expect(t.events.at(-1)).toMatchObject({ name: "chat.channel_changed", payload: { channelIds: [channelId] } });
    const memberList = await t.services.chat.listChannels({ actor: f.member });
    expect(memberList.find((c) => c.id === channelId)).toMatchObject({ name: "Surveillance", kind: "operation", isGeneral: false, operationCode: expect.any(String) });
    expect((await t.services.chat.listChannels({ actor: f.member2 })).some((c) => c.id === channelId)).toBe(false);
    await expect(t.services.chat.getChannel({ actor: f.member2, channelId })).rejects.toMatchObject({ code: "not_found" });
    const detail = await t.services.chat.getChannel({ actor: f.lead, channelId });
    expect(detail.members.map((m) => m.id).sort()).toEqual([f.lead.id, f.member.id].sort());
    expect(detail).toMatchObject({ canManage: true, canPost: true, lastReadSeq: 0 });
    expect((await t.services.chat.getChannel({ actor: f.member, channelId })).canManage).toBe(false);
  });

  it("refuses channels from non-leads, outsiders, members outside the operation and taken names", async () => {
    const input = { operationId: f.operationId, name: `Ops ${randomUUID().slice(0, 4)}`, memberIds: [] };
    await expect(t.services.chat.createChannel({ actor: f.member, input })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.chat.createChannel({ actor: f.outsider, input })).rejects.toMatchObject({ code: "not_found" });
    await expect(t.services.chat.createChannel({ actor: f.lead, input: { ...input, memberIds: [f.outsider.id!] } })).rejects.toMatchObject({
      code: "invalid",
      fields: { memberIds: ["chat:errors.member_not_in_operation"] },
    });
    await expect(t.services.chat.createChannel({ actor: f.lead, input: { ...input, name: "GENERAL" } })).rejects.toMatchObject({
      code: "invalid",
      fields: { name: ["chat:errors.channel_name_taken"] },
    });
    await expect(t.services.chat.createChannel({ actor: f.lead, input: { ...input, name: "" } })).rejects.toMatchObject({ code: "invalid", fields: { name: ["validation.required"] } });
  });

  it("renames, archives and restores a channel (lead only, never the general one), audited", async () => {
    const { channelId } = await t.services.chat.createChannel({ actor: f.lead, input: { operationId: f.operationId, name: "Finance", memberIds: [f.member.id!] } });
    await t.services.chat.renameChannel({ actor: f.lead, input: { channelId, name: "Money route" } });
    expect(await lastAudit(db(), "chat.channel_renamed", channelId)).toMatchObject({ details: { from: "Finance", to: "Money route" } });
    await expect(t.services.chat.renameChannel({ actor: f.member, input: { channelId, name: "Mine" } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.chat.renameChannel({ actor: f.lead, input: { channelId: f.generalId, name: "All" } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.chat.archiveChannel({ actor: f.lead, input: { channelId: f.generalId } })).rejects.toMatchObject({ code: "forbidden" });

    await post(t, f.member, channelId, { body: "before archiving" });
    await t.services.chat.archiveChannel({ actor: f.lead, input: { channelId } });
    expect(await lastAudit(db(), "chat.channel_archived", channelId)).not.toBeNull();
    const archived = await t.services.chat.getChannel({ actor: f.member, channelId });
    expect(archived).toMatchObject({ canPost: false, channel: { archived: true, name: "Money route" } });
    await expect(post(t, f.member, channelId)).rejects.toMatchObject({ code: "forbidden" });
    // history stays readable
    expect((await t.services.chat.listMessages({ actor: f.member, input: { channelId } })).messages.map((m) => m.body)).toEqual(["before archiving"]);
    await t.services.chat.archiveChannel({ actor: f.lead, input: { channelId, archived: false } });
    expect(await lastAudit(db(), "chat.channel_unarchived", channelId)).not.toBeNull();
    expect((await t.services.chat.getChannel({ actor: f.member, channelId })).canPost).toBe(true);
  });

  it("changes a channel's members: those removed lose it at once, and their sockets are told to leave", async () => {
    const { channelId } = await t.services.chat.createChannel({ actor: f.lead, input: { operationId: f.operationId, name: `Team ${randomUUID().slice(0, 4)}`, memberIds: [f.member.id!] } });
    await t.services.chat.setChannelMembers({ actor: f.lead, input: { channelId, memberIds: [f.member2.id!] } });
    expect(await lastAudit(db(), "chat.channel_members_changed", channelId)).toMatchObject({ details: { added: [f.member2.id], removed: [f.member.id] } });
    expect(t.events.at(-1)).toMatchObject({ name: "chat.channel_changed", payload: { channelIds: [channelId], removedUserIds: [f.member.id] } });
    await expect(t.services.chat.getChannel({ actor: f.member, channelId })).rejects.toMatchObject({ code: "not_found" });
    expect((await t.services.chat.getChannel({ actor: f.member2, channelId })).members.map((m) => m.id).sort()).toEqual([f.lead.id, f.member2.id].sort());
    await expect(t.services.chat.setChannelMembers({ actor: f.lead, input: { channelId, memberIds: [f.outsider.id!] } })).rejects.toMatchObject({ code: "invalid" });
  });

  it("a channel member who leaves the operation can no longer read its channels", async () => {
    const leaver = await createUser(db());
    await db().insert(operationMembers).values({ operationId: f.operationId, userId: leaver.id, role: "member" });
    const leaverActor = await actorOf(db(), leaver.id);
    const { channelId } = await t.services.chat.createChannel({ actor: f.lead, input: { operationId: f.operationId, name: `Leavers ${randomUUID().slice(0, 4)}`, memberIds: [leaver.id] } });
    await t.services.chat.getChannel({ actor: leaverActor, channelId });
    await t.services.operations.removeMember({ actor: f.lead, operationId: f.operationId, input: { userId: leaver.id } });
    const changed = t.events.filter((e) => e.name === "chat.channel_changed").at(-1);
    expect(changed).toMatchObject({ payload: { removedUserIds: [leaver.id] } });
    expect(changed!.name === "chat.channel_changed" && changed!.payload.channelIds).toEqual(expect.arrayContaining([f.generalId, channelId]));
    await expect(t.services.chat.getChannel({ actor: leaverActor, channelId })).rejects.toMatchObject({ code: "not_found" });
    await expect(t.services.chat.getChannel({ actor: leaverActor, channelId: f.generalId })).rejects.toMatchObject({ code: "not_found" });
    expect((await t.services.chat.listChannels({ actor: leaverActor })).some((c) => c.operationId === f.operationId)).toBe(false);
  });

  it("opens one direct conversation per pair, whoever starts it, and groups of up to twelve", async () => {
    const a = await t.services.chat.openConversation({ actor: f.member, input: { userIds: [f.outsider.id!] } });
    expect(a.created).toBe(true);
    expect(await lastAudit(db(), "chat.conversation_opened", a.channelId)).toMatchObject({ details: { kind: "direct", userIds: [f.member.id, f.outsider.id].sort() } });
    const b = await t.services.chat.openConversation({ actor: f.outsider, input: { userIds: [f.member.id!] } });
    expect(b).toEqual({ channelId: a.channelId, created: false });
    const [row] = await db().select().from(channels).where(eq(channels.id, a.channelId));
    expect(row).toMatchObject({ kind: "direct", directKey: [f.member.id, f.outsider.id].sort().join(":"), operationId: null });
    const sidebar = await t.services.chat.listChannels({ actor: f.outsider });
    expect(sidebar.find((c) => c.id === a.channelId)).toMatchObject({ kind: "direct", otherUsers: [{ id: f.member.id, name: f.names[f.member.id!] }] });
    const dir = await t.services.chat.directoryForConversations({ actor: f.member, q: f.names[f.outsider.id!]!.slice(0, 8) });
    expect(dir.find((u) => u.id === f.outsider.id)).toMatchObject({ directChannelId: a.channelId });
    expect(dir.some((u) => u.id === f.member.id)).toBe(false);

    const g = await t.services.chat.openConversation({ actor: f.member, input: { userIds: [f.outsider.id!, f.lead.id!] } });
    expect(g.created).toBe(true);
    const again = await t.services.chat.openConversation({ actor: f.lead, input: { userIds: [f.member.id!, f.outsider.id!] } });
    expect(again).toEqual({ channelId: g.channelId, created: false });
    await expect(t.services.chat.getChannel({ actor: f.member2, channelId: g.channelId })).rejects.toMatchObject({ code: "not_found" });

    await expect(t.services.chat.openConversation({ actor: f.member, input: { userIds: [f.member.id!] } })).rejects.toMatchObject({ code: "invalid" });
    await expect(t.services.chat.openConversation({ actor: f.member, input: { userIds: ["nobody"] } })).rejects.toMatchObject({ code: "invalid" });
    const many = Array.from({ length: 12 }, () => randomUUID());
    await expect(t.services.chat.openConversation({ actor: f.member, input: { userIds: many } })).rejects.toMatchObject({ code: "invalid", fields: { userIds: [expect.stringMatching(/^validation.too_big/)] } });
  });

  it("counts unread messages and mentions after the read marker, and marking read clears the chat notifications", async () => {
    const { channelId } = await t.services.chat.openConversation({ actor: f.member, input: { userIds: [f.member2.id!, f.lead.id!] } });
    await post(t, f.member, channelId, { body: "one" });
    await post(t, f.member, channelId, { body: "two @lead", mentions: [f.lead.id!] });
    const mine = await post(t, f.lead, channelId, { body: "mine" });
    const deleted = await post(t, f.member, channelId, { body: "oops" });
    await t.services.chat.deleteMessage({ actor: f.member, input: { messageId: deleted.message.id } });
    const line = (await t.services.chat.listChannels({ actor: f.lead })).find((c) => c.id === channelId)!;
    expect(line).toMatchObject({ unread: 2, mentions: 1, lastSeq: 4 });
    const leadNotes = await db().select().from(notifications).where(eq(notifications.userId, f.lead.id!));
    expect(leadNotes.filter((n) => n.subjectId === channelId).map((n) => n.kind).sort()).toEqual(["chat_direct_message", "chat_mentioned"]);

    const read = await t.services.chat.markRead({ actor: f.lead, input: { channelId, seq: mine.message.seq } });
    expect(read).toEqual({ channelId, seq: 3 });
    expect(t.events.at(-1)).toEqual({ name: "chat.read_marked", payload: { channelId, userId: f.lead.id, seq: 3 } });
    // never backwards, never past the end
    expect(await t.services.chat.markRead({ actor: f.lead, input: { channelId, seq: 1 } })).toEqual({ channelId, seq: 3 });
    expect(await t.services.chat.markRead({ actor: f.lead, input: { channelId, seq: 999 } })).toEqual({ channelId, seq: 4 });
    expect((await t.services.chat.listChannels({ actor: f.lead })).find((c) => c.id === channelId)).toMatchObject({ unread: 0, mentions: 0 });
    const after = await db().select().from(notifications).where(and(eq(notifications.userId, f.lead.id!), eq(notifications.subjectId, channelId)));
    expect(after.every((n) => n.readAt !== null)).toBe(true);
    expect((await t.services.chat.getChannel({ actor: f.lead, channelId })).lastReadSeq).toBe(4);
    await expect(t.services.chat.markRead({ actor: f.outsider, input: { channelId, seq: 1 } })).rejects.toMatchObject({ code: "not_found" });
  });

  it("offers readers only as mention candidates", async () => {
    const { channelId } = await t.services.chat.createChannel({ actor: f.lead, input: { operationId: f.operationId, name: `M ${randomUUID().slice(0, 4)}`, memberIds: [f.member.id!] } });
    const all = await t.services.chat.mentionCandidates({ actor: f.lead, input: { channelId, q: "" } });
    expect(all.map((u) => u.id)).toEqual([f.member.id]);
    const general = await t.services.chat.mentionCandidates({ actor: f.lead, input: { channelId: f.generalId, q: "member" } });
    expect(general.map((u) => u.id).sort()).toEqual([f.member.id, f.member2.id].sort());
    await expect(t.services.chat.mentionCandidates({ actor: f.outsider, input: { channelId, q: "" } })).rejects.toMatchObject({ code: "not_found" });
  });
});
