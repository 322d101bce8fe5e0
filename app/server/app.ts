// Builds the whole process once: db -> migrations -> services -> express -> socket.io -> remix.
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { pino, type Logger } from "pino";
import { pinoHttp } from "pino-http";
import { createDb, dbConfigFromEnv, type DbHandle } from "../../db/client";
import { defaultConfig, type AppConfig } from "../domain/context";
import { createEventBus } from "../domain/events";
import { witnessChainHead } from "../domain/audit/witness";
import { startBulkWorker } from "../domain/deconfliction/bulk/worker";
import { createServices, type Services } from "../domain/services";
import type { Env } from "../utils/env.server";
import type { AppLoadContext } from "./load-context";
import { createApiRouter } from "./api/router";
import { originCheck, websocketOrigin } from "./origin";
import { seedDemoIfEmpty, type SeedReport } from "./seed";
import { attachSocketServer, type SocketServer } from "./socket/server";

const QUIET_PATHS = /^\/(?:build\/|favicon\.|healthz(?:$|\?)|readyz(?:$|\?))/;

export interface RunningApp {
  url: string;
  port: number;
  http: HttpServer;
  io: SocketServer;
  dbHandle: DbHandle;
  services: Services;
  logger: Logger;
  seed: SeedReport | null;
  /** Stops accepting, lets in-flight requests finish, closes sockets and the pool. */
  stop(): Promise<void>;
}

export interface StartOptions {
  env: Env;
  /** Use this database instead of the one the environment names (tests). */
  dbHandle?: DbHandle;
  logger?: Logger;
  now?: () => Date;
  buildPath?: string;
  /** Seed the demo office into an empty database (default: on PGlite, or with SEED_DEMO=1). */
  seed?: boolean;
}

export function configFromEnv(env: Env): AppConfig {
  return {
    ...defaultConfig,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: env.SESSION_ABSOLUTE_HOURS,
    secureCookies: env.PUBLIC_ORIGIN?.startsWith("https:") ?? false,
    publicOrigin: env.PUBLIC_ORIGIN ?? null,
    deconflictionSecret: env.DECONFLICTION_SECRET,
    mapTileUrl: env.MAP_TILE_URL ?? null,
    mapAttribution: env.MAP_ATTRIBUTION ?? null,
    auditWitnessFile: env.AUDIT_WITNESS_FILE ?? null,
  };
}

/** The tile server's origin for the CSP's img-src: a {s} subdomain template becomes a wildcard. */
export function tileOrigin(tileUrl: string | null | undefined): string | null {
  if (!tileUrl) return null;
  const m = /^(https?):\/\/([^/]+)/.exec(tileUrl);
  if (!m) return null;
  const host = m[2]!.replace(/\{s\}/g, "*");
  return /^[\w.*:-]+$/.test(host) ? `${m[1]}://${host}` : null;
}

