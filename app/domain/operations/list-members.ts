import type { Actor, ServiceDeps } from "../context";
import { getOperationForActor } from "./access";
import { loadCandidates, loadMembers } from "./views";

/** The members tab: who is in the operation, and for a lead of a writable operation, who could be added. */
export async function listMembers(deps: ServiceDeps, { actor, operationId }: { actor: Actor; operationId: string }) {
  const access = await getOperationForActor(deps.db, operationId, actor, deps.now());
  const canManage = access.memberRole === "lead" && access.readOnlyReason === null;
  return {
    members: await loadMembers(deps.db, access.operation.id),
    canManage,
    candidates: canManage ? await loadCandidates(deps.db, access.operation.id) : [],
  };
}
