// The closed list of domain events, published after the transaction commits.
// The socket server turns them into room broadcasts.
import type { AuditAction } from "./vocabulary";
import type { MessageDto } from "./chat/types";

export interface DomainEventMap {
  "user.sessions_revoked": { userId: string };
  "session.ended": { sessionId: string };
  "operation.updated": { operationId: string };
  "operation.membership_changed": { operationId: string; userId: string; removed: boolean };
  /**
   * Something on an operation's board changed. No content, only ids, so a broadcast
   * to the operation's room never leaks; clients refetch what they may see.
   */
  "board.changed": BoardChangedPayload;
  /** New notifications for these users: no content, the client refetches its count. */
  "notification.created": { userIds: string[] };
  /** A new deconfliction hit for these officers: ids only, never either side's content. */
  "deconfliction.hit": { hitId: string; userIds: string[] };
  /**
   * A message was persisted. It carries the DTO: it goes only to the channel's room,
   * which sockets join after a readership check and leave when they lose it.
   */
  "chat.message_posted": { channelId: string; message: MessageDto };
  /** Edited, deleted (tombstone, body null) or reacted to. */
  "chat.message_updated": { channelId: string; message: MessageDto };
  /**
   * Channels were created, renamed, archived or changed members: `userIds` refetch their
   * sidebar; `removedUserIds` lost readership and leave the channels' rooms at once.
   */
  "chat.channel_changed": { channelIds: string[]; userIds: string[]; removedUserIds: string[] };
  /** A user moved their read marker: their other tabs and devices follow. */
  "chat.read_marked": { channelId: string; userId: string; seq: number };
}
export type DomainEventName = keyof DomainEventMap;
export type DomainEvent = { [K in DomainEventName]: { name: K; payload: DomainEventMap[K] } }[DomainEventName];

type Listener = (event: DomainEvent) => void;

export interface EventBus {
  publish(event: DomainEvent): void;
  subscribe(listener: Listener): () => void;
}

export function createEventBus(onError: (err: unknown) => void = () => {}): EventBus {
  const listeners = new Set<Listener>();
  return {
    publish(event) {
      for (const l of listeners) {
        try {
          l(event);
        } catch (err) {
          onError(err);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export interface BoardChangedPayload {
  operationId: string;
  /** The audit action of the change, e.g. "task.moved". */
  change: Extract<AuditAction, `board.${string}` | `task.${string}`>;
  taskId?: string;
  columnId?: string;
  /** The task's version after the change, so a client can ignore an older refetch. */
  version?: number;
  /** Newly assigned users, for notifications. */
  assignedUserIds?: string[];
  /** Newly mentioned users, for notifications. */
  mentionedUserIds?: string[];
}
