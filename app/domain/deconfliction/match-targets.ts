import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { targets } from "../../../db/schema/index";
import { rowsOf } from "../audit/record-audit";
import type { Reason } from "./matching/types";
import { scorePersons } from "./matching/score-person";
import type { PreparedIdentifier } from "./prepare";

export interface TargetMatch {
  targetId: string;
  operationId: string;
  registeredBy: string;
  registeredAt: Date;
  score: number;
  reasons: (Reason | { code: "same_identifier" })[];
}

export interface MatchOptions {
  excludeOperationId: string | null;
  personThreshold: number;
}

/**
 * Registrations of other operations that meet this identifier. Exact kinds meet
 * by digest equality; persons are found by blocking-key digests and then scored
 * on the candidate's stored facts.
 */
export async function findTargetMatches(db: DbOrTx, prepared: PreparedIdentifier, opts: MatchOptions): Promise<TargetMatch[]> {
  return (await findTargetMatchesMany(db, [prepared], opts))[0]!;
}

const keyOf = (k: { kind: string; keyType: string; digest: string }) => `${k.kind}|${k.keyType}|${k.digest}`;

/**
 * The matches of many identifiers in two queries, whatever their number: one
 * finds every target sharing any of their keys, one reads those targets. The
 * answer has one list per identifier, in the order given, each ordered by
 * registration time like a single check's.
 */
export async function findTargetMatchesMany(db: DbOrTx, prepared: PreparedIdentifier[], opts: MatchOptions): Promise<TargetMatch[][]> {
  const itemsOfKey = new Map<string, number[]>();
  for (const [i, p] of prepared.entries()) {
    for (const k of p.keys) {
      const key = keyOf(k);
      const list = itemsOfKey.get(key);
      if (!list) itemsOfKey.set(key, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  }
  if (itemsOfKey.size === 0) return prepared.map(() => []);

  // One text parameter, not one per key: a batch of persons has tens of thousands of keys,
  // beyond PostgreSQL's parameter limit, and both drivers pass text alike. Kinds, key
  // types and hex digests never contain "|" or ",".
  const wanted = [...itemsOfKey.keys()].join(",");
  const excluded = opts.excludeOperationId ? sql`and k.operation_id <> ${opts.excludeOperationId}::uuid` : sql``;
  const keyRows = rowsOf<{ key: string; target_id: string }>(
    await db.execute(sql`
      select q.key, k.target_id
      from unnest(string_to_array(${wanted}, ',')) as q(key)
      join target_keys k on k.kind = split_part(q.key, '|', 1) and k.digest = split_part(q.key, '|', 3) and k.key_type = split_part(q.key, '|', 2)
      where true ${excluded}`),
  );
  if (keyRows.length === 0) return prepared.map(() => []);

  const candidatesOf = prepared.map(() => new Set<string>());
  for (const r of keyRows) for (const i of itemsOfKey.get(r.key) ?? []) candidatesOf[i]!.add(r.target_id);
  const ids = [...new Set(keyRows.map((r) => r.target_id))];
  const rows = await db
    .select({
      id: targets.id,
      operationId: targets.operationId,
      registeredBy: targets.registeredBy,
      createdAt: targets.createdAt,
      person: targets.personProfile,
    })
    .from(targets)
    .where(sql`${targets.id} = any(string_to_array(${ids.join(",")}, ',')::uuid[])`)
    .orderBy(targets.createdAt, sql`${targets.id}`);

  return prepared.map((p, i) => {
    const candidates = candidatesOf[i]!;
    const out: TargetMatch[] = [];
    if (candidates.size === 0) return out;
    for (const r of rows) {
      if (!candidates.has(r.id)) continue;
      const base = { targetId: r.id, operationId: r.operationId, registeredBy: r.registeredBy, registeredAt: r.createdAt };
      if (p.person && r.person) {
        const scored = scorePersons(p.person, r.person);
        if (scored.score >= opts.personThreshold) out.push({ ...base, score: scored.score, reasons: scored.reasons });
      } else if (!p.person && !r.person) {
        out.push({ ...base, score: 1, reasons: [{ code: "same_identifier" }] });
      }
    }
    return out;
  });
}
