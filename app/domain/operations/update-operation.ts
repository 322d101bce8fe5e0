import { and, eq, inArray } from "drizzle-orm";
import { agencies, operationAgencies, operations } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Invalid } from "../errors";
import { parseInput } from "../validation";
import { assertCanChangeContent, getOperationForActor } from "./access";
import { diff } from "./changes";
import { updateOperationSchema } from "./schemas";
import { assertVersion, codeNameTaken, isUniqueViolation, loadOperationDetails, lockOperation, type OperationDetails } from "./views";

const CODE_NAME_TAKEN = { codeName: ["operations:errors.code_name_taken"] };

/**
 * A lead edits the operation's details. The form carries the version it was
 * opened at; if someone saved in between, Conflict("stale_version") carries the
 * current values so nobody silently overwrites another's change.
 */
export async function updateOperation(
  deps: ServiceDeps,
  { actor, operationId, input }: { actor: Actor; operationId: string; input: unknown },
): Promise<OperationDetails> {
  assertCanChangeContent(await getOperationForActor(deps.db, operationId, actor, deps.now()), { leadOnly: true });
  const data = parseInput(updateOperationSchema, input);
  const now = deps.now();
  try {
    return await withTransaction(deps, async (tx, emit) => {
      const row = await lockOperation(tx, operationId);
      // Checked again under the lock: the role or the agreement may have changed since.
      assertCanChangeContent(await getOperationForActor(tx, operationId, actor, now), { leadOnly: true });
      await assertVersion(row, data.version, () => loadOperationDetails(tx, row));

      const agencyIds = [...new Set([data.leadAgencyId, ...data.agencyIds])];
      const known = new Set((await tx.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, agencyIds))).map((a) => a.id));
      if (!known.has(data.leadAgencyId)) throw Invalid({ leadAgencyId: ["validation.choose_valid"] });
      if (agencyIds.some((id) => !known.has(id))) throw Invalid({ agencyIds: ["validation.choose_valid"] });
      if (data.codeName.toLowerCase() !== row.codeName.toLowerCase() && (await codeNameTaken(tx, data.codeName, row.id))) throw Invalid(CODE_NAME_TAKEN);

      const currentAgencyIds = (await tx.select({ id: operationAgencies.agencyId }).from(operationAgencies).where(eq(operationAgencies.operationId, row.id))).map(
        (a) => a.id,
      );
      const changes = diff(
        {
          codeName: row.codeName,
          summary: row.summary,
          crimeAreas: row.crimeAreas,
          leadAgencyId: row.leadAgencyId,
          agencyIds: currentAgencyIds,
          jitReference: row.jitReference,
          jitStart: row.jitStart,
          jitEnd: row.jitEnd,
          status: row.status,
        },
        {
          codeName: data.codeName,
          summary: data.summary,
          crimeAreas: data.crimeAreas,
          leadAgencyId: data.leadAgencyId,
          agencyIds,
          jitReference: data.jitReference,
          jitStart: data.jitStart,
          jitEnd: data.jitEnd,
          status: data.status,
        },
      );
      if (Object.keys(changes).length === 0) return loadOperationDetails(tx, row);

      const [updated] = await tx
        .update(operations)
        .set({
          codeName: data.codeName,
          summary: data.summary,
          crimeAreas: data.crimeAreas,
          leadAgencyId: data.leadAgencyId,
          jitReference: data.jitReference,
          jitStart: data.jitStart,
          jitEnd: data.jitEnd,
          status: data.status,
          version: row.version + 1,
          updatedAt: now,
        })
        .where(and(eq(operations.id, row.id), eq(operations.version, data.version)))
        .returning();
      if (changes.agencyIds) {
        await tx.delete(operationAgencies).where(eq(operationAgencies.operationId, row.id));
        await tx.insert(operationAgencies).values(agencyIds.map((agencyId) => ({ operationId: row.id, agencyId })));
      }
      await recordAudit(tx, actor, now, {
        action: "operation.updated",
        targetType: "operation",
        targetId: row.id,
        operationId: row.id,
        details: { changes, version: updated!.version },
      });
      emit({ name: "operation.updated", payload: { operationId: row.id } });
      return loadOperationDetails(tx, updated!);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw Invalid(CODE_NAME_TAKEN);
    throw err;
  }
}
