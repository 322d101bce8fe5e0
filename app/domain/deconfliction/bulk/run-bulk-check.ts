// The run of a bulk check, in the app process: claimed from the table so that
// several processes share the queue, resumed by any of them when the one
// running it stops reporting progress (docs/decisions/012-bulk-checks-in-process.md).
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../../db/client";
import { bulkCheckRows, bulkChecks } from "../../../../db/schema/index";
import { actorFor, loadCurrentUser } from "../../auth/current-user";
import { recordAudit, rowsOf } from "../../audit/record-audit";
import { systemActor, type ServiceDeps } from "../../context";
import { agencyCountry, operationCountry } from "../contacts";
import { findTargetMatchesMany } from "../match-targets";
import { prepareIdentifier, type IndexKey } from "../prepare";
import { deconflictionSecret } from "../secret";
import { MAX_CELL_LENGTH } from "./limits";
import { cellInput, type BulkKind } from "./kinds";
import type { BulkMapping } from "./upload-bulk-check";

/** Rows per transaction: one lookup query and one commit for each (fewer, larger batches cost less per row). */
export const BULK_BATCH_ROWS = 2000;
/** A run whose process reported no progress for this long is taken over by another. */
export const BULK_STALE_MS = 2 * 60_000;

export interface RunOptions {
  batchRows?: number;
  staleMs?: number;
  /** asked between batches: true leaves the run for another process (or this one after a restart) */
  shouldStop?: () => boolean;
}

type RowEntry = typeof bulkCheckRows.$inferInsert;

/** The reason code of a refused cell, from the identifier modules' "deconfliction:errors.<code>" keys. */
function reasonOf(fields: Record<string, string[]>): string {
  const key = Object.values(fields)[0]?.[0] ?? "invalid";
  const code = key.split("|")[0]!.split(".").pop() ?? "invalid";
  return /^[a-z0-9_]+$/.test(code) ? code : "invalid";
}

async function claim(deps: ServiceDeps, staleMs: number) {
  const now = deps.now();
  const cutoff = new Date(now.getTime() - staleMs);
  // skip locked: two processes claiming at once take different checks instead of waiting on each other
  const result = await deps.db.execute(sql`
    update bulk_checks set status = 'running', started_at = ${now.toISOString()}::timestamptz
    where id = (
      select id from bulk_checks
      where (status = 'queued' and total_rows > 0) or (status = 'running' and started_at < ${cutoff.toISOString()}::timestamptz)
      order by created_at, id
      limit 1
      for update skip locked)
    returning id, user_id, operation_id, processed_rows, total_rows`);
  return rowsOf<{ id: string; user_id: string; operation_id: string | null; processed_rows: number; total_rows: number }>(result)[0] ?? null;
}

/**
 * Claims the oldest waiting bulk check (or one abandoned by a stopped process)
 * and runs it to the end, a batch of rows per transaction: each batch's hit and
 * invalid rows and the progress counters commit together, so a run taken over
 * resumes after the last committed batch. Creates no hits and tells no one.
 * Returns null when there was nothing to do.
 */
export async function runNextBulkCheck(deps: ServiceDeps, opts: RunOptions = {}) {
  const batchRows = opts.batchRows ?? BULK_BATCH_ROWS;
  const job = await claim(deps, opts.staleMs ?? BULK_STALE_MS);
  if (!job) return null;
  try {
    return await run(deps, job, batchRows, opts.shouldStop ?? (() => false));
  } catch (err) {
    await deps.db
      .update(bulkChecks)
      .set({ status: "failed", error: "bulk:errors.run_failed", finishedAt: deps.now(), mapping: sql`${bulkChecks.mapping} - 'records'` })
      .where(eq(bulkChecks.id, job.id));
    throw err;
  }
}

