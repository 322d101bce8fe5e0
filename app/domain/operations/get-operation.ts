import type { Actor, ServiceDeps } from "../context";
import type { MemberRole } from "../vocabulary";
import { getOperationForActor, type OperationAccess } from "./access";
import { loadOperationDetails, type OperationDetails } from "./views";

export interface OperationForMember {
  operation: OperationDetails;
  memberRole: MemberRole;
  readOnlyReason: OperationAccess["readOnlyReason"];
  /** May this member edit the operation's details (a lead, and the operation is not read-only)? */
  canEdit: boolean;
}

/** An operation as its member sees it: header, overview and what they may do. Non-members get NotFound. */
export async function getOperation(deps: ServiceDeps, { actor, operationId }: { actor: Actor; operationId: string }): Promise<OperationForMember> {
  const access = await getOperationForActor(deps.db, operationId, actor, deps.now());
  return {
    operation: await loadOperationDetails(deps.db, access.operation),
    memberRole: access.memberRole,
    readOnlyReason: access.readOnlyReason,
    canEdit: access.memberRole === "lead" && access.readOnlyReason === null,
  };
}
