import { eq } from "drizzle-orm";
import { plannedActions, tasks } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Forbidden, NotFound } from "../errors";
import { getOperationForActor, isUuid } from "../operations/access";
import { parseInput, z } from "../validation";
import { findActionConflicts } from "./action-conflicts";
import { lockRegistrations } from "./record-hits";
import { conflictViews, hitsForConflicts } from "./register-planned-action";
import { loadSettings } from "./settings";

const syncSchema = z.object({ taskId: z.string().uuid() });

/**
 * Mirrors a board card of type planned_action into event deconfliction: call it
 * after the card is created or changed. A card that is no longer a planned action
 * cancels its action (kept, for the hits that name it); a moved or rescheduled
 * one is checked again, so new conflicts make new hits.
 */
export async function syncFromTask(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }) {
  const { taskId } = parseInput(syncSchema, input);
  if (!isUuid(taskId)) throw NotFound();
  const [task] = await deps.db.select().from(tasks).where(eq(tasks.id, taskId));
  if (!task) throw NotFound();
  const access = await getOperationForActor(deps.db, task.operationId, actor, deps.now());
  if (access.readOnlyReason) throw Forbidden("read_only");
  const now = deps.now();

  return withTransaction(deps, async (tx, emit) => {
    await lockRegistrations(tx);
    const [existing] = await tx.select().from(plannedActions).where(eq(plannedActions.taskId, taskId));
    const isAction =
      task.type === "planned_action" &&
      task.actionKind !== null &&
      task.placeLatitude !== null &&
      task.placeLongitude !== null &&
      task.placeRadiusM !== null &&
      task.windowStart !== null &&
      task.windowEnd !== null;
    if (!isAction) {
      if (existing && !existing.cancelledAt) {
        await tx.update(plannedActions).set({ cancelledAt: now, updatedAt: now }).where(eq(plannedActions.id, existing.id));
        await recordAudit(tx, actor, now, { action: "action.synced", targetType: "planned_action", targetId: existing.id, operationId: task.operationId, details: { taskId, cancelled: true } });
      }
      return { action: null, conflicts: [], newHitIds: [] as string[] };
    }
    const place = {
      kind: task.actionKind!,
      lat: task.placeLatitude!,
      lon: task.placeLongitude!,
      radiusM: task.placeRadiusM!,
      startsAt: task.windowStart!,
      endsAt: task.windowEnd!,
    };
    let action;
    if (existing) {
      [action] = await tx.update(plannedActions).set({ ...place, cancelledAt: null, updatedAt: now }).where(eq(plannedActions.id, existing.id)).returning();
    } else {
      // the card's author is the point of contact, whoever changed it last
      [action] = await tx
        .insert(plannedActions)
        .values({ operationId: task.operationId, taskId, ...place, registeredBy: task.createdBy ?? actor.id!, createdAt: now, updatedAt: now })
        .returning();
    }
    const settings = await loadSettings(tx);
    const conflicts = await findActionConflicts(tx, place, { excludeOperationId: task.operationId, settings });
    const created = await hitsForConflicts(
      tx,
      emit,
      actor,
      now,
      { actionId: action!.id, operationId: task.operationId, officerId: action!.registeredBy, registeredAt: action!.createdAt, kind: place.kind },
      conflicts,
    );
    await recordAudit(tx, actor, now, {
      action: "action.synced",
      targetType: "planned_action",
      targetId: action!.id,
      operationId: task.operationId,
      details: { taskId, created: !existing, conflicts: conflicts.length, newHits: created.length },
    });
    return { action: { id: action!.id, kind: place.kind }, conflicts: await conflictViews(tx, conflicts), newHitIds: created };
  });
}
