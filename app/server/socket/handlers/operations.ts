// Operation rooms: a socket hears an operation's broadcasts only after the server
// has checked membership, the same need-to-know query every page uses.
import { actorFor, loadCurrentUser } from "../../../domain/auth/current-user";
import { Unauthenticated } from "../../../domain/errors";
import { getOperationForActor } from "../../../domain/operations/access";
import { operationRoom, operationRoomSchema } from "../protocol";
import type { SocketRateLimiter } from "../rate-limit";
import { handle, type HandlerContext, type IoSocket } from "./handle";

export function registerOperationHandlers(ctx: HandlerContext, socket: IoSocket, rooms: SocketRateLimiter) {
  const { services } = ctx;

  handle(ctx, socket, "operation:join", { schema: operationRoomSchema, limiter: rooms }, async ({ operationId }) => {
    // the user is loaded afresh: a role or an account changed since the handshake counts now
    const user = await loadCurrentUser(services.deps.db, socket.data.userId);
    // disabled since the handshake: refused now, and the session sweep disconnects the socket
    if (!user) throw Unauthenticated();
    // a non-member gets NotFound, exactly like a missing id; the room name is ours, never the client's
    const actor = actorFor(user, socket.handshake.address);
    const room = operationRoom(operationId);
    await getOperationForActor(services.deps.db, operationId, actor, services.deps.now());
    await socket.join(room);
    // Removed between the check and the join, the member's removal event found no socket
    // in the room to take out: check again now that it is in, and leave if it lost access.
    try {
      await getOperationForActor(services.deps.db, operationId, actor, services.deps.now());
    } catch (err) {
      await socket.leave(room);
      throw err;
    }
    return { operationId };
  });

  handle(ctx, socket, "operation:leave", { schema: operationRoomSchema, limiter: rooms }, async ({ operationId }) => {
    await socket.leave(operationRoom(operationId));
  });
}
