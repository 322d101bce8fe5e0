// Builds the whole process once: db -> migrations -> services -> express -> socket.io -> remix.
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
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
import { createServices, type Services } from "../domain/services";
import type { Env } from "../utils/env.server";
import type { AppLoadContext } from "./load-context";
import { originCheck } from "./origin";
import { seedDemoIfEmpty, type SeedReport } from "./seed";
import { attachSocketServer, type SocketServer } from "./socket/server";

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
  };
}

export async function startApp(opts: StartOptions): Promise<RunningApp> {
  const { env } = opts;
  const logger = opts.logger ?? pino({ level: env.LOG_LEVEL, base: { app: "concordia" } });
  const dbHandle = opts.dbHandle ?? (await createDb(dbConfigFromEnv(env)));
  await dbHandle.migrate();

  const config = configFromEnv(env);
  const events = createEventBus((err) => logger.error({ err }, "event listener failed"));
  const services = createServices({ db: dbHandle.db, events, now: opts.now ?? (() => new Date()), config });

  const shouldSeed = opts.seed ?? (dbHandle.kind === "pglite" || env.SEED_DEMO);
  const seed = shouldSeed ? await seedDemoIfEmpty(services.deps) : null;

  const buildPath = opts.buildPath ?? path.resolve("build/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

  const app = express();
  app.disable("x-powered-by");
  if (env.TRUST_PROXY) app.set("trust proxy", 1);

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const ok = await dbHandle.ping();
    res.status(ok ? 200 : 503).json({ status: ok ? "ready" : "database_unreachable" });
  });

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers["x-request-id"];
        const id = typeof incoming === "string" && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader("X-Request-Id", id);
        return id;
      },
      autoLogging: { ignore: (req) => (req.url ?? "").startsWith("/build/") || req.url === "/favicon.ico" },
    }),
  );
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
          "img-src": ["'self'", "data:", "blob:"],
          "connect-src": ["'self'", "ws:", "wss:"],
          "frame-ancestors": ["'none'"],
          "form-action": ["'self'"],
          "upgrade-insecure-requests": config.secureCookies ? [] : null,
        },
      },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: config.secureCookies,
    }),
  );
  app.use(compression());
  app.use(originCheck(config.publicOrigin));

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

  const http = createServer(app);
  const io = attachSocketServer(http, { services, logger, env, dbKind: dbHandle.kind });

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(env.PORT, env.HOST, () => resolve());
  });
  const address = http.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  const url = `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port}`;

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info("shutting down: no new connections, finishing requests in flight");
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      await io.shutdown();
      const timer = setTimeout(() => http.closeAllConnections(), env.SHUTDOWN_TIMEOUT_MS);
      await closed;
      clearTimeout(timer);
      await dbHandle.close();
      logger.info("stopped");
    })());

  return { url, port, http, io, dbHandle, services, logger, seed, stop };
}
