import { sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { hits } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../context";
import type { DomainEvent } from "../events";
import { notify } from "../notifications/notify";

// Registrations are checked one at a time: two officers registering the same
// phone at the same moment would otherwise each miss the other's uncommitted row.
const REGISTRATION_LOCK = 7_340_031;
export async function lockRegistrations(tx: Tx) {
  await tx.execute(sql`select pg_advisory_xact_lock(${REGISTRATION_LOCK})`);
}

export interface Side {
  targetId?: string;
  actionId?: string;
  operationId: string;
  officerId: string;
  registeredAt: Date;
}

export interface NewHit {
  kind: "target" | "event";
  identifierKind?: string;
  actionKinds?: string[];
  score: number;
  reasons: Record<string, unknown>[];
  a: Side;
  b: Side;
}

/**
 * Stores the hits not seen before (the pair index makes a repeat a no-op), tells
 * both officers at once and audits each new hit. Returns the ids of new hits.
 */
export async function recordHits(tx: Tx, emit: (e: DomainEvent) => void, actor: Actor, now: Date, found: NewHit[]): Promise<string[]> {
  const created: string[] = [];
  for (const h of found) {
    const [row] = await tx
      .insert(hits)
      .values({
        kind: h.kind,
        identifierKind: h.identifierKind ?? null,
        actionKinds: h.actionKinds ?? null,
        score: h.score,
        reasons: h.reasons,
        aTargetId: h.a.targetId ?? null,
        aActionId: h.a.actionId ?? null,
        aOperationId: h.a.operationId,
        aOfficerId: h.a.officerId,
        aRegisteredAt: h.a.registeredAt,
        bTargetId: h.b.targetId ?? null,
        bActionId: h.b.actionId ?? null,
        bOperationId: h.b.operationId,
        bOfficerId: h.b.officerId,
        bRegisteredAt: h.b.registeredAt,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: hits.id });
    if (!row) continue;
    created.push(row.id);
    // each officer's notification points into their own operation and names only their own action's kind
    const data = (ownActionKind: string | undefined) => ({
      hitKind: h.kind,
      identifierKind: h.identifierKind ?? null,
      actionKind: ownActionKind ?? null,
      score: Math.round(h.score * 100),
    });
    await notify(tx, emit, actor.id, [
      { userId: h.a.officerId, kind: "deconfliction_hit", operationId: h.a.operationId, subjectType: "hit", subjectId: row.id, data: data(h.actionKinds?.[0]), dedupeKey: `deconfliction_hit:${row.id}` },
      { userId: h.b.officerId, kind: "deconfliction_hit", operationId: h.b.operationId, subjectType: "hit", subjectId: row.id, data: data(h.actionKinds?.[1]), dedupeKey: `deconfliction_hit:${row.id}` },
    ]);
    await recordAudit(tx, actor, now, {
      action: "hit.created",
      targetType: "hit",
      targetId: row.id,
      operationId: h.a.operationId,
      details: { kind: h.kind, identifierKind: h.identifierKind ?? null, score: h.score },
    });
    emit({ name: "deconfliction.hit", payload: { hitId: row.id, userIds: [...new Set([h.a.officerId, h.b.officerId])] } });
  }
  return created;
}
