// The typed socket protocol, shared by the server and app/hooks/use-socket.ts.
// Import only types and zod schemas here: this module is bundled for the browser.
import type { CurrentUser } from "../../domain/auth/current-user";
import { z } from "../../domain/validation";
import {
  channelIdSchema,
  deleteMessageSchema,
  editMessageSchema,
  markReadSchema,
  postMessageSchema,
  presenceSetSchema,
  presenceWatchSchema,
  syncSchema,
  toggleReactionSchema,
} from "../../domain/chat/schemas";
import type { MessageDto, PresenceStatus, SyncResult } from "../../domain/chat/types";

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

export const chatWatchSchema = z.object({}).strict();

export interface ClientToServerEvents {
  "operation:join": (payload: z.input<typeof operationRoomSchema>, ack: Ack<{ operationId: string }>) => void;
  "operation:leave": (payload: z.input<typeof operationRoomSchema>, ack: Ack) => void;
  /** "I have this card open": repeated while it is, forgotten by the others after 30 s of silence. */
  "task:editing": (payload: z.input<typeof taskEditingSchema>, ack: Ack) => void;
  /** Hear a channel's messages (readership checked in the database); lastSeq tells what to sync. */
  "chat:join": (payload: z.input<typeof channelIdSchema>, ack: Ack<{ channelId: string; lastSeq: number }>) => void;
  "chat:leave": (payload: z.input<typeof channelIdSchema>, ack: Ack) => void;
  /** Join the rooms of every channel the user can read (for live sidebar badges); again after chat:channels_changed. */
  "chat:watch": (payload: z.input<typeof chatWatchSchema>, ack: Ack<{ channels: { channelId: string; lastSeq: number }[] }>) => void;
  /** Persisted first, acked, then broadcast. A retried idempotencyKey acks the first message and broadcasts nothing. */
  "chat:post": (payload: z.input<typeof postMessageSchema>, ack: Ack<{ message: MessageDto; duplicate: boolean }>) => void;
  "chat:edit": (payload: z.input<typeof editMessageSchema>, ack: Ack<{ message: MessageDto }>) => void;
  "chat:delete": (payload: z.input<typeof deleteMessageSchema>, ack: Ack<{ message: MessageDto }>) => void;
  "chat:react": (payload: z.input<typeof toggleReactionSchema>, ack: Ack<{ message: MessageDto }>) => void;
  "chat:typing": (payload: z.input<typeof channelIdSchema>, ack: Ack) => void;
  "chat:read": (payload: z.input<typeof markReadSchema>, ack: Ack<{ channelId: string; seq: number }>) => void;
  /** Everything after afterSeq, ascending, paged: call again while `more`. */
  "chat:sync": (payload: z.input<typeof syncSchema>, ack: Ack<SyncResult>) => void;
  "presence:set": (payload: z.input<typeof presenceSetSchema>, ack: Ack) => void;
  /** Hear `presence` for these users (replaces the previous list); acks their current status. */
  "presence:watch": (payload: z.input<typeof presenceWatchSchema>, ack: Ack<{ statuses: Record<string, PresenceStatus> }>) => void;
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
  /** A new deconfliction hit concerns the user: its id only, the page refetches what the user may see. */
  "deconfliction:hit": (payload: { hitId: string }) => void;
  /**
   * New messages (roots or replies) in a channel the socket joined: one, or several in seq
   * order when they committed in the same turn of the server's event loop.
   */
  "chat:message": (...messages: MessageDto[]) => void;
  /** A message was edited, deleted (body null) or reacted to: the new DTO. */
  "chat:message_updated": (payload: MessageDto) => void;
  "chat:typing": (payload: { channelId: string; userId: string; userName: string }) => void;
  /** The same user read up to seq on another tab or device. */
  "chat:read": (payload: { channelId: string; seq: number }) => void;
  /** The user's channel list changed (created, renamed, archived, members, new conversation): refetch the sidebar. */
  "chat:channels_changed": (payload: { channelIds: string[] }) => void;
  /** The user can no longer read this channel; the socket has left its room. */
  "chat:access_revoked": (payload: { channelId: string }) => void;
  "presence": (payload: { userId: string; status: PresenceStatus }) => void;
}

export interface InterServerEvents {
  ping: () => void;
}

export interface SocketData {
  userId: string;
  sessionId: string;
  /**
   * The account as last loaded (handshake, then every event that loads it afresh). Only a
   * chat post uses it without loading it again, and checks it in its own statement.
   */
  account?: CurrentUser;
  /** What the client said it is (presence:set); a connected socket starts online. */
  presence?: "online" | "away";
}

export const operationRoom = (operationId: string) => `op:${operationId}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const channelRoom = (channelId: string) => `chan:${channelId}`;
export const presenceRoom = (userId: string) => `presence:${userId}`;
