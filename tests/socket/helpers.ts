// socket.io-client against a real server, the way a browser tab connects:
// websocket transport, the session cookie and the page's Origin on the handshake.
import { io } from "socket.io-client";
import type { LiveSocket } from "../../app/hooks/live-channel";
import type { AckResult } from "../../app/server/socket/protocol";

export interface ConnectOptions {
  cookie?: string | null;
  /** The Origin header; defaults to the server's own URL. null sends none. */
  origin?: string | null;
  reconnection?: boolean;
}

const open: LiveSocket[] = [];

export function connectSocket(url: string, opts: ConnectOptions = {}): LiveSocket {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.Cookie = opts.cookie;
  const origin = opts.origin === undefined ? url : opts.origin;
  if (origin !== null) headers.Origin = origin;
  const socket: LiveSocket = io(url, {
    transports: ["websocket"],
    extraHeaders: headers,
    forceNew: true,
    reconnection: opts.reconnection ?? false,
    reconnectionDelay: 100,
    reconnectionDelayMax: 300,
  });
  open.push(socket);
  return socket;
}

/** Closes every socket the test opened (afterEach). */
export function closeAllSockets() {
  for (const s of open.splice(0)) s.disconnect();
}

/** Resolves "connected", or the connect_error's message if the server refused. */
export function connectOutcome(socket: LiveSocket): Promise<{ connected: true } | { connected: false; message: string }> {
  return new Promise((resolve) => {
    if (socket.connected) return resolve({ connected: true });
    const onConnect = () => {
      socket.off("connect_error", onError);
      resolve({ connected: true });
    };
    const onError = (err: Error) => {
      socket.off("connect", onConnect);
      resolve({ connected: false, message: err.message });
    };
    socket.once("connect", onConnect);
    socket.once("connect_error", onError);
  });
}

export async function connected(url: string, cookie: string): Promise<LiveSocket> {
  const socket = connectSocket(url, { cookie });
  const outcome = await connectOutcome(socket);
  if (!outcome.connected) throw new Error(`socket refused: ${outcome.message}`);
  return socket;
}

/** Resolves with the disconnect reason. */
export function disconnection(socket: LiveSocket): Promise<string> {
  return new Promise((resolve) => {
    if (!socket.connected) return resolve("not connected");
    socket.once("disconnect", (reason) => resolve(reason));
  });
}

export function joinOperation(socket: LiveSocket, operationId: unknown): Promise<AckResult<{ operationId: string }>> {
  return socket.timeout(10_000).emitWithAck("operation:join", { operationId } as { operationId: string });
}

/** Emits an arbitrary, possibly malformed event, as a hostile client could. */
export function emitRaw(socket: LiveSocket, event: string, ...args: unknown[]): Promise<AckResult<unknown>> {
  return (socket as unknown as { timeout(ms: number): { emitWithAck(e: string, ...a: unknown[]): Promise<AckResult<unknown>> } })
    .timeout(10_000)
    .emitWithAck(event, ...args);
}

/** Collects every payload of one server event. */
export function collect<T>(socket: LiveSocket, event: "operation:updated" | "operation:access_revoked"): T[] {
  const seen: T[] = [];
  socket.on(event, (p) => seen.push(p as T));
  return seen;
}

/** Waits until `check` holds; fails with `what` if it does not within `ms`. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

/** A round trip through the server: everything the server sent before it has arrived. */
export async function roundTrip(socket: LiveSocket) {
  await emitRaw(socket, "operation:leave", { operationId: "00000000-0000-4000-8000-000000000000" });
}

/** `promise`, or a failure naming `what` if it has not settled within `ms` (a bound, not a measurement). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not within ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, bound]).finally(() => clearTimeout(timer));
}
