import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../../app/domain/audit/record-audit";
import { createTestServices, type TestServices } from "../setup/services";
import { createBoardFixture, createTaskFor, type BoardFixture } from "./factories";

describe("card history names linked cards", () => {
  let t: TestServices;
  let f: BoardFixture;
  beforeAll(async () => {
    t = await createTestServices();
    f = await createBoardFixture(t);
  });
  afterAll(() => t.testDb.destroy());

  it("gives the linked card's current title, and only for cards of the reader's operation", async () => {
    const a = await createTaskFor(t, f, { title: "Request phone records" });
    const b = await createTaskFor(t, f, { title: "Interview the courier" });
    const { linkId } = await t.services.boards.linkTasks({ actor: f.member, input: { taskId: a.id, otherTaskId: b.id, kind: "blocks" } });
    await t.services.boards.updateTask({ actor: f.member, input: { taskId: b.id, version: b.version, title: "Interview the courier (Subotica)" } });
    await t.services.boards.unlinkTasks({ actor: f.member, input: { linkId } });

    // a history row naming a card of another operation (never written by the verbs) must not reveal its title
    const g = await createBoardFixture(t);
    const hidden = await t.services.boards.createTask({ actor: g.member, operationId: g.operationId, input: { title: "Secret surveillance of Hotel Central" } });
    await t.testDb.db.transaction((tx) =>
      recordAudit(tx, f.member, t.clock.now, { action: "task.linked", targetType: "task", targetId: a.id, operationId: f.operationId, details: { kind: "relates_to", direction: "outgoing", otherTaskId: hidden.id } }),
    );

    const history = await t.services.boards.getTaskHistory({ actor: f.observer, input: { taskId: a.id } });
    const links = history.entries.filter((e) => e.action === "task.linked" || e.action === "task.unlinked");
    expect(links.map((e) => [e.action, e.details.otherTaskId])).toEqual([
      ["task.linked", b.id],
      ["task.unlinked", b.id],
      ["task.linked", hidden.id],
    ]);
    expect(history.refs.tasks).toEqual({ [b.id]: { title: "Interview the courier (Subotica)" } });

    const other = await t.services.boards.getTaskHistory({ actor: f.member, input: { taskId: b.id } });
    expect(other.refs.tasks).toEqual({ [a.id]: { title: "Request phone records" } });
  });
});
