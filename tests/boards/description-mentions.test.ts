// @mentions written into a card's description notify like a comment's: newly named
// members only, in the change's transaction, recorded in its audit row.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../../db/schema/index";
import { mentionedIn } from "../../app/domain/boards/description-mentions";
import { createTestServices, type TestServices } from "../setup/services";
import { createBoardFixture, createTaskFor, lastAudit, type BoardFixture } from "./factories";

describe("mentions in a card's description", () => {
  let t: TestServices;
  let f: BoardFixture;
  beforeAll(async () => {
    t = await createTestServices();
    f = await createBoardFixture(t);
  });
  afterAll(() => t.testDb.destroy());

  const mentionNotes = async (taskId: string) =>
    (await t.testDb.db.select().from(notifications).where(and(eq(notifications.subjectId, taskId), eq(notifications.kind, "task_mentioned"))))
      .map((n) => [n.userId, n.data])
      .sort();

  it("reads whole member names after an @, the longest first", () => {
    const people = [
      { id: "ana", name: "Ana" },
      { id: "anaf", name: "Ana Foreign" },
      { id: "max", name: "Max Member" },
    ];
    expect(mentionedIn("Ask @Ana Foreign and @Max Member.", people).sort()).toEqual(["anaf", "max"]);
    expect(mentionedIn("@Ana, then @Ana Foreign", people).sort()).toEqual(["ana", "anaf"]);
    expect(mentionedIn("mail ana@Ana Foreign or @Max Membership", people)).toEqual([]);
    expect(mentionedIn("no mentions", people)).toEqual([]);
  });

  it("notifies members newly mentioned by an edit, once, and records them in the audit row", async () => {
    const task = await createTaskFor(t, f, { title: "Check the ferry manifests", description: "Ask @Ana Foreign first." });
    // the card's creation already names Ana
    expect(await mentionNotes(task.id)).toEqual([[f.foreign.id, { title: "Check the ferry manifests" }]]);
    expect((await lastAudit(t.testDb.db, "task.created", task.id))!.details).toMatchObject({ mentions: [f.foreign.id] });

    const before = t.events.length;
    await t.services.boards.updateTask({
      actor: f.member,
      input: { taskId: task.id, version: task.version, description: "Ask @Ana Foreign first, then @Lena Lead; @Otto Outsider is not in it. Me: @Max Member" },
    });
    // Lena is new; Ana was named already; the outsider is no member; the author is not told of their own mention
    expect(await mentionNotes(task.id)).toEqual([
      [f.foreign.id, { title: "Check the ferry manifests" }],
      [f.lead.id, { title: "Check the ferry manifests" }],
    ].sort());
    const audit = await lastAudit(t.testDb.db, "task.updated", task.id);
    expect(audit).toMatchObject({ actorId: f.member.id, operationId: f.operationId });
    expect((audit!.details as { mentions: string[] }).mentions.sort()).toEqual([f.lead.id, f.member.id].sort());
    const events = t.events.slice(before);
    expect(events.some((e) => e.name === "notification.created" && (e.payload as { userIds: string[] }).userIds.includes(f.lead.id!))).toBe(true);

    // an edit that keeps the same mentions tells nobody again, and the audit row names nobody
    await t.services.boards.updateTask({ actor: f.foreign, input: { taskId: task.id, version: task.version + 1, description: "@Lena Lead and @Ana Foreign: done." } });
    expect(await mentionNotes(task.id)).toHaveLength(2);
    expect((await lastAudit(t.testDb.db, "task.updated", task.id))!.details).not.toHaveProperty("mentions");
  });
});
