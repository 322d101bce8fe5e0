import { and, eq, or, sql } from "drizzle-orm";
import { hits, targets } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Conflict, NotFound } from "../errors";
import { refuseNgoPartner } from "./list-targets";
import { getOperationForActor, isUuid } from "../operations/access";
import { parseInput, z } from "../validation";
import { lockRegistrations } from "./record-hits";
import { assertMayChangeTarget } from "./update-target";

/**
 * Removes a registration that met nobody. A target with hits stays: hits
 * reference both sides' targets with ON DELETE CASCADE, so deleting it would
 * erase the hit — and its outcome — from the other operation's list too
 * (docs/decisions/008-targets-with-hits-are-kept.md).
 */
export async function deleteTarget(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId: string; input: unknown }) {
  const access = await getOperationForActor(deps.db, operationId, actor, deps.now());
  refuseNgoPartner(actor);
  const { targetId } = parseInput(z.object({ targetId: z.string() }), input);
  if (!isUuid(targetId)) throw NotFound();
  const now = deps.now();
  await withTransaction(deps, async (tx) => {
    // a registration in progress elsewhere could otherwise record a hit on the row being deleted
    await lockRegistrations(tx);
    const [row] = await tx
      .select()
      .from(targets)
      .where(and(eq(targets.id, targetId), eq(targets.operationId, operationId)))
      .for("update");
    if (!row) throw NotFound();
    assertMayChangeTarget(access, actor, row.registeredBy);
    const [used] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(hits)
      .where(or(eq(hits.aTargetId, row.id), eq(hits.bTargetId, row.id)));
    if (Number(used?.n ?? 0) > 0) throw Conflict("target_has_hits", { hits: Number(used!.n) });
    await tx.delete(targets).where(eq(targets.id, row.id));
    await recordAudit(tx, actor, now, {
      action: "target.deleted",
      targetType: "target",
      targetId: row.id,
      operationId,
      details: { kind: row.kind, handlingCode: row.handlingCode },
    });
  });
}
