// The top bar's chat badge: one count that must equal what the channel list adds up to.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationMembers } from "../../db/schema/index";
import type { Actor } from "../../app/domain/context";
import { UNREAD_CAP } from "../../app/domain/chat/list-channels";
import { createTestServices, type TestServices } from "../setup/services";
import { createChatFixture, post, type ChatFixture } from "./factories";

describe("unread chat count", () => {
  let t: TestServices;
  let f: ChatFixture;

  beforeAll(async () => {
    t = await createTestServices();
    f = await createChatFixture(t);
  });
  afterAll(async () => t.testDb.destroy());

  // what the header showed before: the channel list's unread counts, archived channels left out
  const fromList = async (actor: Actor) => (await t.services.chat.listChannels({ actor })).reduce((n, c) => n + (c.archived ? 0 : c.unread), 0);
  const expectSame = async (actor: Actor, expected: number) => {
    expect(await t.services.chat.countUnread({ actor })).toBe(expected);
    expect(await fromList(actor)).toBe(expected);
  };

  it("counts other people's unread messages in the channels the reader can read, as the channel list does", async () => {
    await expectSame(f.lead, 0);
    await post(t, f.member, f.generalId, { body: "general one" });
    await post(t, f.lead, f.generalId, { body: "my own" });
    const gone = await post(t, f.member2, f.generalId, { body: "deleted" });
    await t.services.chat.deleteMessage({ actor: f.member2, input: { messageId: gone.message.id } });
    await expectSame(f.lead, 1);
    await expectSame(f.member2, 2);

    // a channel member2 is not in: not counted for them, counted for its member
    const { channelId: secret } = await t.services.chat.createChannel({ actor: f.lead, input: { operationId: f.operationId, name: "Surveillance", memberIds: [f.member.id!] } });
    await post(t, f.lead, secret, { body: "only for the team" });
    await expectSame(f.member, 2);
    await expectSame(f.member2, 2);
    await expectSame(f.outsider, 0);

    // a direct conversation counts; marking read clears it
    const { channelId: direct } = await t.services.chat.openConversation({ actor: f.outsider, input: { userIds: [f.member2.id!] } });
    const last = await post(t, f.outsider, direct, { body: "hello" });
    await expectSame(f.member2, 3);
    await t.services.chat.markRead({ actor: f.member2, input: { channelId: direct, seq: last.message.seq } });
    await expectSame(f.member2, 2);

    // an archived channel is left out
    await post(t, f.lead, secret, { body: "second" });
    await expectSame(f.member, 3);
    await t.services.chat.archiveChannel({ actor: f.lead, input: { channelId: secret } });
    await expectSame(f.member, 1);

    // leaving the operation is leaving its channels
    await t.testDb.db.delete(operationMembers).where(and(eq(operationMembers.operationId, f.operationId), eq(operationMembers.userId, f.member2.id!)));
    await expectSame(f.member2, 0);
  });

  it("counts a long unread channel only up to the sidebar's cap", async () => {
    await t.services.chat.markRead({ actor: f.lead, input: { channelId: f.generalId, seq: 1_000_000 } });
    for (let i = 0; i < UNREAD_CAP + 2; i++) await post(t, f.member, f.generalId, { body: `flood ${i}` });
    await expectSame(f.lead, UNREAD_CAP);
  });

  it("refuses an actor without an account", async () => {
    await expect(t.services.chat.countUnread({ actor: { ...f.lead, id: null } })).rejects.toMatchObject({ code: "forbidden" });
  });
});
