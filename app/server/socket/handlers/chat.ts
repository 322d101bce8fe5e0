// Chat over the socket: thin handlers over services.chat, rooms joined only after a
// readership check in the database, and the domain's chat events turned into room
// broadcasts (which the postgres adapter carries to the other processes).
import { actorFor, loadCurrentUser, type CurrentUser } from "../../../domain/auth/current-user";
import { channelIdSchema, deleteMessageSchema, editMessageSchema, markReadSchema, postMessageSchema, syncSchema, toggleReactionSchema } from "../../../domain/chat/schemas";
import type { Actor } from "../../../domain/context";
import { Unauthenticated } from "../../../domain/errors";
import type { DomainEvent } from "../../../domain/events";
import type { MessageDto } from "../../../domain/chat/types";
import { channelRoom, chatWatchSchema, userRoom, type ServerToClientEvents } from "../protocol";
import type { SocketRateLimiter } from "../rate-limit";
import { handle, type HandlerContext, type IoSocket } from "./handle";

/** Posts per socket: at most this many in any one-second window. */
export const CHAT_POSTS_PER_SECOND = 10;

/**
 * A sliding one-second window per socket: "10 per second" exactly, so the eleventh post
 * within a second is refused however the burst is spread (a token bucket would refill
 * part of a token meanwhile and let it through).
 */
export function createPostLimiter(perSecond = CHAT_POSTS_PER_SECOND, clock: () => number = () => performance.now()): SocketRateLimiter {
  const windows = new WeakMap<object, number[]>();
  return {
    take(owner: object): boolean {
      const now = clock();
      const recent = (windows.get(owner) ?? []).filter((at) => now - at < 1000);
      if (recent.length >= perSecond) {
        windows.set(owner, recent);
        return false;
      }
      recent.push(now);
      windows.set(owner, recent);
      return true;
    },
  };
}

interface ChatLimiters {
  rooms: SocketRateLimiter;
  posts: SocketRateLimiter;
  typing: SocketRateLimiter;
  edits: SocketRateLimiter;
}

export function registerChatHandlers(ctx: HandlerContext, socket: IoSocket, limiters: ChatLimiters) {
  const { services } = ctx;
  const chat = services.chat;

  // the user is loaded afresh for every event: a disabled account or changed role counts at once
  const actorNow = async (): Promise<{ actor: Actor; name: string }> => {
    const user = await loadCurrentUser(services.deps.db, socket.data.userId);
    if (!user) throw Unauthenticated();
    socket.data.account = user;
    return { actor: actorFor(user, socket.handshake.address), name: user.name };
  };

  handle(ctx, socket, "chat:join", { schema: channelIdSchema, limiter: limiters.rooms }, async ({ channelId }) => {
    const { actor } = await actorNow();
    // a non-reader gets NotFound, exactly like an unknown id; the room name is ours, never the client's
    await chat.channelAccess({ actor, channelId });
    const room = channelRoom(channelId);
    await socket.join(room);
    // Removed between the check and the join, the removal's socketsLeave found nothing to
    // take out: check again now that the socket is in, and leave if it lost access.
    try {
      const { lastSeq } = await chat.channelAccess({ actor, channelId });
      return { channelId, lastSeq };
    } catch (err) {
      await socket.leave(room);
      throw err;
    }
  });

  handle(ctx, socket, "chat:leave", { schema: channelIdSchema, limiter: limiters.rooms }, async ({ channelId }) => {
    await socket.leave(channelRoom(channelId));
  });

  handle(ctx, socket, "chat:watch", { schema: chatWatchSchema, limiter: limiters.rooms }, async () => {
    const { actor } = await actorNow();
    const channels = await chat.readableChannelIds({ actor });
    await socket.join(channels.map((c) => channelRoom(c.channelId)));
    // the same race as chat:join: whatever is no longer readable is left again
    const still = new Set((await chat.readableChannelIds({ actor })).map((c) => c.channelId));
    const lost = channels.filter((c) => !still.has(c.channelId));
    for (const c of lost) await socket.leave(channelRoom(c.channelId));
    return { channels: channels.filter((c) => still.has(c.channelId)) };
  });

  // the limit is checked before parsing and before the database: a refused post costs nothing and is never written
  handle(ctx, socket, "chat:post", { schema: postMessageSchema, limiter: limiters.posts }, async (input) => {
    // the account as last loaded: the post checks it in its own statement (post-message.ts)
    const account = socket.data.account;
    if (account) {
      const reloaded = (fresh: CurrentUser) => void (socket.data.account = fresh);
      return chat.postMessage({ actor: actorFor(account, socket.handshake.address), input, account, reloaded });
    }
    const { actor } = await actorNow();
    return chat.postMessage({ actor, input });
  });

  handle(ctx, socket, "chat:edit", { schema: editMessageSchema, limiter: limiters.edits }, async (input) => {
    const { actor } = await actorNow();
    const { message } = await chat.editMessage({ actor, input });
    return { message };
  });

  handle(ctx, socket, "chat:delete", { schema: deleteMessageSchema, limiter: limiters.edits }, async (input) => {
    const { actor } = await actorNow();
    const { message } = await chat.deleteMessage({ actor, input });
    return { message };
  });

  handle(ctx, socket, "chat:react", { schema: toggleReactionSchema, limiter: limiters.edits }, async (input) => {
    const { actor } = await actorNow();
    const { message } = await chat.toggleReaction({ actor, input });
    return { message };
  });

  handle(ctx, socket, "chat:typing", { schema: channelIdSchema, limiter: limiters.typing }, async ({ channelId }) => {
    const { actor, name } = await actorNow();
    const { canPost } = await chat.channelAccess({ actor, channelId });
    if (!canPost) return;
    socket.to(channelRoom(channelId)).emit("chat:typing", { channelId, userId: actor.id!, userName: name });
  });

  handle(ctx, socket, "chat:read", { schema: markReadSchema, limiter: limiters.edits }, async (input) => {
    const { actor } = await actorNow();
    return chat.markRead({ actor, input });
  });

  handle(ctx, socket, "chat:sync", { schema: syncSchema, limiter: limiters.edits }, async (input) => {
    const { actor } = await actorNow();
    return chat.syncMessages({ actor, input });
  });
}

