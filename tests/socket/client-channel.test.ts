// The browser side of the live channel (app/hooks/live-channel.ts, which the React
// hooks wrap) driven against a real server with a real socket.io-client.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { deriveStatus, followOperation, watchConnectionStatus, type ConnectionStatus, type LiveSocket, type OperationChannelHandlers } from "../../app/hooks/live-channel";
import { operationRoom } from "../../app/server/socket/protocol";
import { createOperation, createUser } from "../factories/index";
import { client, signInCookie, startTestApp, type TestApp } from "../setup/app";
import { closeAllSockets, connectOutcome, connectSocket, eventually, roundTrip } from "./helpers";

const EVENTS = ["connect", "disconnect", "connect_error", "operation:updated", "operation:access_revoked"] as const;
const listenerCounts = (s: LiveSocket) => [
  ...EVENTS.map((e) => s.listeners(e as "connect").length),
  s.io.listeners("reconnect_attempt").length,
  s.io.listeners("reconnect_failed").length,
];

function recorder() {
  const log: { joined: boolean[]; failed: string[]; updated: string[]; revoked: string[] } = { joined: [], failed: [], updated: [], revoked: [] };
  const handlers: OperationChannelHandlers = {
    onJoined: ({ rejoin }) => log.joined.push(rejoin),
    onJoinFailed: (code) => log.failed.push(code),
    onUpdated: (p) => log.updated.push(p.operationId),
    onAccessRevoked: (p) => log.revoked.push(p.operationId),
  };
  return { log, handlers: () => handlers };
}

describe("deriveStatus", () => {
  const base = { connected: false, willRetry: true, everConnected: false, sessionEnded: false, browserOffline: false };
  const cases: [Partial<typeof base>, ConnectionStatus][] = [
    [{}, "connecting"],
    [{ connected: true, everConnected: true }, "online"],
    [{ connected: true, browserOffline: true }, "online"],
    [{ everConnected: true }, "reconnecting"],
    [{ everConnected: true, browserOffline: true }, "offline"],
    [{ willRetry: false, everConnected: true }, "offline"],
    [{ willRetry: false, sessionEnded: true }, "session_ended"],
    [{ sessionEnded: true, browserOffline: true }, "session_ended"],
  ];
  for (const [facts, expected] of cases) {
    it(`${JSON.stringify(facts)} -> ${expected}`, () => expect(deriveStatus({ ...base, ...facts })).toBe(expected));
  }
});

