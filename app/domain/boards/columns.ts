import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { boardColumns } from "../../../db/schema/index";

/** Is another active column of the board already called this (case-insensitively)? */
export async function columnNameTaken(db: DbOrTx, operationId: string, name: string, exceptId: string | null): Promise<boolean> {
  const rows = await db
    .select({ id: boardColumns.id })
    .from(boardColumns)
    .where(
      and(
        eq(boardColumns.operationId, operationId),
        isNull(boardColumns.archivedAt),
        sql`lower(${boardColumns.name}) = lower(${name})`,
        exceptId ? ne(boardColumns.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** The board's active columns in order. */
export async function activeColumns(db: DbOrTx, operationId: string) {
  return db
    .select()
    .from(boardColumns)
    .where(and(eq(boardColumns.operationId, operationId), isNull(boardColumns.archivedAt)))
    .orderBy(boardColumns.position, boardColumns.createdAt);
}
