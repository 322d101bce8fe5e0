// Chat over the socket: thin handlers over services.chat, rooms joined only after a
// readership check in the database, and the domain's chat events turned into room
// broadcasts (which the postgres adapter carries to the other processes).
import { actorFor, loadCurrentUser } from "../../../domain/auth/current-user";
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
    if (account) return chat.postMessage({ actor: actorFor(account, socket.handshake.address), input, account });
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
 * New messages of a room go out at most once per this interval: the first at once (on the
 * next turn of the event loop), those that follow within the interval together at its end,
 * as one `chat:message` event. The fan-out costs one websocket write per socket per event,
 * so under a steady stream the writes are halved or better, for at most this much delay.
 */
export const CHAT_BROADCAST_INTERVAL_MS = 40;

interface RoomFeed {
  /** Messages waiting to go out, or null when none. */
  queue: MessageDto[] | null;
  /** Set while the interval after a broadcast runs. */
  timer: ReturnType<typeof setTimeout> | null;
}

/** Per emitter (io server), per room: the messages waiting and the interval running. */
const feeds = new WeakMap<object, Map<string, RoomFeed>>();

function feedsOf(io: Emitter): Map<string, RoomFeed> {
  let rooms = feeds.get(io);
  if (!rooms) feeds.set(io, (rooms = new Map()));
  return rooms;
}

function flushRoom(io: Emitter, rooms: Map<string, RoomFeed>, room: string) {
  const feed = rooms.get(room);
  if (!feed?.queue) return;
  // seq order: a channel's posts commit in seq order, but their publishes may interleave
  const batch = feed.queue.sort((x, y) => x.seq - y.seq);
  feed.queue = null;
  io.to(room).emit("chat:message", ...batch);
  if (feed.timer) clearTimeout(feed.timer);
  feed.timer = setTimeout(() => {
    feed.timer = null;
    if (feed.queue) flushRoom(io, rooms, room);
    else rooms.delete(room);
  }, CHAT_BROADCAST_INTERVAL_MS);
  feed.timer.unref?.();
}

/**
 * The chat part of the event bridge. Message broadcasts wait at least for the next turn of
 * the event loop: the service publishes right after commit, before the poster's ack is
 * written, and the poster should hear "stored" before anyone hears the message. Then
 * CHAT_BROADCAST_INTERVAL_MS paces them per room; an update of a message goes out after
 * whatever that room still has waiting, so nobody sees an edit before the message.
 */
export function chatBroadcast(io: Emitter, event: DomainEvent): boolean {
  switch (event.name) {
    case "chat.message_posted": {
      const { channelId, message } = event.payload;
      const room = channelRoom(channelId);
      const rooms = feedsOf(io);
      const feed = rooms.get(room);
      if (feed) {
        // a broadcast is due on the next turn, or the interval runs: this one goes with the next
        (feed.queue ??= []).push(message);
        return true;
      }
      rooms.set(room, { queue: [message], timer: null });
      setImmediate(() => flushRoom(io, rooms, room));
      return true;
    }
    case "chat.message_updated": {
      const { channelId, message } = event.payload;
      const room = channelRoom(channelId);
      setImmediate(() => {
        flushRoom(io, feedsOf(io), room);
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
