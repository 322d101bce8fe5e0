import { asc, gt } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { auditLog } from "../../../db/schema/index";
import { GENESIS_HASH, chainHash } from "./chain";
import type { WitnessEntry } from "./witness";

export type ChainReport =
  | { intact: true; rows: number; lastId: number | null; witnessed: number }
  | {
      intact: false;
      rows: number;
      firstBadId: number;
      /**
       * altered: a row's content no longer matches its hash; deleted_or_inserted: a row
       * does not follow the one before it; truncated: a witnessed row is gone (the newest
       * rows were deleted); rewritten: a witnessed row is there with another hash (the
       * chain was recomputed from some row on).
       */
      problem: "altered" | "deleted_or_inserted" | "truncated" | "rewritten";
      detail: string;
    };

/**
 * Walks the whole chain in id order and reports the first row that breaks it; with
 * witness entries (copies of earlier heads kept outside the database), also that each
 * witnessed row is still there with the same hash.
 */
export async function verifyAuditChain(db: Db, { witness = [], batchSize = 5000 }: { witness?: WitnessEntry[]; batchSize?: number } = {}): Promise<ChainReport> {
  const witnessed = new Map(witness.map((w) => [w.id, w]));
  const met = new Set<number>();
  let prevHash = GENESIS_HASH;
  let prevId: number | null = null;
  let rows = 0;
  let cursor = 0;
  for (;;) {
    const batch = await db.select().from(auditLog).where(gt(auditLog.id, cursor)).orderBy(asc(auditLog.id)).limit(batchSize);
    if (batch.length === 0) break;
    for (const row of batch) {
      rows++;
      if (row.prevHash !== prevHash) {
        return {
          intact: false,
          rows,
          firstBadId: row.id,
          problem: "deleted_or_inserted",
          detail:
            prevId === null
              ? `row ${row.id} does not start the chain`
              : `row ${row.id} does not follow row ${prevId}: a row was deleted or inserted between them`,
        };
      }
      const expected = chainHash(prevHash, {
        id: row.id,
        at: row.at,
        actorId: row.actorId,
        actorLabel: row.actorLabel,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        operationId: row.operationId,
        outcome: row.outcome,
        ip: row.ip,
        details: row.details,
      });
      if (expected !== row.hash) {
        return { intact: false, rows, firstBadId: row.id, problem: "altered", detail: `row ${row.id} was altered after it was written` };
      }
      const seen = witnessed.get(row.id);
      if (seen) met.add(row.id);
      if (seen && seen.hash !== row.hash) {
        return {
          intact: false,
          rows,
          firstBadId: row.id,
          problem: "rewritten",
          detail: `row ${row.id} has another hash than the one witnessed at ${seen.at}: the chain was recomputed from this row or an earlier one`,
        };
      }
      prevHash = row.hash;
      prevId = row.id;
    }
    cursor = batch[batch.length - 1]!.id;
  }
  // a witnessed row the walk never met was deleted, with everything after it at the time
  // (rows appended since chain to what was left, so the chain alone looks intact)
  const missing = witness.filter((w) => !met.has(w.id)).sort((a, b) => a.id - b.id)[0];
  if (missing) {
    return {
      intact: false,
      rows,
      firstBadId: missing.id,
      problem: "truncated",
      detail: `row ${missing.id}, witnessed at ${missing.at}, is missing: the newest rows of the log at that time were deleted`,
    };
  }
  return { intact: true, rows, lastId: prevId, witnessed: witness.length };
}
