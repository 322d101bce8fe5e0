import type { NextFunction, Request, Response } from "express";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origin this server answers as: PUBLIC_ORIGIN, or the request's own scheme and host. */
export function expectedOrigin(publicOrigin: string | null, protocol: string, host: string | undefined): string | null {
  if (publicOrigin) return new URL(publicOrigin).origin;
  return host ? `${protocol}://${host}` : null;
}

/**
 * Refuses every state-changing request whose Origin is not ours (CSRF defence in
 * depth beside SameSite=Lax). Token-authenticated API calls carry no cookie and
 * are exempt: a browser cannot forge them.
 */
export function originCheck(publicOrigin: string | null) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE.has(req.method)) return next();
    const isTokenApi = req.path.startsWith("/api/") && /^Bearer /i.test(req.get("authorization") ?? "") && !req.get("cookie");
    if (isTokenApi) return next();
    const expected = expectedOrigin(publicOrigin, req.protocol, req.get("host"));
    if (expected && req.get("origin") === expected) return next();
    res.status(403).type("text/plain").send("Forbidden: this request did not come from a Concordia page (Origin mismatch).");
  };
}
