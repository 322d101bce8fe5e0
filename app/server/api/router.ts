// /api/v1: JSON for national systems, authenticated by API tokens. Mounted before
// the Origin check and before Remix; it never reads a cookie, so a browser's
// session cannot be ridden into it.
import express, { type NextFunction, type Request, type Response } from "express";
import type { Logger } from "pino";
import type { ApiCaller } from "../../domain/integration/authenticate-api-token";
import { bearerToken, prefixOf } from "../../domain/integration/tokens";
import type { Services } from "../../domain/services";
import { ApiError, fromDomainError, sendError } from "./errors";
import { buildOpenApiDocument } from "./openapi";
import { createRateLimiter } from "./rate-limit";
import { API_ROUTES } from "./routes";

export interface ApiRouterOptions {
  services: Services;
  logger: Logger;
  rateLimit: { requests: number; windowSeconds: number };
  /** express.json's limit, e.g. "1mb" */
  bodyLimit?: string;
}

type Locals = { caller?: ApiCaller };

const asyncHandler = (fn: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) => {
  fn(req, res).catch(next);
};

export function createApiRouter({ services, logger, rateLimit, bodyLimit = "1mb" }: ApiRouterOptions) {
  const router = express.Router({ strict: false, caseSensitive: true });
  const limiter = createRateLimiter(rateLimit);
  const document = JSON.stringify(buildOpenApiDocument({ rateLimit, bodyLimit }));

  router.get("/openapi.json", (_req, res) => {
    res.set("Cache-Control", "public, max-age=300").type("application/json").send(document);
  });

  /** Who calls: every other path needs a working token, within its rate. False when refused (answered). */
  async function admit(req: Request, res: Response): Promise<boolean> {
    let caller: ApiCaller;
    try {
      caller = await services.integration.authenticateToken({ authorization: req.get("authorization"), ip: req.ip ?? null });
    } catch (err) {
      if (fromDomainError(err)?.code !== "unauthenticated") throw err;
      // the prefix names a token without revealing it; the rest of the header never reaches the log
      const shaped = bearerToken(req.get("authorization"));
      ((req as Request & { log?: Logger }).log ?? logger).warn({ tokenPrefix: shaped ? prefixOf(shaped) : null }, "integration API: token refused");
      res.set("WWW-Authenticate", 'Bearer realm="concordia-api"');
      sendError(res, new ApiError("unauthenticated"));
      return false;
    }
    const decision = limiter.take(caller.token.id);
    if (!decision.ok) {
      res.set("Retry-After", String(decision.retryAfterSeconds));
      sendError(res, new ApiError("rate_limited"));
      return false;
    }
    res.set("RateLimit-Remaining", String(decision.remaining));
    (res.locals as Locals).caller = caller;
    return true;
  }
  router.use((req: Request, res: Response, next: NextFunction) => {
    admit(req, res).then((go) => (go ? next() : undefined), next);
  });

  router.use(express.json({ limit: bodyLimit, strict: true, type: ["application/json", "application/*+json"] }));

  for (const route of API_ROUTES) {
    router[route.method](
      route.path,
      asyncHandler(async (req, res) => {
        const caller = (res.locals as Locals).caller!;
        if (!caller.token.scopes.includes(route.scope)) throw new ApiError("forbidden", `This token lacks the '${route.scope}' scope.`);
        if (route.body && !req.is(["application/json", "application/*+json"])) {
          throw new ApiError("invalid", "Send a JSON body with 'Content-Type: application/json'.", { _body: ["validation.required"] });
        }
        const r = await route.handle(services, caller, { params: req.params as Record<string, string>, query: req.query as Record<string, unknown>, body: req.body });
        res.status(r.status).set("Cache-Control", "no-store").json(r.body);
      }),
    );
  }

  router.use((_req: Request, res: Response) => sendError(res, new ApiError("not_found", "No such endpoint: see /api/v1/openapi.json.")));

  // four parameters: that is how express tells an error handler from a middleware
  router.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return void res.end();
    if (err instanceof ApiError) return sendError(res, err);
    const mapped = fromDomainError(err);
    if (mapped) return sendError(res, mapped);
    const bodyError = err as { type?: string; status?: number };
    if (bodyError.type === "entity.parse.failed") return sendError(res, new ApiError("invalid", "The body is not valid JSON.", { _body: ["validation.invalid"] }));
    if (bodyError.type === "entity.too.large") return sendError(res, new ApiError("invalid", `The body is larger than ${bodyLimit}.`, undefined, 413));
    if (typeof bodyError.status === "number" && bodyError.status >= 400 && bodyError.status < 500) {
      return sendError(res, new ApiError("invalid", "The body could not be read.", { _body: ["validation.invalid"] }));
    }
    ((req as Request & { log?: Logger }).log ?? logger).error({ err }, "integration API request failed");
    sendError(res, new ApiError("internal"));
  });

  return router;
}