describe("live channel client", () => {
  let app: TestApp;
  let user: { id: string; cookie: string };
  let opA: string;
  let opB: string;

  beforeAll(async () => {
    app = await startTestApp({ env: { SESSION_SWEEP_MS: String(3_600_000) } });
    const u = await createUser(app.testDb.db);
    user = { id: u.id, cookie: await signInCookie(app, u.email) };
    opA = (await createOperation(app.testDb.db, { members: [[u.id, "member"]] })).id;
    opB = (await createOperation(app.testDb.db, { members: [[u.id, "lead"]] })).id;
  });
  afterEach(() => closeAllSockets());
  afterAll(() => app.close());

  const publishUpdate = (operationId: string) => app.services.deps.events.publish({ name: "operation.updated", payload: { operationId } });
  const serverSocketsInRoom = (operationId: string) => app.io.io.of("/").adapter.rooms.get(operationRoom(operationId))?.size ?? 0;
  /** Cuts the connection from the server side the way a restart or a network drop does (not a server "disconnect"). */
  const dropTransport = () => {
    for (const s of app.io.io.of("/").sockets.values()) if (s.data.userId === user.id) s.conn.close();
  };

  it("joins once when followed before the connection is up, and hears only its own operation", async () => {
    const socket = connectSocket(app.url, { cookie: user.cookie });
    const a = recorder();
    const b = recorder();
    const stopA = followOperation(socket, opA, a.handlers);
    const stopB = followOperation(socket, opB, b.handlers);
    await eventually(() => a.log.joined.length === 1 && b.log.joined.length === 1, "both joins answered");
    expect(a.log.joined).toEqual([false]);

    publishUpdate(opB);
    await eventually(() => b.log.updated.length === 1, "opB's update");
    await roundTrip(socket);
    expect(a.log.updated).toEqual([]);
    stopA();
    stopB();
  });

  it("re-joins after a reconnect and says so, so the page can reload what it missed", async () => {
    const socket = connectSocket(app.url, { cookie: user.cookie, reconnection: true });
    const a = recorder();
    const stop = followOperation(socket, opA, a.handlers);
    await eventually(() => a.log.joined.length === 1, "first join");

    dropTransport();
    await eventually(() => a.log.joined.length === 2, "the re-join after the reconnect");
    expect(a.log.joined).toEqual([false, true]);
    publishUpdate(opA);
    await eventually(() => a.log.updated.length === 1, "an update after the reconnect");
    stop();
  });

  it("removes every listener it added, and leaves the room only when the last follower lets go", async () => {
    const socket = connectSocket(app.url, { cookie: user.cookie });
    expect((await connectOutcome(socket)).connected).toBe(true);
    const before = listenerCounts(socket);

    const first = recorder();
    const second = recorder();
    const stopFirst = followOperation(socket, opA, first.handlers);
    const stopSecond = followOperation(socket, opA, second.handlers);
    const stopStatus = watchConnectionStatus(socket, () => {});
    await eventually(() => first.log.joined.length === 1 && second.log.joined.length === 1, "both joined");
    expect(listenerCounts(socket)).not.toEqual(before);

    stopFirst();
    stopFirst(); // twice is harmless
    await roundTrip(socket);
    expect(serverSocketsInRoom(opA)).toBe(1);
    publishUpdate(opA);
    await eventually(() => second.log.updated.length === 1, "the remaining follower still hears");
    expect(first.log.updated).toEqual([]);

    stopSecond();
    stopStatus();
    await roundTrip(socket);
    expect(serverSocketsInRoom(opA)).toBe(0);
    expect(listenerCounts(socket)).toEqual(before);
  });

  it("reports a refused join", async () => {
    const other = await createOperation(app.testDb.db);
    const socket = connectSocket(app.url, { cookie: user.cookie });
    const r = recorder();
    const stop = followOperation(socket, other.id, r.handlers);
    await eventually(() => r.log.failed.length === 1, "the refusal");
    expect(r.log).toMatchObject({ failed: ["not_found"], joined: [] });
    stop();
  });

  it("tells connecting, online, reconnecting and online again, then session_ended after sign-out", async () => {
    const u = await createUser(app.testDb.db);
    const cookie = await signInCookie(app, u.email);
    const socket = connectSocket(app.url, { cookie, reconnection: true });
    const seen: ConnectionStatus[] = [];
    const stop = watchConnectionStatus(socket, (s) => seen.push(s), { isOffline: () => false, target: null });
    await eventually(() => seen.at(-1) === "online", "online");

    for (const s of app.io.io.of("/").sockets.values()) if (s.data.userId === u.id) s.conn.close();
    await eventually(() => seen.length >= 4 && seen.at(-1) === "online", "online again");

    await client(app, cookie)("/logout", { method: "POST" });
    await eventually(() => seen.at(-1) === "session_ended", "session_ended");
    expect(seen).toEqual(["connecting", "online", "reconnecting", "online", "session_ended"]);
    stop();
  });

  it("tells session_ended when the handshake is refused, and offline when the browser has no network", async () => {
    const refused: ConnectionStatus[] = [];
    const noSession = connectSocket(app.url, { cookie: null });
    const stopRefused = watchConnectionStatus(noSession, (s) => refused.push(s), { isOffline: () => false, target: null });
    await eventually(() => refused.at(-1) === "session_ended", "session_ended");
    stopRefused();

    // nothing listens on port 1: the client keeps trying, and the browser's network state decides the word
    const network = new EventTarget();
    let offline = false;
    const unreachable = connectSocket("http://127.0.0.1:1", { reconnection: true });
    const seen: ConnectionStatus[] = [];
    const stop = watchConnectionStatus(unreachable, (s) => seen.push(s), { isOffline: () => offline, target: network });
    offline = true;
    network.dispatchEvent(new Event("offline"));
    offline = false;
    network.dispatchEvent(new Event("online"));
    expect(seen).toEqual(["connecting", "offline", "connecting"]);
    stop();
  });
});
