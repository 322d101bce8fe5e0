import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { bulkCheckRows, bulkChecks } from "../../../../db/schema/index";
import { csvLine } from "../../audit/csv";
import { recordAudit } from "../../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../../context";
import { Conflict } from "../../errors";
import { listMyOperations } from "../../operations/list-my-operations";
import { parseInput, z } from "../../validation";
import { agencyCountry, contactsOf, type PointOfContact } from "../contacts";
import { assertMayBulkCheck, awaitingMapping, ownBulkCheck } from "./access";
import { guessKind, type BulkKind } from "./kinds";

export const BULK_PAGE_SIZE = 50;

const view = (r: Awaited<ReturnType<typeof ownBulkCheck>>) => ({
  ...r,
  status: awaitingMapping(r) ? ("mapping" as const) : (r.status as "queued" | "running" | "done" | "failed"),
  createdAt: r.createdAt.toISOString(),
  startedAt: r.startedAt?.toISOString() ?? null,
  finishedAt: r.finishedAt?.toISOString() ?? null,
});
export type BulkCheckView = ReturnType<typeof view>;

/** The actor's own bulk checks, newest first. */
export async function listBulkChecks(deps: ServiceDeps, { actor }: { actor: Actor }) {
  assertMayBulkCheck(actor);
  const rows = await deps.db
    .select({ id: bulkChecks.id })
    .from(bulkChecks)
    .where(eq(bulkChecks.userId, actor.id))
    .orderBy(desc(bulkChecks.createdAt), desc(bulkChecks.id))
    .limit(100);
  const items = [];
  for (const r of rows) items.push(view(await ownBulkCheck(deps.db, actor, r.id)));
  return { items };
}

/** One bulk check; in the mapping step with the first rows and a guess per column. */
export async function getBulkCheck(deps: ServiceDeps, { actor, bulkCheckId }: { actor: Actor; bulkCheckId: string }) {
  assertMayBulkCheck(actor);
  const check = view(await ownBulkCheck(deps.db, actor, bulkCheckId));
  if (check.status !== "mapping") return { check, preview: null };
  const [p] = await deps.db
    .select({
      sample: sql<string[][]>`jsonb_path_query_array(${bulkChecks.mapping}->'records', '$[0 to 5]')`,
      records: sql<number>`jsonb_array_length(${bulkChecks.mapping}->'records')`,
      columnCount: sql<number>`(${bulkChecks.mapping}->>'columnCount')::int`,
      headerGuess: sql<boolean>`(${bulkChecks.mapping}->>'headerGuess')::boolean`,
      delimiter: sql<string>`${bulkChecks.mapping}->>'delimiter'`,
    })
    .from(bulkChecks)
    .where(eq(bulkChecks.id, check.id));
  const sample = (typeof p!.sample === "string" ? JSON.parse(p!.sample) : p!.sample) as string[][];
  const columnCount = Number(p!.columnCount);
  const headerGuess = p!.headerGuess === true || String(p!.headerGuess) === "true";
  const header = headerGuess ? sample[0]! : null;
  const body = headerGuess ? sample.slice(1) : sample;
  const guesses = Array.from({ length: columnCount }, (_, i) => guessKind(header?.[i] ?? null, body.map((r) => r[i] ?? "").slice(0, 5)));
  const ops = await listMyOperations(deps, { actor });
  return {
    check,
    preview: {
      sample,
      records: Number(p!.records),
      columnCount,
      headerGuess,
      delimiter: p!.delimiter,
      guesses: guesses as (BulkKind | "ignore")[],
      operations: ops.map((o) => ({ id: o.id, codeName: o.codeName, country: o.leadAgencyCountry })),
      agencyCountry: (await agencyCountry(deps.db, actor.agencyId)) ?? null,
    },
  };
}

const rowsSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  outcome: z.enum(["all", "hit", "invalid"]).default("all"),
});

export interface BulkRowView {
  rowNumber: number;
  column: string;
  kind: string;
  value: string;
  outcome: "hit" | "invalid";
  reason: string | null;
  display: string | null;
  score: number | null;
  matches: { registeredAt: string; contact: PointOfContact }[];
}

