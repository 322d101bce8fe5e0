import { inArray } from "drizzle-orm";
import { agencies, operationAgencies, operationMembers, operations } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Forbidden, Invalid } from "../errors";
import { parseInput } from "../validation";
import { createGeneralChannel } from "../chat/general-channel";
import { canCreateOperation, createOperationSchema } from "./schemas";
import { codeNameTaken, isUniqueViolation } from "./views";

const CODE_NAME_TAKEN = { codeName: ["operations:errors.code_name_taken"] };

/** Opens a new operation; its creator becomes its first lead. */
export async function createOperation(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }): Promise<{ id: string }> {
  if (actor.kind !== "user" || !actor.id || !canCreateOperation(actor.officeRole)) throw Forbidden();
  const creatorId = actor.id;
  const data = parseInput(createOperationSchema, input);
  const agencyIds = [...new Set([data.leadAgencyId, ...data.agencyIds])];
  const now = deps.now();
  try {
    return await withTransaction(deps, async (tx) => {
      const known = await tx.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, agencyIds));
      const knownIds = new Set(known.map((a) => a.id));
      if (!knownIds.has(data.leadAgencyId)) throw Invalid({ leadAgencyId: ["validation.choose_valid"] });
      if (agencyIds.some((id) => !knownIds.has(id))) throw Invalid({ agencyIds: ["validation.choose_valid"] });
      if (await codeNameTaken(tx, data.codeName)) throw Invalid(CODE_NAME_TAKEN);

      const [op] = await tx
        .insert(operations)
        .values({
          codeName: data.codeName,
          summary: data.summary,
          crimeAreas: data.crimeAreas,
          leadAgencyId: data.leadAgencyId,
          jitReference: data.jitReference,
          jitStart: data.jitStart,
          jitEnd: data.jitEnd,
          status: data.status,
          createdBy: creatorId,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: operations.id });
      const id = op!.id;
      await tx.insert(operationAgencies).values(agencyIds.map((agencyId) => ({ operationId: id, agencyId })));
      await tx.insert(operationMembers).values({ operationId: id, userId: creatorId, role: "lead", addedAt: now, addedBy: creatorId });

      await recordAudit(tx, actor, now, {
        action: "operation.created",
        targetType: "operation",
        targetId: id,
        operationId: id,
        details: {
          codeName: data.codeName,
          status: data.status,
          crimeAreas: data.crimeAreas,
          leadAgencyId: data.leadAgencyId,
          agencyIds,
          jitReference: data.jitReference,
          jitStart: data.jitStart,
          jitEnd: data.jitEnd,
        },
      });
      await recordAudit(tx, actor, now, {
        action: "operation.member_added",
        targetType: "user",
        targetId: creatorId,
        operationId: id,
        details: { role: "lead" },
      });
      await createGeneralChannel(tx, actor, id, now);
      return { id };
    });
  } catch (err) {
    // Two creators racing for one code name: the unique index decides, the loser gets the field error.
    if (isUniqueViolation(err)) throw Invalid(CODE_NAME_TAKEN);
    throw err;
  }
}
