// Board presence: who has a card open. Only members hear it, and only a name travels.
import { actorFor, loadCurrentUser } from "../../../domain/auth/current-user";
import { Unauthenticated } from "../../../domain/errors";
import { operationRoom, taskEditingSchema } from "../protocol";
import type { SocketRateLimiter } from "../rate-limit";
import { handle, type HandlerContext, type IoSocket } from "./handle";

export function registerBoardHandlers(ctx: HandlerContext, socket: IoSocket, limiter: SocketRateLimiter) {
  const { services } = ctx;
  handle(ctx, socket, "task:editing", { schema: taskEditingSchema, limiter }, async ({ taskId }) => {
    const user = await loadCurrentUser(services.deps.db, socket.data.userId);
    if (!user) throw Unauthenticated();
    // the card's operation comes from the need-to-know lookup (a guess is NotFound), never from the client
    const { task, canEdit } = await services.boards.getTask({ actor: actorFor(user, socket.handshake.address), input: { taskId } });
    if (!canEdit) return;
    socket.to(operationRoom(task.operationId)).emit("task:editing", { operationId: task.operationId, taskId, userId: user.id, userName: user.name });
  });
}
