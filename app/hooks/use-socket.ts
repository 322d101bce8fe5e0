// One typed socket.io connection per browser tab, opened lazily on the client only.
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { io } from "socket.io-client";
import {
  followOperation,
  watchConnectionStatus,
  type ConnectionStatus,
  type LiveSocket,
  type OperationChannelHandlers,
} from "./live-channel";

export type { ConnectionStatus, LiveSocket, OperationChannelHandlers } from "./live-channel";

// A browser-only singleton: the server renders without it (getSocket returns null
// there), and the tab keeps one connection however many components listen.
let tabSocket: LiveSocket | null = null;

/** The tab's socket, created on first use; null during server rendering. */
export function getSocket(): LiveSocket | null {
  if (typeof window === "undefined") return null;
  tabSocket ??= io({
    // websocket only: several app processes behind a load balancer then need no
    // sticky sessions (docs/decisions/002-socketio-postgres-adapter.md)
    transports: ["websocket"],
    withCredentials: true,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 15_000,
  });
  // Ended by the server (sign-out, a refused handshake) the socket stops retrying.
  // A page mounted later — after signing in again without a full reload — tries once more.
  if (!tabSocket.connected && !tabSocket.active) tabSocket.connect();
  return tabSocket;
}

function subscribeStatus(onStoreChange: () => void) {
  const socket = getSocket();
  if (!socket) return () => {};
  return watchConnectionStatus(socket, (status) => {
    currentStatus = status;
    onStoreChange();
  });
}
let currentStatus: ConnectionStatus = "connecting";

/** "connecting" | "online" | "reconnecting" | "offline" | "session_ended", live. */
export function useConnectionStatus(): ConnectionStatus {
  return useSyncExternalStore(
    subscribeStatus,
    () => currentStatus,
    // the server has no connection; the first client render must match it
    () => "connecting",
  );
}

export type JoinState = "idle" | "joining" | "joined" | "refused";

/**
 * Follows one operation's room: joins it (the server checks membership), re-joins
 * after a reconnect, and calls the current handlers for its events. Handlers may
 * change every render; they do not cause a re-join.
 */
export function useOperationChannel(operationId: string | null | undefined, handlers: OperationChannelHandlers): JoinState {
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });
  const [state, setState] = useState<JoinState>("idle");

  useEffect(() => {
    const socket = operationId ? getSocket() : null;
    if (!socket || !operationId) return;
    setState("joining");
    return followOperation(socket, operationId, () => ({
      onUpdated: (p) => handlersRef.current.onUpdated?.(p),
      onAccessRevoked: (p) => {
        setState("refused");
        handlersRef.current.onAccessRevoked?.(p);
      },
      onJoined: (info) => {
        setState("joined");
        handlersRef.current.onJoined?.(info);
      },
      onJoinFailed: (code) => {
        setState(code === "timeout" ? "joining" : "refused");
        handlersRef.current.onJoinFailed?.(code);
      },
    }));
  }, [operationId]);

  return state;
}
