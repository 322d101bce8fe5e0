import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SOCKET_LIMITS } from "../../app/server/socket/rate-limit";
import { createOperation, createUser } from "../factories/index";
import { signInCookie, startTestApp, type TestApp } from "../setup/app";
import { closeAllSockets, collect, connected, emitRaw, eventually, joinOperation, roundTrip } from "./helpers";

describe("operation rooms", () => {
  let app: TestApp;
  let member: { id: string; cookie: string };
  let outsider: { id: string; cookie: string };
  let opId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const m = await createUser(app.testDb.db);
    const o = await createUser(app.testDb.db);
    member = { id: m.id, cookie: await signInCookie(app, m.email) };
    outsider = { id: o.id, cookie: await signInCookie(app, o.email) };
    opId = (await createOperation(app.testDb.db, { members: [[m.id, "member"]] })).id;
  });
  afterEach(() => closeAllSockets());
  afterAll(() => app.close());

  const publishUpdate = (operationId: string) => app.services.deps.events.publish({ name: "operation.updated", payload: { operationId } });

  it("lets a member join their operation's room and delivers operation:updated", async () => {
    const socket = await connected(app.url, member.cookie);
    expect(await joinOperation(socket, opId)).toEqual({ ok: true, data: { operationId: opId } });
    const seen = collect<{ operationId: string }>(socket, "operation:updated");
    publishUpdate(opId);
    await eventually(() => seen.length === 1, "operation:updated at the member");
    expect(seen).toEqual([{ operationId: opId }]);
  });

  it("refuses a non-member exactly like a missing operation, and never delivers that room's broadcasts", async () => {
    const insider = await connected(app.url, member.cookie);
    const intruder = await connected(app.url, outsider.cookie);
    expect(await joinOperation(insider, opId)).toMatchObject({ ok: true });
    const refused = await joinOperation(intruder, opId);
    const missing = await joinOperation(intruder, "6f1c2a7e-0000-4000-8000-000000000000");
    expect(refused).toEqual({ ok: false, code: "not_found" });
    expect(missing).toEqual(refused);

    const insiderSeen = collect(insider, "operation:updated");
    const intruderSeen = collect(intruder, "operation:updated");
    publishUpdate(opId);
    await eventually(() => insiderSeen.length === 1, "the broadcast at the member");
    // anything the server sent the intruder before answering this has arrived by now
    await roundTrip(intruder);
    expect(intruderSeen).toEqual([]);
  });

  it("answers a malformed payload with invalid and field errors, and keeps serving the socket", async () => {
    const socket = await connected(app.url, member.cookie);
    expect(await joinOperation(socket, "not-a-uuid")).toEqual({ ok: false, code: "invalid", fields: { operationId: ["validation.invalid"] } });
    expect(await emitRaw(socket, "operation:join", "just a string")).toMatchObject({ ok: false, code: "invalid" });
    expect(await emitRaw(socket, "operation:join", { operationId: opId, room: "op:someone-elses" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await emitRaw(socket, "operation:join")).toMatchObject({ ok: false, code: "invalid" });
    expect(await emitRaw(socket, "no:such-event", { a: 1 })).toEqual({ ok: false, code: "invalid", fields: { event: ["validation.invalid"] } });
    expect(await joinOperation(socket, opId)).toMatchObject({ ok: true });
  });

  it("survives a payload that would make a careless handler throw", async () => {
    const socket = await connected(app.url, member.cookie);
    const hostile = [null, 42, [], { operationId: { $ne: null } }, { operationId: opId.repeat(1000) }];
    for (const payload of hostile) expect(await emitRaw(socket, "operation:join", payload)).toMatchObject({ ok: false, code: "invalid" });
    // an event without an ack must not crash anything either
    socket.emit("operation:join", { operationId: "nope" } as never, undefined as never);
    expect(await joinOperation(socket, opId)).toMatchObject({ ok: true });
  });

  it("answers a flood of joins with rate_limited, without crashing, and recovers", async () => {
    const socket = await connected(app.url, member.cookie);
    const burst = SOCKET_LIMITS.rooms.capacity * 2;
    const acks = await Promise.all(Array.from({ length: burst }, () => joinOperation(socket, opId)));
    const limited = acks.filter((a) => !a.ok && a.code === "rate_limited");
    expect(limited.length).toBeGreaterThan(0);
    expect(acks.filter((a) => a.ok).length).toBeGreaterThanOrEqual(SOCKET_LIMITS.rooms.capacity);
    // the bucket refills: the same socket is served again
    await eventually(async () => (await joinOperation(socket, opId)).ok, "a join accepted after the refill");
    expect(socket.connected).toBe(true);
  });

  it("takes a removed member out of the room and tells them", async () => {
    const u = await createUser(app.testDb.db);
    const op = await createOperation(app.testDb.db, { members: [[u.id, "member"]] });
    const socket = await connected(app.url, await signInCookie(app, u.email));
    expect(await joinOperation(socket, op.id)).toMatchObject({ ok: true });
    const revoked = collect(socket, "operation:access_revoked");
    const updates = collect(socket, "operation:updated");
    app.services.deps.events.publish({ name: "operation.membership_changed", payload: { operationId: op.id, userId: u.id, removed: true } });
    await eventually(() => revoked.length === 1, "operation:access_revoked");
    publishUpdate(op.id);
    await roundTrip(socket);
    expect(updates).toEqual([]);
  });
});
