import { and, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { targetKeys, targets } from "../../../db/schema/index";
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

/**
 * Registrations of other operations that meet this identifier. Exact kinds meet
 * by digest equality; persons are found by blocking-key digests and then scored
 * on the candidate's stored facts.
 */
export async function findTargetMatches(
  db: DbOrTx,
  prepared: PreparedIdentifier,
  opts: { excludeOperationId: string | null; personThreshold: number },
): Promise<TargetMatch[]> {
  const keyFilter = or(
    ...prepared.keys.map((k) => and(eq(targetKeys.kind, k.kind), eq(targetKeys.keyType, k.keyType), eq(targetKeys.digest, k.digest))),
  );
  const where = opts.excludeOperationId ? and(keyFilter, ne(targetKeys.operationId, opts.excludeOperationId)) : keyFilter;
  const candidateIds = (await db.selectDistinct({ id: targetKeys.targetId }).from(targetKeys).where(where)).map((r) => r.id);
  if (candidateIds.length === 0) return [];
  const rows = await db
    .select({
      id: targets.id,
      operationId: targets.operationId,
      registeredBy: targets.registeredBy,
      createdAt: targets.createdAt,
      person: targets.personProfile,
    })
    .from(targets)
    .where(inArray(targets.id, candidateIds))
    .orderBy(targets.createdAt, sql`${targets.id}`);
  const out: TargetMatch[] = [];
  for (const r of rows) {
    const base = { targetId: r.id, operationId: r.operationId, registeredBy: r.registeredBy, registeredAt: r.createdAt };
    if (prepared.person && r.person) {
      const scored = scorePersons(prepared.person, r.person);
      if (scored.score >= opts.personThreshold) out.push({ ...base, score: scored.score, reasons: scored.reasons });
    } else if (!prepared.person && !r.person) {
      out.push({ ...base, score: 1, reasons: [{ code: "same_identifier" }] });
    }
  }
  return out;
}
