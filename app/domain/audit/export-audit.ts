import { and, desc, lt, type SQL } from "drizzle-orm";
import { auditLog } from "../../../db/schema/index";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Forbidden } from "../errors";
import { parseInput } from "../validation";
import { csvLine } from "./csv";
import { canReadOfficeLog, filterConditions, filtersForAudit, readerTimeZone, viewRows } from "./query-audit";
import { recordAudit } from "./record-audit";
import { AUDIT_EXPORT_MAX, auditFilterSchema } from "./schemas";

const BATCH = 5000;

export const AUDIT_CSV_HEADER = [
  "id",
  "time_utc",
  "actor_id",
  "actor",
  "action",
  "outcome",
  "target_type",
  "target_id",
  "operation_ref",
  "operation",
  "ip",
  "details",
] as const;

/**
 * The office's log under the reader's current filter as CSV, newest first, at
 * most AUDIT_EXPORT_MAX rows. Times are UTC; the need-to-know of the screen applies.
 */
export async function exportAudit(deps: ServiceDeps, { actor, input, timeZone }: { actor: Actor; input: unknown; timeZone?: string | null }) {
  if (!canReadOfficeLog(actor)) throw Forbidden();
  const filter = parseInput(auditFilterSchema, input);
  const zone = readerTimeZone(timeZone);
  const where = filterConditions(filter, zone, null);

  // "\uFEFF" lets spreadsheet programs read the UTF-8 names (Greek, Serbian, Albanian) correctly.
  const lines = [`\uFEFF${csvLine([...AUDIT_CSV_HEADER])}`];
  let count = 0;
  let truncated = false;
  let cursor: number | null = null;
  while (count < AUDIT_EXPORT_MAX) {
    const cond: SQL[] = cursor === null ? where : [...where, lt(auditLog.id, cursor)];
    const take = Math.min(BATCH, AUDIT_EXPORT_MAX - count);
    const batch = await deps.db
      .select()
      .from(auditLog)
      .where(cond.length ? and(...cond) : undefined)
      .orderBy(desc(auditLog.id))
      .limit(take + 1);
    const rows = await viewRows(deps.db, actor, batch.slice(0, take));
    for (const r of rows) {
      lines.push(
        csvLine([
          r.id,
          r.at,
          r.actorId,
          r.actorLabel,
          r.action,
          r.outcome,
          r.targetType,
          r.targetId,
          r.operation?.ref,
          r.operation?.codeName,
          r.ip,
          r.details === null ? "[withheld: operation content]" : r.details,
        ])
      );
    }
    count += rows.length;
    if (batch.length <= take) break;
    if (count >= AUDIT_EXPORT_MAX) truncated = true;
    cursor = rows[rows.length - 1]!.id;
  }

  await withTransaction(deps, (tx) =>
    recordAudit(tx, actor, deps.now(), {
      action: "audit.exported",
      details: { format: "csv", rows: count, truncated, filters: filtersForAudit(filter, zone) },
    })
  );
  const stamp = deps.now().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return { csv: `${lines.join("\r\n")}\r\n`, rows: count, truncated, filename: `concordia-audit-${stamp}Z.csv` };
}
