import { asc, gt } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { auditLog } from "../../../db/schema/index";
import { GENESIS_HASH, chainHash } from "./chain";

export type ChainReport =
  | { intact: true; rows: number; lastId: number | null }
  | {
      intact: false;
      rows: number;
      firstBadId: number;
      problem: "altered" | "deleted_or_inserted";
      detail: string;
    };

/** Walks the whole chain in id order and reports the first row that breaks it. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<ChainReport> {
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
      prevHash = row.hash;
      prevId = row.id;
    }
    cursor = batch[batch.length - 1]!.id;
  }
  return { intact: true, rows, lastId: prevId };
}
