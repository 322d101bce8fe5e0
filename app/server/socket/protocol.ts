// The typed socket protocol, shared by the server and app/hooks/use-socket.ts.
// Import only types and zod schemas here: this module is bundled for the browser.
import { z } from "../../domain/validation";

/** Why a socket event was refused: the domain error codes, plus "internal" for a bug. */
export type AckErrorCode = "invalid" | "not_found" | "forbidden" | "conflict" | "unauthenticated" | "rate_limited" | "internal";

export type AckResult<T = Record<string, never>> =
  | { ok: true; data?: T }
  | { ok: false; code: AckErrorCode; fields?: Record<string, string[]> };

export type Ack<T = Record<string, never>> = (res: AckResult<T>) => void;

/** The error a refused handshake carries to the client's `connect_error`. */
export const HANDSHAKE_REFUSED = "unauthenticated";

export const operationRoomSchema = z.object({ operationId: z.string().uuid() }).strict();

export const taskEditingSchema = z.object({ taskId: z.string().uuid() }).strict();

export interface ClientToServerEvents {
  "operation:join": (payload: z.input<typeof operationRoomSchema>, ack: Ack<{ operationId: string }>) => void;
  "operation:leave": (payload: z.input<typeof operationRoomSchema>, ack: Ack) => void;
  /** "I have this card open": repeated while it is, forgotten by the others after 30 s of silence. */
  "task:editing": (payload: z.input<typeof taskEditingSchema>, ack: Ack) => void;
}

export interface ServerToClientEvents {
  "operation:updated": (payload: { operationId: string }) => void;
  "operation:access_revoked": (payload: { operationId: string }) => void;
  /** Something on the board changed: ids only, the client refetches what it may see. */
  "board:changed": (payload: { operationId: string; change: string; taskId?: string; columnId?: string; version?: number }) => void;
  /** Someone has a card open for editing (a name, never content). */
  "task:editing": (payload: { operationId: string; taskId: string; userId: string; userName: string }) => void;
  /** The user has new notifications: no content, the client refetches its count. */
  "notification:new": () => void;
}

export interface InterServerEvents {
  ping: () => void;
}

export interface SocketData {
  userId: string;
  sessionId: string;
}

export const operationRoom = (operationId: string) => `op:${operationId}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
