import { eq } from "drizzle-orm";
import { apiTokens } from "../../../db/schema/index";
import { isUuid } from "../agencies/get-agency";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Conflict, NotFound } from "../errors";
import { assertAdministrator } from "../office/permissions";

/** Stops a token at once: the next request with it is refused. Revoking is final. */
export async function revokeApiToken(deps: ServiceDeps, { actor, tokenId }: { actor: Actor; tokenId: string }) {
  assertAdministrator(actor);
  if (!isUuid(tokenId)) throw NotFound();
  await withTransaction(deps, async (tx) => {
    // row lock: two administrators revoking at once write one audit row, not two
    const [row] = await tx.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).for("update");
    if (!row) throw NotFound();
    if (row.revokedAt) throw Conflict("integration:errors.already_revoked");
    const now = deps.now();
    await tx.update(apiTokens).set({ revokedAt: now, revokedBy: actor.kind === "user" ? actor.id : null }).where(eq(apiTokens.id, tokenId));
    await recordAudit(tx, actor, now, {
      action: "api_token.revoked",
      targetType: "api_token",
      targetId: tokenId,
      details: { prefix: row.prefix, name: row.name, agencyId: row.agencyId },
    });
  });
}
