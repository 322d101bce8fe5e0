import { and, asc, desc, eq, gt, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { agencies, apiTokens, users } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { assertAdministrator } from "../office/permissions";
import { parseInput } from "../validation";
import { listApiTokensSchema } from "./schemas";
import type { ApiTokenScope, ApiTokenState } from "./vocabulary";

export interface ApiTokenListItem {
  id: string;
  prefix: string;
  name: string;
  agencyId: string;
  agencyName: string;
  agencyCountry: string;
  scopes: ApiTokenScope[];
  actingUser: { id: string; name: string; email: string; disabled: boolean };
  createdByName: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedByName: string | null;
  state: ApiTokenState;
}

export function tokenState(row: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): ApiTokenState {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt <= now) return "expired";
  return "active";
}

/** Every token (never its secret or digest): working ones first, newest first. */
export async function listApiTokens(deps: ServiceDeps, { actor, input }: { actor: Actor; input?: unknown }) {
  assertAdministrator(actor);
  const f = parseInput(listApiTokensSchema, input ?? {});
  const now = deps.now();
  const acting = alias(users, "acting");
  const creator = alias(users, "creator");
  const revoker = alias(users, "revoker");
  const conditions: SQL[] = [];
  if (f.agency) conditions.push(eq(apiTokens.agencyId, f.agency));
  if (f.state === "revoked") conditions.push(isNotNull(apiTokens.revokedAt));
  if (f.state === "expired") conditions.push(and(isNull(apiTokens.revokedAt), lte(apiTokens.expiresAt, now))!);
  if (f.state === "active") conditions.push(and(isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)))!);
  const rows = await deps.db
    .select({
      id: apiTokens.id,
      prefix: apiTokens.prefix,
      name: apiTokens.name,
      agencyId: apiTokens.agencyId,
      agencyName: agencies.name,
      agencyCountry: agencies.country,
      scopes: apiTokens.scopes,
      actingId: acting.id,
      actingName: acting.name,
      actingEmail: acting.email,
      actingDisabledAt: acting.disabledAt,
      createdByName: creator.name,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      revokedByName: revoker.name,
    })
    .from(apiTokens)
    .innerJoin(agencies, eq(agencies.id, apiTokens.agencyId))
    .innerJoin(acting, eq(acting.id, apiTokens.actingUserId))
    .innerJoin(creator, eq(creator.id, apiTokens.createdBy))
    .leftJoin(revoker, eq(revoker.id, apiTokens.revokedBy))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(sql`(${apiTokens.revokedAt} is not null)`, desc(apiTokens.createdAt), asc(apiTokens.id));
  const items: ApiTokenListItem[] = rows.map((r) => ({
    id: r.id,
    prefix: r.prefix,
    name: r.name,
    agencyId: r.agencyId,
    agencyName: r.agencyName,
    agencyCountry: r.agencyCountry,
    scopes: r.scopes as ApiTokenScope[],
    actingUser: { id: r.actingId, name: r.actingName, email: r.actingEmail, disabled: r.actingDisabledAt !== null },
    createdByName: r.createdByName,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    revokedByName: r.revokedByName ?? null,
    state: tokenState(r, now),
  }));
  return { items, filters: f };
}
