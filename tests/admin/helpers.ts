// Shared by the administration tests: the last audit row of an action, row counts.
import { and, count, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditLog } from "../../db/schema/index";

export async function lastAudit(db: Db, action: string, targetId?: string) {
  const rows = await db
    .select()
    .from(auditLog)
    .where(targetId ? and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)) : eq(auditLog.action, action))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return rows[0];
}

export async function auditCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditLog);
  return Number(row!.n);
}
