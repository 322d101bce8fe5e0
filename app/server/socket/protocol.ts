// The typed socket protocol, shared by the server and app/hooks/use-socket.ts.
// Import only types and zod schemas here: this module is bundled for the browser.
import { z } from "zod";

export type Ack<T = Record<string, never>> = (res: { ok: true; data?: T } | { ok: false; code: string; fields?: Record<string, string[]> }) => void;

export const operationRoomSchema = z.object({ operationId: z.string().uuid() });

export interface ClientToServerEvents {
  "operation:join": (payload: z.input<typeof operationRoomSchema>, ack: Ack<{ operationId: string }>) => void;
  "operation:leave": (payload: z.input<typeof operationRoomSchema>, ack: Ack) => void;
}

export interface ServerToClientEvents {
  "operation:updated": (payload: { operationId: string }) => void;
  "operation:access_revoked": (payload: { operationId: string }) => void;
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
