import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taskAssignees, tasks } from "../../db/schema/index";
import { createTestServices, type TestServices } from "../setup/services";
import { auditCount, columnsOf, createBoardFixture, createTaskFor, lastAudit, plannedAction, taskCount, type BoardFixture } from "./factories";

describe("tasks", () => {
  let t: TestServices;
  let f: BoardFixture;
  beforeAll(async () => {
    t = await createTestServices();
    f = await createBoardFixture(t);
  });
  afterAll(() => t.testDb.destroy());

  it("creates a card with every field, at the end of the first column, and records its initial values", async () => {
    const label = await t.services.boards.createLabel({ actor: f.member, operationId: f.operationId, input: { name: "Finance", colour: "green" } });
    const task = await t.services.boards.createTask({
      actor: f.member,
      operationId: f.operationId,
      input: {
        title: "  Request bank records from Raiffeisen  ",
        description: "## Scope\n- accounts of **suspect A**",
        assigneeIds: [f.member.id!, f.foreign.id!, f.member.id!],
        dueAt: "2030-03-01T17:00:00+01:00",
        priority: "high",
        handlingCode: "H2",
        labelIds: [label.id],
      },
    });
    const cols = await columnsOf(t, f);
    expect(task).toMatchObject({
      title: "Request bank records from Raiffeisen",
      description: "## Scope\n- accounts of **suspect A**",
      columnId: cols.backlog,
      dueAt: "2030-03-01T16:00:00.000Z",
      priority: "high",
      handlingCode: "H2",
      type: "general",
      plannedAction: null,
      version: 1,
      labels: [{ id: label.id, name: "Finance", colour: "green" }],
      checklist: { done: 0, total: 0 },
      commentCount: 0,
      createdBy: f.member.id,
    });
    expect(task.assignees.map((a) => [a.id, a.country, a.isMember]).sort()).toEqual(
      [
        [f.member.id, "AT", true],
        [f.foreign.id, "RS", true],
      ].sort(),
    );
    expect(task.assignees.find((a) => a.id === f.foreign.id)!.agencyName).toBe(f.agencies.rs.name);
    const audit = await lastAudit(t.testDb.db, "task.created", task.id);
    expect(audit).toMatchObject({ actorId: f.member.id, operationId: f.operationId, targetType: "task" });
    expect(audit!.details).toEqual({
      changes: {
        title: { from: null, to: "Request bank records from Raiffeisen" },
        description: { from: null, to: "## Scope\n- accounts of **suspect A**" },
        columnId: { from: null, to: cols.backlog },
        dueAt: { from: null, to: "2030-03-01T16:00:00.000Z" },
        priority: { from: null, to: "high" },
        handlingCode: { from: null, to: "H2" },
        type: { from: null, to: "general" },
        assigneeIds: { from: null, to: [f.member.id, f.foreign.id].sort() },
        labelIds: { from: null, to: [label.id] },
      },
    });
    const event = t.events.at(-1)!;
    expect(event).toEqual({
      name: "board.changed",
      payload: { operationId: f.operationId, change: "task.created", taskId: task.id, columnId: cols.backlog, version: 1, assignedUserIds: [f.member.id, f.foreign.id] },
    });
    // the payload carries ids only, never content
    expect(JSON.stringify(event)).not.toContain("Raiffeisen");
  });

  it("defaults a card to normal priority, handling code H0 and no due date", async () => {
    const task = await createTaskFor(t, f, { title: "Interview witness" });
    expect(task).toMatchObject({ priority: "normal", handlingCode: "H0", dueAt: null, assignees: [], labels: [], type: "general" });
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const other = await createBoardFixture(t);
    const otherLabel = await t.services.boards.createLabel({ actor: other.member, operationId: other.operationId, input: { name: "Theirs", colour: "red" } });
    const otherCols = await columnsOf(t, other);
    const tasksBefore = await taskCount(t.testDb.db);
    const auditsBefore = await auditCount(t.testDb.db);
    const create = (input: Record<string, unknown>) => t.services.boards.createTask({ actor: f.member, operationId: f.operationId, input: { title: "Valid", ...input } });
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ title: "   " }, { title: ["validation.required"] }],
      [{ title: "x".repeat(201) }, { title: [expect.stringMatching(/^validation.too_big/)] }],
      [{ description: "x".repeat(20_001) }, { description: [expect.stringMatching(/^validation.too_big/)] }],
      [{ dueAt: "2030-02-30T10:00:00Z" }, { dueAt: ["boards:errors.date_time"] }],
      [{ dueAt: "next friday" }, { dueAt: ["boards:errors.date_time"] }],
      [{ priority: "critical" }, { priority: ["validation.choose_valid"] }],
      [{ handlingCode: "H4" }, { handlingCode: ["validation.choose_valid"] }],
      [{ assigneeIds: [f.outsider.id] }, { assigneeIds: ["boards:errors.assignee_not_member"] }],
      [{ labelIds: [otherLabel.id] }, { labelIds: ["boards:errors.label_not_on_board"] }],
      [{ columnId: otherCols.todo }, { columnId: ["boards:errors.column_not_on_board"] }],
      [{ type: "planned_action" }, { plannedAction: ["boards:errors.planned_action_required"] }],
      [{ plannedAction: plannedAction(t.clock.now) }, { plannedAction: ["boards:errors.planned_action_forbidden"] }],
      [{ type: "planned_action", plannedAction: plannedAction(t.clock.now, { kind: "picnic" }) }, { "plannedAction.kind": ["validation.choose_valid"] }],
      [{ type: "planned_action", plannedAction: plannedAction(t.clock.now, { latitude: 90.5 }) }, { "plannedAction.latitude": [expect.stringMatching(/^validation.too_big/)] }],
      [{ type: "planned_action", plannedAction: plannedAction(t.clock.now, { longitude: -180.01 }) }, { "plannedAction.longitude": [expect.stringMatching(/^validation.too_small/)] }],
      [{ type: "planned_action", plannedAction: plannedAction(t.clock.now, { radiusM: 0 }) }, { "plannedAction.radiusM": [expect.stringMatching(/^validation.too_small/)] }],
      [{ type: "planned_action", plannedAction: plannedAction(t.clock.now, { radiusM: 100_001 }) }, { "plannedAction.radiusM": [expect.stringMatching(/^validation.too_big/)] }],
      [{ type: "planned_action", plannedAction: plannedAction(t.clock.now, { address: "a".repeat(301) }) }, { "plannedAction.address": [expect.stringMatching(/^validation.too_big/)] }],
      [
        { type: "planned_action", plannedAction: plannedAction(t.clock.now, { windowEnd: new Date(t.clock.now.getTime() + 3_600_000).toISOString() }) },
        { "plannedAction.windowEnd": ["boards:errors.window_order"] },
      ],
    ];
    for (const [input, fields] of cases) await expect(create(input), JSON.stringify(input).slice(0, 80)).rejects.toMatchObject({ code: "invalid", fields });
    expect(await taskCount(t.testDb.db)).toBe(tasksBefore);
    expect(await auditCount(t.testDb.db)).toBe(auditsBefore);
  });

  it("keeps a planned action's kind, place and window, and clears them when it becomes a general task", async () => {
    const pa = plannedAction(t.clock.now, { kind: "controlled_delivery" });
    const task = await createTaskFor(t, f, { type: "planned_action", plannedAction: pa });
    expect(task.plannedAction).toEqual({
      kind: "controlled_delivery",
      latitude: pa.latitude,
      longitude: pa.longitude,
      radiusM: pa.radiusM,
      address: pa.address,
      windowStart: pa.windowStart,
      windowEnd: pa.windowEnd,
    });
    expect(task.actionKind).toBe("controlled_delivery");
    // changing only the planned action of a general task is refused
    const general = await createTaskFor(t, f);
    await expect(t.services.boards.updateTask({ actor: f.member, input: { taskId: general.id, version: 1, plannedAction: pa } })).rejects.toMatchObject({
      fields: { plannedAction: ["boards:errors.planned_action_forbidden"] },
    });
    const { task: g } = await t.services.boards.updateTask({ actor: f.member, input: { taskId: task.id, version: 1, type: "general" } });
    expect(g).toMatchObject({ type: "general", plannedAction: null, actionKind: null, version: 2 });
    expect((await lastAudit(t.testDb.db, "task.updated", task.id))!.details).toEqual({
      changes: { type: { from: "planned_action", to: "general" }, plannedAction: { from: { ...pa, kind: "controlled_delivery" }, to: null } },
    });
  });

  it("updates only the given fields, records each field's before and after, and bumps the version", async () => {
    const label = await t.services.boards.createLabel({ actor: f.lead, operationId: f.operationId, input: { name: "Urgent court", colour: "red" } });
    const task = await createTaskFor(t, f, { title: "Draft MLA request", assigneeIds: [f.member.id!] });
    const { task: updated, changed } = await t.services.boards.updateTask({
      actor: f.foreign,
      input: { taskId: task.id, version: task.version, title: "Draft MLA request to Serbia", dueAt: "2030-01-10T09:00:00Z", assigneeIds: [f.foreign.id!], labelIds: [label.id], priority: "normal" },
    });
    expect(changed).toBe(true);
    expect(updated).toMatchObject({ title: "Draft MLA request to Serbia", dueAt: "2030-01-10T09:00:00.000Z", version: 2, description: "", priority: "normal" });
    expect(updated.assignees.map((a) => a.id)).toEqual([f.foreign.id]);
    expect((await lastAudit(t.testDb.db, "task.updated", task.id))!.details).toEqual({
      changes: {
        title: { from: "Draft MLA request", to: "Draft MLA request to Serbia" },
        dueAt: { from: null, to: "2030-01-10T09:00:00.000Z" },
        assigneeIds: { from: [f.member.id], to: [f.foreign.id] },
        labelIds: { from: [], to: [label.id] },
      },
    });
    expect(t.events.at(-1)).toEqual({
      name: "board.changed",
      payload: { operationId: f.operationId, change: "task.updated", taskId: task.id, columnId: task.columnId, version: 2, assignedUserIds: [f.foreign.id] },
    });
    // an update that changes nothing writes nothing
    const audits = await auditCount(t.testDb.db);
    const same = await t.services.boards.updateTask({ actor: f.member, input: { taskId: task.id, version: 2, title: "Draft MLA request to Serbia" } });
    expect(same).toMatchObject({ changed: false, task: { version: 2 } });
    expect(await auditCount(t.testDb.db)).toBe(audits);
    // clearing the due date
    const { task: cleared } = await t.services.boards.updateTask({ actor: f.member, input: { taskId: task.id, version: 2, dueAt: null } });
    expect(cleared).toMatchObject({ dueAt: null, version: 3 });
  });

  it("answers a stale update with Conflict carrying the current task, and writes nothing", async () => {
    const task = await createTaskFor(t, f, { title: "Check vehicle W-123" });
    await t.services.boards.updateTask({ actor: f.member, input: { taskId: task.id, version: 1, title: "Check vehicle W-123AB" } });
    const audits = await auditCount(t.testDb.db);
    const err = await t.services.boards
      .updateTask({ actor: f.foreign, input: { taskId: task.id, version: 1, description: "My notes" } })
      .then(() => null, (e: unknown) => e);
    expect(err).toMatchObject({ code: "conflict", message: "task_stale" });
    const current = (err as { params: { current: { title: string; version: number; description: string } } }).params.current;
    expect(current).toMatchObject({ id: task.id, title: "Check vehicle W-123AB", version: 2, description: "" });
    expect(await auditCount(t.testDb.db)).toBe(audits);
    const [row] = await t.testDb.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row).toMatchObject({ description: "", version: 2 });
  });

  it("reassigns from the version the user saw, audited as an assignment with the new assignees in the event", async () => {
    const task = await createTaskFor(t, f, { assigneeIds: [f.member.id!] });
    const { task: r } = await t.services.boards.reassignTask({ actor: f.lead, input: { taskId: task.id, version: 1, assigneeIds: [f.member.id!, f.foreign.id!] } });
    expect(r.assignees.map((a) => a.id).sort()).toEqual([f.member.id, f.foreign.id].sort());
    expect(await lastAudit(t.testDb.db, "task.assigned", task.id)).toMatchObject({
      actorId: f.lead.id,
      details: { changes: { assigneeIds: { from: [f.member.id], to: [f.member.id, f.foreign.id].sort() } } },
    });
    expect(t.events.at(-1)!.payload).toMatchObject({ change: "task.assigned", assignedUserIds: [f.foreign.id], version: 2 });
    await expect(t.services.boards.reassignTask({ actor: f.lead, input: { taskId: task.id, version: 1, assigneeIds: [] } })).rejects.toMatchObject({ code: "conflict" });
    await expect(t.services.boards.reassignTask({ actor: f.lead, input: { taskId: task.id, version: 2, assigneeIds: [f.outsider.id!] } })).rejects.toMatchObject({
      fields: { assigneeIds: ["boards:errors.assignee_not_member"] },
    });
    const rows = await t.testDb.db.select().from(taskAssignees).where(eq(taskAssignees.taskId, task.id));
    expect(rows).toHaveLength(2);
  });

  it("manages labels: create, rename, recolour, delete (lead only), each card's history keeping the removal", async () => {
    const label = await t.services.boards.createLabel({ actor: f.member, operationId: f.operationId, input: { name: "Hawala", colour: "amber" } });
    expect(await lastAudit(t.testDb.db, "board.label_created", label.id)).toMatchObject({
      details: { changes: { name: { from: null, to: "Hawala" }, colour: { from: null, to: "amber" } } },
    });
    await expect(t.services.boards.createLabel({ actor: f.member, operationId: f.operationId, input: { name: "HAWALA", colour: "red" } })).rejects.toMatchObject({
      fields: { name: ["boards:errors.label_name_taken"] },
    });
    await expect(t.services.boards.createLabel({ actor: f.member, operationId: f.operationId, input: { name: "x".repeat(41), colour: "red" } })).rejects.toMatchObject({
      fields: { name: [expect.stringMatching(/^validation.too_big/)] },
    });
    await expect(t.services.boards.createLabel({ actor: f.member, operationId: f.operationId, input: { name: "Ok", colour: "#ff0000" } })).rejects.toMatchObject({
      fields: { colour: ["validation.choose_valid"] },
    });
    const renamed = await t.services.boards.updateLabel({ actor: f.member, input: { labelId: label.id, name: "Hawala network", colour: "teal" } });
    expect(renamed).toEqual({ id: label.id, name: "Hawala network", colour: "teal" });
    expect(await lastAudit(t.testDb.db, "board.label_updated", label.id)).toMatchObject({
      details: { changes: { name: { from: "Hawala", to: "Hawala network" }, colour: { from: "amber", to: "teal" } } },
    });

    const task = await createTaskFor(t, f, { labelIds: [label.id] });
    await expect(t.services.boards.deleteLabel({ actor: f.member, input: { labelId: label.id } })).rejects.toMatchObject({ code: "forbidden" });
    const r = await t.services.boards.deleteLabel({ actor: f.lead, input: { labelId: label.id } });
    expect(r.taskIds).toEqual([task.id]);
    const after = await t.services.boards.getTask({ actor: f.member, input: { taskId: task.id } });
    expect(after.task).toMatchObject({ labels: [], version: 2 });
    expect(await lastAudit(t.testDb.db, "task.updated", task.id)).toMatchObject({
      details: { changes: { labelIds: { from: [label.id], to: [] } }, reason: "label_deleted", label: { name: "Hawala network", colour: "teal" } },
    });
    expect(await lastAudit(t.testDb.db, "board.label_deleted", label.id)).toMatchObject({ details: { name: "Hawala network", taskIds: [task.id] } });
  });

  it("keeps a checklist in order: add, tick, edit, move, remove — each in the card's history, without bumping the version", async () => {
    const task = await createTaskFor(t, f);
    const add = (text: string, position?: number) => t.services.boards.addChecklistItem({ actor: f.member, input: { taskId: task.id, text, position } });
    const a = await add("Identify account holder");
    const b = await add("Request statements");
    const c = await add("Ask FIU for STRs", 0);
    expect(c.items.map((i) => [i.text, i.position])).toEqual([
      ["Ask FIU for STRs", 0],
      ["Identify account holder", 1],
      ["Request statements", 2],
    ]);
    expect(await lastAudit(t.testDb.db, "task.checklist_changed", task.id)).toMatchObject({
      details: { op: "added", itemId: c.itemId, changes: { text: { from: null, to: "Ask FIU for STRs" }, position: { from: null, to: 0 } } },
    });

    await t.services.boards.updateChecklistItem({ actor: f.foreign, input: { itemId: a.itemId, done: true } });
    expect(await lastAudit(t.testDb.db, "task.checklist_changed", task.id)).toMatchObject({
      actorId: f.foreign.id,
      details: { op: "updated", itemId: a.itemId, changes: { done: { from: false, to: true } } },
    });
    await t.services.boards.updateChecklistItem({ actor: f.member, input: { itemId: b.itemId, text: "Request statements 2019-2024" } });
    expect(await lastAudit(t.testDb.db, "task.checklist_changed", task.id)).toMatchObject({
      details: { changes: { text: { from: "Request statements", to: "Request statements 2019-2024" } } },
    });
    const moved = await t.services.boards.moveChecklistItem({ actor: f.member, input: { itemId: b.itemId, position: 0 } });
    expect(moved.items.map((i) => i.id)).toEqual([b.itemId, c.itemId, a.itemId]);
    expect(await lastAudit(t.testDb.db, "task.checklist_changed", task.id)).toMatchObject({ details: { op: "moved", changes: { position: { from: 2, to: 0 } } } });
    const removed = await t.services.boards.removeChecklistItem({ actor: f.member, input: { itemId: c.itemId } });
    expect(removed.items.map((i) => [i.id, i.position])).toEqual([
      [b.itemId, 0],
      [a.itemId, 1],
    ]);
    expect(await lastAudit(t.testDb.db, "task.checklist_changed", task.id)).toMatchObject({
      details: { op: "removed", changes: { text: { from: "Ask FIU for STRs", to: null } } },
    });
    const board = await t.services.boards.getBoard({ actor: f.member, operationId: f.operationId });
    expect(board.tasks.find((x) => x.id === task.id)).toMatchObject({ checklist: { done: 1, total: 2 }, version: 1 });
    await expect(add("")).rejects.toMatchObject({ fields: { text: ["validation.required"] } });
    await expect(add("x".repeat(301))).rejects.toMatchObject({ fields: { text: [expect.stringMatching(/^validation.too_big/)] } });
  });

  it("posts comments with member mentions; only the author edits, and the edit is flagged and kept in history", async () => {
    const task = await createTaskFor(t, f);
    const { commentId } = await t.services.boards.addComment({ actor: f.member, input: { taskId: task.id, body: "Can you check this, @Ana?", mentions: [f.foreign.id] } });
    expect(await lastAudit(t.testDb.db, "task.commented", task.id)).toMatchObject({ details: { commentId, mentions: [f.foreign.id] } });
    expect(t.events.at(-1)!.payload).toEqual({
      operationId: f.operationId,
      change: "task.commented",
      taskId: task.id,
      columnId: task.columnId,
      version: 1,
      mentionedUserIds: [f.foreign.id],
    });
    await expect(t.services.boards.addComment({ actor: f.member, input: { taskId: task.id, body: "hi", mentions: [f.outsider.id] } })).rejects.toMatchObject({
      fields: { mentions: ["boards:errors.mention_not_member"] },
    });
    await expect(t.services.boards.addComment({ actor: f.member, input: { taskId: task.id, body: " " } })).rejects.toMatchObject({ fields: { body: ["validation.required"] } });
    await expect(t.services.boards.addComment({ actor: f.member, input: { taskId: task.id, body: "x".repeat(10_001) } })).rejects.toMatchObject({
      fields: { body: [expect.stringMatching(/^validation.too_big/)] },
    });

    await expect(t.services.boards.editComment({ actor: f.foreign, input: { commentId, body: "hijack" } })).rejects.toMatchObject({ code: "forbidden", message: "not_author" });
    const edited = await t.services.boards.editComment({ actor: f.member, input: { commentId, body: "Can you check this, @Ana and @Lena?", mentions: [f.foreign.id, f.lead.id] } });
    expect(edited.changed).toBe(true);
    expect(t.events.at(-1)!.payload).toMatchObject({ change: "task.comment_edited", mentionedUserIds: [f.lead.id] });
    expect(await lastAudit(t.testDb.db, "task.comment_edited", task.id)).toMatchObject({
      details: {
        commentId,
        changes: { body: { from: "Can you check this, @Ana?", to: "Can you check this, @Ana and @Lena?" }, mentions: { from: [f.foreign.id], to: [f.foreign.id, f.lead.id].sort() } },
      },
    });
    const { task: detail } = await t.services.boards.getTask({ actor: f.foreign, input: { taskId: task.id } });
    expect(detail.comments).toHaveLength(1);
    expect(detail.comments[0]).toMatchObject({ body: "Can you check this, @Ana and @Lena?", edited: true, author: { id: f.member.id, country: "AT" } });
    expect(detail.commentCount).toBe(1);
    expect(detail.version).toBe(1);
  });

  it("links cards of the same operation only, once, and shows the link on both cards", async () => {
    const a = await createTaskFor(t, f, { title: "Arrest suspect" });
    const b = await createTaskFor(t, f, { title: "Obtain warrant" });
    const { linkId } = await t.services.boards.linkTasks({ actor: f.member, input: { taskId: b.id, otherTaskId: a.id, kind: "blocks" } });
    for (const [id, other, direction] of [
      [b.id, a.id, "outgoing"],
      [a.id, b.id, "incoming"],
    ] as const)
      expect(await lastAudit(t.testDb.db, "task.linked", id)).toMatchObject({ details: { linkId, kind: "blocks", direction, otherTaskId: other } });
    const { task: detailA } = await t.services.boards.getTask({ actor: f.member, input: { taskId: a.id } });
    expect(detailA.links).toEqual([{ id: linkId, kind: "blocks", direction: "incoming", task: { id: b.id, title: "Obtain warrant", columnId: b.columnId, version: 1 } }]);

    await expect(t.services.boards.linkTasks({ actor: f.member, input: { taskId: b.id, otherTaskId: a.id, kind: "blocks" } })).rejects.toMatchObject({
      fields: { kind: ["boards:errors.link_exists"] },
    });
    await t.services.boards.linkTasks({ actor: f.member, input: { taskId: a.id, otherTaskId: b.id, kind: "relates_to" } });
    await expect(t.services.boards.linkTasks({ actor: f.member, input: { taskId: b.id, otherTaskId: a.id, kind: "relates_to" } })).rejects.toMatchObject({
      fields: { kind: ["boards:errors.link_exists"] },
    });
    await expect(t.services.boards.linkTasks({ actor: f.member, input: { taskId: a.id, otherTaskId: a.id, kind: "relates_to" } })).rejects.toMatchObject({
      fields: { otherTaskId: ["boards:errors.link_self"] },
    });
    const other = await createBoardFixture(t);
    const foreignTask = await createTaskFor(t, other, {});
    await expect(t.services.boards.linkTasks({ actor: f.member, input: { taskId: a.id, otherTaskId: foreignTask.id, kind: "duplicates" } })).rejects.toMatchObject({
      fields: { otherTaskId: ["boards:errors.task_not_on_board"] },
    });

    await t.services.boards.unlinkTasks({ actor: f.foreign, input: { linkId } });
    expect(await lastAudit(t.testDb.db, "task.unlinked", a.id)).toMatchObject({ actorId: f.foreign.id, details: { linkId, direction: "incoming" } });
    const { task: afterA } = await t.services.boards.getTask({ actor: f.member, input: { taskId: a.id } });
    expect(afterA.links.map((l) => l.kind)).toEqual(["relates_to"]);
  });

  it("returns a card's history oldest first, with names for the ids it mentions", async () => {
    const cols = await columnsOf(t, f);
    const task = await createTaskFor(t, f, { title: "Watch address", assigneeIds: [f.member.id!] });
    await t.services.boards.moveTask({ actor: f.member, input: { taskId: task.id, toColumnId: cols.in_progress, version: 1 } });
    await t.services.boards.reassignTask({ actor: f.lead, input: { taskId: task.id, version: 2, assigneeIds: [f.foreign.id!] } });
    await t.services.boards.addComment({ actor: f.foreign, input: { taskId: task.id, body: "On it" } });
    const history = await t.services.boards.getTaskHistory({ actor: f.observer, input: { taskId: task.id } });
    expect(history.entries.map((e) => e.action)).toEqual(["task.created", "task.moved", "task.assigned", "task.commented"]);
    expect(history.entries[1]!.details).toMatchObject({ changes: { columnId: { from: cols.backlog, to: cols.in_progress } } });
    expect(history.refs.columns[cols.in_progress]).toEqual({ name: null, preset: "in_progress" });
    expect(history.refs.users[f.foreign.id!]).toMatchObject({ name: "Ana Foreign", country: "RS" });
    expect(history.refs.users[f.lead.id!]).toMatchObject({ name: "Lena Lead" });
    expect(history.entries.every((e) => /Z$/.test(e.at))).toBe(true);
  });
});
