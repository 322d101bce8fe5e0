// The client side of the live channel, without React: the hooks in use-socket.ts
// are thin wrappers, and tests drive these functions with a real socket.io-client.
import type { Socket } from "socket.io-client";
import type { AckErrorCode, AckResult, ClientToServerEvents, ServerToClientEvents } from "../server/socket/protocol";
import { HANDSHAKE_REFUSED } from "../server/socket/protocol";

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How long a join waits for the server's answer before it counts as failed (and is retried on reconnect). */
const JOIN_TIMEOUT_MS = 10_000;

// ---------------------------------------------------------------- connection status

export type ConnectionStatus = "connecting" | "online" | "reconnecting" | "offline" | "session_ended";

export interface ConnectionFacts {
  connected: boolean;
  /** The client will try again by itself (socket.io's `socket.active`). */
  willRetry: boolean;
  everConnected: boolean;
  /** The server refused the handshake or ended the session. */
  sessionEnded: boolean;
  /** The browser says it has no network. */
  browserOffline: boolean;
}

export function deriveStatus(f: ConnectionFacts): ConnectionStatus {
  if (f.connected) return "online";
  if (f.sessionEnded) return "session_ended";
  if (f.browserOffline || !f.willRetry) return "offline";
  return f.everConnected ? "reconnecting" : "connecting";
}

/**
 * Calls `onChange` with the status now and whenever it changes. Returns the
 * function that removes every listener it added.
 */
export function watchConnectionStatus(
  socket: LiveSocket,
  onChange: (status: ConnectionStatus) => void,
  env: { isOffline(): boolean; target: Pick<EventTarget, "addEventListener" | "removeEventListener"> | null } = browserEnv(),
): () => void {
  const facts: ConnectionFacts = {
    connected: socket.connected,
    willRetry: socket.active,
    everConnected: socket.connected || everConnected.has(socket),
    sessionEnded: sessionEnded.has(socket),
    browserOffline: env.isOffline(),
  };
  let last: ConnectionStatus | null = null;
  const update = () => {
    facts.connected = socket.connected;
    facts.willRetry = socket.active;
    facts.browserOffline = env.isOffline();
    if (facts.connected) facts.everConnected = true;
    const next = deriveStatus(facts);
    if (next !== last) onChange((last = next));
  };
  const onConnect = () => {
    everConnected.add(socket);
    sessionEnded.delete(socket);
    facts.sessionEnded = false;
    update();
  };
  const onDisconnect = (reason: Socket.DisconnectReason) => {
    // only the server ends a connection on purpose, and only when the session has ended
    if (reason === "io server disconnect") {
      sessionEnded.add(socket);
      facts.sessionEnded = true;
    }
    update();
  };
  const onConnectError = (err: Error) => {
    if (err.message === HANDSHAKE_REFUSED) {
      sessionEnded.add(socket);
      facts.sessionEnded = true;
    }
    update();
  };
  const onNetwork = () => update();

  socket.on("connect", onConnect);
  socket.on("disconnect", onDisconnect);
  socket.on("connect_error", onConnectError);
  socket.io.on("reconnect_attempt", onNetwork);
  socket.io.on("reconnect_failed", onNetwork);
  env.target?.addEventListener("online", onNetwork);
  env.target?.addEventListener("offline", onNetwork);
  update();
  return () => {
    socket.off("connect", onConnect);
    socket.off("disconnect", onDisconnect);
    socket.off("connect_error", onConnectError);
    socket.io.off("reconnect_attempt", onNetwork);
    socket.io.off("reconnect_failed", onNetwork);
    env.target?.removeEventListener("online", onNetwork);
    env.target?.removeEventListener("offline", onNetwork);
  };
}

// facts about a socket that outlive one watcher (a status badge mounted late still knows)
const everConnected = new WeakSet<LiveSocket>();
const sessionEnded = new WeakSet<LiveSocket>();

function browserEnv() {
  const hasWindow = typeof window !== "undefined";
  return {
    isOffline: () => typeof navigator !== "undefined" && navigator.onLine === false,
    target: hasWindow ? window : null,
  };
}

// ---------------------------------------------------------------- operation rooms

export interface OperationChannelHandlers {
  onUpdated?(payload: { operationId: string }): void;
  onAccessRevoked?(payload: { operationId: string }): void;
  /** The join was answered: `rejoin` is true after a reconnect, when updates may have been missed. */
  onJoined?(info: { rejoin: boolean }): void;
  onJoinFailed?(code: AckErrorCode | "timeout"): void;
}

// Several components of one page may follow the same operation: the room is left
// only when the last of them lets go.
const roomHolders = new WeakMap<LiveSocket, Map<string, number>>();

function holders(socket: LiveSocket) {
  let m = roomHolders.get(socket);
  if (!m) roomHolders.set(socket, (m = new Map()));
  return m;
}

/**
 * Joins the operation's room (the server checks membership), re-joins after every
 * reconnect, and calls the handlers for this operation's events only. Returns the
 * function that removes every listener it added and leaves the room if it was the
 * last holder.
 */
export function followOperation(socket: LiveSocket, operationId: string, handlers: () => OperationChannelHandlers): () => void {
  let disposed = false;
  let joinedOnce = false;
  const held = holders(socket);
  held.set(operationId, (held.get(operationId) ?? 0) + 1);

  const join = () => {
    socket.timeout(JOIN_TIMEOUT_MS).emit("operation:join", { operationId }, (err: Error | null, res?: AckResult<{ operationId: string }>) => {
      if (disposed) return;
      if (err || !res) return handlers().onJoinFailed?.("timeout");
      if (!res.ok) return handlers().onJoinFailed?.(res.code);
      handlers().onJoined?.({ rejoin: joinedOnce });
      joinedOnce = true;
    });
  };
  // a new connection starts with no rooms: every (re)connect joins again
  const onConnect = () => join();
  const onUpdated = (p: { operationId: string }) => {
    if (p.operationId === operationId) handlers().onUpdated?.(p);
  };
  const onAccessRevoked = (p: { operationId: string }) => {
    if (p.operationId === operationId) handlers().onAccessRevoked?.(p);
  };

  socket.on("connect", onConnect);
  socket.on("operation:updated", onUpdated);
  socket.on("operation:access_revoked", onAccessRevoked);
  // not yet connected: the "connect" listener joins; emitting now too would join twice
  if (socket.connected) join();

  return () => {
    if (disposed) return;
    disposed = true;
    socket.off("connect", onConnect);
    socket.off("operation:updated", onUpdated);
    socket.off("operation:access_revoked", onAccessRevoked);
    const left = (held.get(operationId) ?? 1) - 1;
    if (left > 0) return void held.set(operationId, left);
    held.delete(operationId);
    if (socket.connected) socket.emit("operation:leave", { operationId }, () => {});
  };
}

/** The i18n key (namespace "live") for a refused socket event. */
export const ackErrorKey = (code: AckErrorCode | "timeout") => `live:errors.${code}`;
