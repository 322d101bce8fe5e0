// Presence: online while a socket is connected, away when every socket of the user says
// so (the client sends away after 5 minutes idle), offline when the last one closes.
// Computed from the user's sockets on every process (fetchSockets through the adapter),
// and told only to the sockets that watch that user.
import type { PresenceStatus } from "../../../domain/chat/types";
import { presenceSetSchema, presenceWatchSchema } from "../../../domain/chat/schemas";
import { presenceRoom, userRoom } from "../protocol";
import type { SocketRateLimiter } from "../rate-limit";
import { handle, type HandlerContext, type IoSocket } from "./handle";

interface RemoteLike {
  data: { userId: string; presence?: "online" | "away" };
}

interface PresenceIo {
  in(room: string | string[]): { fetchSockets(): Promise<RemoteLike[]> };
  to(room: string): { emit(ev: "presence", payload: { userId: string; status: PresenceStatus }): boolean };
}

export function statusOf(sockets: RemoteLike[]): PresenceStatus {
  if (sockets.length === 0) return "offline";
  return sockets.some((s) => (s.data.presence ?? "online") === "online") ? "online" : "away";
}

export function createPresence(io: PresenceIo, onError: (err: unknown) => void) {
  // one recomputation at a time per user on this process, so its announcements keep their order
  const chains = new Map<string, Promise<void>>();

  function announce(userId: string): Promise<void> {
    const run = async () => {
      try {
        const sockets = await io.in(userRoom(userId)).fetchSockets();
        io.to(presenceRoom(userId)).emit("presence", { userId, status: statusOf(sockets) });
      } catch (err) {
        onError(err);
      }
    };
    const next = (chains.get(userId) ?? Promise.resolve()).then(run);
    chains.set(userId, next);
    void next.finally(() => {
      if (chains.get(userId) === next) chains.delete(userId);
    });
    return next;
  }

  async function statuses(userIds: string[]): Promise<Record<string, PresenceStatus>> {
    const out: Record<string, PresenceStatus> = Object.fromEntries(userIds.map((id) => [id, "offline" as PresenceStatus]));
    if (userIds.length === 0) return out;
    const sockets = await io.in(userIds.map(userRoom)).fetchSockets();
    const byUser = new Map<string, RemoteLike[]>();
    for (const s of sockets) byUser.set(s.data.userId, [...(byUser.get(s.data.userId) ?? []), s]);
    for (const id of userIds) out[id] = statusOf(byUser.get(id) ?? []);
    return out;
  }

  function register(ctx: HandlerContext, socket: IoSocket, limiter: SocketRateLimiter) {
    socket.data.presence = "online";
    void announce(socket.data.userId);
    socket.on("disconnect", () => void announce(socket.data.userId));

    handle(ctx, socket, "presence:set", { schema: presenceSetSchema, limiter }, async ({ status }) => {
      if (socket.data.presence === status) return;
      socket.data.presence = status;
      await announce(socket.data.userId);
    });

    let watching: string[] = [];
    handle(ctx, socket, "presence:watch", { schema: presenceWatchSchema, limiter }, async ({ userIds }) => {
      // presence is office-wide, like the directory: anyone signed in may watch anyone
      for (const id of watching) if (!userIds.includes(id)) await socket.leave(presenceRoom(id));
      await socket.join(userIds.map(presenceRoom));
      watching = userIds;
      return { statuses: await statuses(userIds) };
    });
  }

  return { register, announce, statuses };
}
