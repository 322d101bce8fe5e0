import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import type { PersonProfile } from "../../../db/schema/deconfliction";
import { rowsOf } from "../audit/record-audit";
import type { Reason } from "./matching/types";
import { scoreCeiling, scorePersons, type PersonScore } from "./matching/score-person";
import type { IndexKey, PreparedIdentifier } from "./prepare";

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

export const keyOf = (k: Pick<IndexKey, "kind" | "keyType" | "digest">) => `${k.kind}|${k.keyType}|${k.digest}`;

/**
 * The matches of many identifiers in one query, whatever their number: every
 * target sharing any of their keys, read with the facts persons are scored on.
 * The answer has one list per identifier, in the order given, each ordered by
 * registration time like a single check's. Single checks, registrations and
 * bulk checks of a file all come here.
 */
export async function findTargetMatchesMany(db: DbOrTx, prepared: Pick<PreparedIdentifier, "keys" | "person">[], opts: MatchOptions): Promise<TargetMatch[][]> {
  const itemsOfKey = new Map<string, number[]>();
  const kinds: string[] = [];
  const keyTypes: string[] = [];
  const digests: string[] = [];
  for (const [i, p] of prepared.entries()) {
    for (const k of p.keys) {
      const key = keyOf(k);
      const list = itemsOfKey.get(key);
      if (!list) {
        itemsOfKey.set(key, [i]);
        kinds.push(k.kind);
        keyTypes.push(k.keyType);
        digests.push(k.digest);
      } else if (list[list.length - 1] !== i) list.push(i);
    }
  }
  if (itemsOfKey.size === 0) return prepared.map(() => []);

  // Three text parameters (kinds, key types, digests, each comma-joined), not one per key:
  // a batch of persons has tens of thousands of keys, beyond PostgreSQL's parameter limit,
  // and both drivers pass text alike. Kinds, key types and hex digests never contain ",".
  const excluded = opts.excludeOperationId ? sql`and k.operation_id <> ${opts.excludeOperationId}::uuid` : sql``;
  type Row = { kind: string; key_type: string; digest: string; id: string; operation_id: string; registered_by: string; created_at: string | Date; person: PersonProfile | string | null };
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select k.kind, k.key_type, k.digest, t.id, t.operation_id, t.registered_by, t.created_at, t.person_profile as person
      from unnest(
        string_to_array(${kinds.join(",")}, ','),
        string_to_array(${keyTypes.join(",")}, ','),
        string_to_array(${digests.join(",")}, ',')) as q(kind, key_type, digest)
      join target_keys k on k.kind = q.kind and k.digest = q.digest and k.key_type = q.key_type
      join targets t on t.id = k.target_id
      where true ${excluded}
      order by t.created_at, t.id`),
  );
  if (rows.length === 0) return prepared.map(() => []);

  // one entry per target, however many keys it answered on, in registration order
  const byId = new Map<string, { id: string; operationId: string; registeredBy: string; registeredAt: Date; person: PersonProfile | null }>();
  const candidatesOf: (Set<string> | undefined)[] = new Array(prepared.length);
  for (const r of rows) {
    if (!byId.has(r.id)) {
      const person = typeof r.person === "string" ? (JSON.parse(r.person) as PersonProfile) : r.person;
      byId.set(r.id, { id: r.id, operationId: r.operation_id, registeredBy: r.registered_by, registeredAt: new Date(r.created_at), person });
    }
    for (const i of itemsOfKey.get(`${r.kind}|${r.key_type}|${r.digest}`) ?? []) (candidatesOf[i] ??= new Set()).add(r.id);
  }
  const rank = new Map([...byId.keys()].map((id, n) => [id, n]));

  return prepared.map((p, i) => {
    const candidates = candidatesOf[i];
    const out: TargetMatch[] = [];
    if (!candidates) return out;
    const mine = [...candidates].sort((a, b) => rank.get(a)! - rank.get(b)!);
    // namesakes registered with the same facts score alike: each profile is scored once
    const scoredProfiles = new Map<string, PersonScore>();
    for (const id of mine) {
      const r = byId.get(id)!;
      const base = { targetId: r.id, operationId: r.operationId, registeredBy: r.registeredBy, registeredAt: r.registeredAt };
      if (p.person && r.person) {
        if (scoreCeiling(p.person, r.person) < opts.personThreshold) continue;
        const profile = JSON.stringify(r.person);
        let scored = scoredProfiles.get(profile);
        if (!scored) {
          scored = scorePersons(p.person, r.person);
          scoredProfiles.set(profile, scored);
        }
        if (scored.score >= opts.personThreshold) out.push({ ...base, score: scored.score, reasons: scored.reasons });
      } else if (!p.person && !r.person) {
        out.push({ ...base, score: 1, reasons: [{ code: "same_identifier" }] });
      }
    }
    return out;
  });
}
