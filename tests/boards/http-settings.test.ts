// Label, column-order and checklist-order forms over plain HTTP: who may, and bad input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../app/domain/context";
import { client, signInCookie, startTestApp, type TestApp } from "../setup/app";
import type { TestServices } from "../setup/services";
import { auditCount, createBoardFixture, type BoardFixture } from "./factories";

let app: TestApp;
let f: BoardFixture;
const emailOf = async (a: Actor) => (await app.testDb.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, a.id!) }))!.email;
const as = async (a: Actor) => client(app, await signInCookie(app, await emailOf(a)));
const boardPath = () => `/operations/${f.operationId}/board`;
// as the page's fetchers ask: the action's JSON rather than the re-rendered page
const boardData = () => `${boardPath()}?_data=${encodeURIComponent("routes/operations.$id.board")}`;
const board = () => app.services.boards.getBoard({ actor: f.lead, operationId: f.operationId });

beforeAll(async () => {
  app = await startTestApp();
  f = await createBoardFixture({ testDb: app.testDb, services: app.services } as unknown as TestServices);
});
afterAll(() => app?.close());

describe("board settings over HTTP", () => {
  it("members rename and recolour labels; only the lead deletes them; outsiders get 404", async () => {
    const label = await app.services.boards.createLabel({ actor: f.member, operationId: f.operationId, input: { name: "Finance", colour: "green" } });
    const member = await as(f.member);
    let res = await member(boardPath(), { method: "POST", form: { intent: "label_update", labelId: label.id, name: "Money trail", colour: "violet" } });
    expect(res.status).toBe(200);
    expect((await board()).labels).toContainEqual({ id: label.id, name: "Money trail", colour: "violet" });

    res = await member(boardData(), { method: "POST", form: { intent: "label_update", labelId: label.id, name: "", colour: "neon" } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, intent: "label_update", fieldErrors: { name: expect.any(Array), colour: expect.any(Array) } });

    const before = await auditCount(app.testDb.db);
    res = await member(boardData(), { method: "POST", form: { intent: "label_delete", labelId: label.id } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ formErrors: ["boards:errors.lead_only"] });
    expect(await auditCount(app.testDb.db)).toBe(before);

    res = await (await as(f.outsider))(boardPath(), { method: "POST", form: { intent: "label_update", labelId: label.id, name: "Mine" } });
    expect(res.status).toBe(404);

    res = await (await as(f.lead))(boardPath(), { method: "POST", form: { intent: "label_delete", labelId: label.id } });
    expect(res.status).toBe(200);
    expect((await board()).labels.find((l) => l.id === label.id)).toBeUndefined();
  });

  it("the lead moves a column; a member is refused, a position that is no number is a field error", async () => {
    const cols = (await board()).columns;
    const lead = await as(f.lead);
    let res = await lead(boardPath(), { method: "POST", form: { intent: "column_move", columnId: cols[0]!.id, position: "2" } });
    expect(res.status).toBe(200);
    expect((await board()).columns.map((c) => c.id)).toEqual([cols[1]!.id, cols[2]!.id, cols[0]!.id, ...cols.slice(3).map((c) => c.id)]);

    res = await lead(boardData(), { method: "POST", form: { intent: "column_move", columnId: cols[0]!.id, position: "left" } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ fieldErrors: { position: expect.any(Array) } });

    res = await (await as(f.member))(boardPath(), { method: "POST", form: { intent: "column_move", columnId: cols[0]!.id, position: "0" } });
    expect(res.status).toBe(403);
    res = await (await as(f.observer))(boardPath(), { method: "POST", form: { intent: "column_move", columnId: cols[0]!.id, position: "0" } });
    expect(res.status).toBe(403);
    expect((await board()).columns[2]!.id).toBe(cols[0]!.id);
  });

  it("members reorder a card's checklist with the up and down buttons", async () => {
    const task = await app.services.boards.createTask({ actor: f.member, operationId: f.operationId, input: { title: "Prepare the search warrant" } });
    for (const text of ["Draft", "Translate", "Sign"]) await app.services.boards.addChecklistItem({ actor: f.member, input: { taskId: task.id, text } });
    const items = (await app.services.boards.getTask({ actor: f.member, input: { taskId: task.id } })).task.checklistItems;
    const member = await as(f.foreign);
    const res = await member(`${boardPath()}/${task.id}`, { method: "POST", form: { intent: "checklist_move", itemId: items[2]!.id, position: "1" } });
    expect(res.status).toBe(302);
    const after = (await app.services.boards.getTask({ actor: f.member, input: { taskId: task.id } })).task.checklistItems;
    expect(after.map((i) => i.text)).toEqual(["Draft", "Sign", "Translate"]);

    const bad = await member(`${boardPath()}/${task.id}`, { method: "POST", form: { intent: "checklist_move", itemId: items[2]!.id, position: "" } });
    expect(bad.status).toBe(400);
    const observer = await as(f.observer);
    expect((await observer(`${boardPath()}/${task.id}`, { method: "POST", form: { intent: "checklist_move", itemId: items[0]!.id, position: "2" } })).status).toBe(403);
  });
});
