import { and, eq } from "drizzle-orm";
import { agencies, apiTokens, users } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Forbidden, Invalid } from "../errors";
import { assertAdministrator } from "../office/permissions";
import { parseInput } from "../validation";
import { createApiTokenSchema } from "./schemas";
import { newApiToken } from "./tokens";

const DAY_MS = 86_400_000;

/**
 * Issues a token for one agency's national system. It acts as one of that
 * agency's active accounts, which is the point of contact for what the system
 * registers and limits what it sees. The secret is returned here once.
 */
export async function createApiToken(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }) {
  assertAdministrator(actor);
  // a named administrator answers for every token (created_by): the command line cannot issue one
  if (actor.kind !== "user" || !actor.id) throw Forbidden();
  const createdBy = actor.id;
  const data = parseInput(createApiTokenSchema, input);
  const now = deps.now();
  // the token works through the chosen day (UTC) and stops at its end
  const expiresAt = data.expiresOn ? new Date(Date.parse(`${data.expiresOn}T00:00:00Z`) + DAY_MS) : null;
  if (expiresAt && (Number.isNaN(expiresAt.getTime()) || expiresAt <= now)) throw Invalid({ expiresOn: ["integration:errors.expiry_past"] });

  return withTransaction(deps, async (tx) => {
    const [agency] = await tx.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.id, data.agencyId));
    if (!agency) throw Invalid({ agencyId: ["integration:errors.unknown_agency"] });
    const [acting] = await tx
      .select({ id: users.id, disabledAt: users.disabledAt })
      .from(users)
      .where(and(eq(users.id, data.actingUserId), eq(users.agencyId, agency.id)));
    if (!acting) throw Invalid({ actingUserId: ["integration:errors.acting_user_agency"] });
    if (acting.disabledAt) throw Invalid({ actingUserId: ["integration:errors.acting_user_disabled"] });

    const token = newApiToken();
    const [row] = await tx
      .insert(apiTokens)
      .values({
        agencyId: agency.id,
        name: data.name,
        prefix: token.prefix,
        tokenHash: token.hash,
        scopes: data.scopes,
        actingUserId: acting.id,
        createdBy,
        createdAt: now,
        expiresAt,
      })
      .returning({ id: apiTokens.id });
    await recordAudit(tx, actor, now, {
      action: "api_token.created",
      targetType: "api_token",
      targetId: row!.id,
      details: { prefix: token.prefix, name: data.name, agencyId: agency.id, actingUserId: acting.id, scopes: data.scopes, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { id: row!.id, secret: token.secret, prefix: token.prefix, name: data.name, agencyName: agency.name, scopes: data.scopes, expiresAt: expiresAt?.toISOString() ?? null };
  });
}
