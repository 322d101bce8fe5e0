import { appendFile, readFile } from "node:fs/promises";
import { desc } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { auditLog } from "../../../db/schema/index";
import { z } from "../validation";

/**
 * The chain alone cannot show that its newest rows were deleted: what is left is
 * still a valid chain. A witness is a copy of the chain's head (the newest row's id
 * and hash) kept outside the database — an append-only file on another volume or
 * machine. Verification then proves every witnessed head is still in the log with
 * the same hash, so cutting the tail, or rewriting the chain from some row on, shows.
 */
export interface WitnessEntry {
  id: number;
  hash: string;
  at: string;
}

const entrySchema = z.object({
  id: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().datetime(),
});

/** The newest row of the log, or null for an empty log. */
export async function readChainHead(db: Db): Promise<{ id: number; hash: string } | null> {
  const [head] = await db.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return head ?? null;
}

export class WitnessFileError extends Error {}

/** Reads a witness file: one JSON object a line. A line that is not one is an error, with its number. */
export async function readWitnessFile(file: string): Promise<WitnessEntry[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new WitnessFileError(`cannot read the witness file ${file}: ${(err as Error).message}`);
  }
  const entries: WitnessEntry[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = null;
    }
    const entry = entrySchema.safeParse(parsed);
    if (!entry.success) throw new WitnessFileError(`the witness file ${file} has an unreadable line ${i + 1}`);
    entries.push(entry.data);
  });
  return entries;
}

/**
 * Appends the chain's current head to the witness file, unless the file's last
 * entry is that head already. Returns what was written, or null.
 */
export async function witnessChainHead(db: Db, file: string, now: Date): Promise<WitnessEntry | null> {
  const head = await readChainHead(db);
  if (!head) return null;
  const entries = await readWitnessFile(file);
  const last = entries[entries.length - 1];
  if (last && last.id === head.id && last.hash === head.hash) return null;
  const entry: WitnessEntry = { id: head.id, hash: head.hash, at: now.toISOString() };
  await appendFile(file, `${JSON.stringify(entry)}\n`, { encoding: "utf8", mode: 0o600 });
  return entry;
}
