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
    await getOperationForActor(services.deps.db, operationId, actorFor(user, socket.handshake.address), services.deps.now());
    await socket.join(operationRoom(operationId));
    return { operationId };
  });

  handle(ctx, socket, "operation:leave", { schema: operationRoomSchema, limiter: rooms }, async ({ operationId }) => {
    await socket.leave(operationRoom(operationId));
  });
}