export async function startApp(opts: StartOptions): Promise<RunningApp> {
  const { env } = opts;
  const logger = opts.logger ?? pino({ level: env.LOG_LEVEL, base: { app: "concordia" } });
  const dbHandle = opts.dbHandle ?? (await createDb(dbConfigFromEnv(env)));
  await dbHandle.migrate();

  const config = configFromEnv(env);
  if (!config.deconflictionSecret) {
    logger.warn(
      env.NODE_ENV === "production"
        ? "DECONFLICTION_SECRET is not set: target registration and checks are refused until it is"
        : "DECONFLICTION_SECRET is not set: using a random key for this process only; digests stored now will not match after a restart",
    );
  }
  const events = createEventBus((err) => logger.error({ err }, "event listener failed"));
  const services = createServices({ db: dbHandle.db, events, now: opts.now ?? (() => new Date()), config });
  // Unacknowledged deconfliction hits go to the office leads; each hit once, so several processes may run it.
  const escalation = setInterval(() => {
    services.deconfliction.escalateOverdueHits().catch((err: unknown) => logger.error({ err }, "deconfliction escalation failed"));
  }, 5 * 60_000);
  escalation.unref();
  // Bulk CSV checks: one at a time in this process, claimed from the table so several processes share them.
  const bulkWorker = startBulkWorker(services.deps, { onError: (err) => logger.error({ err }, "bulk check failed") });
  // Assignees of cards due within 24 hours are reminded once per due date; the dedupe key makes concurrent runs harmless.
  const dueSoon = setInterval(() => {
    services.boards.notifyDueSoon().catch((err: unknown) => logger.error({ err }, "due-soon reminders failed"));
  }, env.DUE_SOON_INTERVAL_MS);
  dueSoon.unref();
  // The audit chain's head is copied to the witness file, if one is configured (an entry only when it moved).
  const witnessFile = config.auditWitnessFile;
  const witness = witnessFile
    ? setInterval(() => {
        witnessChainHead(dbHandle.db, witnessFile, new Date()).catch((err: unknown) => logger.error({ err }, "audit witness failed"));
      }, env.AUDIT_WITNESS_INTERVAL_MS)
    : null;
  witness?.unref();

  const shouldSeed = opts.seed ?? (dbHandle.kind === "pglite" || env.SEED_DEMO);
  const seed = shouldSeed ? await seedDemoIfEmpty(services.deps) : null;

  const buildPath = opts.buildPath ?? path.resolve("build/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

  // set when stop() begins: readiness turns 503 and responses close their connection
  let draining = false;
  const originPolicy = { publicOrigin: config.publicOrigin, trustProxy: env.TRUST_PROXY };

  const app = express();
  app.disable("x-powered-by");
  if (env.TRUST_PROXY) app.set("trust proxy", 1);

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers["x-request-id"];
        const id = typeof incoming === "string" && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader("X-Request-Id", id);
        return id;
      },
      // probes and static files would drown the log; requests to pages and actions are what an operator reads
      autoLogging: { ignore: (req) => QUIET_PATHS.test(req.url ?? "") },
      // No headers (the Cookie is a live session) and no query string (searches carry
      // phone numbers and names): the log must not become a copy of case data.
      serializers: {
        req: (req: { id: string; method: string; url: string; remoteAddress?: string; headers?: Record<string, string> }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split("?")[0],
          remoteAddress: req.remoteAddress,
          userAgent: req.headers?.["user-agent"],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );

  // Probes need no session: /healthz says the process is up, /readyz that it can serve
  // (database reachable, not shutting down), so a load balancer stops sending work first.
  app.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  });
  // browsers ask for /favicon.ico whatever the page links
  app.get("/favicon.ico", (_req, res) => {
    res.redirect(301, "/favicon.svg");
  });
  app.get("/readyz", async (_req, res) => {
    res.set("Cache-Control", "no-store");
    if (draining) return void res.status(503).json({ status: "shutting_down" });
    const ok = await dbHandle.ping();
    res.status(ok ? 200 : 503).json({ status: ok ? "ready" : "database_unreachable" });
  });

  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:", "blob:", ...(tileOrigin(config.mapTileUrl) ? [tileOrigin(config.mapTileUrl)!] : [])],
          // the live channel's own websocket only ('self' does not cover ws: in every browser)
          "connect-src": ["'self'", (req) => websocketOrigin(req as IncomingMessage, originPolicy) ?? "'self'"],
          "frame-ancestors": ["'none'"],
          "form-action": ["'self'"],
          "upgrade-insecure-requests": config.secureCookies ? [] : null,
        },
      },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: config.secureCookies,
    }),
  );
  // the fastest level: pages are rendered per request, and level 6 costs a large page tens of ms for a few % of bytes
  app.use(compression({ level: 1 }));
  // before the Origin check and Remix: token-authenticated JSON that never reads a cookie
  app.use(
    "/api/v1",
    createApiRouter({ services, logger, rateLimit: { requests: env.API_RATE_LIMIT_REQUESTS, windowSeconds: env.API_RATE_LIMIT_WINDOW_SECONDS } }),
  );
  app.use(originCheck(originPolicy));

  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: env.NODE_ENV === "development" ? "development" : "production",
      getLoadContext: (req, res): AppLoadContext => ({
        services,
        cspNonce: res.locals.cspNonce as string,
        requestId: String((req as unknown as { id: string }).id),
        ip: req.ip ?? null,
        logger: (req as unknown as { log: Logger }).log ?? logger,
      }),
    }),
  );

  // Responses in flight when stop() begins must finish, then their keep-alive
  // connection must close; otherwise close() waits for the keep-alive timeout.
  // Registered before express so the header is set before any handler can respond.
  const http = createServer();
  // Idle keep-alive connections stay open longer than any client or proxy keeps them
  // (browsers and fetch: about 4 s; load balancers: 60 s), so a client never reuses a
  // connection the server is closing at that moment (a reset request).
  http.keepAliveTimeout = 65_000;
  http.headersTimeout = 66_000;
  const inFlight = new Set<ServerResponse>();
  http.on("request", (_req, res: ServerResponse) => {
    if (draining) res.setHeader("Connection", "close");
    inFlight.add(res);
    res.once("close", () => {
      inFlight.delete(res);
      if (draining) http.closeIdleConnections();
    });
  });
  http.on("request", app);
  const socketServer = attachSocketServer(http, { services, logger, env, dbKind: dbHandle.kind });

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(env.PORT, env.HOST, () => resolve());
  });
  const address = http.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  const url = `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port}`;

  // The order matters: stop accepting; close the sockets (clients reconnect elsewhere);
  // let requests in flight finish (bounded by SHUTDOWN_TIMEOUT_MS); only then close
  // the socket adapter (a finishing request may still broadcast) and the database.
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      clearInterval(escalation);
      clearInterval(dueSoon);
      if (witness) clearInterval(witness);
      logger.info({ inFlight: inFlight.size }, "shutting down: no new connections, finishing requests in flight");
      draining = true;
      const drained = new Promise<void>((resolve) => http.close(() => resolve()));
      for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
      http.closeIdleConnections();
      socketServer.closeConnections();
      const timer = setTimeout(() => {
        logger.warn({ inFlight: inFlight.size }, "shutdown timeout: closing the connections still open");
        http.closeAllConnections();
      }, env.SHUTDOWN_TIMEOUT_MS);
      await drained;
      clearTimeout(timer);
      await socketServer.shutdown();
      // a run stops after its current batch; another process (or the next start) resumes it
      await bulkWorker.stop();
      if (witnessFile) await witnessChainHead(dbHandle.db, witnessFile, new Date()).catch((err: unknown) => logger.error({ err }, "audit witness failed"));
      await dbHandle.close();
      logger.info("stopped");
    })());

  return { url, port, http, io: socketServer, dbHandle, services, logger, seed, stop };
}
