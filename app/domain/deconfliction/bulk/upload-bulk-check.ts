import { bulkChecks } from "../../../../db/schema/index";
import type { Actor, ServiceDeps } from "../../context";
import { parseInput, z } from "../../validation";
import { assertMayBulkCheck } from "./access";
import { readCsv, type Delimiter } from "./csv";

/** What the mapping step needs until the run; `records` is the file, dropped when the run ends. */
export interface BulkMapping {
  delimiter: Delimiter;
  headerGuess: boolean;
  columnCount: number;
  records?: string[][];
  /** set by the mapping step */
  hasHeader?: boolean;
  columns?: Record<string, string>;
  defaultCountry?: string | null;
}

const uploadSchema = z.object({
  filename: z.string().trim().min(1).max(200),
  bytes: z.instanceof(Uint8Array),
});

/**
 * Reads an uploaded CSV and keeps it for the mapping step. Nothing is checked
 * and nothing is logged yet: the consultation happens (and is audited) when
 * the officer starts the run.
 */
export async function uploadBulkCheck(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }) {
  assertMayBulkCheck(actor);
  const { filename, bytes } = parseInput(uploadSchema, input);
  const csv = readCsv(bytes);
  const mapping: BulkMapping = { delimiter: csv.delimiter, headerGuess: csv.headerGuess, columnCount: csv.columns, records: csv.records };
  const [row] = await deps.db
    .insert(bulkChecks)
    .values({ userId: actor.id, filename: filename.replace(/[\r\n"]/g, "_"), mapping: mapping as unknown as Record<string, unknown>, status: "queued", createdAt: deps.now() })
    .returning({ id: bulkChecks.id });
  return { id: row!.id };
}