type Emitter = {
  to(room: string | string[]): { emit<E extends keyof ServerToClientEvents>(ev: E, ...args: Parameters<ServerToClientEvents[E]>): boolean };
  in(room: string | string[]): { socketsLeave(room: string | string[]): void };
};

/**
 * A room's new messages go out as one `chat:message` event per broadcast: the first at once
 * (on the next turn of the event loop), and while a broadcast is being written to the room's
 * sockets (a slice per turn, sliced-broadcast.ts), those that arrive wait and go together in
 * the next. The next broadcast starts once the previous one is written and CHAT_BROADCAST_GAP_MS
 * has passed, and never sooner than CHAT_BROADCAST_MIN_INTERVAL_MS after the previous one
 * started. So the batches grow with the load instead of a queue of broadcasts, a message
 * waits for at most one broadcast ahead of it, and the gap keeps the event loop free for
 * posts and acks between broadcasts (docs/decisions/016).
 */
export const CHAT_BROADCAST_GAP_MS = 10;
export const CHAT_BROADCAST_MIN_INTERVAL_MS = 25;

interface RoomFeed {
  /** Messages waiting to go out, or null when none. */
  queue: MessageDto[] | null;
}

/** Resolves once every broadcast emitted so far has been written to this process's sockets. */
export type Written = () => Promise<void>;
const writtenAtOnce: Written = () => Promise.resolve();

/** Per emitter (io server), per room: the messages waiting, while a room's broadcasts are paced. */
const feeds = new WeakMap<object, Map<string, RoomFeed>>();

function feedsOf(io: Emitter): Map<string, RoomFeed> {
  let rooms = feeds.get(io);
  if (!rooms) feeds.set(io, (rooms = new Map()));
  return rooms;
}

/** Emits what the room has waiting, if anything. */
function emitWaiting(io: Emitter, room: string, feed: RoomFeed): boolean {
  if (!feed.queue) return false;
  // seq order: a channel's posts commit in seq order, but their publishes may interleave
  const batch = feed.queue.sort((x, y) => x.seq - y.seq);
  feed.queue = null;
  io.to(room).emit("chat:message", ...batch);
  return true;
}

/** After a broadcast: the next one when it is due, or the room's pacing ends. */
function pace(io: Emitter, rooms: Map<string, RoomFeed>, room: string, feed: RoomFeed, written: Written) {
  const startedAt = performance.now();
  void written().then(() => {
    const wait = Math.max(CHAT_BROADCAST_GAP_MS, startedAt + CHAT_BROADCAST_MIN_INTERVAL_MS - performance.now());
    const timer = setTimeout(() => {
      if (emitWaiting(io, room, feed)) pace(io, rooms, room, feed, written);
      else rooms.delete(room);
    }, wait);
    timer.unref?.();
  });
}

/**
 * The chat part of the event bridge. Message broadcasts wait at least for the next turn of
 * the event loop: the service publishes right after commit, before the poster's ack is
 * written, and the poster should hear "stored" before anyone hears the message. Then they
 * are paced per room (above); an update of a message goes out after whatever that room still
 * has waiting, so nobody sees an edit before the message.
 */
export function chatBroadcast(io: Emitter, event: DomainEvent, written: Written = writtenAtOnce): boolean {
  switch (event.name) {
    case "chat.message_posted": {
      const { channelId, message } = event.payload;
      const room = channelRoom(channelId);
      const rooms = feedsOf(io);
      const waiting = rooms.get(room);
      if (waiting) {
        // a broadcast is due on the next turn, or one is being written: this one goes with the next
        (waiting.queue ??= []).push(message);
        return true;
      }
      const feed: RoomFeed = { queue: [message] };
      rooms.set(room, feed);
      setImmediate(() => {
        emitWaiting(io, room, feed);
        pace(io, rooms, room, feed, written);
      });
      return true;
    }
    case "chat.message_updated": {
      const { channelId, message } = event.payload;
      const room = channelRoom(channelId);
      setImmediate(() => {
        const feed = feedsOf(io).get(room);
        if (feed) emitWaiting(io, room, feed);
        io.to(room).emit("chat:message_updated", message);
      });
      return true;
    }
    case "chat.channel_changed": {
      const { channelIds, userIds, removedUserIds } = event.payload;
      const rooms = channelIds.map(channelRoom);
      // at once, on every process: the next broadcast to these rooms must not reach them
      if (removedUserIds.length > 0) io.in(removedUserIds.map(userRoom)).socketsLeave(rooms);
      for (const userId of removedUserIds) for (const channelId of channelIds) io.to(userRoom(userId)).emit("chat:access_revoked", { channelId });
      if (userIds.length > 0) io.to(userIds.map(userRoom)).emit("chat:channels_changed", { channelIds });
      return true;
    }
    case "chat.read_marked": {
      const { channelId, userId, seq } = event.payload;
      io.to(userRoom(userId)).emit("chat:read", { channelId, seq });
      return true;
    }
    default:
      return false;
  }
}