async function run(deps: ServiceDeps, job: { id: string; user_id: string; operation_id: string | null; processed_rows: number; total_rows: number }, batchRows: number, shouldStop: () => boolean) {
  const [m] = await deps.db.select({ mapping: bulkChecks.mapping }).from(bulkChecks).where(eq(bulkChecks.id, job.id));
  const mapping = m!.mapping as unknown as BulkMapping;
  const records = mapping.records ?? [];
  const header = mapping.hasHeader ? (records[0] ?? []) : null;
  const data = mapping.hasHeader ? records.slice(1) : records;
  const columns = Object.entries(mapping.columns ?? {}).map(([c, kind]) => ({ index: Number(c), kind: kind as BulkKind, name: header?.[Number(c)]?.trim() || `#${Number(c) + 1}` }));
  const user = await loadCurrentUser(deps.db, job.user_id);
  const secret = deconflictionSecret(deps.config);
  const defaultCountry =
    mapping.defaultCountry ?? (job.operation_id ? await operationCountry(deps.db, job.operation_id) : undefined) ?? (user ? await agencyCountry(deps.db, user.agencyId) : undefined);
  const kinds = [...new Set(columns.map((c) => c.kind))].sort();
  const answered = new Set<string>();

  let processed = job.processed_rows;
  while (processed < data.length) {
    if (shouldStop()) return { id: job.id, status: "running" as const };
    const slice = data.slice(processed, processed + batchRows);
    const entries: RowEntry[] = [];
    const pending: { rowNumber: number; column: string; kind: string; value: string; display: string; keys: IndexKey[] }[] = [];
    for (const [i, record] of slice.entries()) {
      // the row number as a spreadsheet shows it: the header is row 1
      const rowNumber = processed + i + 1 + (mapping.hasHeader ? 1 : 0);
      for (const col of columns) {
        const cell = (record[col.index] ?? "").trim();
        if (cell === "") continue;
        if (cell.length > MAX_CELL_LENGTH) {
          entries.push({ bulkCheckId: job.id, rowNumber, column: col.name, kind: col.kind, value: cell.slice(0, MAX_CELL_LENGTH), outcome: "invalid", detail: { reason: "too_long" } });
          continue;
        }
        const prepared = prepareIdentifier(secret, col.kind, cellInput(col.kind, cell), defaultCountry);
        if (!prepared.ok) entries.push({ bulkCheckId: job.id, rowNumber, column: col.name, kind: col.kind, value: cell, outcome: "invalid", detail: { reason: reasonOf(prepared.fields) } });
        else pending.push({ rowNumber, column: col.name, kind: col.kind, value: cell, display: prepared.value.display, keys: prepared.value.keys });
      }
    }
    // the whole batch in one lookup; no person is checked by file, so the threshold is never reached for
    const matches = await findTargetMatchesMany(
      deps.db,
      pending.map((p) => ({ keys: p.keys, person: null })),
      { excludeOperationId: job.operation_id, personThreshold: 1 },
    );
    for (const [n, p] of pending.entries()) {
      const found = new Map<string, { officerId: string; registeredAt: string }>();
      for (const mt of matches[n]!) found.set(mt.targetId, { officerId: mt.registeredBy, registeredAt: mt.registeredAt.toISOString() });
      if (found.size === 0) continue;
      for (const id of found.keys()) answered.add(id);
      entries.push({ bulkCheckId: job.id, rowNumber: p.rowNumber, column: p.column, kind: p.kind, value: p.value, outcome: "hit", detail: { display: p.display, score: 1, matches: [...found.values()] } });
    }
    entries.sort((a, b) => a.rowNumber - b.rowNumber);
    const hitRows = new Set(entries.filter((e) => e.outcome === "hit").map((e) => e.rowNumber)).size;
    const invalidRows = new Set(entries.filter((e) => e.outcome === "invalid").map((e) => e.rowNumber)).size;
    const next = processed + slice.length;
    const advanced = await deps.db.transaction(async (tx) => {
      // conditional on the progress we started from: a process that lost the run to another stops here
      const [row] = await tx
        .update(bulkChecks)
        .set({
          processedRows: next,
          hitRows: sql`${bulkChecks.hitRows} + ${hitRows}`,
          invalidRows: sql`${bulkChecks.invalidRows} + ${invalidRows}`,
          startedAt: deps.now(),
        })
        .where(and(eq(bulkChecks.id, job.id), eq(bulkChecks.status, "running"), eq(bulkChecks.processedRows, processed)))
        .returning({ id: bulkChecks.id });
      if (!row) return false;
      for (let i = 0; i < entries.length; i += 500) await tx.insert(bulkCheckRows).values(entries.slice(i, i + 500));
      return true;
    });
    if (!advanced) return { id: job.id, status: "taken_over" as const };
    processed = next;
  }
  return finish(deps, job, user ? actorFor(user, null) : systemActor("bulk-check"), kinds, answered);
}

async function finish(deps: ServiceDeps, job: { id: string; operation_id: string | null }, actor: ReturnType<typeof systemActor>, kinds: string[], answered: Set<string>) {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    // the file is not kept beyond the run
    const [row] = await tx
      .update(bulkChecks)
      .set({ status: "done", finishedAt: now, mapping: sql`${bulkChecks.mapping} - 'records'` })
      .where(and(eq(bulkChecks.id, job.id), eq(bulkChecks.status, "running")))
      .returning({ totalRows: bulkChecks.totalRows, hitRows: bulkChecks.hitRows, invalidRows: bulkChecks.invalidRows });
    if (!row) return { id: job.id, status: "taken_over" as const };
    await recordAudit(tx, actor, now, {
      action: "bulk_check.finished",
      targetType: "bulk_check",
      targetId: job.id,
      operationId: job.operation_id,
      // which registrations answered (ids, as for single checks), never the values checked
      details: { rows: row.totalRows, hitRows: row.hitRows, invalidRows: row.invalidRows, kinds, matchedTargetIds: [...answered].sort().slice(0, 1000) },
    });
    return { id: job.id, status: "done" as const };
  });
}

/** Uploads never mapped are dropped after a day: the file must not linger. */
export async function dropAbandonedBulkUploads(db: DbOrTx, now: Date) {
  await db.execute(sql`delete from bulk_checks where status = 'queued' and total_rows = 0 and created_at < ${new Date(now.getTime() - 24 * 3_600_000).toISOString()}::timestamptz`);
}