async function rowViews(deps: ServiceDeps, rows: (typeof bulkCheckRows.$inferSelect)[]): Promise<BulkRowView[]> {
  const officerIds = rows.flatMap((r) => ((r.detail.matches as { officerId: string }[] | undefined) ?? []).map((m) => m.officerId));
  const contacts = await contactsOf(deps.db, officerIds);
  return rows.map((r) => {
    const d = r.detail as { reason?: string; display?: string; score?: number; matches?: { officerId: string; registeredAt: string }[] };
    return {
      rowNumber: r.rowNumber,
      column: r.column,
      kind: r.kind,
      value: r.value,
      outcome: r.outcome as "hit" | "invalid",
      reason: d.reason ?? null,
      display: d.display ?? null,
      score: d.score ?? null,
      matches: (d.matches ?? []).filter((m) => contacts.has(m.officerId)).map((m) => ({ registeredAt: m.registeredAt, contact: contacts.get(m.officerId)! })),
    };
  });
}

/** The reported rows (hits and unreadable values) of one's own bulk check, a page at a time. */
export async function listBulkCheckRows(deps: ServiceDeps, { actor, bulkCheckId, input }: { actor: Actor; bulkCheckId: string; input?: unknown }) {
  assertMayBulkCheck(actor);
  const check = await ownBulkCheck(deps.db, actor, bulkCheckId);
  const { page, outcome } = parseInput(rowsSchema, input ?? {});
  const where = outcome === "all" ? eq(bulkCheckRows.bulkCheckId, check.id) : and(eq(bulkCheckRows.bulkCheckId, check.id), eq(bulkCheckRows.outcome, outcome));
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(bulkCheckRows)
      .where(where)
      .orderBy(asc(bulkCheckRows.rowNumber), sql`${bulkCheckRows.outcome} = 'invalid'`, asc(bulkCheckRows.column))
      .limit(BULK_PAGE_SIZE)
      .offset((page - 1) * BULK_PAGE_SIZE),
    deps.db.select({ n: count() }).from(bulkCheckRows).where(where),
  ]);
  return { items: await rowViews(deps, rows), total: Number(total?.n ?? 0), page, pageSize: BULK_PAGE_SIZE, outcome };
}

export const BULK_CSV_HEADER = ["row", "column", "value", "kind", "outcome", "normalised", "score", "reason", "contact_name", "contact_agency", "contact_country", "contact_phone", "contact_email", "registered_at"] as const;

/** The result as CSV (one line per contact of a hit); the download is audited like an export. */
export async function exportBulkCheck(deps: ServiceDeps, { actor, bulkCheckId }: { actor: Actor; bulkCheckId: string }) {
  assertMayBulkCheck(actor);
  const check = await ownBulkCheck(deps.db, actor, bulkCheckId);
  if (check.status !== "done") throw Conflict("bulk_not_done");
  const lines = [`\uFEFF${csvLine([...BULK_CSV_HEADER])}`];
  const all = await deps.db.select().from(bulkCheckRows).where(eq(bulkCheckRows.bulkCheckId, check.id)).orderBy(asc(bulkCheckRows.rowNumber), asc(bulkCheckRows.column));
  for (let i = 0; i < all.length; i += 1000) {
    for (const r of await rowViews(deps, all.slice(i, i + 1000))) {
      const base = [r.rowNumber, r.column, r.value, r.kind, r.outcome, r.display ?? "", r.score ?? "", r.reason ?? ""];
      if (r.matches.length === 0) lines.push(csvLine([...base, "", "", "", "", "", ""]));
      for (const m of r.matches) lines.push(csvLine([...base, m.contact.name, m.contact.agency, m.contact.country, m.contact.phone ?? "", m.contact.email, m.registeredAt]));
    }
  }
  await withTransaction(deps, (tx) =>
    recordAudit(tx, actor, deps.now(), { action: "bulk_check.exported", targetType: "bulk_check", targetId: check.id, operationId: check.operationId, details: { rows: all.length } }),
  );
  const stem = check.filename.replace(/\.[^.]*$/, "").replace(/[^\w.-]+/g, "_").slice(0, 60) || "bulk-check";
  return { csv: `${lines.join("\r\n")}\r\n`, filename: `${stem}-result.csv` };
}
