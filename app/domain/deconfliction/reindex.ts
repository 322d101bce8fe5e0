import { asc, eq, gt, sql } from "drizzle-orm";
import { agencies, operations, targetKeys, targets } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { DomainError, Forbidden } from "../errors";
import { parseInput, z } from "../validation";
import type { IdentifierKind } from "./identifiers/kinds";
import { prepareIdentifier, type IndexKey } from "./prepare";
import { lockRegistrations } from "./record-hits";

export const reindexSchema = z.object({
  batchSize: z.coerce.number().int().min(1).max(10_000).default(1000),
});

export interface ReindexProgress {
  /** targets re-keyed so far (including those that no longer normalise) */
  done: number;
  total: number;
  keys: number;
  failed: number;
}

export interface ReindexResult extends ReindexProgress {
  batches: number;
  /** targets whose stored value the current normalisers refuse: they have no keys now */
  failedTargetIds: string[];
}

// rows per INSERT: 5 parameters a row stays well under PostgreSQL's 65,535
const INSERT_CHUNK = 5_000;
const AUDITED_FAILED_IDS = 100;

/**
 * Rebuilds the blind-matching index (target_keys) from the values each
 * operation keeps (targets.raw), under the configured DECONFLICTION_SECRET and
 * the current normalisers: after the secret is rotated or a normaliser or the
 * person blocking keys change. Batches of targets in id order, each in its own
 * transaction under the registration lock, so a target always has either its
 * old keys or its new ones and a registration never sees a half-written batch.
 * Hits stay as they are: they name targets, not digests. No hits are created:
 * pairs that only the new keys bring together meet at their next registration
 * or check. National formats are read in the country of the operation's lead
 * agency, as at registration.
 */
export async function reindexDeconfliction(
  deps: ServiceDeps,
  { actor, input = {}, onProgress }: { actor: Actor; input?: unknown; onProgress?: (p: ReindexProgress) => void },
): Promise<ReindexResult> {
  if (!(actor.kind === "system" || (actor.kind === "user" && actor.officeRole === "admin"))) throw Forbidden();
  const { batchSize } = parseInput(reindexSchema, input);
  // never the per-process development key: re-keying under a key that dies with the process would orphan every registration
  const secret = deps.config.deconflictionSecret;
  if (!secret) throw new DomainError("conflict", "deconfliction_not_configured");

  const [{ total } = { total: 0 }] = await deps.db.select({ total: sql<number>`count(*)::int` }).from(targets);
  const progress: ReindexProgress = { done: 0, total: Number(total), keys: 0, failed: 0 };
  const failedTargetIds: string[] = [];
  let batches = 0;
  let after: string | null = null;
  onProgress?.({ ...progress });

  for (;;) {
    const last: string | null = await withTransaction(deps, async (tx) => {
      await lockRegistrations(tx);
      const rows = await tx
        .select({ id: targets.id, kind: targets.kind, raw: targets.raw, operationId: targets.operationId, country: agencies.country })
        .from(targets)
        .innerJoin(operations, eq(operations.id, targets.operationId))
        .innerJoin(agencies, eq(agencies.id, operations.leadAgencyId))
        .where(after ? gt(targets.id, after) : undefined)
        .orderBy(asc(targets.id))
        .limit(batchSize);
      if (rows.length === 0) return null;
      const fresh: (IndexKey & { targetId: string; operationId: string })[] = [];
      for (const r of rows) {
        const p = prepareIdentifier(secret, r.kind as IdentifierKind, r.raw, r.country);
        if (!p.ok) {
          progress.failed++;
          failedTargetIds.push(r.id);
          continue;
        }
        for (const k of p.value.keys) fresh.push({ targetId: r.id, operationId: r.operationId, ...k });
      }
      await tx.delete(targetKeys).where(sql`${targetKeys.targetId} = any(string_to_array(${rows.map((r) => r.id).join(",")}, ',')::uuid[])`);
      for (let i = 0; i < fresh.length; i += INSERT_CHUNK) await tx.insert(targetKeys).values(fresh.slice(i, i + INSERT_CHUNK));
      progress.done += rows.length;
      progress.keys += fresh.length;
      return rows[rows.length - 1]!.id;
    });
    if (last === null) break;
    after = last;
    batches++;
    onProgress?.({ ...progress });
  }

  const result: ReindexResult = { ...progress, total: Math.max(progress.total, progress.done), batches, failedTargetIds };
  await withTransaction(deps, async (tx) => {
    await recordAudit(tx, actor, deps.now(), {
      action: "deconfliction.reindexed",
      targetType: "target",
      details: {
        targets: result.done,
        keys: result.keys,
        failed: result.failed,
        failedTargetIds: failedTargetIds.slice(0, AUDITED_FAILED_IDS),
        batches,
        batchSize,
      },
    });
  });
  return result;
}
