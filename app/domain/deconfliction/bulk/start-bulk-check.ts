import { eq, sql } from "drizzle-orm";
import { bulkChecks } from "../../../../db/schema/index";
import { recordAudit } from "../../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../../context";
import { Conflict, Invalid } from "../../errors";
import { getOperationForActor } from "../../operations/access";
import { parseInput, z } from "../../validation";
import { normaliseCountry } from "../identifiers/fields";
import { assertMayBulkCheck, awaitingMapping, ownBulkCheck } from "./access";
import { BULK_KINDS } from "./kinds";

const flag = z.preprocess((v) => v === true || v === "1" || v === "on" || v === "true", z.boolean());

export const bulkMappingSchema = z.object({
  hasHeader: flag,
  // column index (as in the file, from 0) -> the kind its cells hold, or "ignore"
  columns: z.record(z.string().regex(/^\d{1,3}$/), z.enum([...BULK_KINDS, "ignore"])).default({}),
  defaultCountry: z
    .string()
    .trim()
    .max(2)
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || normaliseCountry(v) !== undefined, "bulk:errors.country"),
  operationId: z
    .string()
    .optional()
    .transform((v) => v || undefined),
});

/**
 * The mapping step: which column holds which kind, whether the first row names
 * the columns, the country national phone numbers are read in (given, else the
 * chosen operation's lead agency's, else the officer's agency's). Queues the
 * run; the consultation is audited now (counts and kinds, never values).
 */
export async function startBulkCheck(deps: ServiceDeps, { actor, bulkCheckId, input }: { actor: Actor; bulkCheckId: string; input: unknown }) {
  assertMayBulkCheck(actor);
  const check = await ownBulkCheck(deps.db, actor, bulkCheckId);
  const data = parseInput(bulkMappingSchema, input);
  if (!awaitingMapping(check)) throw Conflict("bulk_already_started");
  const [shape] = await deps.db
    .select({ columnCount: sql<number>`(${bulkChecks.mapping}->>'columnCount')::int`, records: sql<number>`jsonb_array_length(${bulkChecks.mapping}->'records')` })
    .from(bulkChecks)
    .where(eq(bulkChecks.id, check.id));
  const columnCount = Number(shape!.columnCount);
  const fields: Record<string, string[]> = {};
  const missing = Object.keys(data.columns).filter((c) => Number(c) >= columnCount);
  if (missing.length) fields.columns = missing.map((c) => `bulk:errors.missing_column|${JSON.stringify({ column: Number(c) + 1, count: columnCount })}`);
  const mapped = Object.entries(data.columns).filter(([c, k]) => k !== "ignore" && Number(c) < columnCount);
  if (mapped.length === 0 && !missing.length) fields.columns = ["bulk:errors.no_column"];
  const total = Number(shape!.records) - (data.hasHeader ? 1 : 0);
  if (total < 1) fields.hasHeader = ["bulk:errors.no_rows"];
  let operationId: string | null = null;
  if (data.operationId) {
    try {
      operationId = (await getOperationForActor(deps.db, data.operationId, actor, deps.now())).operation.id;
    } catch {
      fields.operationId = ["validation.choose_valid"];
    }
  }
  if (Object.keys(fields).length) throw Invalid(fields);
  const columns = Object.fromEntries(mapped);
  const kinds = [...new Set(mapped.map(([, k]) => k))].sort();
  const now = deps.now();
  await withTransaction(deps, async (tx) => {
    // the file stays in the row (merged, not sent back and forth) until the run ends
    const patch = { hasHeader: data.hasHeader, columns, defaultCountry: data.defaultCountry ? normaliseCountry(data.defaultCountry) : null };
    const [row] = await tx
      .update(bulkChecks)
      .set({ mapping: sql`${bulkChecks.mapping} || ${JSON.stringify(patch)}::jsonb`, totalRows: total, operationId, createdAt: check.createdAt })
      .where(sql`${bulkChecks.id} = ${check.id} and ${bulkChecks.status} = 'queued' and ${bulkChecks.totalRows} = 0`)
      .returning({ id: bulkChecks.id });
    if (!row) throw Conflict("bulk_already_started");
    await recordAudit(tx, actor, now, {
      action: "bulk_check.started",
      targetType: "bulk_check",
      targetId: check.id,
      operationId,
      details: { rows: total, columns: mapped.length, kinds, defaultCountry: patch.defaultCountry },
    });
  });
  return { id: check.id, totalRows: total };
}
