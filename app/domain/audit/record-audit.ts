import { desc, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { auditLog } from "../../../db/schema/index";
import type { Actor } from "../context";
import type { AuditAction, AuditOutcome } from "../vocabulary";
import { GENESIS_HASH, chainHash } from "./chain";

const AUDIT_CHAIN_LOCK = 7_340_022;

export interface AuditEntry {
  action: AuditAction;
  outcome?: AuditOutcome;
  targetType?: string | null;
  targetId?: string | null;
  operationId?: string | null;
  details?: Record<string, unknown>;
  /** Overrides the actor's IP (e.g. a failed sign-in has no actor yet). */
  ip?: string | null;
}

/**
 * Appends one row to the hash-chained audit log. Call it with the transaction of
 * the change it records, so both commit or neither does.
 */
export async function recordAudit(tx: DbOrTx, actor: Actor, now: Date, entry: AuditEntry): Promise<number> {
  // Serialise writers so every row chains to the one committed just before it.
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const nextId = await tx.execute<{ id: string }>(sql`select nextval(pg_get_serial_sequence('audit_log', 'id')) as id`);
  const id = Number(rowsOf<{ id: string }>(nextId)[0]!.id);
  const row = {
    id,
    at: new Date(Math.floor(now.getTime())),
    actorId: actor.id,
    actorLabel: actor.label,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    operationId: entry.operationId ?? null,
    outcome: entry.outcome ?? "success",
    ip: entry.ip !== undefined ? entry.ip : actor.ip,
    // a call through an API token names the token on every row it writes, whatever the verb
    details: actor.via ? { ...entry.details, via: actor.via.kind, tokenPrefix: actor.via.tokenPrefix } : (entry.details ?? {}),
  };
  await tx.insert(auditLog).values({ ...row, prevHash, hash: chainHash(prevHash, row) });
  return id;
}

/** postgres.js returns an array, PGlite an object with rows: read either. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
