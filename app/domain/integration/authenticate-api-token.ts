import { and, eq, isNull, lt, or } from "drizzle-orm";
import { apiTokens } from "../../../db/schema/index";
import { actorFor, loadCurrentUser } from "../auth/current-user";
import type { Actor, ServiceDeps } from "../context";
import { Unauthenticated } from "../errors";
import { bearerToken, hashApiToken, sameDigest } from "./tokens";
import type { ApiTokenScope } from "./vocabulary";

// last_used_at is a hint for administrators, not a log: one write a minute per token is enough
const TOUCH_EVERY_MS = 60_000;

export interface ApiCaller {
  actor: Actor;
  token: { id: string; prefix: string; agencyId: string; scopes: ApiTokenScope[] };
}

/**
 * Resolves an `Authorization` header to the token's acting user. One answer for
 * every refusal (malformed, unknown, revoked, expired, acting account disabled or
 * moved to another agency), so the answer does not tell which tokens exist.
 */
export async function authenticateApiToken(deps: ServiceDeps, { authorization, ip }: { authorization: string | null | undefined; ip: string | null }): Promise<ApiCaller> {
  const secret = bearerToken(authorization);
  if (!secret) throw Unauthenticated();
  const digest = hashApiToken(secret);
  // the lookup is by the digest's unique index: a secret nobody chose cannot be found by timing it
  const [row] = await deps.db.select().from(apiTokens).where(eq(apiTokens.tokenHash, digest));
  if (!row || !sameDigest(row.tokenHash, digest)) throw Unauthenticated();
  const now = deps.now();
  if (row.revokedAt || (row.expiresAt && row.expiresAt <= now)) throw Unauthenticated();
  const user = await loadCurrentUser(deps.db, row.actingUserId);
  if (!user || user.agencyId !== row.agencyId) throw Unauthenticated();

  await deps.db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - TOUCH_EVERY_MS)))));

  return {
    actor: { ...actorFor(user, ip), via: { kind: "api", tokenId: row.id, tokenPrefix: row.prefix } },
    token: { id: row.id, prefix: row.prefix, agencyId: row.agencyId, scopes: row.scopes as ApiTokenScope[] },
  };
}
