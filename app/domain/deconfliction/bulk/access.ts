import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../../db/client";
import { bulkChecks } from "../../../../db/schema/index";
import type { Actor } from "../../context";
import { Forbidden, NotFound } from "../../errors";
import { isUuid } from "../../operations/access";

/** Partners refer victims; they do not query the office's targets, in bulk or otherwise. */
export function assertMayBulkCheck(actor: Actor): asserts actor is Actor & { id: string } {
  if (actor.kind !== "user" || !actor.id) throw Forbidden();
  if (actor.officeRole === "ngo_partner") throw Forbidden();
}

/**
 * A bulk check exists only for the user who ran it: its rows hold the values
 * they checked. Anyone else, an unknown id and a malformed one get the same NotFound.
 */
export async function ownBulkCheck(db: DbOrTx, actor: Actor & { id: string }, id: string) {
  if (!isUuid(id)) throw NotFound();
  const [row] = await db
    .select({
      id: bulkChecks.id,
      userId: bulkChecks.userId,
      operationId: bulkChecks.operationId,
      filename: bulkChecks.filename,
      status: bulkChecks.status,
      totalRows: bulkChecks.totalRows,
      processedRows: bulkChecks.processedRows,
      hitRows: bulkChecks.hitRows,
      invalidRows: bulkChecks.invalidRows,
      error: bulkChecks.error,
      createdAt: bulkChecks.createdAt,
      startedAt: bulkChecks.startedAt,
      finishedAt: bulkChecks.finishedAt,
    })
    .from(bulkChecks)
    .where(and(eq(bulkChecks.id, id), eq(bulkChecks.userId, actor.id)));
  if (!row) throw NotFound();
  return row;
}

/** Uploaded but not yet mapped: queued with no rows counted (the worker claims only counted ones). */
export const awaitingMapping = (r: { status: string; totalRows: number }) => r.status === "queued" && r.totalRows === 0;
