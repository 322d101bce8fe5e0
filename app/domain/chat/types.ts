// The chat contract: what the chat verbs return and what the socket events carry.
// Shared by the domain, the socket server, the routes and the browser: types only.
//
// Notes for clients:
// - `seq` is strictly increasing per channel and covers replies too, so a client that
//   sees seq N+2 after N has missed N+1 and calls chat:sync (or listMessages with `after`).
//   After a reconnect, sync from the last seq held *before* rejoining: live messages that
//   arrive during the join are newer than the gap.
// - A broadcast DTO is the same for every reader: `reactions[].mine` is relative to the
//   actor of the change there; compute it from `reactions[].userIds` instead.
// - Unread counts count other people's messages that are not deleted (roots and replies).
// Added to the first contract (all backward compatible): services.chat.getThread,
// syncMessages, channelAccess, readableChannelIds; socket events chat:watch (join every
// readable channel's room), presence:watch (presence is sent only to watchers),
// chat:access_revoked; `userIds` in reactions; PostResult.duplicate.
import type { HandlingCode } from "../vocabulary";

export type ChannelKind = "operation" | "direct" | "group";
export type PresenceStatus = "online" | "away" | "offline";

export interface ChatUserRef {
  id: string;
  name: string;
  agencyName: string;
  /** ISO 3166-1 alpha-2 of the user's agency. */
  country: string;
}

/** One line of the sidebar. */
export interface ChannelListItem {
  id: string;
  kind: ChannelKind;
  /** Operation channels only; direct and group conversations are named after `otherUsers`. */
  name: string | null;
  operationId: string | null;
  operationCode: string | null;
  /** The operation's code name too: operations have no other display name. */
  operationName: string | null;
  isGeneral: boolean;
  archived: boolean;
  /** Other people's non-deleted messages (roots and replies) after my read marker. */
  unread: number;
  /** Those of them that mention me. */
  mentions: number;
  lastSeq: number;
  lastMessageAt: string | null;
  /** Direct and group conversations: everyone in it except me. */
  otherUsers?: ChatUserRef[];
}

export interface ChannelDetail {
  channel: ChannelListItem;
  /** Who can read the channel (for operation channels: derived from the operation's members). */
  members: { id: string; name: string; agencyName: string; country: string }[];
  /** Rename, archive, change members: an operation lead, non-general operation channels. */
  canManage: boolean;
  /** Not archived, operation writable (not closed, agreement valid), not an observer. */
  canPost: boolean;
  lastReadSeq: number;
}

export interface ReactionSummary {
  emoji: string;
  count: number;
  mine: boolean;
  userIds: string[];
}

export interface MessageDto {
  id: string;
  channelId: string;
  seq: number;
  /** The thread root for a reply; null for a root message. */
  parentId: string | null;
  author: ChatUserRef;
  /** Markdown; null once deleted (the tombstone keeps its place). */
  body: string | null;
  handlingCode: HandlingCode;
  mentions: { id: string; name: string }[];
  replyCount: number;
  lastReplyAt: string | null;
  editedAt: string | null;
  deletedAt: string | null;
  reactions: ReactionSummary[];
  createdAt: string;
  idempotencyKey: string;
}

export interface MessagePage {
  /** Ascending by seq. */
  messages: MessageDto[];
  hasOlder: boolean;
  hasNewer: boolean;
}

export interface SyncResult {
  /** Ascending by seq, every message (roots and replies) after `afterSeq`. */
  messages: MessageDto[];
  lastSeq: number;
  /** More after the last one returned: call again with its seq. */
  more: boolean;
}

export interface PostResult {
  message: MessageDto;
  /** True when the idempotency key had been used: nothing new was written or broadcast. */
  duplicate: boolean;
}

export interface MessageVersionDto {
  body: string;
  handlingCode: HandlingCode;
  replacedAt: string;
  replacedBy: { id: string; name: string };
}

export interface SearchHit {
  message: MessageDto;
  channel: { id: string; kind: ChannelKind; name: string | null; operationId: string | null; operationCode: string | null };
  /** ts_headline of the body: plain text with «…» around matches (never HTML). */
  snippet: string;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Pass back as `cursor` for the next (older) page; null at the end. */
  nextCursor: string | null;
}

export interface DirectoryUser extends ChatUserRef {
  /** The existing direct conversation with this user, if any. */
  directChannelId: string | null;
}
