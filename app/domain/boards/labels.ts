import { and, eq, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { boardLabels } from "../../../db/schema/index";

/** Is another label of the board already called this (case-insensitively)? */
export async function labelNameTaken(db: DbOrTx, operationId: string, name: string, exceptId: string | null): Promise<boolean> {
  const rows = await db
    .select({ id: boardLabels.id })
    .from(boardLabels)
    .where(and(eq(boardLabels.operationId, operationId), sql`lower(${boardLabels.name}) = lower(${name})`, exceptId ? ne(boardLabels.id, exceptId) : undefined))
    .limit(1);
  return rows.length > 0;
}
