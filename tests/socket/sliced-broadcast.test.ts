// Broadcasts written in slices (app/server/socket/sliced-broadcast.ts), on a real socket.io
// server with real websocket clients: every socket gets every broadcast once and in order,
// a socket that leaves the room while a broadcast is under way gets nothing more of it,
// and what is not a plain broadcast (acks, emitWithAck to a room) is not held back.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server, type Socket as ServerSocket } from "socket.io";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sliceBroadcasts, type SlicedBroadcasts } from "../../app/server/socket/sliced-broadcast";

const CLIENTS = 10;
const SLICE = 3;

describe("sliced broadcasts", () => {
  let http: HttpServer;
  let io: Server;
  let sliced: SlicedBroadcasts;
  let clients: ClientSocket[];
  /** Server-side sockets, in the order they joined the room. */
  let joined: ServerSocket[];
  let received: string[][];
  let errors: unknown[];

  beforeEach(async () => {
    http = createServer();
    io = new Server(http, { transports: ["websocket"] });
    sliced = sliceBroadcasts(io.of("/").adapter, { sliceSize: SLICE, onError: (err) => errors.push(err) });
    joined = [];
    errors = [];
    io.on("connection", (socket) => {
      socket.on("join", async (ack: () => void) => {
        await socket.join("room");
        joined.push(socket);
        ack();
      });
      socket.on("echo", (value: string, ack: (v: string) => void) => ack(value));
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    received = [];
    clients = [];
    // one after another, so the room's order (and so the slices) is the clients' order
    for (let i = 0; i < CLIENTS; i++) {
      const client = connect(url, { transports: ["websocket"], forceNew: true, reconnection: false });
      const got: string[] = [];
      received.push(got);
      client.on("news", (value: string) => got.push(value));
      client.on("ask", (value: string, ack: (v: string) => void) => ack(`${i}:${value}`));
      await new Promise<void>((resolve) => client.once("connect", () => resolve()));
      await new Promise<void>((resolve) => client.emit("join", resolve));
      clients.push(client);
    }
  });

  afterEach(async () => {
    for (const c of clients) c.disconnect();
    await new Promise<void>((resolve) => io.close(() => resolve()));
  });

  const settle = async (among = clients) => {
    await sliced.written();
    // the last frames still travel to the clients
    await Promise.all(among.filter((c) => c.connected).map((c) => new Promise<void>((resolve) => c.emit("echo", "x", () => resolve()))));
  };

  it("writes a broadcast a slice per turn, and every socket gets every broadcast once, in order", async () => {
    io.to("room").emit("news", "a");
    // the first slice went at once; the rest waits for the next turns of the event loop
    expect(sliced.pending()).toBe(1);
    io.to("room").emit("news", "b");
    io.to("room").emit("news", "c");
    expect(sliced.pending()).toBe(3);
    await settle();
    expect(sliced.pending()).toBe(0);
    for (const got of received) expect(got).toEqual(["a", "b", "c"]);
  });

  it("sends nothing more of a broadcast under way to a socket that left the room", async () => {
    const last = joined[CLIENTS - 1]!;
    io.to("room").emit("news", "before");
    // removed (say, from the operation) while the first slice is all that has gone
    last.leave("room");
    io.to("room").emit("news", "after");
    await settle();
    expect(received[CLIENTS - 1]).toEqual([]);
    for (const got of received.slice(0, CLIENTS - 1)) expect(got).toEqual(["before", "after"]);
  });

  it("sends nothing to a socket that disconnected meanwhile, and goes on with the others", async () => {
    const gone = new Promise<void>((resolve) => clients[CLIENTS - 2]!.once("disconnect", () => resolve()));
    io.to("room").emit("news", "one");
    joined[CLIENTS - 2]!.disconnect(true);
    await gone;
    await settle();
    expect(received[CLIENTS - 2]).toEqual([]);
    expect(received[CLIENTS - 1]).toEqual(["one"]);
  });

  it("leaves broadcasts that wait for acknowledgements, and acks, as socket.io writes them", async () => {
    const answers = await io.to("room").timeout(2000).emitWithAck("ask", "q");
    expect([...answers].sort()).toEqual(Array.from({ length: CLIENTS }, (_, i) => `${i}:q`).sort());
    expect(sliced.pending()).toBe(0);
    // a direct emit is not queued behind a broadcast under way
    io.to("room").emit("news", "slow");
    expect(sliced.pending()).toBe(1);
    await expect(clients[CLIENTS - 1]!.emitWithAck("echo", "fast")).resolves.toBe("fast");
    await settle();
  });

  it("tells when what was emitted so far is written, without waiting for what came after", async () => {
    io.to("room").emit("news", "first");
    const firstWritten = sliced.written();
    io.to("room").emit("news", "second");
    await firstWritten;
    // the first broadcast is out; the second has had at most one slice
    expect(sliced.pending()).toBe(1);
    await sliced.written();
    expect(sliced.pending()).toBe(0);
    await expect(sliced.written()).resolves.toBeUndefined();
    await settle();
    for (const got of received) expect(got).toEqual(["first", "second"]);
  });

  it("reports a socket whose write fails, and writes the others", async () => {
    const broken = joined[CLIENTS - 1]!;
    (broken.client as unknown as { writeToEngine: () => void }).writeToEngine = () => {
      throw new Error("write failed");
    };
    io.to("room").emit("news", "despite");
    // (its acks go through the same broken write: the others only)
    await settle(clients.slice(0, CLIENTS - 1));
    expect(errors).toHaveLength(1);
    for (const got of received.slice(0, CLIENTS - 1)) expect(got).toEqual(["despite"]);
  });

  it("writes a small room at once", async () => {
    joined.slice(SLICE).forEach((s) => s.leave("room"));
    io.to("room").emit("news", "small");
    expect(sliced.pending()).toBe(0);
    await settle();
    expect(received.slice(0, SLICE).every((got) => got.join() === "small")).toBe(true);
    expect(received.slice(SLICE).every((got) => got.length === 0)).toBe(true);
  });
});
