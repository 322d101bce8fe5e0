import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { NextFunction, Request, Response } from "express";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export interface OriginPolicy {
  /** PUBLIC_ORIGIN: the one origin the portal answers as, when it is known. */
  publicOrigin: string | null;
  /** Behind a trusted proxy the scheme comes from X-Forwarded-Proto. */
  trustProxy: boolean;
}

/** The origin this server answers as: PUBLIC_ORIGIN, or the request's own scheme and host. */
export function expectedOrigin(publicOrigin: string | null, protocol: string, host: string | undefined): string | null {
  if (publicOrigin) return new URL(publicOrigin).origin;
  return host ? `${protocol}://${host}` : null;
}

function requestProtocol(req: IncomingMessage, trustProxy: boolean): string {
  const own = (req.socket as { encrypted?: boolean }).encrypted ? "https" : "http";
  if (!trustProxy) return own;
  const forwarded = req.headers["x-forwarded-proto"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim().toLowerCase();
  return first === "https" || first === "http" ? first : own;
}

/**
 * Does this request come from one of our own pages? Used for every state-changing
 * HTTP request and for the WebSocket handshake, so the two cannot drift apart.
 * A missing Origin is a refusal: every browser sends one on both.
 */
export function isSameOrigin(req: IncomingMessage, policy: OriginPolicy): boolean {
  const origin = (req.headers as IncomingHttpHeaders).origin;
  const expected = expectedOrigin(policy.publicOrigin, requestProtocol(req, policy.trustProxy), req.headers.host);
  return !!expected && typeof origin === "string" && origin === expected;
}

/**
 * Our own websocket origin (ws://host or wss://host) for the CSP's connect-src, or
 * null if the Host header is not a plain host name: it ends up in a response header.
 */
export function websocketOrigin(req: IncomingMessage, policy: OriginPolicy): string | null {
  const expected = expectedOrigin(policy.publicOrigin, requestProtocol(req, policy.trustProxy), req.headers.host);
  if (!expected) return null;
  let url: URL;
  try {
    url = new URL(expected);
  } catch {
    return null;
  }
  if (!/^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])$/.test(url.hostname)) return null;
  return `${url.protocol === "https:" ? "wss:" : "ws:"}//${url.host}`;
}

/**
 * Refuses every state-changing request whose Origin is not ours (CSRF defence in
 * depth beside SameSite=Lax). Token-authenticated API calls carry no cookie and
 * are exempt: a browser cannot forge them.
 */
export function originCheck(policy: OriginPolicy) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE.has(req.method)) return next();
    const isTokenApi = req.path.startsWith("/api/") && /^Bearer /i.test(req.get("authorization") ?? "") && !req.get("cookie");
    if (isTokenApi) return next();
    if (isSameOrigin(req, policy)) return next();
    req.log?.warn({ origin: req.get("origin") ?? null }, "refused: Origin mismatch");
    res.status(403).type("text/plain").send("Forbidden: this request did not come from a Concordia page (Origin mismatch).");
  };
}
