import { asc, eq, or } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { hits } from "../../../db/schema/index";
import { hitViews } from "./hits";

/**
 * The hits one of the reader's own targets took part in, oldest first, each seen
 * from the reader's side. The caller has checked membership of the target's operation.
 */
export async function hitsOfTarget(db: DbOrTx, userId: string, targetId: string) {
  const rows = await db
    .select()
    .from(hits)
    .where(or(eq(hits.aTargetId, targetId), eq(hits.bTargetId, targetId)))
    .orderBy(asc(hits.createdAt), asc(hits.id));
  return hitViews(db, userId, rows);
}
