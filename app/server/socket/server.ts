import type { Server as HttpServer } from "node:http";
import type { Logger } from "pino";
import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import { Server, type Socket } from "socket.io";
import { actorFor, loadCurrentUser } from "../../domain/auth/current-user";
import { isDomainError } from "../../domain/errors";
import { getOperationForActor } from "../../domain/operations/access";
import type { Services } from "../../domain/services";
import { parseInput } from "../../domain/validation";
import type { Env } from "../../utils/env.server";
import { expectedOrigin } from "../origin";
import {
  operationRoom,
  operationRoomSchema,
  sessionRoom,
  userRoom,
  type Ack,
  type ClientToServerEvents,
  type InterServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from "./protocol";

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface SocketServer {
  io: IoServer;
  shutdown(): Promise<void>;
}

/** Turns a thrown error into an error ack; never lets a handler crash the process. */
export function ackError(ack: Ack<never> | undefined, err: unknown, logger: Logger) {
  if (isDomainError(err)) return ack?.({ ok: false, code: err.code, fields: err.fields });
  logger.error({ err }, "socket handler failed");
  ack?.({ ok: false, code: "internal" });
}

export function attachSocketServer(
  http: HttpServer,
  { services, logger, env, dbKind }: { services: Services; logger: Logger; env: Env; dbKind: "pglite" | "postgres" },
): SocketServer {
  const publicOrigin = env.PUBLIC_ORIGIN ?? null;
  const io: IoServer = new Server(http, {
    serveClient: false,
    // Origin is checked on the handshake: a page of another site cannot open a socket with our cookie.
    allowRequest: (req, callback) => {
      const forwarded = req.headers["x-forwarded-proto"];
      const proto = env.TRUST_PROXY && typeof forwarded === "string" ? forwarded.split(",")[0]!.trim() : "http";
      const expected = expectedOrigin(publicOrigin, proto, req.headers.host);
      callback(null, !!expected && req.headers.origin === expected);
    },
  });

  let pool: pg.Pool | null = null;
  if (dbKind === "postgres" && env.DATABASE_URL) {
    // Several app processes on one database share broadcasts through LISTEN/NOTIFY.
    // The adapter is written for node-postgres, so it gets its own small pool.
    pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 4 });
    pool.on("error", (err) => logger.warn({ err }, "socket.io adapter pool error"));
    io.adapter(createAdapter(pool, { errorHandler: (err) => logger.warn({ err }, "socket.io adapter error") }));
  }

  io.use(async (socket, next) => {
    try {
      const auth = await services.auth.authenticate(socket.handshake.headers.cookie ?? null);
      if (!auth || !auth.session.twoFactorVerified) return next(new Error("unauthenticated"));
      socket.data.userId = auth.user.id;
      socket.data.sessionId = auth.session.id;
      next();
    } catch (err) {
      logger.error({ err }, "socket handshake failed");
      next(new Error("unauthenticated"));
    }
  });

  io.on("connection", (socket: IoSocket) => {
    void socket.join([userRoom(socket.data.userId), sessionRoom(socket.data.sessionId)]);

    socket.on("operation:join", async (payload, ack) => {
      try {
        const { operationId } = parseInput(operationRoomSchema, payload);
        const user = await loadCurrentUser(services.deps.db, socket.data.userId);
        if (!user) return void socket.disconnect(true);
        // the room comes from the server after the membership check, never from the client
        await getOperationForActor(services.deps.db, operationId, actorFor(user, socket.handshake.address), services.deps.now());
        await socket.join(operationRoom(operationId));
        ack?.({ ok: true, data: { operationId } });
      } catch (err) {
        ackError(ack, err, logger);
      }
    });

    socket.on("operation:leave", async (payload, ack) => {
      try {
        const { operationId } = parseInput(operationRoomSchema, payload);
        await socket.leave(operationRoom(operationId));
        ack?.({ ok: true });
      } catch (err) {
        ackError(ack, err, logger);
      }
    });
  });

  const unsubscribe = services.deps.events.subscribe((event) => {
    switch (event.name) {
      case "session.ended":
        io.in(sessionRoom(event.payload.sessionId)).disconnectSockets(true);
        break;
      case "user.sessions_revoked":
        io.in(userRoom(event.payload.userId)).disconnectSockets(true);
        break;
      case "operation.updated":
        io.to(operationRoom(event.payload.operationId)).emit("operation:updated", event.payload);
        break;
      case "operation.membership_changed":
        if (event.payload.removed) {
          io.in(userRoom(event.payload.userId)).socketsLeave(operationRoom(event.payload.operationId));
          io.to(userRoom(event.payload.userId)).emit("operation:access_revoked", { operationId: event.payload.operationId });
        }
        break;
    }
  });

  // Sessions also end by expiry or in another process: re-check live sockets' sessions often.
  const sweep = setInterval(async () => {
    try {
      const local = [...io.of("/").sockets.values()];
      if (local.length === 0) return;
      const alive = await services.auth.aliveSessions([...new Set(local.map((s) => s.data.sessionId))]);
      for (const s of local) if (!alive.has(s.data.sessionId)) s.disconnect(true);
    } catch (err) {
      logger.warn({ err }, "session sweep failed");
    }
  }, env.SESSION_SWEEP_MS);
  sweep.unref();

  return {
    io,
    async shutdown() {
      clearInterval(sweep);
      unsubscribe();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await pool?.end();
    },
  };
}
