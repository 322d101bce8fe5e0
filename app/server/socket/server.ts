// socket.io on the app's http server: authenticated handshake, rooms joined only
// after a membership check, domain events turned into room broadcasts, and
// sessions that end (sign-out, disabled account, expiry) taking their sockets with them.
import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import type { Logger } from "pino";
import { Server } from "socket.io";
import { Invalid, RateLimited } from "../../domain/errors";
import type { Services } from "../../domain/services";
import type { Env } from "../../utils/env.server";
import { isSameOrigin } from "../origin";
import { ackError, splitAck, type IoSocket } from "./handlers/handle";
import { registerBoardHandlers } from "./handlers/boards";
import { registerOperationHandlers } from "./handlers/operations";
import { chatBroadcast, createPostLimiter, registerChatHandlers } from "./handlers/chat";
import { createPresence } from "./handlers/presence";
import {
  HANDSHAKE_REFUSED,
  operationRoom,
  sessionRoom,
  userRoom,
  type ClientToServerEvents,
  type InterServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from "./protocol";
import { createSocketRateLimiter, SOCKET_LIMITS } from "./rate-limit";
import { sliceBroadcasts } from "./sliced-broadcast";

export { ackError } from "./handlers/handle";
export type { IoSocket } from "./handlers/handle";
export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface SocketServer {
  io: IoServer;
  /**
   * Closes every client connection and refuses new ones. Clients see a transport
   * close, not a server disconnect, so they reconnect (to another process, or to
   * this one once it is back) and re-join their rooms. Idempotent.
   */
  closeConnections(): void;
  /**
   * Then, once the http server has drained: stops the sweep and the event bridge,
   * closes the adapter and its pool. Not io.close(): that would close the http
   * server a second time, which app.ts owns. Idempotent.
   */
  shutdown(): Promise<void>;
}

export interface SocketServerOptions {
  services: Services;
  logger: Logger;
  env: Env;
  dbKind: "pglite" | "postgres";
}

export function attachSocketServer(http: HttpServer, { services, logger, env, dbKind }: SocketServerOptions): SocketServer {
  const log = logger.child({ component: "socket" });
  const originPolicy = { publicOrigin: env.PUBLIC_ORIGIN ?? null, trustProxy: env.TRUST_PROXY };
  let closing = false;

  const io: IoServer = new Server(http, {
    serveClient: false,
    // the client uses websocket only (docs/decisions/002): no long-polling, so no sticky sessions
    transports: ["websocket"],
    // chat messages are small; a megabyte frame is only ever an attack
    maxHttpBufferSize: 256 * 1024,
    // Origin is checked on the handshake: a page of another site cannot open a socket with our cookie.
    allowRequest: (req, callback) => {
      if (closing) return callback("shutting down", false);
      const ok = isSameOrigin(req, originPolicy);
      if (!ok) log.warn({ origin: req.headers.origin ?? null }, "socket handshake refused: Origin mismatch");
      callback(ok ? null : "origin", ok);
    },
  });

  let pool: pg.Pool | null = null;
  if (dbKind === "postgres" && env.DATABASE_URL) {
    // Several app processes on one database share broadcasts through LISTEN/NOTIFY
    // (payloads over 8 kB go through the socket_io_attachments table, migration 0002).
    // The adapter is written for node-postgres, so it gets its own small pool.
    pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 4 });
    pool.on("error", (err) => log.warn({ err }, "socket.io adapter pool error"));
    io.adapter(createAdapter(pool, { errorHandler: (err) => log.warn({ err }, "socket.io adapter error") }));
  }
  // after io.adapter(): the namespace's adapter is the one that broadcasts
  const broadcasts = sliceBroadcasts(io.of("/").adapter, { onError: (err) => log.warn({ err }, "broadcast write failed") });

  io.use(async (socket, next) => {
    try {
      const auth = await services.auth.authenticate(socket.handshake.headers.cookie ?? null);
      // half-signed-in (second factor pending) or not yet enrolled where the office requires it:
      // the portal's pages are closed to them, so is the socket
      if (!auth || !auth.session.twoFactorVerified || auth.user.mustEnrolTotp) return next(new Error(HANDSHAKE_REFUSED));
      socket.data.userId = auth.user.id;
      socket.data.sessionId = auth.session.id;
      socket.data.account = auth.user;
      next();
    } catch (err) {
      log.error({ err }, "socket handshake failed");
      next(new Error(HANDSHAKE_REFUSED));
    }
  });

  const anyEvent = createSocketRateLimiter(SOCKET_LIMITS.anyEvent);
  const rooms = createSocketRateLimiter(SOCKET_LIMITS.rooms);
  const ctx = { services, logger: log };
  const chatLimiters = {
    rooms: createSocketRateLimiter(SOCKET_LIMITS.chatRooms),
    posts: createPostLimiter(),
    typing: createSocketRateLimiter(SOCKET_LIMITS.chatTyping),
    edits: createSocketRateLimiter(SOCKET_LIMITS.chatEdits),
  };
  const presence = createPresence(io, (err) => log.warn({ err }, "presence update failed"));

  io.on("connection", (socket: IoSocket) => {
    void socket.join([userRoom(socket.data.userId), sessionRoom(socket.data.sessionId)]);

    // before any handler: a flood is refused whatever the event, and an event nobody
    // handles gets an answer instead of leaving the client's ack waiting forever
    socket.use(([event, ...args], next) => {
      const { ack } = splitAck(args);
      if (!anyEvent.take(socket)) return ackError(ack, RateLimited(), log);
      if (socket.listeners(event as keyof ClientToServerEvents).length === 0) {
        return ackError(ack, Invalid({ event: ["validation.invalid"] }), log);
      }
      next();
    });

    registerOperationHandlers(ctx, socket, rooms);
    registerBoardHandlers(ctx, socket, rooms);
    registerChatHandlers(ctx, socket, chatLimiters);
    presence.register(ctx, socket, chatLimiters.edits);

    socket.on("error", (err) => log.warn({ err }, "socket error"));
  });

  const unsubscribe = services.deps.events.subscribe((event) => {
    if (chatBroadcast(io, event, broadcasts.written)) return;
    switch (event.name) {
      case "session.ended":
        io.in(sessionRoom(event.payload.sessionId)).disconnectSockets(true);
        break;
      case "user.sessions_revoked":
        io.in(userRoom(event.payload.userId)).disconnectSockets(true);
        break;
      case "operation.updated":
        io.to(operationRoom(event.payload.operationId)).emit("operation:updated", { operationId: event.payload.operationId });
        break;
      case "board.changed": {
        const { operationId, change, taskId, columnId, version } = event.payload;
        io.to(operationRoom(operationId)).emit("board:changed", { operationId, change, taskId, columnId, version });
        break;
      }
      case "notification.created":
        for (const userId of event.payload.userIds) io.to(userRoom(userId)).emit("notification:new");
        break;
      case "deconfliction.hit":
        // the two officers' own rooms only: an operation room would tell its other members
        for (const userId of event.payload.userIds) io.to(userRoom(userId)).emit("deconfliction:hit", { hitId: event.payload.hitId });
        break;
      case "operation.membership_changed":
        if (event.payload.removed) {
          io.in(userRoom(event.payload.userId)).socketsLeave(operationRoom(event.payload.operationId));
          io.to(userRoom(event.payload.userId)).emit("operation:access_revoked", { operationId: event.payload.operationId });
        }
        break;
    }
  });

  // Sessions also end by expiry, by a row deleted or an account disabled in the
  // database, or in another process whose broadcast was missed: re-check the live
  // sockets' sessions often. sessions.alive is read-only, so an open tab does not
  // keep its session from going idle.
  let sweeping = false;
  const sweep = setInterval(async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      const local = [...io.of("/").sockets.values()];
      if (local.length === 0) return;
      const alive = await services.auth.aliveSessions([...new Set(local.map((s) => s.data.sessionId))]);
      for (const s of local) if (!alive.has(s.data.sessionId)) s.disconnect(true);
    } catch (err) {
      log.warn({ err }, "session sweep failed");
    } finally {
      sweeping = false;
    }
  }, env.SESSION_SWEEP_MS);
  sweep.unref();

  const closeConnections = () => {
    if (closing) return;
    closing = true;
    clearInterval(sweep);
    io.engine.close();
  };

  let shuttingDown: Promise<void> | null = null;
  return {
    io,
    closeConnections,
    shutdown: () =>
      (shuttingDown ??= (async () => {
        closeConnections();
        unsubscribe();
        await io.of("/").adapter.close();
        await pool?.end().catch((err) => log.warn({ err }, "socket.io adapter pool did not close cleanly"));
      })()),
  };
}
