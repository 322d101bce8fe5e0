import { randomUUID } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import type { Actor } from "../context";
import type { AuditAction, AuditOutcome } from "../vocabulary";
import { GENESIS_HASH, chainBodyParts } from "./chain";

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
 * A top-level `details` value that only the database knows yet: an integer the audit
 * insert reads with `expr`, a scalar subquery over a row an earlier statement of the same
 * transaction wrote (e.g. the seq a message insert sent just before was given). The row's
 * details and hash come out exactly as if the number had been passed in.
 */
export class AuditSqlInteger {
  constructor(readonly expr: SQL) {}
}

/**
 * A value written into the statement's text instead of sent as a parameter. postgres.js
 * sends a statement with parameters in two round trips (it asks the server for their types
 * first) and holds back the statements after it meanwhile; one without parameters goes in
 * one, pipelined with the others. That matters under the chain's lock, and nowhere else.
 * Strings become E'…' literals (backslash and quote escaped, whatever
 * standard_conforming_strings says); a NUL character, which PostgreSQL text cannot hold
 * and which would cut the statement short, is refused.
 */
export function literal(value: string | number | null): SQL {
  if (value === null) return sql.raw("NULL");
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError("not a finite number");
    return sql.raw(String(value));
  }
  if (value.includes("\0")) throw new RangeError("a NUL character cannot be stored");
  return sql.raw(`E'${value.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`);
}

/** `text` as SQL, each hole's JSON token replaced by the hole's integer. */
function spliced(text: string, holes: { token: string; expr: SQL }[]): SQL {
  let parts: (string | SQL)[] = [text];
  for (const h of holes) {
    parts = parts.flatMap((p) => {
      if (typeof p !== "string") return [p];
      const pieces = p.split(h.token);
      return pieces.flatMap((piece, i) => (i === 0 ? [piece] : [sql`(${h.expr})::bigint::text`, piece]));
    });
  }
  return sql`(${sql.join(
    parts.map((p) => (typeof p === "string" ? sql`${literal(p)}::text` : p)),
    sql` || `,
  )})`;
}

/**
 * Appends one row to the hash-chained audit log. Call it with the transaction of
 * the change it records, so both commit or neither does.
 *
 * Writers are serialised by a transaction-level advisory lock, so every row chains to
 * the one committed just before it, across processes. Two statements without parameters
 * (see `literal`), sent together (pipelined: one round trip): the lock, then one insert that takes the next id, reads
 * the last row's hash and finishes this row's hash (sha256 over the same canonical body
 * `chainHash` builds, cut around the id). The insert is a statement of its own on
 * purpose: under READ COMMITTED its snapshot is taken when it starts, i.e. after the lock
 * was granted, so it sees the row the previous holder committed before releasing it.
 * Statements the caller sent before (not awaited) run first, in order: an
 * `AuditSqlInteger` may read what they wrote.
 */
export async function recordAudit(tx: DbOrTx, actor: Actor, now: Date, entry: AuditEntry): Promise<number> {
  const [, inserted] = await Promise.all([tx.execute(AUDIT_LOCK_SQL), tx.execute(auditInsertSql(actor, now, entry))]);
  return Number(rowsOf<{ id: string | number }>(inserted)[0]!.id);
}

/** Takes the chain's lock, held to the end of the transaction. */
export const AUDIT_LOCK_SQL = sql`select pg_advisory_xact_lock(${literal(AUDIT_CHAIN_LOCK)})`;

/**
 * The audit row's insert, without parameters, for a statement of its own after
 * AUDIT_LOCK_SQL in the same transaction (see recordAudit); with `onlyIf`, the row is
 * written only if that condition holds (the change it records was made).
 */
export function auditInsertSql(actor: Actor, now: Date, entry: AuditEntry, onlyIf?: SQL): SQL {
  const row = {
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
  // holes: unique string tokens stand in for the values the database fills in
  const nonce = randomUUID();
  const holes: { token: string; expr: SQL }[] = [];
  for (const [key, value] of Object.entries(row.details)) {
    if (!(value instanceof AuditSqlInteger)) continue;
    const token = `\u0000${nonce}:${holes.length}\u0000`;
    holes.push({ token: JSON.stringify(token), expr: value.expr });
    row.details = { ...row.details, [key]: token };
  }
  const { before, after } = chainBodyParts(row);
  const fill = (text: string) => (holes.length === 0 ? sql`${literal(text)}::text` : spliced(text, holes));
  return sql`
      with next as (select nextval(pg_get_serial_sequence('audit_log', 'id')) as id),
        prev as (select coalesce((select hash from audit_log order by id desc limit 1), ${literal(GENESIS_HASH)}::text) as hash)
      insert into audit_log (id, at, actor_id, actor_label, action, target_type, target_id, operation_id, outcome, ip, details, prev_hash, hash)
      select next.id, ${literal(row.at.toISOString())}::timestamptz, ${literal(row.actorId)}::text, ${literal(row.actorLabel)}::text,
        ${literal(row.action)}::text, ${literal(row.targetType)}::text, ${literal(row.targetId)}::text, ${literal(row.operationId)}::uuid,
        ${literal(row.outcome)}::text, ${literal(row.ip)}::text,
        ${fill(JSON.stringify(row.details))}::jsonb, prev.hash,
        encode(sha256(convert_to(prev.hash || chr(10) || ${fill(before)} || next.id::text || ${fill(after)}, 'UTF8')), 'hex')
      from next, prev
      ${onlyIf ? sql`where ${onlyIf}` : sql``}
      returning id`;
}

/** postgres.js returns an array, PGlite an object with rows: read either. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
