// A move made over HTTP reaches the other members' sockets as "board:changed", ids only.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { LiveSocket } from "../../app/hooks/live-channel";
import type { Actor } from "../../app/domain/context";
import { client, signInCookie, startTestApp, type TestApp } from "../setup/app";
import type { TestServices } from "../setup/services";
import { closeAllSockets, connected, emitRaw, eventually, joinOperation, roundTrip } from "../socket/helpers";
import { createBoardFixture, type BoardFixture } from "./factories";

type BoardChanged = { operationId: string; change: string; taskId?: string; columnId?: string; version?: number };
const collectBoard = (socket: LiveSocket) => {
  const seen: BoardChanged[] = [];
  socket.on("board:changed", (p) => seen.push(p));
  return seen;
};

describe("board:changed over the socket", () => {
  let app: TestApp;
  let f: BoardFixture;
  const cookieOf = async (a: Actor) => {
    const user = await app.testDb.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, a.id!) });
    return signInCookie(app, user!.email);
  };

  beforeAll(async () => {
    app = await startTestApp();
    f = await createBoardFixture({ testDb: app.testDb, services: app.services } as unknown as TestServices);
  });
  afterEach(() => closeAllSockets());
  afterAll(() => app.close());

  it("delivers a member's move to another member's socket and not to a non-member's", async () => {
    const board = await app.services.boards.getBoard({ actor: f.lead, operationId: f.operationId });
    const todo = board.columns.find((c) => c.preset === "todo")!.id;
    const task = await app.services.boards.createTask({ actor: f.member, operationId: f.operationId, input: { title: "Watch the border crossing" } });

    const watcher = await connected(app.url, await cookieOf(f.foreign));
    const intruder = await connected(app.url, await cookieOf(f.outsider));
    expect(await joinOperation(watcher, f.operationId)).toMatchObject({ ok: true });
    expect(await joinOperation(intruder, f.operationId)).toMatchObject({ ok: false });
    const seen = collectBoard(watcher);
    const intruderSeen = collectBoard(intruder);

    const http = client(app, await cookieOf(f.member));
    const res = await http(`/operations/${f.operationId}/board`, { method: "POST", form: { intent: "move", taskId: task.id, toColumnId: todo, version: "1" } });
    expect(res.status).toBe(200);

    await eventually(() => seen.some((e) => e.change === "task.moved"), "board:changed at the other member");
    expect(seen.find((e) => e.change === "task.moved")).toEqual({ operationId: f.operationId, change: "task.moved", taskId: task.id, columnId: todo, version: 2 });
    // no content travels with the event
    expect(JSON.stringify(seen)).not.toContain("border crossing");
    await roundTrip(intruder);
    expect(intruderSeen).toEqual([]);
  });

  it("tells the other members who has a card open, refuses outsiders and malformed payloads", async () => {
    const task = await app.services.boards.createTask({ actor: f.member, operationId: f.operationId, input: { title: "Plan the controlled delivery" } });
    const editor = await connected(app.url, await cookieOf(f.member));
    const watcher = await connected(app.url, await cookieOf(f.foreign));
    const intruder = await connected(app.url, await cookieOf(f.outsider));
    expect(await joinOperation(watcher, f.operationId)).toMatchObject({ ok: true });
    const seen: unknown[] = [];
    watcher.on("task:editing", (p) => seen.push(p));

    expect(await emitRaw(editor, "task:editing", { taskId: task.id })).toEqual({ ok: true });
    await eventually(() => seen.length === 1, "task:editing at the other member");
    expect(seen[0]).toEqual({ operationId: f.operationId, taskId: task.id, userId: f.member.id, userName: "Max Member" });

    expect(await emitRaw(intruder, "task:editing", { taskId: task.id })).toEqual({ ok: false, code: "not_found" });
    expect(await emitRaw(editor, "task:editing", { taskId: "nope" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await emitRaw(editor, "task:editing", { taskId: task.id, operationId: f.operationId })).toMatchObject({ ok: false, code: "invalid" });
    await roundTrip(watcher);
    expect(seen).toHaveLength(1);
  });
});
