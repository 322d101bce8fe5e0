import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../../db/client";
import { rowsOf } from "../../audit/record-audit";
import type { IndexKey } from "../prepare";

export interface KeyMatch {
  targetId: string;
  operationId: string;
  registeredBy: string;
  registeredAt: Date;
}

export const keyId = (k: Pick<IndexKey, "kind" | "keyType" | "digest">) => `${k.kind}|${k.keyType}|${k.digest}`;

/**
 * The registrations answering any of these exact keys, in one round trip: a
 * bulk check looks up a whole batch of rows at once instead of one query per
 * value. Only registrations without a person profile meet an exact key, as in
 * findTargetMatches (which stays the path for single checks and persons).
 */
export async function findExactMatchesBatch(db: DbOrTx, keys: IndexKey[], opts: { excludeOperationId: string | null }): Promise<Map<string, KeyMatch[]>> {
  const out = new Map<string, KeyMatch[]>();
  const wanted = [...new Set(keys.filter((k) => k.keyType === "exact").map(keyId))];
  if (wanted.length === 0) return out;
  // One text parameter rather than one per key: a batch can exceed PostgreSQL's
  // parameter limit, and both drivers pass text alike. Kinds and hex digests never hold "|" or ",".
  const excluded = opts.excludeOperationId ? sql`and k.operation_id <> ${opts.excludeOperationId}::uuid` : sql``;
  const rows = await db.execute(sql`
    select q.key, t.id as target_id, t.operation_id, t.registered_by, t.created_at
    from unnest(string_to_array(${wanted.join(",")}, ',')) as q(key)
    join target_keys k on k.kind = split_part(q.key, '|', 1) and k.key_type = split_part(q.key, '|', 2) and k.digest = split_part(q.key, '|', 3)
    join targets t on t.id = k.target_id and t.person_profile is null
    where true ${excluded}
    order by t.created_at, t.id`);
  type R = { key: string; target_id: string; operation_id: string; registered_by: string; created_at: string | Date };
  for (const r of rowsOf<R>(rows)) {
    const list = out.get(r.key) ?? [];
    if (!list.some((m) => m.targetId === r.target_id)) list.push({ targetId: r.target_id, operationId: r.operation_id, registeredBy: r.registered_by, registeredAt: new Date(r.created_at) });
    out.set(r.key, list);
  }
  return out;
}
