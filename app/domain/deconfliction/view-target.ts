import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { getTarget } from "./list-targets";
import { hitsOfTarget } from "./target-hits";
import { targetVersion } from "./target-version";

/**
 * A target's detail page: the registration, its version for the edit form and
 * its hits. Reading it is a consultation and is logged, like opening an
 * operation: investigators must be able to tell who looked at whom.
 */
export async function viewTarget(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId: string; input: unknown }) {
  const target = await getTarget(deps, { actor, operationId, input });
  const targetHits = await hitsOfTarget(deps.db, actor.id!, target.id);
  await withTransaction(deps, async (tx) => {
    await recordAudit(tx, actor, deps.now(), { action: "target.viewed", targetType: "target", targetId: target.id, operationId, details: { kind: target.kind } });
  });
  return { target: { ...target, version: targetVersion(target) }, hits: targetHits };
}
